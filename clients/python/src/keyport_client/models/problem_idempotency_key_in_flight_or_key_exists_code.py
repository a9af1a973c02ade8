from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeyExistsCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_EXISTS = "key-exists"

    def __str__(self) -> str:
        return str(self.value)
