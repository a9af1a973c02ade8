from enum import StrEnum


class ResellerRelationshipDeclinedEventType(StrEnum):
    RESELLER_RELATIONSHIP_DECLINED = "reseller_relationship.declined"

    def __str__(self) -> str:
        return str(self.value)
