from enum import StrEnum


class KeyChannel(StrEnum):
    PARTNER = "partner"
    RETAIL = "retail"

    def __str__(self) -> str:
        return str(self.value)
