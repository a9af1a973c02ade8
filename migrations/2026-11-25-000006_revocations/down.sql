DROP TABLE listening_instances;
DROP TRIGGER users_deleted ON users;
DROP FUNCTION revoke_deleted_user();
DROP TRIGGER api_clients_revoked ON api_clients;
DROP FUNCTION revoke_api_client();
DROP TABLE revocations;
DROP FUNCTION announce_revocation();
