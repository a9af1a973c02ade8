//! HTTP: handlers with their request and response types, one module per resource.

pub mod auth;
pub mod catalogue;
pub mod contract;
pub mod delegation;
pub mod extract;
pub mod jobs;
pub mod keys;
pub mod notifications;
pub mod ops;
pub mod partners;
pub mod redemptions;
pub mod renewals;
pub mod responses;
pub mod sandbox;
pub mod subscriptions;
pub mod tenants;
pub mod users;

use actix_web::web;
use chrono::{DateTime, Utc};
use diesel::PgConnection;

use crate::{AppState, error::ApiError};

/// Runs `work` on the blocking pool inside one transaction, with the business "now".
/// An `Err` rolls everything back.
pub async fn transaction<T, F>(state: &web::Data<AppState>, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut PgConnection, DateTime<Utc>) -> Result<T, ApiError> + Send + 'static,
{
    state.transaction(work).await
}

/// Problem responses shared by the operation docs.
pub const PROBLEM: &str = "application/problem+json";
