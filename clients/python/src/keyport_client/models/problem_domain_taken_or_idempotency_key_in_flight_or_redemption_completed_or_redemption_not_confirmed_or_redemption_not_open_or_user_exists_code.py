from enum import StrEnum


class ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionCompletedOrRedemptionNotConfirmedOrRedemptionNotOpenOrUserExistsCode(
    StrEnum
):
    DOMAIN_TAKEN = "domain-taken"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    REDEMPTION_COMPLETED = "redemption-completed"
    REDEMPTION_NOT_CONFIRMED = "redemption-not-confirmed"
    REDEMPTION_NOT_OPEN = "redemption-not-open"
    USER_EXISTS = "user-exists"

    def __str__(self) -> str:
        return str(self.value)
