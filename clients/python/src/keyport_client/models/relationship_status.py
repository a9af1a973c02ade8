from enum import StrEnum


class RelationshipStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
