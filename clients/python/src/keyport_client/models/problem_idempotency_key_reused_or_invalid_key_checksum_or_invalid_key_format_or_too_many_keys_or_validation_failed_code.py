from enum import StrEnum


class ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrTooManyKeysOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    INVALID_KEY_CHECKSUM = "invalid-key-checksum"
    INVALID_KEY_FORMAT = "invalid-key-format"
    TOO_MANY_KEYS = "too-many-keys"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
