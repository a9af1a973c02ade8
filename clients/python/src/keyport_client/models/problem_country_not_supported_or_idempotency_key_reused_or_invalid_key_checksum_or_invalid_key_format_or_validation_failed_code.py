from enum import StrEnum


class ProblemCountryNotSupportedOrIdempotencyKeyReusedOrInvalidKeyChecksumOrInvalidKeyFormatOrValidationFailedCode(
    StrEnum
):
    COUNTRY_NOT_SUPPORTED = "country-not-supported"
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    INVALID_KEY_CHECKSUM = "invalid-key-checksum"
    INVALID_KEY_FORMAT = "invalid-key-format"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
