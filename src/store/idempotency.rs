//! Kept first responses of POST requests, by caller and `Idempotency-Key`, and the advisory
//! lock an idempotent request holds while it runs.

use chrono::{DateTime, Utc};
use diesel::{prelude::*, sql_types::BigInt};

use crate::db::schema::idempotency_keys as keys;

/// How long a first response is kept.
pub const RETENTION: chrono::Duration = chrono::Duration::hours(24);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = keys, treat_none_as_null = true)]
pub struct KeptResponse {
    pub fingerprint: Vec<u8>,
    pub status: i32,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub sealed_body: Vec<u8>,
    pub created_at: DateTime<Utc>,
    /// The tenant the answer was about, and the rights the caller held there then
    /// (`authz::TenantAccess::snapshot`).
    pub tenant_id: Option<uuid::Uuid>,
    pub access: Option<String>,
}

/// The response kept for `(scope, key)` since `since`.
pub fn find(
    conn: &mut PgConnection,
    scope: &str,
    key: &str,
    since: DateTime<Utc>,
) -> QueryResult<Option<KeptResponse>> {
    keys::table
        .find((scope, key))
        .filter(keys::created_at.gt(since))
        .select(KeptResponse::as_select())
        .first(conn)
        .optional()
}

/// Takes the key's transaction-scoped advisory lock if no other session holds it.
pub fn try_lock(conn: &mut PgConnection, lock: i64) -> QueryResult<bool> {
    diesel::define_sql_function! {
        fn pg_try_advisory_xact_lock(key: BigInt) -> diesel::sql_types::Bool;
    }
    diesel::select(pg_try_advisory_xact_lock(lock)).get_result(conn)
}

/// Keeps the response of `(scope, key)`, replacing one kept past its time.
pub fn keep(conn: &mut PgConnection, scope: &str, key: &str, response: &KeptResponse) -> QueryResult<()> {
    super::Prepared(
        diesel::insert_into(keys::table)
            .values((keys::scope.eq(scope), keys::key.eq(key), response))
            .on_conflict((keys::scope, keys::key))
            .do_update()
            .set(response),
    )
    .execute(conn)
    .map(|_| ())
}

/// Forgets responses kept past their time; returns how many.
pub fn purge_expired(conn: &mut PgConnection, expired: DateTime<Utc>) -> QueryResult<usize> {
    diesel::delete(keys::table.filter(keys::created_at.le(expired))).execute(conn)
}
