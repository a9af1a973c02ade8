from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSubscriptionInactiveOrTenantDataDeletedCode(
    StrEnum
):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_ALREADY_REDEEMED = "key-already-redeemed"
    KEY_RESERVED = "key-reserved"
    KEY_REVOKED = "key-revoked"
    SUBSCRIPTION_INACTIVE = "subscription-inactive"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
