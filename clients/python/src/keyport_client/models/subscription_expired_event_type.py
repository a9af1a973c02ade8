from enum import StrEnum


class SubscriptionExpiredEventType(StrEnum):
    SUBSCRIPTION_EXPIRED = "subscription.expired"

    def __str__(self) -> str:
        return str(self.value)
