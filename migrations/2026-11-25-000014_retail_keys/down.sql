-- Retail tenants and keys cannot exist without the columns they leave empty.
DELETE FROM product_keys WHERE partner_id IS NULL AND subscription_id IS NULL;
ALTER TABLE tenants ALTER COLUMN created_by_partner_id SET NOT NULL;
ALTER TABLE product_keys ALTER COLUMN partner_id SET NOT NULL;
DELETE FROM key_batches WHERE partner_id IS NULL;
ALTER TABLE key_batches DROP CONSTRAINT key_batches_channel_owner;
ALTER TABLE key_batches DROP CONSTRAINT key_batches_channel_known;
ALTER TABLE key_batches DROP COLUMN channel;
ALTER TABLE key_batches ALTER COLUMN partner_id SET NOT NULL;
