from enum import StrEnum


class ProblemIdempotencyKeyReusedOrInvalidSerialRangeOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    INVALID_SERIAL_RANGE = "invalid-serial-range"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
