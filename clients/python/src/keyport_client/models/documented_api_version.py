from enum import StrEnum


class DocumentedApiVersion(StrEnum):
    VALUE_0 = "2026-12-06"

    def __str__(self) -> str:
        return str(self.value)
