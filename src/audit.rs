//! The audit record of each change (SPEC §10): who did what to which object, from where.
//!
//! A state-changing request carries a [`RequestAudit`] (set up by `http::audit` before the
//! handler runs; the caller is added when its token is read). The request's first
//! successful transaction appends one record, in that transaction (`AppState::transaction`):
//! the target is what the use case noted with [`note`] while it ran, else what the path
//! names. Sign-ins (either outcome) and sweeps are recorded explicitly. A record holds
//! names and ids only — never a body, so never a secret.

use std::{
    cell::RefCell,
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicBool, Ordering},
    },
};

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    store::audit::{self as store, AuditRow},
};

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: &'static str,
    pub id: Option<Uuid>,
    pub client_id: Option<String>,
    /// A customer's tenant: what it does concerns its tenant.
    pub tenant_id: Option<Uuid>,
}

impl Actor {
    pub fn of(principal: &Principal) -> Self {
        match principal {
            Principal::Operator { client_id } => {
                Self { role: "operator", id: None, client_id: Some(client_id.clone()), tenant_id: None }
            }
            Principal::Partner { partner_id, client_id } => {
                Self { role: "partner", id: Some(*partner_id), client_id: Some(client_id.clone()), tenant_id: None }
            }
            Principal::Distributor { distributor_id, client_id } => Self {
                role: "distributor",
                id: Some(*distributor_id),
                client_id: Some(client_id.clone()),
                tenant_id: None,
            },
            Principal::Customer { user_id, tenant_id, .. } => Self::customer(*user_id, *tenant_id),
        }
    }

    pub fn customer(user_id: Uuid, tenant_id: Uuid) -> Self {
        Self { role: "customer", id: Some(user_id), client_id: None, tenant_id: Some(tenant_id) }
    }

    pub fn anonymous() -> Self {
        Self { role: "anonymous", id: None, client_id: None, tenant_id: None }
    }

    /// An API client signing in, known by the client id it presented (cut short: it is
    /// the caller's).
    pub fn signing_in(role: &'static str, id: Option<Uuid>, client_id: &str) -> Self {
        Self { role, id, client_id: Some(client_id.chars().take(200).collect()), tenant_id: None }
    }
}

/// What a change was to: noted by the use case, or read from the path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    pub kind: Option<String>,
    pub id: Option<String>,
    pub tenant_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    /// The problem code when the transaction committed only the tidying-up of a refusal
    /// (an expiry found on the way) and the caller is answered with an error.
    pub refused: Option<&'static str>,
}

impl Target {
    /// Fills what `self` leaves open from `other`.
    fn or(self, other: &Target) -> Target {
        Target {
            kind: self.kind.or_else(|| other.kind.clone()),
            id: self.id.or_else(|| other.id.clone()),
            tenant_id: self.tenant_id.or(other.tenant_id),
            partner_id: self.partner_id.or(other.partner_id),
            refused: self.refused.or(other.refused),
        }
    }
}

/// The audit context of one state-changing request.
#[derive(Debug)]
pub struct RequestAudit {
    /// The operation's id in the published document (`users_create`, …).
    pub action: String,
    pub request_id: String,
    pub source_ip: String,
    /// What the route's path names.
    pub path_target: Target,
    /// Recorded by hand (sign-ins), not by the request's transaction.
    pub manual: bool,
    actor: Mutex<Actor>,
    recorded: AtomicBool,
}

impl RequestAudit {
    pub fn new(action: String, request_id: String, source_ip: String, path_target: Target, manual: bool) -> Self {
        Self {
            action,
            request_id,
            source_ip,
            path_target,
            manual,
            actor: Mutex::new(Actor::anonymous()),
            recorded: AtomicBool::new(false),
        }
    }

    pub fn set_actor(&self, actor: Actor) {
        *self.actor.lock().unwrap_or_else(PoisonError::into_inner) = actor;
    }

    fn actor(&self) -> Actor {
        self.actor.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Appends the request's record in the caller's transaction, once per request; `noted`
    /// is what the use case said it changed. Returns the tenant the change concerns, if any.
    pub fn record(
        &self,
        conn: &mut PgConnection,
        noted: Target,
        at: DateTime<Utc>,
    ) -> diesel::QueryResult<Option<Uuid>> {
        if self.manual || self.recorded.swap(true, Ordering::SeqCst) {
            return Ok(None);
        }
        let target = noted.or(&self.path_target);
        let tenant_id = target.tenant_id;
        let (outcome, summary) = match target.refused {
            Some(code) => ("failure", Some(format!("{} refused: {code}", self.action))),
            None => ("success", None),
        };
        let result = append(conn, self, self.actor(), target, outcome, summary.as_deref(), at);
        if result.is_err() {
            // Rolled back with the change: a retry of the request records it then.
            self.recorded.store(false, Ordering::SeqCst);
        }
        result.map(|()| tenant_id)
    }

    /// The request's record for work that ran in many transactions of its own (a job run
    /// on demand), once it is done.
    pub fn record_done(&self, conn: &mut PgConnection, summary: &str, at: DateTime<Utc>) -> diesel::QueryResult<()> {
        if self.recorded.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        append(conn, self, self.actor(), self.path_target.clone(), "success", Some(summary), at)
    }

    /// A record outside the request's transaction (a sign-in, which changes nothing or
    /// fails): `outcome` `success` or `failure`.
    pub fn record_alone(
        &self,
        conn: &mut PgConnection,
        actor: Actor,
        outcome: &'static str,
        summary: &str,
        at: DateTime<Utc>,
    ) -> diesel::QueryResult<()> {
        let target = Target {
            kind: actor.id.map(|_| actor.role.to_string()),
            id: actor.id.map(|id| id.to_string()),
            ..Target::default()
        };
        let target = target.or(&self.path_target);
        append(conn, self, actor, target, outcome, Some(summary), at)
    }
}

fn append(
    conn: &mut PgConnection,
    request: &RequestAudit,
    actor: Actor,
    target: Target,
    outcome: &'static str,
    summary: Option<&str>,
    at: DateTime<Utc>,
) -> diesel::QueryResult<()> {
    let partner_id = target.partner_id.or(if actor.role == "partner" { actor.id } else { None });
    let tenant_id = target.tenant_id.or(actor.tenant_id);
    let summary = match summary {
        Some(s) => s.to_string(),
        None => format!(
            "{} {}",
            request.action,
            target
                .kind
                .as_deref()
                .map(|k| format!("on {k} {}", target.id.as_deref().unwrap_or("-")))
                .unwrap_or_default()
        )
        .trim_end()
        .to_string(),
    };
    store::append(
        conn,
        &AuditRow {
            id: Uuid::now_v7(),
            at,
            actor_role: actor.role.to_string(),
            actor_id: actor.id,
            actor_client_id: actor.client_id,
            action: request.action.clone(),
            target_type: target.kind,
            target_id: target.id,
            tenant_id,
            partner_id,
            request_id: Some(request.request_id.clone()),
            source_ip: Some(request.source_ip.clone()),
            outcome: outcome.to_string(),
            summary,
        },
    )
}

/// What the service did by itself (`sweep`, `webhook_endpoint_disabled`), in the
/// transaction that did it.
pub fn record_system(
    conn: &mut PgConnection,
    action: &str,
    target: Target,
    summary: String,
    at: DateTime<Utc>,
) -> diesel::QueryResult<()> {
    store::append(
        conn,
        &AuditRow {
            id: Uuid::now_v7(),
            at,
            actor_role: "system".into(),
            actor_id: None,
            actor_client_id: None,
            action: action.into(),
            target_type: target.kind,
            target_id: target.id,
            tenant_id: target.tenant_id,
            partner_id: target.partner_id,
            request_id: None,
            source_ip: None,
            outcome: "success".into(),
            summary,
        },
    )
}

tokio::task_local! {
    /// The audit context of the state-changing request being served.
    pub static REQUEST: Arc<RequestAudit>;
}

/// The request's audit context, if it is a state-changing request.
pub fn current() -> Option<Arc<RequestAudit>> {
    REQUEST.try_with(Arc::clone).ok()
}

thread_local! {
    /// What the use case running on this thread noted (cleared by [`begin`]).
    static NOTED: RefCell<Target> = RefCell::default();
}

/// Starts a transaction's notes (on the thread that runs it).
pub fn begin() {
    NOTED.with(|n| *n.borrow_mut() = Target::default());
}

/// What was noted since [`begin`].
pub fn take() -> Target {
    NOTED.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

/// The use case says what it changed: `kind` and `id`, and the tenant or partner it
/// concerns (who may read the record depends on them).
pub fn note(kind: &str, id: impl ToString, tenant_id: Option<Uuid>, partner_id: Option<Uuid>) {
    NOTED.with(|n| {
        let mut noted = n.borrow_mut();
        noted.kind = Some(kind.to_string());
        noted.id = Some(id.to_string());
        noted.tenant_id = tenant_id.or(noted.tenant_id);
        noted.partner_id = partner_id.or(noted.partner_id);
    });
}

/// The use case commits only the tidying-up of a refusal (`code`): the record says so.
pub fn refused(code: &'static str) {
    NOTED.with(|n| n.borrow_mut().refused = Some(code));
}
