ALTER TABLE idempotency_keys DROP COLUMN tenant_id, DROP COLUMN access;
ALTER TABLE activation_tokens DROP COLUMN admin;
