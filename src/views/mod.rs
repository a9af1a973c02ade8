//! The API's JSON shapes: request bodies and queries (validated where they are read) and
//! the views of what the service keeps. Handlers in `api/` parse into these and answer
//! with them; the published document is generated from them.

pub mod access;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod chunked;
pub mod csv;
pub mod delegation;
pub mod distributors;
pub mod keys;
pub mod notifications;
pub mod ops;
pub mod orders;
pub mod pages;
pub mod partners;
pub mod redemptions;
pub mod releases;
pub mod renewals;
pub mod sandbox;
pub mod secret;
pub mod stock;
pub mod subscriptions;
pub mod tenants;
pub mod user_imports;
pub mod users;
pub mod versions;
pub mod webhooks;
