-- A kept response is now written in the transaction of the change it describes, and a
-- request in progress holds a transaction-scoped advisory lock instead of an in-flight row:
-- a crash leaves neither half a change nor a claim to wait out.
DELETE FROM idempotency_keys WHERE state = 'in_flight';
ALTER TABLE idempotency_keys DROP COLUMN state, DROP COLUMN locked_at;
ALTER TABLE idempotency_keys ALTER COLUMN status SET NOT NULL, ALTER COLUMN sealed_body SET NOT NULL;
