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
    /// An `Err` rolls everything back.
    pub async fn transaction<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection, DateTime<Utc>) -> Result<T, ApiError> + Send + 'static,
    {
        let (pool, clock) = (self.pool.clone(), self.clock.clone());
        web::block(move || {
            let mut conn = pool.get()?;
            conn.transaction(|conn| {
                let now = clock.now(conn)?;
                work(conn, now)
            })
        })
        .await?
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
