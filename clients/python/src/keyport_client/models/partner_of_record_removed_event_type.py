from enum import StrEnum


class PartnerOfRecordRemovedEventType(StrEnum):
    PARTNER_OF_RECORD_REMOVED = "partner_of_record.removed"

    def __str__(self) -> str:
        return str(self.value)
