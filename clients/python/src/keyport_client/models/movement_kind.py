from enum import StrEnum


class MovementKind(StrEnum):
    ALLOCATED = "allocated"
    MINTED = "minted"
    REDEEMED = "redeemed"
    RELEASED = "released"
    RESERVED = "reserved"
    RETURNED = "returned"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
