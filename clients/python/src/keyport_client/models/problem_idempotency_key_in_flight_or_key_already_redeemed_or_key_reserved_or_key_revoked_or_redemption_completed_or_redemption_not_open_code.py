from enum import StrEnum


class ProblemIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyReservedOrKeyRevokedOrRedemptionCompletedOrRedemptionNotOpenCode(
    StrEnum
):
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_ALREADY_REDEEMED = "key-already-redeemed"
    KEY_RESERVED = "key-reserved"
    KEY_REVOKED = "key-revoked"
    REDEMPTION_COMPLETED = "redemption-completed"
    REDEMPTION_NOT_OPEN = "redemption-not-open"

    def __str__(self) -> str:
        return str(self.value)
