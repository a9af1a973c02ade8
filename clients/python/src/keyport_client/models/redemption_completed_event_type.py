from enum import StrEnum


class RedemptionCompletedEventType(StrEnum):
    REDEMPTION_COMPLETED = "redemption.completed"

    def __str__(self) -> str:
        return str(self.value)
