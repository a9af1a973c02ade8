DROP TRIGGER signing_keys_changed ON signing_keys;
DROP FUNCTION announce_signing_keys();
