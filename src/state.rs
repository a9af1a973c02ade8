//! `AppState`: what every request and job shares, and the two ways work reaches the database.

use actix_web::web;
use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};

use std::sync::Arc;

use crate::{
    auth::{jwt::TokenKeys, revocations::Revocations, secrets::Pepper},
    clock::Clock,
    config::Settings,
    db::PgPool,
    error::ApiError,
    idempotency,
    limits::FailureBudgets,
};

/// What every request handler shares.
pub struct AppState {
    pub pool: PgPool,
    pub clock: Clock,
    pub tokens: TokenKeys,
    pub revocations: Arc<Revocations>,
    pub pepper: Pepper,
    pub limits: FailureBudgets,
    pub settings: Settings,
}

impl AppState {
    /// Runs `work` on the blocking pool inside one transaction, with the business "now".
    /// An `Err` rolls everything back. In an idempotent POST the transaction is a savepoint
    /// of the request's unit (see `idempotency`), committed with the kept response.
    pub async fn transaction<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection, DateTime<Utc>) -> Result<T, ApiError> + Send + 'static,
    {
        let clock = self.clock.clone();
        let step = move |conn: &mut PgConnection| {
            conn.transaction(|conn| {
                let now = clock.now(conn)?;
                work(conn, now)
            })
        };
        match idempotency::current_unit() {
            Some(unit) => idempotency::in_unit(unit, self.pool.clone(), step).await,
            None => self.autocommit(step).await,
        }
    }

    /// Like [`AppState::autocommit`], but inside the request's unit when it has one: for
    /// bookkeeping that belongs with the request's change (giving back a failure budget).
    pub async fn alongside<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
    {
        match idempotency::current_unit() {
            Some(unit) => idempotency::in_unit(unit, self.pool.clone(), work).await,
            None => self.autocommit(work).await,
        }
    }

    /// The barrier after a revocation this request committed (see `auth::revocations`):
    /// answers once every live instance refuses what was revoked. Should one not say so in
    /// time, this instance at least reads the revocations itself.
    pub async fn learn_revocations(&self) -> Result<(), ApiError> {
        let (revocations, now) = (Arc::clone(&self.revocations), self.clock.real_now());
        self.autocommit(move |conn| {
            if !revocations.barrier(conn)? {
                revocations.catch_up(conn, now)?;
            }
            Ok(())
        })
        .await
    }

    /// Runs `work` on the blocking pool with a connection of its own, each statement
    /// committed as it runs: for bookkeeping that must be visible to every other request at
    /// once (failure budgets), never for business changes.
    pub async fn autocommit<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }
}
