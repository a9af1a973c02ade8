from enum import StrEnum


class KeysReturnedEventType(StrEnum):
    KEYS_RETURNED = "keys.returned"

    def __str__(self) -> str:
        return str(self.value)
