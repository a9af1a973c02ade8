//! Background work: the sweeper, run on a timer inside `keyport serve`, by `keyport sweep`
//! and by `POST /v1/jobs/sweep`. Any number of instances may sweep at once: work is
//! claimed with `FOR UPDATE SKIP LOCKED`, never remembered in memory.

pub mod delegation;

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{AppState, store, store::redemptions};

/// Rows claimed per transaction, so one sweep never holds many locks for long.
const BATCH: i64 = 500;

/// What one sweep did.
#[derive(Debug, Default, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct SweepReport {
    /// Open or confirmed redemptions whose time ran out; their keys were released.
    pub redemptions_expired: u64,
    /// Delegated-admin offers left pending for 90 days.
    pub offers_expired: u64,
    /// Delegated-admin relationships past their end.
    pub relationships_expired: u64,
}

/// One pass over everything due at `now`.
pub fn sweep(conn: &mut PgConnection, now: DateTime<Utc>) -> diesel::QueryResult<SweepReport> {
    Ok(SweepReport {
        redemptions_expired: in_batches(conn, |conn| redemptions::expire_due(conn, now, BATCH))?,
        offers_expired: in_batches(conn, |conn| delegation::expire_offers(conn, now, None, BATCH))?,
        relationships_expired: in_batches(conn, |conn| {
            store::delegation::expire_due_relationships(conn, now, None, BATCH)
        })?,
    })
}

/// Runs `step` (one transaction per batch) until a batch comes back short; returns the total.
fn in_batches(
    conn: &mut PgConnection,
    mut step: impl FnMut(&mut PgConnection) -> diesel::QueryResult<usize>,
) -> diesel::QueryResult<u64> {
    let mut total = 0;
    loop {
        let n = conn.transaction(&mut step)?;
        total += n as u64;
        if (n as i64) < BATCH {
            return Ok(total);
        }
    }
}

/// Sweeps with the business clock's "now" on a pooled connection.
pub fn sweep_now(state: &AppState) -> Result<SweepReport, String> {
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let now = state.clock.now(&mut conn).map_err(|e| e.to_string())?;
    sweep(&mut conn, now).map_err(|e| e.to_string())
}

/// Sweeps every `interval` until the process ends.
pub async fn run_periodically(state: actix_web::web::Data<AppState>, interval: Duration) {
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let state = state.clone();
        match actix_web::web::block(move || sweep_now(&state)).await {
            Ok(Ok(report)) if report != SweepReport::default() => tracing::info!(?report, "sweep"),
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "sweep failed; retrying at the next interval"),
            Err(e) => tracing::warn!(error = %e, "sweep did not run"),
        }
    }
}
