from enum import StrEnum


class DelegatedAdminOfferCreatedEventType(StrEnum):
    DELEGATED_ADMIN_OFFER_CREATED = "delegated_admin_offer.created"

    def __str__(self) -> str:
        return str(self.value)
