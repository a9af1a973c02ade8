DROP INDEX license_assignments_subscription_idx;
ALTER TABLE product_keys DROP COLUMN subscription_id;
DROP TABLE notifications;
DROP TABLE delegated_admin_relationships;
DROP TABLE delegated_admin_offers;
