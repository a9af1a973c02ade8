from enum import StrEnum


class DelegatedAdminOfferAcceptedEventType(StrEnum):
    DELEGATED_ADMIN_OFFER_ACCEPTED = "delegated_admin_offer.accepted"

    def __str__(self) -> str:
        return str(self.value)
