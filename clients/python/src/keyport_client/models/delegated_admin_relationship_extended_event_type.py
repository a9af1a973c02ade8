from enum import StrEnum


class DelegatedAdminRelationshipExtendedEventType(StrEnum):
    DELEGATED_ADMIN_RELATIONSHIP_EXTENDED = "delegated_admin_relationship.extended"

    def __str__(self) -> str:
        return str(self.value)
