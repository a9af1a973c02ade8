from enum import StrEnum


class ProblemPayloadTooLargeCode(StrEnum):
    PAYLOAD_TOO_LARGE = "payload-too-large"

    def __str__(self) -> str:
        return str(self.value)
