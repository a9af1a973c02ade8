-- Bulk users (SPEC §11): an import is its rows; any instance's worker claims an import
-- (FOR UPDATE SKIP LOCKED), decides a batch of its pending rows and writes the users with
-- their outcomes in one transaction, so a crash leaves the batch pending for another.

CREATE TABLE user_imports (
    id              UUID PRIMARY KEY,
    tenant_id       UUID NOT NULL REFERENCES tenants (id),
    -- Who submitted it (`operator:…`, `partner:…`, `user:…`): only they read the tokens.
    importer        TEXT NOT NULL,
    rows_total      INTEGER NOT NULL CHECK (rows_total BETWEEN 1 AND 10000),
    created_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    -- Batches that failed in a row (a database error, not a refused row), and when (real
    -- time) a worker may try again: a failing import waits, and never holds up the others.
    failures        INTEGER NOT NULL DEFAULT 0,
    retry_at        TIMESTAMPTZ
);
CREATE INDEX user_imports_waiting_idx ON user_imports (created_at) WHERE completed_at IS NULL;
CREATE INDEX user_imports_tenant_idx ON user_imports (tenant_id);

CREATE TABLE user_import_rows (
    import_id       UUID NOT NULL REFERENCES user_imports (id) ON DELETE CASCADE,
    -- CSV: the line the row starts on (the header is line 1); JSON: its position from 1.
    line            INTEGER NOT NULL,
    email           TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    admin           BOOLEAN NOT NULL,
    license_skus    TEXT[] NOT NULL,
    -- NULL while pending.
    outcome         TEXT CHECK (outcome IN ('created', 'error')),
    code            TEXT,
    detail          TEXT,
    -- The user it created (no reference: the user may be deleted later).
    user_id         UUID,
    -- The created user's activation token, sealed, until the importer has read it once.
    activation_token_sealed BYTEA,
    PRIMARY KEY (import_id, line),
    CONSTRAINT user_import_rows_outcome CHECK (
        (outcome IS NULL AND code IS NULL AND user_id IS NULL)
        OR (outcome = 'created' AND code IS NULL AND user_id IS NOT NULL)
        OR (outcome = 'error' AND code IS NOT NULL AND user_id IS NULL AND activation_token_sealed IS NULL)
    )
);
CREATE INDEX user_import_rows_pending_idx ON user_import_rows (import_id, line) WHERE outcome IS NULL;
