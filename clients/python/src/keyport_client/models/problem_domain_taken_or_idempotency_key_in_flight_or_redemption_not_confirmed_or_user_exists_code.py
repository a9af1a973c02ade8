from enum import StrEnum


class ProblemDomainTakenOrIdempotencyKeyInFlightOrRedemptionNotConfirmedOrUserExistsCode(StrEnum):
    DOMAIN_TAKEN = "domain-taken"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    REDEMPTION_NOT_CONFIRMED = "redemption-not-confirmed"
    USER_EXISTS = "user-exists"

    def __str__(self) -> str:
        return str(self.value)
