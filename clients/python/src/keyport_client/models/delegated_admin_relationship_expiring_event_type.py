from enum import StrEnum


class DelegatedAdminRelationshipExpiringEventType(StrEnum):
    DELEGATED_ADMIN_RELATIONSHIP_EXPIRING = "delegated_admin_relationship.expiring"

    def __str__(self) -> str:
        return str(self.value)
