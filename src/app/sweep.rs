//! The sweep: everything time makes due — expired redemptions and offers, ended
//! relationships, renewal notices and lifecycle events, purges — and the bookkeeping that
//! ages out (kept responses, failure budgets, revocations). Run by the background sweeper,
//! `POST /v1/jobs/sweep` and `keyport sweep`; any number of instances may sweep at once,
//! since work is claimed with `FOR UPDATE SKIP LOCKED`, never remembered in memory.

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{app, auth::Principal, config::Settings, error::Error, state::AppState, store, store::redemptions};

const BATCH: i64 = 500;

/// What one sweep did.
#[derive(Debug, Default, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct SweepReport {
    /// Open or confirmed redemptions whose time ran out; their keys were released.
    pub redemptions_expired: u64,
    /// Delegated-admin offers left pending for 90 days.
    pub offers_expired: u64,
    /// Reseller invitations left unanswered for 30 days.
    pub reseller_invitations_expired: u64,
    /// Delegated-admin relationships past their end (and not extending themselves).
    pub relationships_expired: u64,
    /// Auto-extending relationships moved on by 180 days.
    pub relationships_extended: u64,
    /// Expiry notices of relationships that will not extend (each to both sides).
    pub relationship_notices_sent: u64,
    /// Direct-billed terms that renewed themselves (SPEC §15), one per term added.
    pub subscriptions_auto_renewed: u64,
    /// Renewal notices sent (each to the tenant and the partner of record).
    pub renewal_notices_sent: u64,
    /// Notices passed over because a nearer one fell due at the same time.
    pub renewal_notices_skipped: u64,
    pub subscriptions_expired: u64,
    pub subscriptions_disabled: u64,
    pub subscriptions_deleted: u64,
    /// Tenants whose data was purged (no live subscription left).
    pub tenants_purged: u64,
    /// Idempotency keys forgotten after 24 hours.
    pub idempotency_keys_expired: u64,
    pub failure_budgets_forgotten: u64,
    pub revocations_forgotten: u64,
    pub silent_instances_forgotten: u64,
}

impl SweepReport {
    /// Each field by its name, for the metrics.
    pub fn by_kind(&self) -> [(&'static str, u64); 17] {
        [
            ("redemptions_expired", self.redemptions_expired),
            ("offers_expired", self.offers_expired),
            ("reseller_invitations_expired", self.reseller_invitations_expired),
            ("relationships_expired", self.relationships_expired),
            ("relationships_extended", self.relationships_extended),
            ("relationship_notices_sent", self.relationship_notices_sent),
            ("subscriptions_auto_renewed", self.subscriptions_auto_renewed),
            ("renewal_notices_sent", self.renewal_notices_sent),
            ("renewal_notices_skipped", self.renewal_notices_skipped),
            ("subscriptions_expired", self.subscriptions_expired),
            ("subscriptions_disabled", self.subscriptions_disabled),
            ("subscriptions_deleted", self.subscriptions_deleted),
            ("tenants_purged", self.tenants_purged),
            ("idempotency_keys_expired", self.idempotency_keys_expired),
            ("failure_budgets_forgotten", self.failure_budgets_forgotten),
            ("revocations_forgotten", self.revocations_forgotten),
            ("silent_instances_forgotten", self.silent_instances_forgotten),
        ]
    }
}

/// One sweep at business time `now`; failure budgets follow wall-clock time, `real_now`.
pub fn run(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    real_now: DateTime<Utc>,
    settings: &Settings,
) -> diesel::QueryResult<SweepReport> {
    let mut report = SweepReport {
        redemptions_expired: in_batches(conn, "redemptions_expired", real_now, |conn| {
            redemptions::expire_due(conn, now, BATCH)
        })?,
        offers_expired: in_batches(conn, "offers_expired", real_now, |conn| {
            app::delegation::expire_offers(conn, now, None, BATCH)
        })?,
        reseller_invitations_expired: in_batches(conn, "reseller_invitations_expired", real_now, |conn| {
            app::resellers::expire_invitations(conn, now)
        })?,

        idempotency_keys_expired: store::idempotency::purge_expired(conn, real_now - store::idempotency::RETENTION)?
            as u64,
        failure_budgets_forgotten: store::budgets::forget_refilled(conn, real_now)? as u64,
        // Kept an hour past the longest-lived access token they could refuse.
        revocations_forgotten: store::revocations::forget_before(
            conn,
            real_now
                - chrono::Duration::from_std(settings.access_token_ttl).unwrap_or_default()
                - chrono::Duration::hours(1),
        )? as u64,
        silent_instances_forgotten: store::revocations::forget_silent_instances(
            conn,
            real_now - chrono::Duration::minutes(1),
        )? as u64,
        ..SweepReport::default()
    };
    loop {
        let counts = conn.transaction(|conn| {
            let counts = app::delegation::advance_relationships(conn, now, None, BATCH)?;
            record(
                conn,
                &[
                    ("relationships_expired", counts.expired),
                    ("relationships_extended", counts.extended),
                    ("relationship_notices_sent", counts.notices_sent),
                ],
                real_now,
            )?;
            Ok::<_, diesel::result::Error>(counts)
        })?;
        report.relationships_expired += counts.expired;
        report.relationships_extended += counts.extended;
        report.relationship_notices_sent += counts.notices_sent;
        if (counts.claimed as i64) < BATCH {
            break;
        }
    }
    let (periods, notice_days) = (settings.periods(), &settings.notice_days);
    loop {
        let counts = conn.transaction(|conn| {
            let counts = app::lifecycle::advance(conn, now, periods, notice_days, BATCH)?;
            record(
                conn,
                &[
                    ("subscriptions_auto_renewed", counts.auto_renewed),
                    ("renewal_notices_sent", counts.notices_sent),
                    ("renewal_notices_skipped", counts.notices_skipped),
                    ("subscriptions_expired", counts.expired),
                    ("subscriptions_disabled", counts.disabled),
                    ("subscriptions_deleted", counts.deleted),
                    ("tenants_purged", counts.tenants_purged),
                ],
                real_now,
            )?;
            Ok::<_, diesel::result::Error>(counts)
        })?;
        report.subscriptions_auto_renewed += counts.auto_renewed;
        report.renewal_notices_sent += counts.notices_sent;
        report.renewal_notices_skipped += counts.notices_skipped;
        report.subscriptions_expired += counts.expired;
        report.subscriptions_disabled += counts.disabled;
        report.subscriptions_deleted += counts.deleted;
        report.tenants_purged += counts.tenants_purged;
        if (counts.claimed as i64) < BATCH {
            break;
        }
    }
    Ok(report)
}

/// The audit record of a batch that changed something (`subscriptions_expired=2, …`), in
/// the batch's transaction; none when it changed nothing.
fn record(conn: &mut PgConnection, counts: &[(&str, u64)], at: DateTime<Utc>) -> diesel::QueryResult<()> {
    let summary: Vec<String> = counts.iter().filter(|(_, n)| *n > 0).map(|(name, n)| format!("{name}={n}")).collect();
    if summary.is_empty() {
        return Ok(());
    }
    crate::audit::record_system(conn, "sweep", crate::audit::Target::default(), summary.join(", "), at)
}

/// Runs `step` (one transaction per batch) until a batch comes back short; returns the total.
fn in_batches(
    conn: &mut PgConnection,
    what: &str,
    at: DateTime<Utc>,
    mut step: impl FnMut(&mut PgConnection) -> diesel::QueryResult<usize>,
) -> diesel::QueryResult<u64> {
    let mut total = 0;
    loop {
        let n = conn.transaction(|conn| {
            let n = step(conn)?;
            record(conn, &[(what, n as u64)], at)?;
            Ok::<_, diesel::result::Error>(n)
        })?;
        total += n as u64;
        if (n as i64) < BATCH {
            return Ok(total);
        }
    }
}

/// A sweep asked for by the operator (`POST /v1/jobs/sweep`), with its audit record.
pub async fn on_demand(state: &AppState, principal: &Principal) -> Result<SweepReport, Error> {
    crate::authz::operator(principal)?;
    let (clock, settings) = (state.clock.clone(), state.settings.clone());
    let report = state
        .autocommit(move |conn| {
            let now = clock.now(conn)?;
            Ok(run(conn, now, clock.real_now(), &settings)?)
        })
        .await?;
    super::audit::record_job_run(state, format!("{report:?}")).await?;
    Ok(report)
}
