-- Signing keys rotate (`keyport keys rotate`): the newest live key signs, and a key stops
-- verifying at `retired_at`, which may lie ahead (a rotated-out key keeps verifying until
-- the tokens it signed have run out). Every change is announced to every instance, which
-- reloads its keys at once.
CREATE FUNCTION announce_signing_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('keyport_signing_keys', '');
    RETURN NULL;
END $$;
CREATE TRIGGER signing_keys_changed AFTER INSERT OR UPDATE OR DELETE ON signing_keys
    FOR EACH STATEMENT EXECUTE FUNCTION announce_signing_keys();
