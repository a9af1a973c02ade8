from enum import StrEnum


class ProblemUnsupportedApiVersionCode(StrEnum):
    UNSUPPORTED_API_VERSION = "unsupported-api-version"

    def __str__(self) -> str:
        return str(self.value)
