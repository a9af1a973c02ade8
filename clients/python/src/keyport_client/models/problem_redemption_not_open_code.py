from enum import StrEnum


class ProblemRedemptionNotOpenCode(StrEnum):
    REDEMPTION_NOT_OPEN = "redemption-not-open"

    def __str__(self) -> str:
        return str(self.value)
