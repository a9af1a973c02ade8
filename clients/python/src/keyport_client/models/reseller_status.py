from enum import StrEnum


class ResellerStatus(StrEnum):
    ACTIVE = "active"
    DECLINED = "declined"
    ENDED = "ended"
    EXPIRED = "expired"
    INVITED = "invited"

    def __str__(self) -> str:
        return str(self.value)
