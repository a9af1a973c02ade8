from enum import StrEnum


class ProblemRedemptionExpiredCode(StrEnum):
    REDEMPTION_EXPIRED = "redemption-expired"

    def __str__(self) -> str:
        return str(self.value)
