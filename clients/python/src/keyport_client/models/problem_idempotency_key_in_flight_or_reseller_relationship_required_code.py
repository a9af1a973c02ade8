from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrResellerRelationshipRequiredCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    RESELLER_RELATIONSHIP_REQUIRED = "reseller-relationship-required"

    def __str__(self) -> str:
        return str(self.value)
