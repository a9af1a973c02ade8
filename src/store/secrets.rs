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

/// Live signing keys, newest first (the newest signs).
pub fn live_signing_keys(conn: &mut PgConnection) -> QueryResult<Vec<SigningKeyRow>> {
    signing_keys::table
        .filter(signing_keys::retired_at.is_null())
        .order(signing_keys::created_at.desc())
        .select(SigningKeyRow::as_select())
        .load(conn)
}

pub fn insert_signing_key(conn: &mut PgConnection, row: &SigningKeyRow) -> QueryResult<()> {
    diesel::insert_into(signing_keys::table).values(row).on_conflict_do_nothing().execute(conn).map(|_| ())
}
