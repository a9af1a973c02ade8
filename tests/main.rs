//! The HTTP-level tests: one binary (one link, one template database per run), a module
//! per area, each test against its own database cloned from a migrated template.

mod common;

mod access;
mod administration;
mod api;
mod architecture;
mod audit;
mod auth;
mod authz_matrix;
mod contract;
mod delegation;
mod direct_billing;
mod distribution;
mod first_start;
mod formats;
mod granular_delegation;
mod ha;
mod instances;
mod keys;
mod lifecycle;
mod partners;
mod redemptions;
mod retail;
mod secrets;
mod security;
mod signing_keys;
mod tenants;
mod trust;
mod user_imports;
mod versions;
mod webhooks;
