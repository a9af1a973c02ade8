from enum import StrEnum


class ResellerRelationshipEndedEventType(StrEnum):
    RESELLER_RELATIONSHIP_ENDED = "reseller_relationship.ended"

    def __str__(self) -> str:
        return str(self.value)
