from enum import StrEnum


class KeysAllocatedEventType(StrEnum):
    KEYS_ALLOCATED = "keys.allocated"

    def __str__(self) -> str:
        return str(self.value)
