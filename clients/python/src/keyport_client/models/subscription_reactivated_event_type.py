from enum import StrEnum


class SubscriptionReactivatedEventType(StrEnum):
    SUBSCRIPTION_REACTIVATED = "subscription.reactivated"

    def __str__(self) -> str:
        return str(self.value)
