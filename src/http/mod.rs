//! What every operation shares over HTTP: extractors whose failures are problems, the
//! middleware (request ids and metrics, the U+0000 guard, API versions, idempotency), and the parts of
//! the published document that operations share.

pub mod audit;
pub mod contract;
pub mod examples;
pub mod extract;
pub mod formats;
pub mod headers;
pub mod idempotency;
pub mod links;
pub mod oauth;
pub mod problem;
pub mod problems;
pub mod responses;
pub mod routes;
pub mod security;
pub mod telemetry;
pub mod versions;

/// The media type of problem answers.
pub const PROBLEM: &str = "application/problem+json";
