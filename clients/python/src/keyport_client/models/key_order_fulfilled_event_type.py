from enum import StrEnum


class KeyOrderFulfilledEventType(StrEnum):
    KEY_ORDER_FULFILLED = "key_order.fulfilled"

    def __str__(self) -> str:
        return str(self.value)
