DELETE FROM notifications WHERE event IN ('delegated_admin_relationship.expiring',
    'delegated_admin_relationship.expired', 'delegated_admin_relationship.extended');
ALTER TABLE notifications DROP CONSTRAINT notifications_event_known;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'partner_of_record.added', 'partner_of_record.removed'
));
DROP TABLE relationship_notices;
DROP INDEX delegated_admin_relationships_next_event_idx;
ALTER TABLE delegated_admin_relationships
    DROP COLUMN roles, DROP COLUMN auto_extend, DROP COLUMN next_event_at;
ALTER TABLE delegated_admin_offers DROP COLUMN roles, DROP COLUMN auto_extend;
