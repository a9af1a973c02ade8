from enum import StrEnum


class ProblemKeyNotFoundOrNotFoundCode(StrEnum):
    KEY_NOT_FOUND = "key-not-found"
    NOT_FOUND = "not-found"

    def __str__(self) -> str:
        return str(self.value)
