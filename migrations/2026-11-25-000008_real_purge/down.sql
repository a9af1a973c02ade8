ALTER TABLE tenants DROP CONSTRAINT tenants_domain_while_active;
UPDATE tenants SET domain = 'deleted-' || replace(id::text, '-', '') WHERE domain IS NULL;
ALTER TABLE tenants ALTER COLUMN domain SET NOT NULL;
