from enum import StrEnum


class SubscriptionDisabledEventType(StrEnum):
    SUBSCRIPTION_DISABLED = "subscription.disabled"

    def __str__(self) -> str:
        return str(self.value)
