from enum import StrEnum


class EventType(StrEnum):
    DELEGATED_ADMIN_OFFER_ACCEPTED = "delegated_admin_offer.accepted"
    DELEGATED_ADMIN_OFFER_CREATED = "delegated_admin_offer.created"
    DELEGATED_ADMIN_OFFER_DECLINED = "delegated_admin_offer.declined"
    DELEGATED_ADMIN_OFFER_EXPIRED = "delegated_admin_offer.expired"
    DELEGATED_ADMIN_RELATIONSHIP_EXPIRED = "delegated_admin_relationship.expired"
    DELEGATED_ADMIN_RELATIONSHIP_EXPIRING = "delegated_admin_relationship.expiring"
    DELEGATED_ADMIN_RELATIONSHIP_EXTENDED = "delegated_admin_relationship.extended"
    DELEGATED_ADMIN_RELATIONSHIP_TERMINATED = "delegated_admin_relationship.terminated"
    KEYS_ALLOCATED = "keys.allocated"
    KEYS_REDEEMED = "keys.redeemed"
    KEYS_RETURNED = "keys.returned"
    KEYS_REVOKED = "keys.revoked"
    KEY_ORDER_FULFILLED = "key_order.fulfilled"
    KEY_ORDER_PLACED = "key_order.placed"
    KEY_ORDER_REJECTED = "key_order.rejected"
    PARTNER_OF_RECORD_ADDED = "partner_of_record.added"
    PARTNER_OF_RECORD_REMOVED = "partner_of_record.removed"
    REDEMPTION_COMPLETED = "redemption.completed"
    RESELLER_RELATIONSHIP_ACCEPTED = "reseller_relationship.accepted"
    RESELLER_RELATIONSHIP_DECLINED = "reseller_relationship.declined"
    RESELLER_RELATIONSHIP_ENDED = "reseller_relationship.ended"
    RESELLER_RELATIONSHIP_INVITED = "reseller_relationship.invited"
    STOCK_LOW = "stock.low"
    SUBSCRIPTION_DELETED = "subscription.deleted"
    SUBSCRIPTION_DISABLED = "subscription.disabled"
    SUBSCRIPTION_EXPIRED = "subscription.expired"
    SUBSCRIPTION_REACTIVATED = "subscription.reactivated"
    SUBSCRIPTION_RENEWAL_NOTICE = "subscription.renewal_notice"
    SUBSCRIPTION_RENEWED = "subscription.renewed"
    SUBSCRIPTION_SUPERSEDED = "subscription.superseded"
    TENANT_CREATED = "tenant.created"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"

    def __str__(self) -> str:
        return str(self.value)
