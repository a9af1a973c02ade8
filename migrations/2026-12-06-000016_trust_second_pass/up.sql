-- An activation token remembers whether its user was an administrator when it was issued:
-- it is honoured only while the user's rights are no more than that.
ALTER TABLE activation_tokens ADD COLUMN admin boolean NOT NULL DEFAULT false;
UPDATE activation_tokens t SET admin = u.admin FROM users u WHERE u.id = t.user_id;
ALTER TABLE activation_tokens ALTER COLUMN admin DROP DEFAULT;

-- A kept idempotent answer about a tenant remembers the rights its caller held there, so a
-- replay is handed back only while the caller still holds them.
ALTER TABLE idempotency_keys ADD COLUMN tenant_id uuid, ADD COLUMN access text;
