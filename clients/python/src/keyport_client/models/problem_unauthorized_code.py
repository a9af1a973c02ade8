from enum import StrEnum


class ProblemUnauthorizedCode(StrEnum):
    UNAUTHORIZED = "unauthorized"

    def __str__(self) -> str:
        return str(self.value)
