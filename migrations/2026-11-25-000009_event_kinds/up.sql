-- Notification events are a closed set like every other status (see store/mapping.rs).
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'partner_of_record.added', 'partner_of_record.removed'
));
