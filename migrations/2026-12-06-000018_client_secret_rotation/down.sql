ALTER TABLE api_clients
    DROP CONSTRAINT api_clients_previous_secret_whole,
    DROP COLUMN previous_secret_expires_at,
    DROP COLUMN previous_secret_digest;
