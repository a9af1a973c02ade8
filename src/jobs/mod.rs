//! Background work inside `keyport serve`: the sweeper and the webhook delivery worker,
//! each on a timer. They only claim the moment; what a sweep does is `app::sweep`, what a
//! delivery does before and after its HTTP attempt is `app::webhooks`.

pub mod user_imports;
pub mod webhooks;

use std::time::Duration;

use crate::{AppState, app::sweep::SweepReport};

/// One sweep now, at the business clock's "now".
pub fn sweep_now(state: &AppState) -> Result<SweepReport, String> {
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let now = state.clock.now(&mut conn).map_err(|e| e.to_string())?;
    crate::app::sweep::run(&mut conn, now, state.clock.real_now(), &state.settings).map_err(|e| e.to_string())
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
