-- Retail keys (SPEC §11): batches minted for no partner, redeemed by customers themselves,
-- whose tenants no partner created.
ALTER TABLE key_batches ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE key_batches ADD COLUMN channel TEXT NOT NULL DEFAULT 'partner';
ALTER TABLE key_batches ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE key_batches ADD CONSTRAINT key_batches_channel_known CHECK (channel IN ('partner', 'retail'));
ALTER TABLE key_batches ADD CONSTRAINT key_batches_channel_owner CHECK ((channel = 'partner') = (partner_id IS NOT NULL));
-- A key's channel is its batch's: retail keys have no partner.
ALTER TABLE product_keys ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE tenants ALTER COLUMN created_by_partner_id DROP NOT NULL;
