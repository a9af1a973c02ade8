from enum import StrEnum


class ActorRole(StrEnum):
    ANONYMOUS = "anonymous"
    CUSTOMER = "customer"
    DISTRIBUTOR = "distributor"
    OPERATOR = "operator"
    PARTNER = "partner"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
