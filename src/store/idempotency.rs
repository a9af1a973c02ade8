//! Stored first responses of POST requests, by caller and `Idempotency-Key`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::idempotency_keys as keys;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = keys)]
pub struct StoredResponse {
    pub fingerprint: Vec<u8>,
    pub state: String,
    pub status: Option<i32>,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub sealed_body: Option<Vec<u8>>,
    pub created_at: DateTime<Utc>,
    pub locked_at: DateTime<Utc>,
}

/// What a claim on a key found.
pub enum Claim {
    /// The key is ours: run the request, then store or release it.
    New,
    /// Another request holds it or held it: what it left.
    Existing(StoredResponse),
}

/// Claims `(scope, key)` for a request with `fingerprint`; entries older than `expired`
/// and in-flight claims abandoned before `abandoned` are taken over.
pub fn claim(
    conn: &mut PgConnection,
    scope: &str,
    key: &str,
    fingerprint: &[u8],
    now: DateTime<Utc>,
    expired: DateTime<Utc>,
    abandoned: DateTime<Utc>,
) -> QueryResult<Claim> {
    diesel::delete(
        keys::table
            .filter(keys::scope.eq(scope))
            .filter(keys::key.eq(key))
            .filter(keys::created_at.le(expired).or(keys::state.eq("in_flight").and(keys::locked_at.le(abandoned)))),
    )
    .execute(conn)?;
    let inserted = diesel::insert_into(keys::table)
        .values((
            keys::scope.eq(scope),
            keys::key.eq(key),
            keys::fingerprint.eq(fingerprint),
            keys::state.eq("in_flight"),
            keys::created_at.eq(now),
            keys::locked_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let existing = keys::table
        .filter(keys::scope.eq(scope))
        .filter(keys::key.eq(key))
        .select(StoredResponse::as_select())
        .first(conn)
        .optional()?;
    // Gone between the two statements (released by its owner): the caller may retry.
    Ok(existing.map(Claim::Existing).unwrap_or(Claim::New))
}

/// Keeps the response of a claimed key.
pub fn store(
    conn: &mut PgConnection,
    scope: &str,
    key: &str,
    status: i32,
    content_type: Option<&str>,
    location: Option<&str>,
    sealed_body: &[u8],
) -> QueryResult<()> {
    diesel::update(keys::table.filter(keys::scope.eq(scope)).filter(keys::key.eq(key)))
        .set((
            keys::state.eq("done"),
            keys::status.eq(status),
            keys::content_type.eq(content_type),
            keys::location.eq(location),
            keys::sealed_body.eq(sealed_body),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Lets go of a claimed key whose response is not kept.
pub fn release(conn: &mut PgConnection, scope: &str, key: &str) -> QueryResult<()> {
    diesel::delete(keys::table.filter(keys::scope.eq(scope)).filter(keys::key.eq(key))).execute(conn).map(|_| ())
}

/// Forgets keys kept past their time; returns how many.
pub fn purge_expired(conn: &mut PgConnection, expired: DateTime<Utc>) -> QueryResult<usize> {
    diesel::delete(keys::table.filter(keys::created_at.le(expired))).execute(conn)
}
