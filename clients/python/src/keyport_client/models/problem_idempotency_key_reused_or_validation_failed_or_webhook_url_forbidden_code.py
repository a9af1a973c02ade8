from enum import StrEnum


class ProblemIdempotencyKeyReusedOrValidationFailedOrWebhookUrlForbiddenCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    VALIDATION_FAILED = "validation-failed"
    WEBHOOK_URL_FORBIDDEN = "webhook-url-forbidden"

    def __str__(self) -> str:
        return str(self.value)
