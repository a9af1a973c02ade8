from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrRedemptionNotOpenCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    REDEMPTION_NOT_OPEN = "redemption-not-open"

    def __str__(self) -> str:
        return str(self.value)
