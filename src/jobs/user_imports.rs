//! The user-import worker: one per instance, woken when this instance accepts an import and
//! on a timer (for imports accepted elsewhere, or left by an instance that died). It claims
//! an unfinished import and decides it batch by batch, each batch its own transaction (see
//! `app::user_imports`), on one pooled connection.

use std::time::Duration;

use actix_web::web;
use diesel::Connection;

use crate::{
    app::user_imports::{self as app, BatchReport},
    error::Error,
    state::AppState,
    store::user_imports::ImportRecord,
};

/// Works on imports until none is left that no other worker holds; returns the rows
/// decided. A failed batch makes its import wait (see `app::user_imports::batch_failed`)
/// and the work goes on with the others.
pub fn work(state: &AppState) -> Result<usize, Error> {
    let (pepper, periods, batch) = (&state.pepper, state.settings.periods(), state.settings.import_batch);
    let sealer = pepper.sealer(app::SEALING_PURPOSE);
    let mut conn = state.pool.get()?;
    let mut decided = 0;
    loop {
        let real_now = state.clock.real_now();
        let mut claimed: Option<ImportRecord> = None;
        let outcome = conn.transaction(|conn| -> Result<Option<BatchReport>, Error> {
            let now = state.clock.now(conn)?;
            let Some(import) = app::claim(conn, None, real_now)? else { return Ok(None) };
            let import = claimed.insert(import);
            Ok(Some(app::process_batch(conn, (pepper, &sealer), periods, batch, import, now)?))
        });
        match (outcome, claimed) {
            (Ok(None), _) => return Ok(decided),
            (Ok(Some(report)), _) => {
                decided += report.created + report.failed;
                if report.completed {
                    tracing::info!(import = %report.import_id, "user import completed");
                }
            }
            (Err(e), Some(import)) => {
                tracing::warn!(error = %e.detail, import = %import.id, "a user import batch failed; it waits and is retried");
                conn.transaction(|conn| app::batch_failed(conn, &import, real_now))?;
            }
            (Err(e), None) => return Err(e),
        }
    }
}

/// Runs the worker: at once when woken (an import was accepted here), and every `interval`.
pub async fn run_periodically(state: web::Data<AppState>, interval: Duration) {
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = state.imports_waiting.notified() => {}
        }
        let state = state.clone();
        match web::block(move || work(&state)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e.detail, "user imports paused; retrying at the next interval"),
            Err(e) => tracing::warn!(error = %e, "user import worker did not run"),
        }
    }
}
