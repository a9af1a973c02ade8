//! The database: connection pool, migrations and the embedded PostgreSQL.

pub mod embedded;
pub mod listen;
pub mod schema;

use std::{
    cell::Cell,
    sync::{
        OnceLock,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use diesel::{
    PgConnection,
    r2d2::{ConnectionManager, ManageConnection, Pool, PooledConnection},
    result::{DatabaseErrorKind, Error},
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub type PgPool = Pool<Manager>;
pub type Pooled = PooledConnection<Manager>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// A pool of `size` connections; a checkout waits at most five seconds. Checkouts are not
/// pinged (that would be a round trip per request): a connection found dead in use is
/// reported with [`lost`] and dropped from the pool when it is handed back. Only for a
/// while after that ([`SUSPECT_FOR`]) is each checkout checked first (see
/// [`Manager::is_valid`]). `events` hears of every checkout and its wait.
pub fn pool(url: &str, size: u32, events: Box<dyn r2d2::HandleEvent>) -> Result<PgPool, r2d2::Error> {
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(5))
        .test_on_check_out(true)
        .event_handler(events)
        .build(Manager(ConnectionManager::new(url)))
}

thread_local! {
    /// Set when the connection this thread uses was found dead; read when it is handed back.
    static LOST: Cell<bool> = const { Cell::new(false) };
}

/// How long after a connection was found lost the pool checks each connection it hands
/// out: after a failover every idle connection leads to the dead or demoted server, and
/// without the check each would fail one request before being replaced.
pub const SUSPECT_FOR: Duration = Duration::from_secs(30);

/// When a connection was last found lost, in milliseconds since [`since_start`]'s origin
/// (0: never).
static LOST_AT: AtomicU64 = AtomicU64::new(0);

/// Milliseconds on a monotonic clock, from 1 at the first call.
fn since_start() -> u64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}

/// Marks the connection this thread uses as lost, and the pool's others as suspect.
fn mark_lost() {
    LOST.set(true);
    LOST_AT.store(since_start(), Ordering::Relaxed);
}

/// Whether a connection was found lost lately ([`SUSPECT_FOR`]): checkouts are checked
/// (a round trip that may meet a server gone quiet).
pub fn suspect() -> bool {
    let at = LOST_AT.load(Ordering::Relaxed);
    at != 0 && since_start().saturating_sub(at) <= SUSPECT_FOR.as_millis() as u64
}

/// Whether `e` says the connection itself is gone or no longer leads anywhere useful — the
/// server went away, or it is a primary demoted by a failover (it now refuses writes) — in
/// which case the connection this thread holds is not handed out again, and the next one
/// is made to whichever host `target_session_attrs=read-write` finds writable.
pub fn lost(e: &Error) -> bool {
    let gone = match e {
        Error::DatabaseError(kind, _) => matches!(
            kind,
            DatabaseErrorKind::ClosedConnection
                | DatabaseErrorKind::UnableToSendCommand
                | DatabaseErrorKind::ReadOnlyTransaction
        ),
        // A commit whose connection died, and the rollback that then failed too.
        Error::RollbackErrorOnCommit { commit_error, .. } => lost(commit_error),
        Error::BrokenTransactionManager => true,
        _ => false,
    };
    if gone {
        mark_lost();
    }
    gone
}

/// diesel's manager, dropping connections [`lost`] reported.
#[derive(Debug)]
pub struct Manager(ConnectionManager<PgConnection>);

impl ManageConnection for Manager {
    type Connection = PgConnection;
    type Error = <ConnectionManager<PgConnection> as ManageConnection>::Error;

    fn connect(&self) -> Result<PgConnection, Self::Error> {
        use diesel::connection::SimpleConnection;
        LOST.set(false);
        let mut conn = self.0.connect()?;
        // Named in pg_stat_activity and the server's log, apart from the revocation listener.
        conn.batch_execute("SET application_name = 'keyport'").map_err(diesel::r2d2::Error::QueryError)?;
        Ok(conn)
    }

    /// Called on every checkout, and free unless a connection was found lost within
    /// [`SUSPECT_FOR`]: then the connection must reach a server that takes writes, or the
    /// pool drops it and tries the next.
    fn is_valid(&self, conn: &mut PgConnection) -> Result<(), Self::Error> {
        if !suspect() {
            return Ok(());
        }
        // The pool drops a connection that fails this itself: no need to mark it lost.
        match takes_writes(conn) {
            Ok(true) => Ok(()),
            Ok(false) => Err(diesel::r2d2::Error::QueryError(Error::DatabaseError(
                DatabaseErrorKind::ReadOnlyTransaction,
                Box::new("the server does not take writes".to_string()),
            ))),
            Err(e) => Err(diesel::r2d2::Error::QueryError(e)),
        }
    }

    fn has_broken(&self, conn: &mut PgConnection) -> bool {
        LOST.replace(false) || self.0.has_broken(conn)
    }
}

/// Whether this connection's server takes writes. A server that does not is a standby (or
/// a primary demoted by a failover): the connection is reported [`lost`], so the pool
/// replaces it with one to the writable host.
pub fn writable(conn: &mut PgConnection) -> Result<bool, Error> {
    let writable = takes_writes(conn)?;
    if !writable {
        mark_lost();
    }
    Ok(writable)
}

fn takes_writes(conn: &mut PgConnection) -> Result<bool, Error> {
    use diesel::{RunQueryDsl, dsl::sql, sql_types::Bool};
    diesel::select(sql::<Bool>("NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'"))
        .get_result(conn)
}

/// Applies pending migrations; returns the versions applied. Instances starting together
/// (a rolling deployment) take turns under a session advisory lock, so each migration runs
/// once and the others find it applied.
pub fn migrate(conn: &mut PgConnection) -> Result<Vec<String>, String> {
    use diesel::{RunQueryDsl, sql_query};
    // An arbitrary constant naming "keyport migrations" among advisory locks.
    const MIGRATIONS_LOCK: &str = "7417418";
    sql_query(format!("SELECT pg_advisory_lock({MIGRATIONS_LOCK})"))
        .execute(conn)
        .map_err(|e| format!("cannot take the migrations lock: {e}"))?;
    let applied = conn
        .run_pending_migrations(MIGRATIONS)
        .map(|versions| versions.iter().map(ToString::to_string).collect())
        .map_err(|e| format!("migrations failed: {e}"));
    // Released with the session too, should this fail.
    let _ = sql_query(format!("SELECT pg_advisory_unlock({MIGRATIONS_LOCK})")).execute(conn);
    applied
}

/// True when every migration this build knows of has been applied.
pub fn migrations_current(conn: &mut PgConnection) -> bool {
    conn.has_pending_migration(MIGRATIONS).is_ok_and(|pending| !pending)
}
