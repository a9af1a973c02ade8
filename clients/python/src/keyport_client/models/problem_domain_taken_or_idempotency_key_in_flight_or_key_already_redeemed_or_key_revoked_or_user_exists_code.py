from enum import StrEnum


class ProblemDomainTakenOrIdempotencyKeyInFlightOrKeyAlreadyRedeemedOrKeyRevokedOrUserExistsCode(StrEnum):
    DOMAIN_TAKEN = "domain-taken"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"
    KEY_ALREADY_REDEEMED = "key-already-redeemed"
    KEY_REVOKED = "key-revoked"
    USER_EXISTS = "user-exists"

    def __str__(self) -> str:
        return str(self.value)
