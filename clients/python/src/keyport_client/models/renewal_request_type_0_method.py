from enum import StrEnum


class RenewalRequestType0Method(StrEnum):
    PRODUCT_KEY = "product_key"

    def __str__(self) -> str:
        return str(self.value)
