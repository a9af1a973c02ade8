//! The operations: one module per resource, each handler parsing the request, authorising
//! the caller, making one `app::` call in a transaction and answering with a view.

pub mod access;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod delegation;
pub mod distributors;
pub mod jobs;
pub mod keys;
pub mod notifications;
pub mod ops;
pub mod orders;
pub mod partners;
pub mod redemptions;
pub mod renewals;
pub mod resellers;
pub mod sandbox;
pub mod stock;
pub mod subscriptions;
pub mod tenants;
pub mod user_imports;
pub mod users;
pub mod versions;
pub mod webhooks;
