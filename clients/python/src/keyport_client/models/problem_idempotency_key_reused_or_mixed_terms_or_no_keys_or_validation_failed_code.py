from enum import StrEnum


class ProblemIdempotencyKeyReusedOrMixedTermsOrNoKeysOrValidationFailedCode(StrEnum):
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused"
    MIXED_TERMS = "mixed-terms"
    NO_KEYS = "no-keys"
    VALIDATION_FAILED = "validation-failed"

    def __str__(self) -> str:
        return str(self.value)
