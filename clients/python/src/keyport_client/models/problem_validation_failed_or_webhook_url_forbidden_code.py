from enum import StrEnum


class ProblemValidationFailedOrWebhookUrlForbiddenCode(StrEnum):
    VALIDATION_FAILED = "validation-failed"
    WEBHOOK_URL_FORBIDDEN = "webhook-url-forbidden"

    def __str__(self) -> str:
        return str(self.value)
