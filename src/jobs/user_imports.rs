//! The user-import worker: any instance claims an unfinished import and decides it batch
//! by batch, each batch its own transaction (see `app::user_imports`).

use std::time::Duration;

use actix_web::web;
use diesel::Connection;
use uuid::Uuid;

use crate::{AppState, app::user_imports as app, error::ApiError};

/// Works on imports until none is left that no other worker holds (or, with `only`, until
/// that import is done or held elsewhere); returns the rows decided.
pub fn work(state: &AppState, only: Option<Uuid>) -> Result<usize, ApiError> {
    let (pepper, periods, batch) = (&state.pepper, state.settings.periods(), state.settings.import_batch);
    let sealer = pepper.sealer(app::SEALING_PURPOSE);
    let mut conn = state.pool.get()?;
    let mut decided = 0;
    loop {
        let report = conn.transaction(|conn| {
            let now = state.clock.now(conn)?;
            app::process_batch(conn, pepper, &sealer, periods, batch, only, now)
        })?;
        match report {
            None => return Ok(decided),
            Some(report) => {
                decided += report.created + report.failed;
                if report.completed {
                    tracing::info!(import = %report.import_id, "user import completed");
                }
            }
        }
    }
}

/// Starts work on one import right away, off the request.
pub fn start(state: web::Data<AppState>, import_id: Uuid) {
    actix_web::rt::spawn(async move {
        if let Err(e) = web::block(move || work(&state, Some(import_id))).await.map_err(ApiError::from).and_then(|r| r)
        {
            tracing::warn!(error = %e.detail, import = %import_id, "user import paused; the next worker pass resumes it");
        }
    });
}

pub async fn run_periodically(state: web::Data<AppState>, interval: Duration) {
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let state = state.clone();
        match web::block(move || work(&state, None)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e.detail, "user imports paused; retrying at the next interval"),
            Err(e) => tracing::warn!(error = %e, "user import worker did not run"),
        }
    }
}
