from enum import StrEnum


class DelegatedRole(StrEnum):
    BILLING_ADMINISTRATOR = "billing_administrator"
    DIRECTORY_READER = "directory_reader"
    GLOBAL_ADMINISTRATOR = "global_administrator"
    LICENSE_ADMINISTRATOR = "license_administrator"
    USER_ADMINISTRATOR = "user_administrator"

    def __str__(self) -> str:
        return str(self.value)
