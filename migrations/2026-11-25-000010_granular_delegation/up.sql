-- Granular delegated administration (SPEC §9): roles per offer and relationship, auto-extend,
-- expiry notices and the events of a relationship's end.

ALTER TABLE delegated_admin_offers
    ADD COLUMN roles TEXT[] NOT NULL
        DEFAULT ARRAY['user_administrator', 'license_administrator', 'billing_administrator'],
    ADD COLUMN auto_extend BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE delegated_admin_offers ALTER COLUMN roles DROP DEFAULT, ALTER COLUMN auto_extend DROP DEFAULT;

-- Relationships from before roles keep the full rights they were granted.
ALTER TABLE delegated_admin_relationships
    ADD COLUMN roles TEXT[] NOT NULL DEFAULT ARRAY['global_administrator'],
    ADD COLUMN auto_extend BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN next_event_at TIMESTAMPTZ;
ALTER TABLE delegated_admin_relationships ALTER COLUMN roles DROP DEFAULT, ALTER COLUMN auto_extend DROP DEFAULT;
-- The sweeper looks at every live relationship once and schedules its next look.
UPDATE delegated_admin_relationships SET next_event_at = starts_at WHERE status = 'active';
CREATE INDEX delegated_admin_relationships_next_event_idx
    ON delegated_admin_relationships (next_event_at) WHERE next_event_at IS NOT NULL;

ALTER TABLE delegated_admin_offers ADD CONSTRAINT delegated_admin_offers_roles_known CHECK (
    cardinality(roles) >= 1 AND array_position(roles, NULL) IS NULL
    AND roles <@ ARRAY['directory_reader', 'user_administrator', 'license_administrator',
                       'billing_administrator', 'global_administrator']
);
ALTER TABLE delegated_admin_offers ADD CONSTRAINT delegated_admin_offers_no_global_auto_extend
    CHECK (NOT (auto_extend AND 'global_administrator' = ANY (roles)));
ALTER TABLE delegated_admin_relationships ADD CONSTRAINT delegated_admin_relationships_roles_known CHECK (
    cardinality(roles) >= 1 AND array_position(roles, NULL) IS NULL
    AND roles <@ ARRAY['directory_reader', 'user_administrator', 'license_administrator',
                       'billing_administrator', 'global_administrator']
);
ALTER TABLE delegated_admin_relationships ADD CONSTRAINT delegated_admin_relationships_no_global_auto_extend
    CHECK (NOT (auto_extend AND 'global_administrator' = ANY (roles)));

-- Expiry notices of a relationship's term, recorded before they are announced (as
-- renewal_notices are for subscriptions), so each goes out exactly once.
CREATE TABLE relationship_notices (
    relationship_id  UUID NOT NULL REFERENCES delegated_admin_relationships (id),
    ends_at          TIMESTAMPTZ NOT NULL,
    days_before      INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('sent', 'skipped')),
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (relationship_id, ends_at, days_before)
);

ALTER TABLE notifications DROP CONSTRAINT notifications_event_known;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (
    'subscription.renewal_notice', 'subscription.expired', 'subscription.disabled',
    'subscription.deleted', 'subscription.renewed', 'subscription.reactivated',
    'subscription.superseded', 'delegated_admin_offer.created', 'delegated_admin_offer.accepted',
    'delegated_admin_offer.declined', 'delegated_admin_offer.expired',
    'delegated_admin_relationship.terminated', 'delegated_admin_relationship.expiring',
    'delegated_admin_relationship.expired', 'delegated_admin_relationship.extended',
    'partner_of_record.added', 'partner_of_record.removed'
));
