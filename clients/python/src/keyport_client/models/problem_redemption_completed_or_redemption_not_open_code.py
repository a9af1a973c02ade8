from enum import StrEnum


class ProblemRedemptionCompletedOrRedemptionNotOpenCode(StrEnum):
    REDEMPTION_COMPLETED = "redemption-completed"
    REDEMPTION_NOT_OPEN = "redemption-not-open"

    def __str__(self) -> str:
        return str(self.value)
