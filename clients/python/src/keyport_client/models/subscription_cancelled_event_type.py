from enum import StrEnum


class SubscriptionCancelledEventType(StrEnum):
    SUBSCRIPTION_CANCELLED = "subscription.cancelled"

    def __str__(self) -> str:
        return str(self.value)
