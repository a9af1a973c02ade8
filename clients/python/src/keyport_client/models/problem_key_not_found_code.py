from enum import StrEnum


class ProblemKeyNotFoundCode(StrEnum):
    KEY_NOT_FOUND = "key-not-found"

    def __str__(self) -> str:
        return str(self.value)
