from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrSkuTakenCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    SKU_TAKEN = "sku-taken"

    def __str__(self) -> str:
        return str(self.value)
