//! Immediate revocation (SPEC §8): every instance holds the recent revocations in memory and
//! refuses a token issued to a revoked client, a deleted user or an ended sign-in.
//!
//! Why a set in memory rather than a lookup per request: an authenticated read costs one
//! database round trip, and folding a liveness check into every query of every operation
//! would be a rule each new query could forget. Instead:
//!
//! - a commit that revokes something notifies every instance (`LISTEN/NOTIFY`; a trigger
//!   sends it, so no code path can skip it) and each instance's listener applies it;
//! - the instance that revoked answers only after a barrier: it sends a sync notification
//!   after the revocation and waits until every live instance (a heartbeat row each) has
//!   acknowledged it — so the very next request, on any instance, is refused;
//! - the listener re-reads recent revocations every few seconds and after reconnecting, so
//!   a lost notification or connection costs at most that long.
//!
//! Only revocations younger than an access token's lifetime are kept: older ones refuse
//! nothing that has not expired anyway, so memory follows the revocation rate, not history.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Condvar, Mutex, PoisonError, RwLock, Weak},
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use uuid::Uuid;

use super::jwt::{Claims, Role};
use crate::{
    db::listen::Listener,
    store::revocations::{self, ACKS, CHANNEL, SIGNING_KEYS},
};

/// What the listener does when the signing keys changed (and every poll, for keys whose
/// retirement time came): reload them from the database.
pub type KeysChanged = Box<dyn Fn(&mut PgConnection) + Send + Sync>;

/// How often the listener re-reads revocations and renews its heartbeat without being woken.
const FALLBACK_POLL: Duration = Duration::from_secs(2);

/// How far back each catch-up looks: longer than any transaction that revokes something
/// takes from its insert to its commit.
const RECENT_WINDOW: chrono::Duration = chrono::Duration::minutes(5);

/// Longest a revoking request waits for the other instances before it answers anyway.
const BARRIER_TIMEOUT: Duration = Duration::from_secs(2);
/// The listener's first wait before reconnecting; each failed attempt doubles it, to 5 s.
const FIRST_BACKOFF: Duration = Duration::from_millis(100);

/// What a revocation names (the migration's triggers write clients and users themselves).
pub mod subject {
    use uuid::Uuid;

    pub fn client(client_id: &str) -> String {
        format!("client:{client_id}")
    }
    pub fn user(user_id: Uuid) -> String {
        format!("user:{user_id}")
    }
    /// A sign-in: a refresh-token family and the access tokens issued with it.
    pub fn session(family: Uuid) -> String {
        format!("session:{family}")
    }
    pub fn token(jti: &str) -> String {
        format!("token:{jti}")
    }
}

/// The subjects a token stands for: its client or user, its sign-in, and itself.
fn subjects(claims: &Claims) -> impl Iterator<Item = String> + '_ {
    let holder = match claims.role {
        Role::Operator | Role::Partner | Role::Distributor => subject::client(&claims.sub),
        Role::Customer => format!("user:{}", claims.sub), // `sub` is the user's id
    };
    [Some(holder), claims.sid.map(subject::session), Some(subject::token(&claims.jti))].into_iter().flatten()
}

/// The revocations an instance knows of, and the barriers it is waiting on.
pub struct Revocations {
    /// This instance, as its heartbeat row and acknowledgements name it.
    instance: Uuid,
    known: RwLock<Known>,
    /// Acknowledgements received per sync this instance sent, signalled on each.
    acks: (Mutex<HashMap<Uuid, HashSet<Uuid>>>, Condvar),
    /// How long a revocation matters: an access token's lifetime and a minute of leeway.
    horizon: chrono::Duration,
    /// Reloads the signing keys (set once at start-up).
    keys_changed: std::sync::OnceLock<KeysChanged>,
}

#[derive(Default)]
struct Known {
    /// Whether the whole horizon has been read once.
    loaded: bool,
    /// The latest revocation of each subject.
    by_subject: HashMap<String, DateTime<Utc>>,
}

/// One notification the listener received.
enum Notice {
    Revoked(String, DateTime<Utc>),
    Sync(Uuid),
    Ack { sync: Uuid, instance: Uuid },
    SigningKeys,
}

impl Notice {
    /// `<subject> <µs>` and `sync <id>` on the revocation channel; `<sync> <instance>` on acks;
    /// anything on the signing keys' channel.
    fn parse(channel: &str, payload: &str) -> Option<Self> {
        if channel == SIGNING_KEYS {
            return Some(Self::SigningKeys);
        }
        let (head, tail) = payload.rsplit_once(' ')?;
        if channel == ACKS {
            return Some(Self::Ack { sync: head.parse().ok()?, instance: tail.parse().ok()? });
        }
        if head == "sync" {
            return Some(Self::Sync(tail.parse().ok()?));
        }
        Some(Self::Revoked(head.to_string(), DateTime::from_timestamp_micros(tail.parse().ok()?)?))
    }
}

impl Revocations {
    pub fn new(access_token_ttl: Duration) -> Self {
        let horizon = chrono::Duration::from_std(access_token_ttl).unwrap_or(chrono::Duration::days(1))
            + chrono::Duration::minutes(1);
        Self {
            instance: Uuid::now_v7(),
            known: RwLock::new(Known::default()),
            acks: (Mutex::new(HashMap::new()), Condvar::new()),
            horizon,
            keys_changed: std::sync::OnceLock::new(),
        }
    }

    /// What to do when the signing keys change; the listener shares its connection (one
    /// connection per instance listens for both).
    pub fn on_keys_changed(&self, reload: KeysChanged) {
        let _ = self.keys_changed.set(reload);
    }

    fn reload_keys(&self, conn: &mut PgConnection) {
        if let Some(reload) = self.keys_changed.get() {
            reload(conn);
        }
    }

    /// True when something the token stands for was revoked at or after it was issued.
    pub fn refuses(&self, claims: &Claims) -> bool {
        let known = self.known.read().unwrap_or_else(PoisonError::into_inner);
        if known.by_subject.is_empty() {
            return false;
        }
        let Some(issued) = DateTime::from_timestamp(claims.iat, 0) else { return true };
        subjects(claims).any(|s| known.by_subject.get(&s).is_some_and(|revoked_at| issued <= *revoked_at))
    }

    /// Reads the revocations this instance may not have seen: everything within the horizon
    /// the first time, then a window of recent ones (re-read whole, because commits land out
    /// of sequence order; a row applied twice changes nothing).
    pub fn catch_up(&self, conn: &mut PgConnection, now: DateTime<Utc>) -> diesel::QueryResult<()> {
        let first = !self.known.read().unwrap_or_else(PoisonError::into_inner).loaded;
        let rows = revocations::since(conn, now - if first { self.horizon } else { RECENT_WINDOW })?;
        self.record(rows.into_iter().map(|r| (r.subject, r.revoked_at)), now);
        self.known.write().unwrap_or_else(PoisonError::into_inner).loaded = true;
        Ok(())
    }

    fn record(&self, revoked: impl Iterator<Item = (String, DateTime<Utc>)>, now: DateTime<Utc>) {
        let mut known = self.known.write().unwrap_or_else(PoisonError::into_inner);
        for (subject, at) in revoked {
            let latest = known.by_subject.entry(subject).or_insert(at);
            *latest = (*latest).max(at);
        }
        let horizon = now - self.horizon;
        known.by_subject.retain(|_, revoked_at| *revoked_at > horizon);
    }

    /// The barrier after a revocation this instance committed: sends a sync and waits (at
    /// most [`BARRIER_TIMEOUT`]) until every live instance, this one included, has applied
    /// everything before it. Returns whether all did; when not, the caller reads the table.
    pub fn barrier(&self, conn: &mut PgConnection) -> diesel::QueryResult<bool> {
        let sync = Uuid::now_v7();
        let (acks, arrived) = &self.acks;
        acks.lock().unwrap_or_else(PoisonError::into_inner).insert(sync, HashSet::new());
        let live = revocations::send_sync(conn, sync);
        let all = live.map(|live| {
            let deadline = Instant::now() + BARRIER_TIMEOUT;
            let mut acks = acks.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                let done = acks.get(&sync).is_some_and(|got| live.iter().all(|i| got.contains(i)));
                let left = deadline.saturating_duration_since(Instant::now());
                if done || left.is_zero() {
                    if !done {
                        tracing::warn!(%sync, "not every instance acknowledged a revocation in time");
                    }
                    return done;
                }
                acks = arrived.wait_timeout(acks, left).unwrap_or_else(PoisonError::into_inner).0;
            }
        });
        self.acks.0.lock().unwrap_or_else(PoisonError::into_inner).remove(&sync);
        all
    }

    /// Keeps this instance's revocations current while it is in use: a thread that waits for
    /// notifications on `url` (reconnecting when the connection drops), applies them and
    /// acknowledges syncs, and at least every [`FALLBACK_POLL`] re-reads recent revocations
    /// and renews this instance's heartbeat. The thread ends once the last handle on `self`
    /// is gone, removing the heartbeat.
    pub fn follow(self: &Arc<Self>, url: String) {
        let revocations = Arc::downgrade(self);
        let instance = self.instance;
        std::thread::Builder::new()
            .name("revocations".into())
            .spawn(move || {
                let mut backoff = FIRST_BACKOFF;
                while revocations.strong_count() > 0 {
                    match Self::follow_once(&revocations, &url, &mut backoff) {
                        Ok(mut conn) => {
                            let _ = revocations::forget_instance(&mut conn, instance);
                            return;
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "revocation listener lost its connection; reconnecting");
                            std::thread::sleep(backoff);
                            backoff = (backoff * 2).min(Duration::from_secs(5));
                        }
                    }
                }
            })
            .expect("start the revocation listener");
    }

    /// Follows on one connection: returns it once the revocations are no longer in use,
    /// `Err` when the connection fails. Once connected and caught up, the reconnect `backoff`
    /// starts again from its first step, so after a failover the listener is back as soon
    /// as the new primary is, not after the longest wait the outage built up.
    fn follow_once(revocations: &Weak<Self>, url: &str, backoff: &mut Duration) -> Result<PgConnection, String> {
        let text = |e: diesel::result::Error| e.to_string();
        let mut listener = Listener::connect(url, &[CHANNEL, ACKS, SIGNING_KEYS])?;
        let mut conn = PgConnection::establish(url).map_err(|e| e.to_string())?;
        diesel::connection::SimpleConnection::batch_execute(&mut conn, "SET application_name = 'keyport revocations'")
            .map_err(text)?;
        // Whatever was revoked while this instance was not listening is read whole: the
        // outage may have been longer than the recent window.
        if let Some(this) = revocations.upgrade() {
            this.known.write().unwrap_or_else(PoisonError::into_inner).loaded = false;
        }
        let mut notices: Vec<(String, String)> = Vec::new();
        let mut polled = Instant::now() - FALLBACK_POLL;
        loop {
            let Some(this) = revocations.upgrade() else { return Ok(conn) };
            let now = Utc::now();
            // Read after LISTEN took effect, so nothing committed in between is missed.
            if polled.elapsed() >= FALLBACK_POLL {
                this.catch_up(&mut conn, now).map_err(text)?;
                revocations::heartbeat(&mut conn, this.instance).map_err(text)?;
                this.reload_keys(&mut conn);
                polled = Instant::now();
                *backoff = FIRST_BACKOFF;
            }
            for (channel, payload) in std::mem::take(&mut notices) {
                match Notice::parse(&channel, &payload) {
                    Some(Notice::Revoked(subject, at)) => this.record(std::iter::once((subject, at)), now),
                    // Everything sent before the sync has been applied by now.
                    Some(Notice::Sync(sync)) => {
                        revocations::acknowledge(&mut conn, sync, this.instance).map_err(text)?
                    }
                    Some(Notice::SigningKeys) => this.reload_keys(&mut conn),
                    Some(Notice::Ack { sync, instance }) => {
                        let (acks, arrived) = &this.acks;
                        if let Some(got) = acks.lock().unwrap_or_else(PoisonError::into_inner).get_mut(&sync) {
                            got.insert(instance);
                            arrived.notify_all();
                        }
                    }
                    None => tracing::warn!(%channel, %payload, "unreadable revocation notice"),
                }
            }
            drop(this);
            notices = listener.wait(FALLBACK_POLL)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(role: Role, sub: &str, iat: i64) -> Claims {
        Claims {
            iss: "keyport".into(),
            aud: "keyport-api".into(),
            sub: sub.into(),
            iat,
            exp: iat + 900,
            jti: "jti-1".into(),
            role,
            partner_id: None,
            distributor_id: None,
            tenant_id: None,
            admin: None,
            sid: None,
            ver: None,
        }
    }

    #[test]
    fn refuses_tokens_issued_before_the_revocation_only() {
        let now = Utc::now();
        let revocations = Revocations::new(Duration::from_secs(900));
        let before = claims(Role::Partner, "client-a", now.timestamp() - 60);
        assert!(!revocations.refuses(&before));
        revocations.record(std::iter::once(("client:client-a".into(), now)), now);
        assert!(revocations.refuses(&before));
        // A client enabled again (the bootstrap operator) gets fresh tokens.
        let after = claims(Role::Partner, "client-a", now.timestamp() + 2);
        assert!(!revocations.refuses(&after));
        assert!(!revocations.refuses(&claims(Role::Partner, "client-b", now.timestamp() - 60)));
        let mut customer = claims(Role::Customer, "u", now.timestamp() - 60);
        customer.sid = Some(Uuid::nil());
        assert!(!revocations.refuses(&customer));
        revocations.record(std::iter::once((subject::session(Uuid::nil()), now)), now);
        assert!(revocations.refuses(&customer));
    }

    #[test]
    fn forgets_what_no_live_token_can_need() {
        let now = Utc::now();
        let revocations = Revocations::new(Duration::from_secs(900));
        revocations.record(std::iter::once(("user:old".into(), now - chrono::Duration::hours(1))), now);
        assert!(revocations.known.read().unwrap().by_subject.is_empty());
    }

    #[test]
    fn reads_the_notices_the_database_sends() {
        let id = Uuid::now_v7();
        assert!(matches!(Notice::parse(CHANNEL, "client:a b 1700000000000000"),
            Some(Notice::Revoked(s, at)) if s == "client:a b" && at.timestamp() == 1_700_000_000));
        assert!(matches!(Notice::parse(CHANNEL, &format!("sync {id}")), Some(Notice::Sync(s)) if s == id));
        assert!(matches!(Notice::parse(ACKS, &format!("{id} {id}")), Some(Notice::Ack { .. })));
        assert!(Notice::parse(CHANNEL, "garbage").is_none());
    }
}
