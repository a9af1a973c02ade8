from enum import StrEnum


class ProblemInvalidActivationTokenOrValidationFailedCode(StrEnum):
    INVALID_ACTIVATION_TOKEN = "invalid-activation-token"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
