//! `AppState`: what every request and job shares, and the two ways work reaches the database.

use actix_web::web;
use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};

use std::sync::Arc;

use std::sync::{Mutex, PoisonError};

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use sha2::{Digest, Sha256};

use crate::{
    auth::{jwt::TokenKeys, revocations::Revocations, secrets::Pepper},
    clock::Clock,
    config::{Execution, Settings},
    db::{PgPool, Pooled},
    error::{Code, Error},
    limits::FailureBudgets,
    outbound::WebhookClient,
    store::idempotency::{self as kept, KeptResponse},
};

/// What every request handler shares.
pub struct AppState {
    pub pool: PgPool,
    pub clock: Clock,
    pub tokens: Arc<TokenKeys>,
    pub revocations: Arc<Revocations>,
    pub pepper: Pepper,
    pub limits: FailureBudgets,
    pub settings: Settings,
    /// The client of webhook deliveries (vets every address it reaches).
    pub webhooks: WebhookClient,
    /// Wakes this instance's user-import worker (an import was accepted here).
    pub imports_waiting: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// Runs `work` on the blocking pool inside one transaction, with the business "now".
    /// An `Err` rolls everything back. In an idempotent POST the transaction is a savepoint
    /// of the request's unit (see [`Unit`]), committed with the kept response.
    pub async fn transaction<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    {
        let clock = self.clock.clone();
        let audit = crate::audit::current();
        let unit = current_unit();
        let noting = unit.clone();
        let step = move |conn: &mut PgConnection| {
            conn.transaction(|conn| {
                let now = clock.now(conn)?;
                crate::audit::begin();
                let done = work(conn, now)?;
                // The request's record, in the transaction of its change.
                if let Some(audit) = &audit {
                    let tenant = audit.record(conn, crate::audit::take(), clock.real_now())?;
                    if let (Some(unit), Some(tenant)) = (&noting, tenant) {
                        unit.concerns(tenant);
                    }
                }
                Ok(done)
            })
        };
        match unit {
            Some(unit) => in_unit(unit, self.pool.clone(), step).await,
            None => self.autocommit(step).await,
        }
    }

    /// Runs a short read: no transaction (each statement sees its own snapshot anyway), so a
    /// one-statement read is one round trip. With `KEYPORT_EXECUTION=inline` it runs on this
    /// HTTP worker when a connection is free at once — no hand-off to the blocking pool and
    /// back — and on the blocking pool otherwise, so a worker never waits for a connection.
    /// Only reads run inline: a plain SELECT never waits for a row lock, so a worker cannot
    /// end up waiting for a lock that a request it serves itself holds (an idempotent
    /// request's transaction stays open across its steps). A read that meets a dead
    /// connection (the server restarted, a failover) runs once more on a fresh one.
    pub async fn read<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: Fn(&mut PgConnection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    {
        if let Some(conn) = self.connection_at_once() {
            match inline(|| read_on(conn, &self.clock, &work)) {
                Err(e) if e.connection_lost => {}
                done => return done,
            }
        }
        self.bulk_read(work).await
    }

    /// Like [`AppState::autocommit`] — each statement committed as it runs — for work whose
    /// statements never wait for a row lock: SELECTs, and INSERTs of new rows into tables
    /// without foreign keys that nothing locks (audit records). Such work runs inline as a
    /// read does (see [`AppState::read`] for why waiting for a lock must not happen there).
    pub async fn lock_free<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, Error> + Send + 'static,
    {
        match self.connection_at_once() {
            Some(mut conn) => inline(move || work(&mut conn)),
            None => self.autocommit(work).await,
        }
    }

    /// A connection for work on this HTTP worker: in inline mode, one the pool has free now —
    /// but not while connections are suspect after one was lost, when a checkout first asks
    /// the server (a failover's old host may never answer: that wait belongs off the worker).
    fn connection_at_once(&self) -> Option<Pooled> {
        if self.settings.execution != Execution::Inline || crate::db::suspect() {
            return None;
        }
        let conn = self.pool.try_get()?;
        crate::metrics::checked_out_at_once();
        Some(conn)
    }

    /// Runs a read on the blocking pool, whatever the execution mode: for reads that take
    /// long (exports, stock reports), which would hold up every request on an HTTP worker.
    pub async fn bulk_read<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: Fn(&mut PgConnection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
    {
        let (pool, clock) = (self.pool.clone(), self.clock.clone());
        blocking(move || {
            let attempt = || read_on(pool.get()?, &clock, &work);
            match attempt() {
                Err(e) if e.connection_lost => attempt(),
                other => other,
            }
        })
        .await?
    }

    /// Like [`AppState::autocommit`], but inside the request's unit when it has one: for
    /// bookkeeping that belongs with the request's change (giving back a failure budget).
    pub async fn alongside<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, Error> + Send + 'static,
    {
        match current_unit() {
            Some(unit) => in_unit(unit, self.pool.clone(), work).await,
            None => self.autocommit(work).await,
        }
    }

    /// The barrier after a revocation this request committed (see `auth::revocations`):
    /// answers once every live instance refuses what was revoked. Should one not say so in
    /// time, this instance at least reads the revocations itself.
    pub async fn learn_revocations(&self) -> Result<(), Error> {
        let (revocations, now) = (Arc::clone(&self.revocations), self.clock.real_now());
        self.autocommit(move |conn| {
            if !revocations.barrier(conn)? {
                revocations.catch_up(conn, now)?;
            }
            Ok(())
        })
        .await
    }

    /// Runs `work` on the blocking pool with a connection of its own, each statement
    /// committed as it runs: for bookkeeping that must be visible to every other request at
    /// once (failure budgets), never for business changes.
    pub async fn autocommit<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> Result<T, Error> + Send + 'static,
    {
        let pool = self.pool.clone();
        blocking(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }
}

/// Runs `work` on the blocking pool (a thread that may wait on the database or the CPU).
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, Error> {
    web::block(work).await.map_err(Error::internal)
}

/// Runs `work` here, on the HTTP worker; a panic answers 500 as it does on the blocking
/// pool, instead of taking the worker down.
fn inline<T>(work: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(Error::internal("a read panicked on an HTTP worker")))
}

/// One read on `conn`, with the business "now".
fn read_on<T>(
    mut conn: Pooled,
    clock: &Clock,
    work: &impl Fn(&mut PgConnection, DateTime<Utc>) -> Result<T, Error>,
) -> Result<T, Error> {
    let now = clock.now(&mut conn)?;
    work(&mut conn, now)
}

/// [`AppState::transaction`] as a function, for handlers.
pub async fn transaction<T, F>(state: &AppState, work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&mut PgConnection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
{
    state.transaction(work).await
}

// The unit of an idempotent POST (see `http::idempotency`): its first database step opens
// one transaction and takes a transaction-scoped advisory lock on the caller's key; every
// later step runs as a savepoint in it; the guard commits it with the kept response.

tokio::task_local! {
    /// The unit of the idempotent request being served, if it is one.
    pub static UNIT: Arc<Unit>;
}

/// An idempotent request's transaction: opened by its first database step, committed by
/// [`guard`] with the kept response.
pub struct Unit {
    scope: String,
    key: String,
    pub fingerprint: Vec<u8>,
    /// Responses kept before this have expired.
    kept_since: DateTime<Utc>,
    /// Names the key among advisory locks.
    lock: i64,
    conn: Mutex<Option<Pooled>>,
    /// The tenant the request's change concerns (from its audit record).
    tenant: Mutex<Option<uuid::Uuid>>,
}

impl Unit {
    pub fn new(scope: String, key: String, fingerprint: Vec<u8>, kept_since: DateTime<Utc>) -> Self {
        let mut hash = Sha256::new();
        hash.update(b"idempotency\0");
        hash.update(scope.as_bytes());
        hash.update([0]);
        hash.update(key.as_bytes());
        let lock = i64::from_be_bytes(hash.finalize()[..8].try_into().expect("8 bytes"));
        Self { scope, key, fingerprint, kept_since, lock, conn: Mutex::new(None), tenant: Mutex::new(None) }
    }

    fn concerns(&self, tenant: uuid::Uuid) {
        *self.tenant.lock().unwrap_or_else(PoisonError::into_inner) = Some(tenant);
    }

    /// The tenant the request's change concerned, if any.
    pub fn tenant(&self) -> Option<uuid::Uuid> {
        *self.tenant.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn take(&self) -> Option<Pooled> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    fn put(&self, conn: Pooled) {
        *self.conn.lock().unwrap_or_else(PoisonError::into_inner) = Some(conn);
    }
}

/// The unit of the request being served, when it is an idempotent one.
pub fn current_unit() -> Option<Arc<Unit>> {
    UNIT.try_with(Arc::clone).ok()
}

fn in_flight() -> Error {
    Error {
        retry_after: Some(1),
        ..Error::new(
            Code::IdempotencyKeyInFlight,
            "A request with this Idempotency-Key is still running; retry shortly.",
        )
    }
}

/// The unit's connection, opening its transaction on first use: `BEGIN`, the key's
/// advisory lock (409 when another request holds it) and a last look for a response kept
/// since the guard's (409 as well: the retry is then replayed).
fn unit_connection(unit: &Unit, pooled: Option<Pooled>, pool: &PgPool) -> Result<Pooled, Error> {
    if let Some(conn) = pooled {
        return Ok(conn);
    }
    let mut conn = pool.get()?;
    AnsiTransactionManager::begin_transaction(&mut *conn)?;
    let free = kept::try_lock(&mut conn, unit.lock)
        .and_then(|locked| Ok(locked && kept::find(&mut conn, &unit.scope, &unit.key, unit.kept_since)?.is_none()));
    match free {
        Ok(true) => Ok(conn),
        Ok(false) => {
            AnsiTransactionManager::rollback_transaction(&mut *conn)?;
            Err(in_flight())
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `work` on the unit's connection (in a savepoint of its transaction), handing the
/// connection back to the unit afterwards.
async fn in_unit<T, F>(unit: Arc<Unit>, pool: PgPool, work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&mut PgConnection) -> Result<T, Error> + Send + 'static,
{
    let pooled = unit.take();
    let (conn, result) = {
        let unit = Arc::clone(&unit);
        blocking(move || match unit_connection(&unit, pooled, &pool) {
            // A lost connection is dropped here, on the thread that saw it lost, so the pool
            // discards it; its transaction is gone with it, and the guard has nothing to commit.
            Ok(mut conn) => match work(&mut conn) {
                Err(e) if e.connection_lost => (None, Err(e)),
                result => (Some(conn), result),
            },
            Err(e) => (None, Err(e)),
        })
        .await?
    };
    if let Some(conn) = conn {
        unit.put(conn);
    }
    result
}

/// Keeps the response (when it is kept) and commits the unit: the change and the answer
/// that describes it become durable together.
pub fn commit(mut conn: Pooled, unit: &Unit, keep: Option<KeptResponse>) -> Result<(), Error> {
    let result = match keep {
        Some(response) => kept::keep(&mut conn, &unit.scope, &unit.key, &response),
        None => Ok(()),
    }
    .and_then(|()| AnsiTransactionManager::commit_transaction(&mut *conn));
    result.map_err(|e| match Error::from(e) {
        e if e.code == Code::Internal => Error::unavailable("the request's transaction could not commit"),
        e => e,
    })
}

/// [`AppState::read`] as a function, for handlers.
pub async fn read<T, F>(state: &AppState, work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: Fn(&mut PgConnection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
{
    state.read(work).await
}

/// [`AppState::bulk_read`] as a function, for handlers.
pub async fn bulk_read<T, F>(state: &AppState, work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: Fn(&mut PgConnection, DateTime<Utc>) -> Result<T, Error> + Send + 'static,
{
    state.bulk_read(work).await
}
