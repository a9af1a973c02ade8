from enum import StrEnum


class Billing(StrEnum):
    DIRECT = "direct"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
