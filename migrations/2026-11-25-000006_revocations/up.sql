-- Revoked credentials (SPEC §8). Every instance keeps the recent ones in memory and refuses
-- access tokens issued before `revoked_at` to what they name: `client:<client_id>`,
-- `user:<user id>`, `session:<refresh-token family>` or `token:<jti>`. Each row is also sent
-- to every instance at commit as a notification `<subject> <revoked_at in µs>`.
CREATE TABLE revocations (
    seq         BIGSERIAL PRIMARY KEY,
    subject     TEXT NOT NULL CHECK (length(subject) <= 200),
    -- The database's wall clock, which access tokens' `iat` follows.
    revoked_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX revocations_revoked_at_idx ON revocations (revoked_at);

CREATE FUNCTION announce_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('keyport_revocations',
        NEW.subject || ' ' || (extract(epoch FROM NEW.revoked_at) * 1000000)::bigint);
    RETURN NULL;
END $$;
CREATE TRIGGER revocation_announced AFTER INSERT ON revocations
    FOR EACH ROW EXECUTE FUNCTION announce_revocation();

-- A revoked API client and a deleted user are revoked whichever code path changes them.
CREATE FUNCTION revoke_api_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO revocations (subject) VALUES ('client:' || NEW.client_id);
    RETURN NULL;
END $$;
CREATE TRIGGER api_clients_revoked AFTER UPDATE OF revoked_at ON api_clients
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION revoke_api_client();

CREATE FUNCTION revoke_deleted_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO revocations (subject) VALUES ('user:' || OLD.id);
    RETURN NULL;
END $$;
CREATE TRIGGER users_deleted AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION revoke_deleted_user();

-- Instances following revocations, with the last time each said so. An instance that
-- revokes something waits until every instance seen lately has acknowledged it.
CREATE TABLE listening_instances (
    id       UUID PRIMARY KEY,
    seen_at  TIMESTAMPTZ NOT NULL
);
