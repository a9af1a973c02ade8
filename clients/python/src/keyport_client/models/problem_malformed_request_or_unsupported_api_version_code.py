from enum import StrEnum


class ProblemMalformedRequestOrUnsupportedApiVersionCode(StrEnum):
    MALFORMED_REQUEST = "malformed-request"
    UNSUPPORTED_API_VERSION = "unsupported-api-version"

    def __str__(self) -> str:
        return str(self.value)
