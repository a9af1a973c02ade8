from enum import StrEnum


class KeyOrderPlacedEventType(StrEnum):
    KEY_ORDER_PLACED = "key_order.placed"

    def __str__(self) -> str:
        return str(self.value)
