from enum import StrEnum


class SubscriptionRenewedEventType(StrEnum):
    SUBSCRIPTION_RENEWED = "subscription.renewed"

    def __str__(self) -> str:
        return str(self.value)
