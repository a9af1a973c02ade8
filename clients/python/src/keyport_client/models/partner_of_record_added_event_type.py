from enum import StrEnum


class PartnerOfRecordAddedEventType(StrEnum):
    PARTNER_OF_RECORD_ADDED = "partner_of_record.added"

    def __str__(self) -> str:
        return str(self.value)
