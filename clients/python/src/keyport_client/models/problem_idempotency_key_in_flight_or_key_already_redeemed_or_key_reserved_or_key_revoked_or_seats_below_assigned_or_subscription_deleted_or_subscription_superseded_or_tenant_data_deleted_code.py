from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrSeatsBelowAssignedOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeletedCode(
    StrEnum
):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_ALREADY_REDEEMED = "key-already-redeemed"
    KEY_RESERVED = "key-reserved"
    KEY_REVOKED = "key-revoked"
    SEATS_BELOW_ASSIGNED = "seats-below-assigned"
    SUBSCRIPTION_DELETED = "subscription-deleted"
    SUBSCRIPTION_SUPERSEDED = "subscription-superseded"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
