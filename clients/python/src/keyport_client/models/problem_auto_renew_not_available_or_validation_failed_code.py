from enum import StrEnum


class ProblemAutoRenewNotAvailableOrValidationFailedCode(StrEnum):
    AUTO_RENEW_NOT_AVAILABLE = "auto-renew-not-available"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
