from enum import StrEnum


class ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredOrForbiddenCode(StrEnum):
    DELEGATED_ADMIN_REQUIRED = "delegated-admin-required"
    DELEGATED_ROLE_REQUIRED = "delegated-role-required"
    FORBIDDEN = "forbidden"

    def __str__(self) -> str:
        return str(self.value)
