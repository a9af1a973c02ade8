//! Background work inside `keyport serve`: the sweeper and the webhook delivery worker,
//! each on a timer. They only claim the moment; what a sweep does is `app::sweep`, what a
//! delivery does before and after its HTTP attempt is `app::webhooks`.

pub mod user_imports;
pub mod webhooks;

use std::time::Duration;

use crate::{app::sweep::SweepReport, state::AppState};

/// One sweep now, at the business clock's "now".
pub fn sweep_now(state: &AppState) -> Result<SweepReport, String> {
    // A connection found dead (a failover) is reported, so the pool does not hand it out again.
    let failed = |e: diesel::result::Error| {
        crate::db::lost(&e);
        e.to_string()
    };
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let now = state.clock.now(&mut conn).map_err(failed)?;
    let started = std::time::Instant::now();
    let report = crate::app::sweep::run(&mut conn, now, state.clock.real_now(), &state.settings).map_err(failed)?;
    count_sweep(&report, started.elapsed());
    Ok(report)
}

/// A sweep in the metrics: its time and what it did, by kind (the report's fields).
fn count_sweep(report: &SweepReport, took: std::time::Duration) {
    let counters = &crate::metrics::COUNTERS;
    counters.sweeps.inc();
    counters.sweep_seconds.observe(took.as_secs_f64());
    for (kind, items) in report.by_kind() {
        counters.sweep_items.with_label_values(&[kind]).inc_by(items);
    }
    counters.notices_sent.with_label_values(&["renewal"]).inc_by(report.renewal_notices_sent);
    counters.notices_sent.with_label_values(&["relationship_expiry"]).inc_by(report.relationship_notices_sent);
}

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
