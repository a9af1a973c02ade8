from enum import StrEnum


class RowOutcome(StrEnum):
    CREATED = "created"
    ERROR = "error"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
