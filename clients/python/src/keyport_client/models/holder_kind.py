from enum import StrEnum


class HolderKind(StrEnum):
    DISTRIBUTOR = "distributor"
    PARTNER = "partner"
    PLATFORM = "platform"
    REDEMPTION = "redemption"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
