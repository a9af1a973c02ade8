DROP INDEX license_assignments_subscription_idx;
DROP TABLE notifications;
DROP TABLE delegated_admin_relationships;
DROP TABLE delegated_admin_offers;
