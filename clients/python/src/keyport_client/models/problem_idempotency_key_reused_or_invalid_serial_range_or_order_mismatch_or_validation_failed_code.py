from enum import StrEnum


class ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrOrderMismatchOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    INVALID_SERIAL_RANGE = "invalid-serial-range"
    ORDER_MISMATCH = "order-mismatch"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
