from enum import StrEnum


class ProblemValidationFailedOrWrongPasswordCode(StrEnum):
    VALIDATION_FAILED = "validation-failed"
    WRONG_PASSWORD = "wrong-password"

    def __str__(self) -> str:
        return str(self.value)
