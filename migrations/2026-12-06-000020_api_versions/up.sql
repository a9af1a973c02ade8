-- Dated API versions (SPEC §14). API clients and webhook endpoints that exist already keep
-- the shapes they were written against (2026-11-24); new ones are given a version when
-- they are made, so the column has no default.
ALTER TABLE api_clients ADD COLUMN api_version text NOT NULL DEFAULT '2026-11-24';
ALTER TABLE api_clients ALTER COLUMN api_version DROP DEFAULT;
ALTER TABLE webhook_endpoints ADD COLUMN api_version text NOT NULL DEFAULT '2026-11-24';
ALTER TABLE webhook_endpoints ALTER COLUMN api_version DROP DEFAULT;
-- Only versions the service speaks: removing one takes a migration that moves its pins.
ALTER TABLE api_clients ADD CONSTRAINT api_clients_api_version_known
    CHECK (api_version IN ('2026-11-24', '2026-12-06'));
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_api_version_known
    CHECK (api_version IN ('2026-11-24', '2026-12-06'));
