-- Failure budgets (SPEC §8), shared by every instance: one row per counted subject (sign-ins
-- of a user, a client or a source address; key look-ups or partner numbers of a caller).
-- The subject is a digest, so any input makes a row of the same small size.
CREATE TABLE failure_budgets (
    subject      BYTEA PRIMARY KEY CHECK (octet_length(subject) = 32),
    -- GCRA: the instant at which the subject's budget is whole again. Each counted failure
    -- moves it one share of the window later; it may run at most one window ahead of now.
    refilled_at  TIMESTAMPTZ NOT NULL
);
-- The sweeper forgets subjects whose budget is whole again.
CREATE INDEX failure_budgets_refilled_idx ON failure_budgets (refilled_at);
