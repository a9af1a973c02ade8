from enum import StrEnum


class KeysRedeemedEventType(StrEnum):
    KEYS_REDEEMED = "keys.redeemed"

    def __str__(self) -> str:
        return str(self.value)
