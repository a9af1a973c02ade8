from enum import StrEnum


class ProblemLastAdminOrTenantDataDeletedCode(StrEnum):
    LAST_ADMIN = "last-admin"
    TENANT_DATA_DELETED = "tenant-data-deleted"

    def __str__(self) -> str:
        return str(self.value)
