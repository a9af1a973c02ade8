from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeysNotReturnableCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEYS_NOT_RETURNABLE = "keys-not-returnable"

    def __str__(self) -> str:
        return str(self.value)
