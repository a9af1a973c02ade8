from enum import StrEnum


class KeysRevokedEventType(StrEnum):
    KEYS_REVOKED = "keys.revoked"

    def __str__(self) -> str:
        return str(self.value)
