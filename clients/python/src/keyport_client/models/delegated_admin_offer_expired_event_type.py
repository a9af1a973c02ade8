from enum import StrEnum


class DelegatedAdminOfferExpiredEventType(StrEnum):
    DELEGATED_ADMIN_OFFER_EXPIRED = "delegated_admin_offer.expired"

    def __str__(self) -> str:
        return str(self.value)
