from enum import StrEnum


class SubscriptionSupersededEventType(StrEnum):
    SUBSCRIPTION_SUPERSEDED = "subscription.superseded"

    def __str__(self) -> str:
        return str(self.value)
