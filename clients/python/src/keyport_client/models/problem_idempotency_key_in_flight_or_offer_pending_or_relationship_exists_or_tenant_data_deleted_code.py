from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrOfferPendingOrRelationshipExistsOrTenantDataDeletedCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    OFFER_PENDING = "offer-pending"
    RELATIONSHIP_EXISTS = "relationship-exists"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
