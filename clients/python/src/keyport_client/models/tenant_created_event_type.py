from enum import StrEnum


class TenantCreatedEventType(StrEnum):
    TENANT_CREATED = "tenant.created"

    def __str__(self) -> str:
        return str(self.value)
