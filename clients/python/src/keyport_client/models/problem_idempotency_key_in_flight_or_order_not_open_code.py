from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrOrderNotOpenCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    ORDER_NOT_OPEN = "order-not-open"

    def __str__(self) -> str:
        return str(self.value)
