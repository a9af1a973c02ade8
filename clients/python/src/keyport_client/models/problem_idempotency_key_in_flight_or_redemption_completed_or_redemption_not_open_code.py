from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotOpenCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    REDEMPTION_COMPLETED = "redemption-completed"
    REDEMPTION_NOT_OPEN = "redemption-not-open"

    def __str__(self) -> str:
        return str(self.value)
