from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrOfferNotPendingOrRelationshipExistsCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    OFFER_NOT_PENDING = "offer-not-pending"
    RELATIONSHIP_EXISTS = "relationship-exists"

    def __str__(self) -> str:
        return str(self.value)
