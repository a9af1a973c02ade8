from enum import StrEnum


class KeyOrderRejectedEventType(StrEnum):
    KEY_ORDER_REJECTED = "key_order.rejected"

    def __str__(self) -> str:
        return str(self.value)
