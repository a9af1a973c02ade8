from enum import StrEnum


class ProblemRelationshipExistsCode(StrEnum):
    RELATIONSHIP_EXISTS = "relationship-exists"

    def __str__(self) -> str:
        return str(self.value)
