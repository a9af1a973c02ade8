from enum import StrEnum


class KeyStatus(StrEnum):
    AVAILABLE = "available"
    REDEEMED = "redeemed"
    RESERVED = "reserved"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
