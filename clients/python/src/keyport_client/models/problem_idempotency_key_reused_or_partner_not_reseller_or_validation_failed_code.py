from enum import StrEnum


class ProblemIdempotencyKeyReusedOrPartnerNotResellerOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    PARTNER_NOT_RESELLER = "partner-not-reseller"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
