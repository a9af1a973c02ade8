ALTER TABLE webhook_endpoints DROP COLUMN api_version;
ALTER TABLE api_clients DROP COLUMN api_version;
