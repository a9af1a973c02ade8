-- Idempotency keys: the first response to a POST, kept 24 h and replayed for a retry.
CREATE TABLE idempotency_keys (
    scope         TEXT NOT NULL,
    key           TEXT NOT NULL,
    fingerprint   BYTEA NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
    status        INTEGER,
    content_type  TEXT,
    location      TEXT,
    -- The body is sealed (ChaCha20-Poly1305 under a key derived from the pepper): responses
    -- can hold secrets shown once, such as minted keys or activation tokens.
    sealed_body   BYTEA,
    created_at    TIMESTAMPTZ NOT NULL,
    locked_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key),
    CHECK ((state = 'done') = (status IS NOT NULL))
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
