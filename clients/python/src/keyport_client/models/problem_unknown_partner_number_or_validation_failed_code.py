from enum import StrEnum


class ProblemUnknownPartnerNumberOrValidationFailedCode(StrEnum):
    UNKNOWN_PARTNER_NUMBER = "unknown-partner-number"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
