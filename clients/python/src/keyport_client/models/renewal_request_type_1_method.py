from enum import StrEnum


class RenewalRequestType1Method(StrEnum):
    DIRECT_BILLING = "direct_billing"

    def __str__(self) -> str:
        return str(self.value)
