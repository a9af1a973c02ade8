from enum import StrEnum


class ProblemLastAdminOrTenantDataDeletedOrUserExistsCode(StrEnum):
    LAST_ADMIN = "last-admin"
    TENANT_DATA_DELETED = "tenant-data-deleted"
    USER_EXISTS = "user-exists"

    def __str__(self) -> str:
        return str(self.value)
