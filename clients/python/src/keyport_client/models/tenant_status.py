from enum import StrEnum


class TenantStatus(StrEnum):
    ACTIVE = "active"
    DATA_DELETED = "data_deleted"

    def __str__(self) -> str:
        return str(self.value)
