from enum import StrEnum


class DelegatedAdminRelationshipTerminatedEventType(StrEnum):
    DELEGATED_ADMIN_RELATIONSHIP_TERMINATED = "delegated_admin_relationship.terminated"

    def __str__(self) -> str:
        return str(self.value)
