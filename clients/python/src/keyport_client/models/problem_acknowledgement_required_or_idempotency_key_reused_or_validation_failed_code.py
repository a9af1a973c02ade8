from enum import StrEnum


class ProblemAcknowledgementRequiredOrIdempotencyKeyReusedOrValidationFailedCode(StrEnum):
    ACKNOWLEDGEMENT_REQUIRED = "acknowledgement-required"
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
