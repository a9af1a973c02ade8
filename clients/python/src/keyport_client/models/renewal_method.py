from enum import StrEnum


class RenewalMethod(StrEnum):
    AUTO = "auto"
    DIRECT_BILLING = "direct_billing"
    PRODUCT_KEY = "product_key"

    def __str__(self) -> str:
        return str(self.value)
