-- A client's secret rotates with an overlap: the secret before the last rotation keeps
-- signing in until previous_secret_expires_at (the service's clock), then never again.
ALTER TABLE api_clients
    ADD COLUMN previous_secret_digest bytea,
    ADD COLUMN previous_secret_expires_at timestamptz,
    ADD CONSTRAINT api_clients_previous_secret_whole
        CHECK ((previous_secret_digest IS NULL) = (previous_secret_expires_at IS NULL));
