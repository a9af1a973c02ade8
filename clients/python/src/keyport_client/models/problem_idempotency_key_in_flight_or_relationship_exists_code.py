from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrRelationshipExistsCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    RELATIONSHIP_EXISTS = "relationship-exists"

    def __str__(self) -> str:
        return str(self.value)
