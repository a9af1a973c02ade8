from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedCode(StrEnum):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_ALREADY_REDEEMED = "key-already-redeemed"
    KEY_RESERVED = "key-reserved"

    def __str__(self) -> str:
        return str(self.value)
