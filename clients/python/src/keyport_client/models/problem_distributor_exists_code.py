from enum import StrEnum


class ProblemDistributorExistsCode(StrEnum):
    DISTRIBUTOR_EXISTS = "distributor-exists"

    def __str__(self) -> str:
        return str(self.value)
