from enum import StrEnum


class ProblemDelegatedAdminRequiredOrDelegatedRoleRequiredCode(StrEnum):
    DELEGATED_ADMIN_REQUIRED = "delegated-admin-required"
    DELEGATED_ROLE_REQUIRED = "delegated-role-required"

    def __str__(self) -> str:
        return str(self.value)
