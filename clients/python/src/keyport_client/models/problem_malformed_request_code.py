from enum import StrEnum


class ProblemMalformedRequestCode(StrEnum):
    MALFORMED_REQUEST = "malformed-request"

    def __str__(self) -> str:
        return str(self.value)
