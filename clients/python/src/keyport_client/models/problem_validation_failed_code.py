from enum import StrEnum


class ProblemValidationFailedCode(StrEnum):
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
