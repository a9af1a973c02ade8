from enum import StrEnum


class ResellerRelationshipAcceptedEventType(StrEnum):
    RESELLER_RELATIONSHIP_ACCEPTED = "reseller_relationship.accepted"

    def __str__(self) -> str:
        return str(self.value)
