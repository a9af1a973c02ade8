from enum import StrEnum


class ProblemAutoExtendNotAllowedOrIdempotencyKeyReusedOrValidationFailedCode(StrEnum):
    AUTO_EXTEND_NOT_ALLOWED = "auto-extend-not-allowed"
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
