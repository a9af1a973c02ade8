from enum import StrEnum


class ResellerRelationshipInvitedEventType(StrEnum):
    RESELLER_RELATIONSHIP_INVITED = "reseller_relationship.invited"

    def __str__(self) -> str:
        return str(self.value)
