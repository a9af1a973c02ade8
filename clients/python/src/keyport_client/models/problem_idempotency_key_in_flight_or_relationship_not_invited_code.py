from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrRelationshipNotInvitedCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    RELATIONSHIP_NOT_INVITED = "relationship-not-invited"

    def __str__(self) -> str:
        return str(self.value)
