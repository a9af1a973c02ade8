from enum import StrEnum


class ProblemIdempotencyKeyInFlightCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"

    def __str__(self) -> str:
        return str(self.value)
