from enum import StrEnum


class ProblemRelationshipNotActiveCode(StrEnum):
    RELATIONSHIP_NOT_ACTIVE = "relationship-not-active"

    def __str__(self) -> str:
        return str(self.value)
