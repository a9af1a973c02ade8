-- The distribution chain (SPEC §13): authorised distributors, reseller relationships,
-- card serials, stock held by a distributor, allocations, orders, returns, revocations, and
-- a custody ledger of every card.

CREATE TABLE distributors (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    authorised  BOOLEAN NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- A distributor's API clients sign in as it.
ALTER TABLE api_clients ADD COLUMN distributor_id UUID REFERENCES distributors (id);
ALTER TABLE api_clients DROP CONSTRAINT api_clients_role_check;
ALTER TABLE api_clients DROP CONSTRAINT api_clients_check;
ALTER TABLE api_clients ADD CONSTRAINT api_clients_role_check CHECK (role IN ('operator', 'partner', 'distributor'));
ALTER TABLE api_clients ADD CONSTRAINT api_clients_check
    CHECK ((role = 'partner') = (partner_id IS NOT NULL) AND (role = 'distributor') = (distributor_id IS NOT NULL));
CREATE INDEX api_clients_distributor_idx ON api_clients (distributor_id, id) WHERE distributor_id IS NOT NULL;

-- Reseller relationships: invited by the distributor, accepted or declined by the partner,
-- ended by either; an invitation expires. At most one invited or active per pair.
CREATE TABLE reseller_relationships (
    id              UUID PRIMARY KEY,
    distributor_id  UUID NOT NULL REFERENCES distributors (id),
    partner_id      UUID NOT NULL REFERENCES partners (id),
    status          TEXT NOT NULL CHECK (status IN ('invited', 'active', 'declined', 'ended', 'expired')),
    created_at      TIMESTAMPTZ NOT NULL,
    -- When the invitation lapses unanswered.
    expires_at      TIMESTAMPTZ NOT NULL,
    since           DATE,
    ended_at        TIMESTAMPTZ,
    CHECK (status NOT IN ('active', 'ended') OR since IS NOT NULL)
);
CREATE UNIQUE INDEX reseller_relationships_live
    ON reseller_relationships (distributor_id, partner_id) WHERE status IN ('invited', 'active');
CREATE INDEX reseller_relationships_partner_idx ON reseller_relationships (partner_id, id);
CREATE INDEX reseller_relationships_distributor_idx ON reseller_relationships (distributor_id, id);
CREATE INDEX reseller_relationships_due_idx ON reseller_relationships (expires_at) WHERE status = 'invited';

-- A partner's free-text reseller becomes the authorised distributor of that name and an
-- active relationship since that date.
INSERT INTO distributors (id, name, authorised, created_at)
    SELECT gen_random_uuid(), name, TRUE, now()
    FROM (SELECT DISTINCT reseller_distributor AS name FROM partners WHERE reseller_distributor IS NOT NULL) named;
INSERT INTO reseller_relationships (id, distributor_id, partner_id, status, created_at, expires_at, since)
    SELECT gen_random_uuid(), d.id, p.id, 'active', p.created_at, p.created_at, p.reseller_since
    FROM partners p JOIN distributors d ON d.name = p.reseller_distributor;
ALTER TABLE partners DROP COLUMN reseller_distributor, DROP COLUMN reseller_since;

-- Batches are numbered (six digits, across the platform), and may be minted to a
-- distributor's stock instead of straight to a partner.
CREATE SEQUENCE key_batch_numbers MINVALUE 1 MAXVALUE 999999;
ALTER TABLE key_batches ADD COLUMN distributor_id UUID REFERENCES distributors (id);
ALTER TABLE key_batches ADD COLUMN number INTEGER;
UPDATE key_batches b SET number = n.n
    FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM key_batches) n WHERE n.id = b.id;
SELECT setval('key_batch_numbers', coalesce((SELECT max(number) FROM key_batches), 0) + 1, FALSE);
ALTER TABLE key_batches ALTER COLUMN number SET NOT NULL;
ALTER TABLE key_batches ADD CONSTRAINT key_batches_number_key UNIQUE (number);
ALTER TABLE key_batches ADD CONSTRAINT key_batches_number_range CHECK (number BETWEEN 1 AND 999999);
ALTER TABLE key_batches DROP CONSTRAINT key_batches_channel_owner;
ALTER TABLE key_batches ADD CONSTRAINT key_batches_channel_owner CHECK (CASE channel
    WHEN 'retail' THEN partner_id IS NULL AND distributor_id IS NULL
    ELSE (partner_id IS NULL) <> (distributor_id IS NULL) END);
CREATE INDEX key_batches_distributor_idx ON key_batches (distributor_id, id) WHERE distributor_id IS NOT NULL;

-- Orders: how a partner buys cards from a distributor.
CREATE TABLE key_orders (
    id              UUID PRIMARY KEY,
    partner_id      UUID NOT NULL REFERENCES partners (id),
    distributor_id  UUID NOT NULL REFERENCES distributors (id),
    product_id      UUID NOT NULL REFERENCES products (id),
    quantity        INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
    allocated       INTEGER NOT NULL CHECK (allocated BETWEEN 0 AND quantity),
    status          TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'rejected', 'cancelled')),
    reference       TEXT,
    reason          TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX key_orders_partner_idx ON key_orders (partner_id, id);
CREATE INDEX key_orders_distributor_idx ON key_orders (distributor_id, id);

-- Allocations: cards a distributor shipped to a partner, in one transaction.
CREATE TABLE allocations (
    id              UUID PRIMARY KEY,
    distributor_id  UUID NOT NULL REFERENCES distributors (id),
    partner_id      UUID NOT NULL REFERENCES partners (id),
    -- The cards' product when they share one.
    product_id      UUID REFERENCES products (id),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    first_serial    BIGINT NOT NULL,
    last_serial     BIGINT NOT NULL,
    order_id        UUID REFERENCES key_orders (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX allocations_distributor_idx ON allocations (distributor_id, id);
CREATE INDEX allocations_partner_idx ON allocations (partner_id, id);

-- Returns: a partner's unused allocated cards back to the distributor's stock.
CREATE TABLE key_returns (
    id              UUID PRIMARY KEY,
    partner_id      UUID NOT NULL REFERENCES partners (id),
    distributor_id  UUID NOT NULL REFERENCES distributors (id),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    reason          TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX key_returns_partner_idx ON key_returns (partner_id, id);
CREATE INDEX key_returns_distributor_idx ON key_returns (distributor_id, id);

-- Every card has a public serial (batch number, then its position in the batch), the
-- distributor it was minted to (if any), and the allocation that brought it to its partner.
ALTER TABLE product_keys ADD COLUMN serial BIGINT;
ALTER TABLE product_keys ADD COLUMN distributor_id UUID REFERENCES distributors (id);
ALTER TABLE product_keys ADD COLUMN allocation_id UUID REFERENCES allocations (id);
UPDATE product_keys k SET serial = b.number::BIGINT * 1000000 + p.position
    FROM (SELECT id, row_number() OVER (PARTITION BY batch_id ORDER BY created_at, id) AS position FROM product_keys) p,
         key_batches b
    WHERE p.id = k.id AND b.id = k.batch_id;
ALTER TABLE product_keys ALTER COLUMN serial SET NOT NULL;
ALTER TABLE product_keys ADD CONSTRAINT product_keys_serial_key UNIQUE (serial);
ALTER TABLE product_keys DROP CONSTRAINT product_keys_status_check;
ALTER TABLE product_keys ADD CONSTRAINT product_keys_status_check
    CHECK (status IN ('in_stock', 'available', 'reserved', 'redeemed', 'revoked'));
-- In stock, a card is its distributor's and no partner's.
ALTER TABLE product_keys ADD CONSTRAINT product_keys_stock_holder
    CHECK (status <> 'in_stock' OR (distributor_id IS NOT NULL AND partner_id IS NULL));
-- Taking stock oldest first, and the stock reports: from indexes, not the table.
CREATE INDEX product_keys_in_stock_idx ON product_keys (distributor_id, product_id, serial) WHERE status = 'in_stock';
CREATE INDEX product_keys_distributor_stock_idx ON product_keys (distributor_id, product_id, status)
    WHERE distributor_id IS NOT NULL;
CREATE INDEX product_keys_partner_stock_idx ON product_keys (partner_id, product_id, status) WHERE partner_id IS NOT NULL;
-- A distributor's cards, listed in keyset pages (`GET /v1/keys`).
CREATE INDEX product_keys_distributor_idx ON product_keys (distributor_id, id) WHERE distributor_id IS NOT NULL;
CREATE INDEX product_keys_allocation_idx ON product_keys (allocation_id) WHERE allocation_id IS NOT NULL;

-- Time-ordered ids (UUIDv7, RFC 9562) for rows made in SQL, so keyset pages follow time:
-- the milliseconds of `at`, its sub-millisecond fraction in the 12 bits of `rand_a`
-- (RFC 9562 §6.2, method 3: two moves of a card a few microseconds apart keep their
-- order), then random bits.
CREATE FUNCTION keyport_uuid_v7(at TIMESTAMPTZ) RETURNS UUID LANGUAGE sql VOLATILE AS $$
    SELECT encode(set_byte(set_byte(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(t.micros / 1000) FROM 3) FROM 1 FOR 6),
        6, 112 + (t.micros % 1000 * 4096 / 1000)::INT / 256), 7, (t.micros % 1000 * 4096 / 1000)::INT % 256), 'hex')::UUID
    FROM (SELECT floor(extract(epoch FROM at) * 1000000)::BIGINT AS micros) t
$$;

-- The custody ledger: every change of a card's holder or status, appended in the
-- transaction of the change. Nothing updates or deletes a movement.
CREATE TABLE key_movements (
    id             UUID PRIMARY KEY,
    key_id         UUID NOT NULL REFERENCES product_keys (id),
    serial         BIGINT NOT NULL,
    kind           TEXT NOT NULL
                   CHECK (kind IN ('minted', 'allocated', 'returned', 'reserved', 'released', 'redeemed', 'revoked')),
    from_kind      TEXT CHECK (from_kind IN ('platform', 'distributor', 'partner', 'redemption', 'tenant')),
    from_id        UUID,
    to_kind        TEXT CHECK (to_kind IN ('platform', 'distributor', 'partner', 'redemption', 'tenant')),
    to_id          UUID,
    allocation_id  UUID REFERENCES allocations (id),
    redemption_id  UUID REFERENCES redemptions (id),
    actor_role     TEXT NOT NULL,
    actor_id       UUID,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX key_movements_key_idx ON key_movements (key_id, at, id);
CREATE FUNCTION key_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'key movements are append-only';
END $$;
CREATE TRIGGER key_movements_no_change BEFORE UPDATE OR DELETE ON key_movements
    FOR EACH ROW EXECUTE FUNCTION key_movements_append_only();
CREATE TRIGGER key_movements_no_truncate BEFORE TRUNCATE ON key_movements
    FOR EACH STATEMENT EXECUTE FUNCTION key_movements_append_only();

-- The ledger of the cards there already: minted to their partner (or to the platform's
-- retail shelf), then reserved, redeemed or revoked as their status says.
INSERT INTO key_movements (id, key_id, serial, kind, from_kind, from_id, to_kind, to_id, actor_role, at)
    SELECT keyport_uuid_v7(created_at), id, serial, 'minted', NULL, NULL,
           CASE WHEN partner_id IS NULL THEN 'platform' ELSE 'partner' END, partner_id, 'system', created_at
    FROM product_keys;
INSERT INTO key_movements (id, key_id, serial, kind, from_kind, from_id, to_kind, to_id, redemption_id, actor_role, at)
    SELECT keyport_uuid_v7(r.created_at), k.id, k.serial, 'reserved', 'partner', k.partner_id, 'redemption', k.redemption_id,
           k.redemption_id, 'system', r.created_at
    FROM product_keys k JOIN redemptions r ON r.id = k.redemption_id
    WHERE k.status = 'reserved';
INSERT INTO key_movements (id, key_id, serial, kind, from_kind, from_id, to_kind, to_id, redemption_id, actor_role, at)
    SELECT keyport_uuid_v7(coalesce(k.redeemed_at, k.created_at)), k.id, k.serial, 'redeemed',
           CASE WHEN k.partner_id IS NULL THEN 'platform' ELSE 'partner' END, k.partner_id,
           'tenant', s.tenant_id, k.redemption_id, 'system', coalesce(k.redeemed_at, k.created_at)
    FROM product_keys k LEFT JOIN subscriptions s ON s.id = k.subscription_id
    WHERE k.status = 'redeemed';
INSERT INTO key_movements (id, key_id, serial, kind, from_kind, from_id, actor_role, at)
    SELECT keyport_uuid_v7(created_at + interval '1 microsecond'), id, serial, 'revoked',
           CASE WHEN partner_id IS NULL THEN 'platform' ELSE 'partner' END, partner_id, 'system',
           created_at + interval '1 microsecond'
    FROM product_keys WHERE status = 'revoked';

-- Low-stock alerts per distributor and product: armed while the stock is at or above the
-- threshold; falling below sends one `stock.low` and disarms it until it rises again.
CREATE TABLE stock_alerts (
    distributor_id  UUID NOT NULL REFERENCES distributors (id),
    product_id      UUID NOT NULL REFERENCES products (id),
    threshold       INTEGER NOT NULL CHECK (threshold BETWEEN 0 AND 1000000),
    armed           BOOLEAN NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (distributor_id, product_id)
);

-- A distributor has an inbox and webhook endpoints as a partner does; the new events name
-- what they are about.
ALTER TABLE notifications ADD COLUMN recipient_distributor_id UUID REFERENCES distributors (id);
ALTER TABLE notifications ADD COLUMN reseller_relationship_id UUID REFERENCES reseller_relationships (id);
ALTER TABLE notifications ADD COLUMN key_order_id UUID REFERENCES key_orders (id);
ALTER TABLE notifications ADD COLUMN allocation_id UUID REFERENCES allocations (id);
ALTER TABLE notifications ADD COLUMN product_id UUID REFERENCES products (id);
ALTER TABLE notifications ADD COLUMN quantity INTEGER;
ALTER TABLE notifications DROP CONSTRAINT notifications_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_one_recipient CHECK (
    (recipient_partner_id IS NOT NULL)::int + (recipient_tenant_id IS NOT NULL)::int
        + (recipient_distributor_id IS NOT NULL)::int = 1);
CREATE UNIQUE INDEX notifications_distributor_event_key
    ON notifications (recipient_distributor_id, event_key) WHERE recipient_distributor_id IS NOT NULL;
CREATE INDEX notifications_distributor_inbox_idx ON notifications (recipient_distributor_id, id)
    WHERE recipient_distributor_id IS NOT NULL;
ALTER TABLE notifications DROP CONSTRAINT notifications_event_known;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'delegated_admin_relationship.expiring',
    'delegated_admin_relationship.expired', 'delegated_admin_relationship.extended',
    'partner_of_record.added', 'partner_of_record.removed', 'webhook_endpoint.disabled',
    'tenant.created', 'redemption.completed',
    'reseller_relationship.invited', 'reseller_relationship.accepted', 'reseller_relationship.declined',
    'reseller_relationship.ended', 'keys.allocated', 'keys.revoked', 'keys.returned', 'keys.redeemed',
    'key_order.placed', 'key_order.fulfilled', 'key_order.rejected', 'stock.low'
));

ALTER TABLE webhook_endpoints ADD COLUMN owner_distributor_id UUID REFERENCES distributors (id);
ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_one_owner;
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_one_owner CHECK (
    (owner_partner_id IS NOT NULL)::int + (owner_tenant_id IS NOT NULL)::int
        + (owner_distributor_id IS NOT NULL)::int <= 1);
CREATE INDEX webhook_endpoints_distributor_idx ON webhook_endpoints (owner_distributor_id)
    WHERE owner_distributor_id IS NOT NULL;

ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_role_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_role_check
    CHECK (actor_role IN ('operator', 'partner', 'distributor', 'customer', 'anonymous', 'system'));
