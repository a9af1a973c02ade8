-- Webhooks (SPEC §10): endpoints that receive the events of an inbox, and one delivery per
-- event and endpoint, written in the transaction that writes the event.

CREATE TABLE webhook_endpoints (
    id                  UUID PRIMARY KEY,
    -- The inbox whose events it receives: a partner's, a tenant's, or (neither) every one.
    owner_partner_id    UUID REFERENCES partners (id),
    owner_tenant_id     UUID REFERENCES tenants (id),
    url                 TEXT NOT NULL,
    events              TEXT[] NOT NULL,
    description         TEXT,
    enabled             BOOLEAN NOT NULL,
    -- The signing secrets, sealed with a key derived from the pepper; the previous one
    -- keeps signing until previous_secret_expires_at after a rotation.
    secret_sealed       BYTEA NOT NULL,
    previous_secret_sealed BYTEA,
    previous_secret_expires_at TIMESTAMPTZ,
    -- Since when every attempt has failed (NULL while deliveries succeed).
    failing_since       TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT webhook_endpoints_one_owner CHECK (owner_partner_id IS NULL OR owner_tenant_id IS NULL),
    CONSTRAINT webhook_endpoints_events CHECK (cardinality(events) >= 1 AND array_position(events, NULL) IS NULL)
);
CREATE INDEX webhook_endpoints_partner_idx ON webhook_endpoints (owner_partner_id) WHERE owner_partner_id IS NOT NULL;
CREATE INDEX webhook_endpoints_tenant_idx ON webhook_endpoints (owner_tenant_id) WHERE owner_tenant_id IS NOT NULL;

CREATE TABLE webhook_deliveries (
    id                  UUID PRIMARY KEY,
    endpoint_id         UUID NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- The event's id (the notification's, or a ping's own), what receivers dedupe by.
    event_id            UUID NOT NULL,
    event_type          TEXT NOT NULL,
    -- The body as it is sent: {id, type, created_at, data}.
    payload             JSONB NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts            INTEGER NOT NULL,
    next_attempt_at     TIMESTAMPTZ,
    -- A delivery worker holds the delivery until then (real time), so no other sends it.
    leased_until        TIMESTAMPTZ,
    last_attempt_at     TIMESTAMPTZ,
    last_status_code    INTEGER,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);

ALTER TABLE notifications DROP CONSTRAINT notifications_event_known;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'delegated_admin_relationship.expiring',
    'delegated_admin_relationship.expired', 'delegated_admin_relationship.extended',
    'partner_of_record.added', 'partner_of_record.removed', 'webhook_endpoint.disabled'
));
