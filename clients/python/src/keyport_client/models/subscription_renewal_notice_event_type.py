from enum import StrEnum


class SubscriptionRenewalNoticeEventType(StrEnum):
    SUBSCRIPTION_RENEWAL_NOTICE = "subscription.renewal_notice"

    def __str__(self) -> str:
        return str(self.value)
