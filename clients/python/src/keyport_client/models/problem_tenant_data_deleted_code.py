from enum import StrEnum


class ProblemTenantDataDeletedCode(StrEnum):
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
