//! The webhook delivery worker: claims due deliveries (any number of instances run one),
//! makes the HTTP attempts outside any transaction, then records each outcome.

use std::time::Duration;

use actix_web::web;
use futures_util::future::join_all;

use crate::{
    app::webhooks::{self as app, DeliveryReport, Outgoing},
    error::Error,
    state::AppState,
};

/// Deliveries one pass claims; each is held for `LEASE` (real time) by this worker.
const BATCH: i64 = 32;
/// Longer than an attempt can take (10 s timeouts), so a lease outlives its attempt.
const LEASE: Duration = Duration::from_secs(60);
/// The most an attempt may take, DNS and a slow answer included.
const ATTEMPT_LIMIT: Duration = Duration::from_secs(20);

/// One pass: claim what is due at the business clock's "now", attempt it, record it.
/// Passes repeat while full batches come back.
pub async fn deliver_due(state: &AppState) -> Result<DeliveryReport, Error> {
    let mut report = DeliveryReport::default();
    loop {
        let (clock, sealer) = (state.clock.clone(), state.pepper.sealer(app::SEALING_PURPOSE));
        let (claimed, now) = state
            .autocommit(move |conn| {
                let now = clock.now(conn)?;
                Ok((app::claim(conn, &sealer, now, clock.real_now(), LEASE, BATCH)?, now))
            })
            .await?;
        let full = claimed.len() as i64 == BATCH;
        let attempts = claimed.iter().map(|out| attempt(state, out));
        let outcomes = join_all(attempts).await;
        let schedule = state.settings.webhook_schedule();
        let done: Vec<(Outgoing, Result<u16, String>)> = claimed.into_iter().zip(outcomes).collect();
        report = crate::state::blocking({
            let pool = state.pool.clone();
            move || -> Result<DeliveryReport, Error> {
                let mut conn = pool.get()?;
                let mut first_failure = None;
                for (out, outcome) in &done {
                    let recorded = diesel::Connection::transaction(&mut *conn, |conn| {
                        app::finish(conn, out, outcome.clone(), &schedule, now, &mut report)
                    });
                    // A delivery left unrecorded is attempted again once its lease runs out;
                    // the others' outcomes are still recorded, on a fresh connection if this
                    // one died (dropped here, on the thread that saw it lost).
                    if let Err(e) = recorded {
                        if e.connection_lost {
                            conn = pool.get()?;
                        }
                        first_failure.get_or_insert(e);
                    }
                }
                first_failure.map_or(Ok(report), Err)
            }
        })
        .await??;
        if !full {
            return Ok(report);
        }
    }
}

/// One attempt, name resolution included, bounded well inside the lease.
async fn attempt(state: &AppState, out: &Outgoing) -> Result<u16, String> {
    if let Some(refusal) = &out.refusal {
        return Err(refusal.clone());
    }
    let post = state.webhooks.post(&out.endpoint.url, out.headers.clone(), out.body.clone());
    let started = std::time::Instant::now();
    let outcome = tokio::time::timeout(ATTEMPT_LIMIT, post).await.unwrap_or_else(|_| Err("timed out".into()));
    let counters = &crate::metrics::COUNTERS;
    counters.webhook_attempt_seconds.observe(started.elapsed().as_secs_f64());
    let delivered = matches!(outcome, Ok(status) if (200..300).contains(&status));
    counters.webhook_attempts.with_label_values(&[if delivered { "delivered" } else { "failed_attempt" }]).inc();
    outcome
}

pub async fn run_periodically(state: web::Data<AppState>, interval: Duration) {
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match deliver_due(&state).await {
            Ok(report) if report != DeliveryReport::default() => tracing::info!(?report, "webhook deliveries"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e.detail, "webhook deliveries failed; retrying at the next interval"),
        }
    }
}
