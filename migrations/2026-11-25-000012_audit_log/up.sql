-- The audit log (SPEC §10): one record per successful change, sign-in (either outcome) and
-- sweep, appended in the transaction of the change. Nothing in the service changes or
-- deletes a record, and the table refuses it too.

CREATE TABLE audit_events (
    id              UUID PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    actor_role      TEXT NOT NULL CHECK (actor_role IN ('operator', 'partner', 'customer', 'anonymous', 'system')),
    -- The partner (for a partner's API client) or the user.
    actor_id        UUID,
    -- The API client, or the name presented at a sign-in.
    actor_client_id TEXT,
    action          TEXT NOT NULL,
    target_type     TEXT,
    target_id       TEXT,
    tenant_id       UUID,
    partner_id      UUID,
    request_id      TEXT,
    source_ip       TEXT,
    outcome         TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
    summary         TEXT NOT NULL
);
CREATE INDEX audit_events_tenant_idx ON audit_events (tenant_id, id) WHERE tenant_id IS NOT NULL;
CREATE INDEX audit_events_partner_idx ON audit_events (partner_id, id) WHERE partner_id IS NOT NULL;
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_events_action_idx ON audit_events (action, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: records are never changed or deleted';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
