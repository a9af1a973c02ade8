from enum import StrEnum


class ProblemNoLicensesAvailableOrSubscriptionInactiveOrTenantDataDeletedCode(StrEnum):
    NO_LICENSES_AVAILABLE = "no-licenses-available"
    SUBSCRIPTION_INACTIVE = "subscription-inactive"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
