from enum import StrEnum


class KeyStatus(StrEnum):
    AVAILABLE = "available"
    IN_STOCK = "in_stock"
    REDEEMED = "redeemed"
    RESERVED = "reserved"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
