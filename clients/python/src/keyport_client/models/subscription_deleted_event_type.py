from enum import StrEnum


class SubscriptionDeletedEventType(StrEnum):
    SUBSCRIPTION_DELETED = "subscription.deleted"

    def __str__(self) -> str:
        return str(self.value)
