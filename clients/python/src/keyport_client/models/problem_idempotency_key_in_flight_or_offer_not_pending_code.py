from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrOfferNotPendingCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    OFFER_NOT_PENDING = "offer-not-pending"

    def __str__(self) -> str:
        return str(self.value)
