ALTER TABLE idempotency_keys ALTER COLUMN status DROP NOT NULL, ALTER COLUMN sealed_body DROP NOT NULL;
ALTER TABLE idempotency_keys ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('in_flight', 'done'));
ALTER TABLE idempotency_keys ALTER COLUMN state DROP DEFAULT;
ALTER TABLE idempotency_keys ADD COLUMN locked_at TIMESTAMPTZ;
UPDATE idempotency_keys SET locked_at = created_at;
ALTER TABLE idempotency_keys ALTER COLUMN locked_at SET NOT NULL;
ALTER TABLE idempotency_keys ADD CHECK ((state = 'done') = (status IS NOT NULL));
