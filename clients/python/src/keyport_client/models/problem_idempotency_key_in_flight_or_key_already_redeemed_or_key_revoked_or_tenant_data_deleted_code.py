from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrTenantDataDeletedCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_ALREADY_REDEEMED = "key-already-redeemed"
    KEY_REVOKED = "key-revoked"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
