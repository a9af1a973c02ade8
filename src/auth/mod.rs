//! Authentication: secrets and digests, passwords, access tokens and the calling principal.

pub mod jwt;
pub mod password;
pub mod principal;
pub mod revocations;
pub mod secrets;

pub use principal::Principal;
