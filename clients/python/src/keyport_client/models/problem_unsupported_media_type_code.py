from enum import StrEnum


class ProblemUnsupportedMediaTypeCode(StrEnum):
    UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type"

    def __str__(self) -> str:
        return str(self.value)
