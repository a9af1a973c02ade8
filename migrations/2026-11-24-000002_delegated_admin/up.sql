-- Delegated administration (offers and relationships) and the notification inboxes.

CREATE TABLE delegated_admin_offers (
    id             UUID PRIMARY KEY,
    partner_id     UUID NOT NULL REFERENCES partners (id),
    tenant_id      UUID NOT NULL REFERENCES tenants (id),
    message        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'revoked', 'expired')),
    duration_days  INTEGER NOT NULL CHECK (duration_days BETWEEN 1 AND 730),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    decided_at     TIMESTAMPTZ
);
-- At most one pending offer from a partner to a tenant.
CREATE UNIQUE INDEX delegated_admin_offers_one_pending
    ON delegated_admin_offers (partner_id, tenant_id) WHERE status = 'pending';
CREATE INDEX delegated_admin_offers_partner_idx ON delegated_admin_offers (partner_id, id);
CREATE INDEX delegated_admin_offers_tenant_idx ON delegated_admin_offers (tenant_id, id);
CREATE INDEX delegated_admin_offers_due_idx ON delegated_admin_offers (expires_at) WHERE status = 'pending';

CREATE TABLE delegated_admin_relationships (
    id             UUID PRIMARY KEY,
    partner_id     UUID NOT NULL REFERENCES partners (id),
    tenant_id      UUID NOT NULL REFERENCES tenants (id),
    offer_id       UUID NOT NULL UNIQUE REFERENCES delegated_admin_offers (id),
    status         TEXT NOT NULL CHECK (status IN ('active', 'expired', 'terminated')),
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    terminated_at  TIMESTAMPTZ,
    CHECK (ends_at > starts_at)
);
-- At most one live relationship between a partner and a tenant.
CREATE UNIQUE INDEX delegated_admin_relationships_one_active
    ON delegated_admin_relationships (partner_id, tenant_id) WHERE status = 'active';
CREATE INDEX delegated_admin_relationships_partner_idx ON delegated_admin_relationships (partner_id, id);
CREATE INDEX delegated_admin_relationships_tenant_idx ON delegated_admin_relationships (tenant_id, id);
CREATE INDEX delegated_admin_relationships_due_idx
    ON delegated_admin_relationships (ends_at) WHERE status = 'active';

-- One row per inbox an event concerns: a partner's or a tenant's. `event_key` names the
-- event itself, so an event reaches each inbox at most once.
CREATE TABLE notifications (
    id                    UUID PRIMARY KEY,
    recipient_partner_id  UUID REFERENCES partners (id),
    recipient_tenant_id   UUID REFERENCES tenants (id),
    event                 TEXT NOT NULL,
    event_key             TEXT NOT NULL,
    tenant_id             UUID REFERENCES tenants (id),
    subscription_id       UUID REFERENCES subscriptions (id),
    offer_id              UUID REFERENCES delegated_admin_offers (id),
    days_before           INTEGER,
    message               TEXT NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    read_at               TIMESTAMPTZ,
    CHECK ((recipient_partner_id IS NULL) <> (recipient_tenant_id IS NULL))
);
CREATE UNIQUE INDEX notifications_partner_event_key
    ON notifications (recipient_partner_id, event_key) WHERE recipient_partner_id IS NOT NULL;
CREATE UNIQUE INDEX notifications_tenant_event_key
    ON notifications (recipient_tenant_id, event_key) WHERE recipient_tenant_id IS NOT NULL;
CREATE INDEX notifications_partner_inbox_idx ON notifications (recipient_partner_id, id)
    WHERE recipient_partner_id IS NOT NULL;
CREATE INDEX notifications_tenant_inbox_idx ON notifications (recipient_tenant_id, id)
    WHERE recipient_tenant_id IS NOT NULL;

-- Which subscription a redeemed key went into (its account, extra seats or a renewal).
ALTER TABLE product_keys ADD COLUMN subscription_id UUID REFERENCES subscriptions (id);
UPDATE product_keys k SET subscription_id = s.id
    FROM redemptions r, subscriptions s
    WHERE k.redemption_id = r.id AND k.status = 'redeemed'
      AND s.tenant_id = r.tenant_id AND s.product_id = k.product_id;
CREATE INDEX product_keys_subscription_idx ON product_keys (subscription_id) WHERE subscription_id IS NOT NULL;

-- Seat checks lock the subscription and count its assignments.
CREATE INDEX license_assignments_subscription_idx ON license_assignments (subscription_id);
