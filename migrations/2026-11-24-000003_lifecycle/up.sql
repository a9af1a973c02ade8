-- Subscription lifecycle: the sandbox clock, renewal notices, lifecycle events, renewals.

-- The sandbox clock's offset from real time, one row shared by every instance.
CREATE TABLE sandbox_clock (
    id              BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    offset_seconds  BIGINT NOT NULL CHECK (offset_seconds >= 0)
);

-- When the sweeper next has something to do for a subscription (a notice, an expiry, …);
-- NULL once nothing is left. The sweeper finds its work by this index alone.
ALTER TABLE subscriptions ADD COLUMN next_event_at TIMESTAMPTZ;
UPDATE subscriptions SET next_event_at = created_at WHERE superseded_by IS NULL;
CREATE INDEX subscriptions_next_event_idx ON subscriptions (next_event_at) WHERE next_event_at IS NOT NULL;

ALTER TABLE tenants ADD COLUMN data_deleted_at TIMESTAMPTZ;

-- One row per (subscription, term, threshold): the notice was sent, or skipped because a
-- nearer one fell due at the same time. The key makes each exactly once.
CREATE TABLE renewal_notices (
    subscription_id  UUID NOT NULL REFERENCES subscriptions (id),
    ends_at          TIMESTAMPTZ NOT NULL,
    days_before      INTEGER NOT NULL CHECK (days_before > 0),
    status           TEXT NOT NULL CHECK (status IN ('sent', 'skipped')),
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, ends_at, days_before)
);

-- expired / disabled / deleted, once per (subscription, term).
CREATE TABLE subscription_events (
    subscription_id  UUID NOT NULL REFERENCES subscriptions (id),
    ends_at          TIMESTAMPTZ NOT NULL,
    event            TEXT NOT NULL CHECK (event IN ('expired', 'disabled', 'deleted')),
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subscription_id, ends_at, event)
);

CREATE TABLE renewals (
    id                   UUID PRIMARY KEY,
    subscription_id      UUID NOT NULL REFERENCES subscriptions (id),
    method               TEXT NOT NULL CHECK (method IN ('product_key', 'direct_billing')),
    previous_ends_at     TIMESTAMPTZ NOT NULL,
    starts_at            TIMESTAMPTZ NOT NULL,
    ends_at              TIMESTAMPTZ NOT NULL,
    seats                INTEGER NOT NULL,
    key_id               UUID REFERENCES product_keys (id),
    new_subscription_id  UUID REFERENCES subscriptions (id),
    forfeited_days       INTEGER,
    reactivated          BOOLEAN NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    CHECK ((method = 'product_key') = (key_id IS NOT NULL)),
    CHECK ((method = 'direct_billing') = (new_subscription_id IS NOT NULL))
);
CREATE INDEX renewals_subscription_idx ON renewals (subscription_id, id);
