from enum import StrEnum


class ProblemNotFoundCode(StrEnum):
    NOT_FOUND = "not-found"

    def __str__(self) -> str:
        return str(self.value)
