//! The use cases: the business steps of each, as sync functions over a connection (inside
//! the caller's transaction), the caller and `now` where one transaction does it, and as
//! async functions over the shared state where a use case needs more (several
//! transactions, a failure budget around the work, hashing off the workers). `api/` and
//! `jobs/` call them; they call `store/` for SQL, `domain/` for rules and `authz` for
//! decisions. Their errors carry no HTTP.

pub mod access;
pub mod audit;
pub mod auth;
pub mod budgets;
pub mod catalogue;
pub mod clients;
pub mod delegation;
pub mod direct_billing;
pub mod distributors;
pub mod keys;
pub mod lifecycle;
pub mod notifications;
pub mod notify;
pub mod orders;
pub mod partners;
pub mod readiness;
pub mod redemptions;
pub mod renewals;
pub mod resellers;
pub mod retail;
pub mod sandbox;
pub mod signing_keys;
pub mod stock;
pub mod subscriptions;
pub mod sweep;
pub mod tenants;
pub mod user_imports;
pub mod users;
pub mod webhooks;

pub use crate::domain::lifecycle::Schedule;
use crate::error::Error;

/// For outcomes that must be kept even though the caller is told no: the inner `Err` is
/// answered after the transaction commits (an expired redemption releases its keys and
/// still answers 410).
pub type Committed<T> = Result<T, Error>;
