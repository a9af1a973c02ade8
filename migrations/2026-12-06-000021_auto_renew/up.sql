-- Direct billing renews itself (SPEC §15). `auto_renew` only on direct-billed
-- subscriptions; `term_starts_at` is when the current term began, which opens the 7-day
-- cancellation window (a key renewal's term begins at the old end, not at `starts_at`).
ALTER TABLE subscriptions ADD COLUMN auto_renew boolean NOT NULL DEFAULT false;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_auto_renew_direct CHECK (NOT auto_renew OR billing = 'direct');
ALTER TABLE subscriptions ADD COLUMN term_starts_at timestamptz;
UPDATE subscriptions s SET term_starts_at = COALESCE(
    (SELECT max(r.starts_at) FROM renewals r WHERE r.subscription_id = s.id AND r.method = 'product_key'),
    s.starts_at);
ALTER TABLE subscriptions ALTER COLUMN term_starts_at SET NOT NULL;
-- A key prepays the term it renews: a direct-billed subscription renewed by key is the
-- partner's to bill again (as key renewals now make it).
UPDATE subscriptions s SET billing = 'partner'
    WHERE billing = 'direct'
      AND EXISTS (SELECT 1 FROM renewals r WHERE r.subscription_id = s.id AND r.method = 'product_key');
-- Direct-billed subscriptions still running renew themselves from now on, as new ones do;
-- those already past their end keep ending (nobody asked to be billed for that time).
UPDATE subscriptions SET auto_renew = true
    WHERE billing = 'direct' AND superseded_by IS NULL AND ends_at > now();

ALTER TABLE renewals DROP CONSTRAINT renewals_method_check;
ALTER TABLE renewals ADD CONSTRAINT renewals_method_check
    CHECK (method IN ('product_key', 'direct_billing', 'auto'));

-- Renewal notices say whether the subscription will renew by itself.
ALTER TABLE notifications ADD COLUMN will_renew boolean;
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
    'key_order.placed', 'key_order.fulfilled', 'key_order.rejected', 'stock.low',
    'subscription.cancelled'
));
