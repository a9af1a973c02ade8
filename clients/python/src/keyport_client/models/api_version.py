from enum import StrEnum


class ApiVersion(StrEnum):
    VALUE_0 = "2026-11-24"
    VALUE_1 = "2026-12-06"

    def __str__(self) -> str:
        return str(self.value)
