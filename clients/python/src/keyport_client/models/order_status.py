from enum import StrEnum


class OrderStatus(StrEnum):
    CANCELLED = "cancelled"
    FULFILLED = "fulfilled"
    OPEN = "open"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
