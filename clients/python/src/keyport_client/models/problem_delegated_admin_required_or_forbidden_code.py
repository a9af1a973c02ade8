from enum import StrEnum


class ProblemDelegatedAdminRequiredOrForbiddenCode(StrEnum):
    DELEGATED_ADMIN_REQUIRED = "delegated-admin-required"
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return str(self.value)
