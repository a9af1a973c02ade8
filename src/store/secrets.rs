//! Server secrets shared by every instance: the key pepper and the token signing keys.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{server_secrets, signing_keys};

/// Serialises start-up bookkeeping across instances for the rest of the transaction.
pub fn lock_bootstrap(conn: &mut PgConnection) -> QueryResult<()> {
    // An arbitrary constant naming "keyport bootstrap" among advisory locks.
    diesel::sql_query("SELECT pg_advisory_xact_lock(7417417)").execute(conn).map(|_| ())
}

/// The named secret, created from `make` the first time it is asked for.
pub fn get_or_create(
    conn: &mut PgConnection,
    name: &str,
    make: impl FnOnce() -> Vec<u8>,
    now: DateTime<Utc>,
) -> QueryResult<Vec<u8>> {
    diesel::insert_into(server_secrets::table)
        .values((server_secrets::name.eq(name), server_secrets::value.eq(make()), server_secrets::created_at.eq(now)))
        .on_conflict_do_nothing()
        .execute(conn)?;
    server_secrets::table.find(name).select(server_secrets::value).first(conn)
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = signing_keys)]
pub struct SigningKeyRow {
    pub kid: String,
    pub private_der: Vec<u8>,
    pub public_key: Vec<u8>,
    pub created_at: DateTime<Utc>,
}

/// Signing keys live at `now` (not retired, or retiring later), newest first (the newest
/// signs).
pub fn live_signing_keys(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<Vec<SigningKeyRow>> {
    signing_keys::table
        .filter(signing_keys::retired_at.is_null().or(signing_keys::retired_at.gt(now)))
        .order(signing_keys::created_at.desc())
        .select(SigningKeyRow::as_select())
        .load(conn)
}

/// A signing key's id, when it was made, and when it retires (or retired).
pub type KeyDates = (String, DateTime<Utc>, Option<DateTime<Utc>>);

/// Every signing key with when it retires (or retired), newest first.
pub fn all_signing_keys(conn: &mut PgConnection) -> QueryResult<Vec<KeyDates>> {
    signing_keys::table
        .order(signing_keys::created_at.desc())
        .select((signing_keys::kid, signing_keys::created_at, signing_keys::retired_at))
        .load(conn)
}

/// Gives every key without a retirement one at `at` (the keys a rotation replaces).
pub fn retire_unretired(conn: &mut PgConnection, at: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(signing_keys::table.filter(signing_keys::retired_at.is_null()))
        .set(signing_keys::retired_at.eq(at))
        .execute(conn)
}

/// Retires one key at `at` unless it retired earlier; whether it exists.
pub fn retire(conn: &mut PgConnection, kid: &str, at: DateTime<Utc>) -> QueryResult<bool> {
    let key = signing_keys::table.filter(signing_keys::kid.eq(kid));
    let found = diesel::select(diesel::dsl::exists(key)).get_result(conn)?;
    diesel::update(key.filter(signing_keys::retired_at.is_null().or(signing_keys::retired_at.gt(at))))
        .set(signing_keys::retired_at.eq(at))
        .execute(conn)?;
    Ok(found)
}

pub fn insert_signing_key(conn: &mut PgConnection, row: &SigningKeyRow) -> QueryResult<()> {
    diesel::insert_into(signing_keys::table).values(row).on_conflict_do_nothing().execute(conn).map(|_| ())
}
