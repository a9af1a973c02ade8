-- A purged tenant (SPEC §8) keeps no name and no domain: the domain is free again.
ALTER TABLE tenants ALTER COLUMN domain DROP NOT NULL;
ALTER TABLE tenants ADD CONSTRAINT tenants_domain_while_active CHECK ((status = 'active') = (domain IS NOT NULL));

-- Tenants purged before this migration lose what a purge now removes.
UPDATE notifications SET offer_id = NULL
    WHERE offer_id IN (SELECT o.id FROM delegated_admin_offers o JOIN tenants t ON t.id = o.tenant_id
                       WHERE t.status = 'data_deleted' AND o.status = 'pending');
DELETE FROM delegated_admin_offers
    WHERE status = 'pending' AND tenant_id IN (SELECT id FROM tenants WHERE status = 'data_deleted');
DELETE FROM delegated_admin_relationships
    WHERE tenant_id IN (SELECT id FROM tenants WHERE status = 'data_deleted');
DELETE FROM notifications
    WHERE recipient_tenant_id IN (SELECT id FROM tenants WHERE status = 'data_deleted');
UPDATE tenants SET company_name = '(deleted)', domain = NULL WHERE status = 'data_deleted';
