from enum import StrEnum


class ProblemDistributorExistsOrIdempotencyKeyInFlightCode(StrEnum):
    DISTRIBUTOR_EXISTS = "distributor-exists"
    IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight"

    def __str__(self) -> str:
        return str(self.value)
