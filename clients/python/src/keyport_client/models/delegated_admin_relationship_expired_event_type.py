from enum import StrEnum


class DelegatedAdminRelationshipExpiredEventType(StrEnum):
    DELEGATED_ADMIN_RELATIONSHIP_EXPIRED = "delegated_admin_relationship.expired"

    def __str__(self) -> str:
        return str(self.value)
