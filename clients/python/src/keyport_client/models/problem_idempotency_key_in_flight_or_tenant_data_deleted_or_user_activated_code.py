from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrTenantDataDeletedOrUserActivatedCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    TENANT_DATA_DELETED = "tenant-data-deleted"
    USER_ACTIVATED = "user-activated"

    def __str__(self) -> str:
        return str(self.value)
