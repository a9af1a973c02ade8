from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrTenantDataDeletedCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
