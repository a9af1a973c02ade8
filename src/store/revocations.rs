//! Revoked credentials: rows the database writes itself (triggers on API clients and
//! users) or that sign-out adds, read by every instance.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Text, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::db::schema::{listening_instances as instances, revocations};

/// The channel on which a commit that revokes something notifies every instance (and on
/// which syncs follow revocations).
pub const CHANNEL: &str = "keyport_revocations";

/// The channel on which instances acknowledge a sync.
pub const ACKS: &str = "keyport_revocation_acks";

/// Where a change of the signing keys is announced (migration 000019's trigger).
pub const SIGNING_KEYS: &str = "keyport_signing_keys";

/// An instance is live while its heartbeat is younger than this (three missed polls).
const LIVE_SECONDS: f64 = 6.0;

/// One revocation: `subject` is refused for tokens issued up to `revoked_at`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = revocations)]
pub struct RevocationRow {
    pub seq: i64,
    pub subject: String,
    pub revoked_at: DateTime<Utc>,
}

/// Revocations younger than `since`.
pub fn since(conn: &mut PgConnection, since: DateTime<Utc>) -> QueryResult<Vec<RevocationRow>> {
    revocations::table.filter(revocations::revoked_at.gt(since)).select(RevocationRow::as_select()).load(conn)
}

pub fn insert(conn: &mut PgConnection, subjects: &[String]) -> QueryResult<()> {
    let rows: Vec<_> = subjects.iter().map(|s| revocations::subject.eq(s)).collect();
    diesel::insert_into(revocations::table).values(rows).execute(conn).map(|_| ())
}

/// Forgets revocations older than `before` (every token they refused has expired).
pub fn forget_before(conn: &mut PgConnection, before: DateTime<Utc>) -> QueryResult<usize> {
    diesel::delete(revocations::table.filter(revocations::revoked_at.lt(before))).execute(conn)
}

fn notify(conn: &mut PgConnection, channel: &str, payload: &str) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_notify($1, $2)")
        .bind::<Text, _>(channel)
        .bind::<Text, _>(payload)
        .execute(conn)
        .map(|_| ())
}

/// Sends a sync after everything this connection committed; returns the live instances
/// that are to acknowledge it.
pub fn send_sync(conn: &mut PgConnection, sync: Uuid) -> QueryResult<Vec<Uuid>> {
    notify(conn, CHANNEL, &format!("sync {sync}"))?;
    diesel::sql_query(
        "SELECT id FROM listening_instances WHERE seen_at > clock_timestamp() - make_interval(secs => $1)",
    )
    .bind::<diesel::sql_types::Double, _>(LIVE_SECONDS)
    .load::<InstanceId>(conn)
    .map(|rows| rows.into_iter().map(|r| r.id).collect())
}

#[derive(QueryableByName)]
struct InstanceId {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// Tells the instance that sent `sync` that `instance` has applied everything before it.
pub fn acknowledge(conn: &mut PgConnection, sync: Uuid, instance: Uuid) -> QueryResult<()> {
    notify(conn, ACKS, &format!("{sync} {instance}"))
}

/// Records that `instance` is live and following revocations.
pub fn heartbeat(conn: &mut PgConnection, instance: Uuid) -> QueryResult<()> {
    diesel::sql_query(
        "INSERT INTO listening_instances (id, seen_at) VALUES ($1, clock_timestamp()) \
         ON CONFLICT (id) DO UPDATE SET seen_at = EXCLUDED.seen_at",
    )
    .bind::<SqlUuid, _>(instance)
    .execute(conn)
    .map(|_| ())
}

pub fn forget_instance(conn: &mut PgConnection, instance: Uuid) -> QueryResult<()> {
    diesel::delete(instances::table.find(instance)).execute(conn).map(|_| ())
}

/// Forgets instances not seen since `before` (they stopped without saying so).
pub fn forget_silent_instances(conn: &mut PgConnection, before: chrono::DateTime<chrono::Utc>) -> QueryResult<usize> {
    diesel::delete(instances::table.filter(instances::seen_at.lt(before))).execute(conn)
}
