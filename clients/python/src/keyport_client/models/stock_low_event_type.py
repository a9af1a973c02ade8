from enum import StrEnum


class StockLowEventType(StrEnum):
    STOCK_LOW = "stock.low"

    def __str__(self) -> str:
        return str(self.value)
