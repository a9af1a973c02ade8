from enum import StrEnum


class DelegatedAdminOfferDeclinedEventType(StrEnum):
    DELEGATED_ADMIN_OFFER_DECLINED = "delegated_admin_offer.declined"

    def __str__(self) -> str:
        return str(self.value)
