DROP TABLE renewals;
DROP TABLE subscription_events;
DROP TABLE renewal_notices;
ALTER TABLE tenants DROP COLUMN data_deleted_at;
DROP INDEX subscriptions_next_event_idx;
ALTER TABLE subscriptions DROP COLUMN next_event_at;
DROP TABLE sandbox_clock;
