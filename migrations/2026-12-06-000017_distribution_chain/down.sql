-- Audit records of distributors stay (they cannot be deleted); the old rule holds for new ones.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_role_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_role_check
    CHECK (actor_role IN ('operator', 'partner', 'customer', 'anonymous', 'system')) NOT VALID;

ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_one_owner;
DELETE FROM webhook_endpoints WHERE owner_distributor_id IS NOT NULL;
ALTER TABLE webhook_endpoints DROP COLUMN owner_distributor_id;
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_one_owner
    CHECK (owner_partner_id IS NULL OR owner_tenant_id IS NULL);

DELETE FROM notifications WHERE recipient_distributor_id IS NOT NULL OR event IN (
    'reseller_relationship.invited', 'reseller_relationship.accepted', 'reseller_relationship.declined',
    'reseller_relationship.ended', 'keys.allocated', 'keys.revoked', 'keys.returned', 'keys.redeemed',
    'key_order.placed', 'key_order.fulfilled', 'key_order.rejected', 'stock.low');
ALTER TABLE notifications DROP CONSTRAINT notifications_event_known;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'delegated_admin_relationship.expiring',
    'delegated_admin_relationship.expired', 'delegated_admin_relationship.extended',
    'partner_of_record.added', 'partner_of_record.removed', 'webhook_endpoint.disabled',
    'tenant.created', 'redemption.completed'
));
ALTER TABLE notifications DROP CONSTRAINT notifications_one_recipient;
DROP INDEX notifications_distributor_event_key;
DROP INDEX notifications_distributor_inbox_idx;
ALTER TABLE notifications DROP COLUMN recipient_distributor_id, DROP COLUMN reseller_relationship_id,
    DROP COLUMN key_order_id, DROP COLUMN allocation_id, DROP COLUMN product_id, DROP COLUMN quantity;
ALTER TABLE notifications ADD CONSTRAINT notifications_check
    CHECK ((recipient_partner_id IS NULL) <> (recipient_tenant_id IS NULL));

DROP TABLE stock_alerts;
DROP TABLE key_movements;
DROP FUNCTION key_movements_append_only();
DROP FUNCTION keyport_uuid_v7(TIMESTAMPTZ);

-- Cards in a distributor's stock have no partner to go back to: they leave with the chain.
DELETE FROM redemption_keys WHERE key_id IN (SELECT id FROM product_keys WHERE distributor_id IS NOT NULL AND partner_id IS NULL);
DELETE FROM product_keys WHERE distributor_id IS NOT NULL AND partner_id IS NULL;
DROP INDEX product_keys_in_stock_idx;
DROP INDEX product_keys_distributor_stock_idx;
DROP INDEX product_keys_partner_stock_idx;
DROP INDEX product_keys_allocation_idx;
DROP INDEX product_keys_distributor_idx;
ALTER TABLE product_keys DROP CONSTRAINT product_keys_stock_holder;
ALTER TABLE product_keys DROP CONSTRAINT product_keys_status_check;
ALTER TABLE product_keys ADD CONSTRAINT product_keys_status_check
    CHECK (status IN ('available', 'reserved', 'redeemed', 'revoked'));
ALTER TABLE product_keys DROP COLUMN allocation_id, DROP COLUMN distributor_id, DROP COLUMN serial;

DROP TABLE key_returns;
DROP TABLE allocations;
DROP TABLE key_orders;

-- A batch minted to a distributor keeps its cards with the partners that hold them; the
-- batch itself is the first holder's.
UPDATE key_batches b SET partner_id = (SELECT k.partner_id FROM product_keys k WHERE k.batch_id = b.id AND k.partner_id IS NOT NULL LIMIT 1)
    WHERE b.distributor_id IS NOT NULL;
DELETE FROM key_batches b WHERE b.distributor_id IS NOT NULL AND b.partner_id IS NULL;
ALTER TABLE key_batches DROP CONSTRAINT key_batches_channel_owner;
ALTER TABLE key_batches DROP CONSTRAINT key_batches_number_range;
ALTER TABLE key_batches DROP CONSTRAINT key_batches_number_key;
DROP INDEX key_batches_distributor_idx;
ALTER TABLE key_batches DROP COLUMN number, DROP COLUMN distributor_id;
ALTER TABLE key_batches ADD CONSTRAINT key_batches_channel_owner CHECK ((channel = 'partner') = (partner_id IS NOT NULL));
DROP SEQUENCE key_batch_numbers;

ALTER TABLE partners ADD COLUMN reseller_distributor TEXT, ADD COLUMN reseller_since DATE;
UPDATE partners p SET reseller_distributor = first.name, reseller_since = first.since
    FROM (SELECT DISTINCT ON (r.partner_id) r.partner_id, d.name, r.since
          FROM reseller_relationships r JOIN distributors d ON d.id = r.distributor_id
          WHERE r.status = 'active' ORDER BY r.partner_id, r.since, r.created_at) first
    WHERE first.partner_id = p.id;
ALTER TABLE partners ADD CONSTRAINT partners_check CHECK ((reseller_distributor IS NULL) = (reseller_since IS NULL));
DROP TABLE reseller_relationships;

DELETE FROM api_clients WHERE role = 'distributor';
ALTER TABLE api_clients DROP CONSTRAINT api_clients_check;
ALTER TABLE api_clients DROP CONSTRAINT api_clients_role_check;
DROP INDEX api_clients_distributor_idx;
ALTER TABLE api_clients DROP COLUMN distributor_id;
ALTER TABLE api_clients ADD CONSTRAINT api_clients_role_check CHECK (role IN ('operator', 'partner'));
ALTER TABLE api_clients ADD CONSTRAINT api_clients_check CHECK ((role = 'partner') = (partner_id IS NOT NULL));
DROP TABLE distributors;
