from enum import StrEnum


class ProblemForbiddenCode(StrEnum):
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return str(self.value)
