from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedOrUserExistsCode(
    StrEnum
):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    NO_LICENSES_AVAILABLE = "no-licenses-available"
    SUBSCRIPTION_INACTIVE = "subscription-inactive"
    TENANT_DATA_DELETED = "tenant-data-deleted"
    USER_EXISTS = "user-exists"

    def __str__(self) -> str:
        return str(self.value)
