from enum import StrEnum


class ProblemDistributorNotAuthorisedOrForbiddenCode(StrEnum):
    DISTRIBUTOR_NOT_AUTHORISED = "distributor-not-authorised"
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return str(self.value)
