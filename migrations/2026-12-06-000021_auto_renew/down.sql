DELETE FROM notifications WHERE event = 'subscription.cancelled';
ALTER TABLE notifications DROP CONSTRAINT notifications_event_known;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'delegated_admin_relationship.expiring',
    'delegated_admin_relationship.expired', 'delegated_admin_relationship.extended',
    'partner_of_record.added', 'partner_of_record.removed', 'webhook_endpoint.disabled',
    'tenant.created', 'redemption.completed',
    'reseller_relationship.invited', 'reseller_relationship.accepted', 'reseller_relationship.declined',
    'reseller_relationship.ended', 'keys.allocated', 'keys.revoked', 'keys.returned', 'keys.redeemed',
    'key_order.placed', 'key_order.fulfilled', 'key_order.rejected', 'stock.low'
));
ALTER TABLE notifications DROP COLUMN will_renew;
DELETE FROM renewals WHERE method = 'auto';
ALTER TABLE renewals DROP CONSTRAINT renewals_method_check;
ALTER TABLE renewals ADD CONSTRAINT renewals_method_check CHECK (method IN ('product_key', 'direct_billing'));
ALTER TABLE subscriptions DROP COLUMN term_starts_at;
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_auto_renew_direct;
ALTER TABLE subscriptions DROP COLUMN auto_renew;
