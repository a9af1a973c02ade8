//! SQL: diesel rows and queries as plain functions over `&mut PgConnection`.
//! Callers own the transaction; every function takes `now` rather than reading a clock.

pub mod budgets;
pub mod clients;
pub mod delegation;
pub mod idempotency;
pub mod keys;
pub mod mapping;
pub mod notifications;
pub mod partners;
pub mod products;
pub mod redemptions;
pub mod revocations;
pub mod sandbox;
pub mod secrets;
pub mod subscriptions;
pub mod tenants;
pub mod users;

use diesel::result::{DatabaseErrorKind, Error};
use uuid::Uuid;

/// True when `e` is a unique violation of `constraint`.
pub fn violates(e: &Error, constraint: &str) -> bool {
    matches!(e, Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info)
        if info.constraint_name() == Some(constraint))
}

/// A keyset page: at most `limit` rows with ids after `after`, in id order.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: i64,
    pub after: Option<Uuid>,
}

impl Page {
    /// The lower bound of the id range (the nil UUID sorts before every UUIDv7).
    pub fn after_id(&self) -> Uuid {
        self.after.unwrap_or(Uuid::nil())
    }

    /// Rows fetched: one more than the limit tells whether another page exists.
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }

    /// Cuts the extra row and returns the id to continue after, if any.
    pub fn finish<T>(&self, mut rows: Vec<T>, id: impl Fn(&T) -> Uuid) -> (Vec<T>, Option<Uuid>) {
        if rows.len() as i64 > self.limit {
            rows.truncate(self.limit as usize);
            let next = rows.last().map(id);
            (rows, next)
        } else {
            (rows, None)
        }
    }
}
