from enum import StrEnum


class ProblemIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrProductMismatchOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    INVALID_KEY_CHECKSUM = "invalid-key-checksum"
    INVALID_KEY_FORMAT = "invalid-key-format"
    PRODUCT_MISMATCH = "product-mismatch"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
