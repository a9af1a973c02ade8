-- Foundation: secrets, API clients, partners, catalogue, keys, redemptions, tenants,
-- subscriptions, users and the tokens that let them in.

-- Generated-once server secrets (key pepper) shared by every instance on this database.
CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    value       BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Ed25519 signing keys; every key not retired is published in the JWKS.
CREATE TABLE signing_keys (
    kid          TEXT PRIMARY KEY,
    private_der  BYTEA NOT NULL,
    public_key   BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    retired_at   TIMESTAMPTZ
);

CREATE TABLE partners (
    id                    UUID PRIMARY KEY,
    name                  TEXT NOT NULL,
    partner_number        TEXT NOT NULL UNIQUE CHECK (partner_number ~ '^[0-9]{7}$'),
    reseller_distributor  TEXT,
    reseller_since        DATE,
    cloud_essentials      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMPTZ NOT NULL,
    CHECK ((reseller_distributor IS NULL) = (reseller_since IS NULL))
);

-- OAuth clients (client_credentials): the operator's and each partner's integrations.
CREATE TABLE api_clients (
    id             UUID PRIMARY KEY,
    client_id      TEXT NOT NULL UNIQUE,
    secret_digest  BYTEA NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('operator', 'partner')),
    partner_id     UUID REFERENCES partners (id),
    name           TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    revoked_at     TIMESTAMPTZ,
    CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);
CREATE INDEX api_clients_partner_idx ON api_clients (partner_id, id);

CREATE TABLE products (
    id          UUID PRIMARY KEY,
    sku         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE key_batches (
    id             UUID PRIMARY KEY,
    product_id     UUID NOT NULL REFERENCES products (id),
    partner_id     UUID NOT NULL REFERENCES partners (id),
    seats_per_key  INTEGER NOT NULL CHECK (seats_per_key > 0),
    term_months    INTEGER NOT NULL CHECK (term_months > 0),
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    imported       BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX key_batches_partner_idx ON key_batches (partner_id, id);

CREATE TABLE redemptions (
    id                UUID PRIMARY KEY,
    partner_id        UUID NOT NULL REFERENCES partners (id),
    status            TEXT NOT NULL
                      CHECK (status IN ('open', 'confirmed', 'completed', 'expired', 'cancelled')),
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    tenant_id         UUID
);
CREATE INDEX redemptions_partner_idx ON redemptions (partner_id, id);
-- The sweep finds due redemptions by this range alone.
CREATE INDEX redemptions_due_idx ON redemptions (expires_at) WHERE status IN ('open', 'confirmed');

-- A product key exists here only as a keyed digest and its last five characters.
CREATE TABLE product_keys (
    id             UUID PRIMARY KEY,
    digest         BYTEA NOT NULL UNIQUE,
    last_five      TEXT NOT NULL,
    product_id     UUID NOT NULL REFERENCES products (id),
    partner_id     UUID NOT NULL REFERENCES partners (id),
    batch_id       UUID NOT NULL REFERENCES key_batches (id),
    seats          INTEGER NOT NULL CHECK (seats > 0),
    term_months    INTEGER NOT NULL CHECK (term_months > 0),
    status         TEXT NOT NULL CHECK (status IN ('available', 'reserved', 'redeemed', 'revoked')),
    redemption_id  UUID REFERENCES redemptions (id),
    redeemed_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    -- A reserved key is held by exactly one redemption; an available one by none.
    CHECK (status <> 'reserved' OR redemption_id IS NOT NULL),
    CHECK (status <> 'available' OR redemption_id IS NULL)
);
CREATE INDEX product_keys_partner_idx ON product_keys (partner_id, id);
CREATE INDEX product_keys_batch_idx ON product_keys (batch_id, id);
CREATE INDEX product_keys_redemption_idx ON product_keys (redemption_id) WHERE redemption_id IS NOT NULL;

CREATE TABLE redemption_keys (
    id             UUID PRIMARY KEY,
    redemption_id  UUID NOT NULL REFERENCES redemptions (id) ON DELETE CASCADE,
    key_id         UUID NOT NULL REFERENCES product_keys (id),
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (redemption_id, key_id)
);

CREATE TABLE tenants (
    id                     UUID PRIMARY KEY,
    company_name           TEXT NOT NULL,
    country                TEXT NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    domain                 TEXT NOT NULL UNIQUE,
    status                 TEXT NOT NULL CHECK (status IN ('active', 'data_deleted')),
    created_by_partner_id  UUID NOT NULL REFERENCES partners (id),
    created_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX tenants_created_by_idx ON tenants (created_by_partner_id, id);

ALTER TABLE redemptions ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);

CREATE TABLE subscriptions (
    id                          UUID PRIMARY KEY,
    tenant_id                   UUID NOT NULL REFERENCES tenants (id),
    product_id                  UUID NOT NULL REFERENCES products (id),
    seats                       INTEGER NOT NULL CHECK (seats > 0),
    billing                     TEXT NOT NULL CHECK (billing IN ('partner', 'direct')),
    term_months                 INTEGER NOT NULL CHECK (term_months > 0),
    starts_at                   TIMESTAMPTZ NOT NULL,
    ends_at                     TIMESTAMPTZ NOT NULL,
    partner_of_record_id        UUID REFERENCES partners (id),
    superseded_by               UUID REFERENCES subscriptions (id),
    created_at                  TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX subscriptions_tenant_idx ON subscriptions (tenant_id, id);
CREATE INDEX subscriptions_por_idx ON subscriptions (partner_of_record_id, tenant_id)
    WHERE partner_of_record_id IS NOT NULL;
CREATE INDEX subscriptions_ends_at_idx ON subscriptions (ends_at, id);

CREATE TABLE users (
    id             UUID PRIMARY KEY,
    tenant_id      UUID NOT NULL REFERENCES tenants (id),
    email          TEXT NOT NULL,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    admin          BOOLEAN NOT NULL,
    password_hash  TEXT,
    created_at     TIMESTAMPTZ NOT NULL
);
-- E-mail addresses are unique across the service, whatever their case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_tenant_idx ON users (tenant_id, id);

CREATE TABLE license_assignments (
    subscription_id  UUID NOT NULL REFERENCES subscriptions (id),
    user_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, user_id)
);
CREATE INDEX license_assignments_user_idx ON license_assignments (user_id);

CREATE TABLE activation_tokens (
    digest      BYTEA PRIMARY KEY,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX activation_tokens_user_idx ON activation_tokens (user_id);

-- Rotating refresh tokens; a family is one sign-in and every token rotated from it.
CREATE TABLE refresh_tokens (
    digest      BYTEA PRIMARY KEY,
    family_id   UUID NOT NULL,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- The seeded catalogue: Microsoft-365-style business plans.
INSERT INTO products (id, sku, name, created_at) VALUES
    ('01900000-0000-7000-8000-000000000001', 'M365-BUSINESS-BASIC', 'Microsoft 365 Business Basic', '2026-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000002', 'M365-BUSINESS-STANDARD', 'Microsoft 365 Business Standard', '2026-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000003', 'M365-BUSINESS-PREMIUM', 'Microsoft 365 Business Premium', '2026-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000004', 'M365-APPS-FOR-BUSINESS', 'Microsoft 365 Apps for business', '2026-01-01T00:00:00Z'),
    ('01900000-0000-7000-8000-000000000005', 'EXCHANGE-ONLINE-PLAN-1', 'Exchange Online (Plan 1)', '2026-01-01T00:00:00Z');
