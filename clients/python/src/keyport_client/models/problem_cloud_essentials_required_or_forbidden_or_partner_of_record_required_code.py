from enum import StrEnum


class ProblemCloudEssentialsRequiredOrForbiddenOrPartnerOfRecordRequiredCode(StrEnum):
    CLOUD_ESSENTIALS_REQUIRED = "cloud-essentials-required"
    FORBIDDEN = "forbidden"
    PARTNER_OF_RECORD_REQUIRED = "partner-of-record-required"

    def __str__(self) -> str:
        return str(self.value)
