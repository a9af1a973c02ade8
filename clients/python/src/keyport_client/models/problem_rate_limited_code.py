from enum import StrEnum


class ProblemRateLimitedCode(StrEnum):
    RATE_LIMITED = "rate-limited"

    def __str__(self) -> str:
        return str(self.value)
