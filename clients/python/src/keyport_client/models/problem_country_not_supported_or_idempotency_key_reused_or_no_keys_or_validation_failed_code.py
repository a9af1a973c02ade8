from enum import StrEnum


class ProblemCountryNotSupportedOrIdempotencyKeyReusedOrNoKeysOrValidationFailedCode(StrEnum):
    COUNTRY_NOT_SUPPORTED = "country-not-supported"
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    NO_KEYS = "no-keys"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
