from enum import StrEnum


class ProblemCancellationNotAvailableOrCancellationWindowClosedOrIdempotencyKeyInFlightOrSubscriptionDeletedOrSubscriptionSupersededOrTenantDataDeletedCode(
    StrEnum
):
    CANCELLATION_NOT_AVAILABLE = "cancellation-not-available"
    CANCELLATION_WINDOW_CLOSED = "cancellation-window-closed"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    SUBSCRIPTION_DELETED = "subscription-deleted"
    SUBSCRIPTION_SUPERSEDED = "subscription-superseded"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
