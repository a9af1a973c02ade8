from enum import StrEnum


class ProblemSubscriptionDeletedOrSubscriptionInactiveOrSubscriptionSupersededOrTenantDataDeletedCode(StrEnum):
    SUBSCRIPTION_DELETED = "subscription-deleted"
    SUBSCRIPTION_INACTIVE = "subscription-inactive"
    SUBSCRIPTION_SUPERSEDED = "subscription-superseded"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
