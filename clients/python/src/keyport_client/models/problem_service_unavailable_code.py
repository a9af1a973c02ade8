from enum import StrEnum


class ProblemServiceUnavailableCode(StrEnum):
    SERVICE_UNAVAILABLE = "service-unavailable"

    def __str__(self) -> str:
        return str(self.value)
