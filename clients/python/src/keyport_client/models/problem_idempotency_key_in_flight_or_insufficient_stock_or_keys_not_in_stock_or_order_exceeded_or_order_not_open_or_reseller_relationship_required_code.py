from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrInsufficientStockOrKeysNotInStockOrOrderExceededOrOrderNotOpenOrResellerRelationshipRequiredCode(
    StrEnum
):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    INSUFFICIENT_STOCK = "insufficient-stock"
    KEYS_NOT_IN_STOCK = "keys-not-in-stock"
    ORDER_EXCEEDED = "order-exceeded"
    ORDER_NOT_OPEN = "order-not-open"
    RESELLER_RELATIONSHIP_REQUIRED = "reseller-relationship-required"

    def __str__(self) -> str:
        return str(self.value)
