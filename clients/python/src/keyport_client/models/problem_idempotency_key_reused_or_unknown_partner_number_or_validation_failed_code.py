from enum import StrEnum


class ProblemIdempotencyKeyReusedOrUnknownPartnerNumberOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    UNKNOWN_PARTNER_NUMBER = "unknown-partner-number"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
