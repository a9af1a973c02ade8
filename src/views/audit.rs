//! The JSON shapes of the audit log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::store::audit::AuditRow;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Records about this tenant.
    pub tenant_id: Option<Uuid>,
    /// Records by or about this partner.
    pub partner_id: Option<Uuid>,
    /// Records by this actor (a partner or a user).
    pub actor_id: Option<Uuid>,
    /// One action: an operation id of this document (`users_create`, …), `auth_token` for
    /// sign-ins, `sweep` for the sweeper, `operator_reset_secret` for the command line's reset.
    #[param(max_length = 100)]
    pub action: Option<String>,
    /// From this instant (inclusive).
    pub since: Option<DateTime<Utc>>,
    /// Until this instant (exclusive).
    pub until: Option<DateTime<Utc>>,
}

/// Who acted (`AuditActor.role`). A schema: the text is what the audit writer records.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum ActorRole {
    Operator,
    Partner,
    Distributor,
    Customer,
    /// A failed sign-in, a revocation.
    Anonymous,
    /// The sweeper, and what the service does by itself.
    System,
}

/// How a recorded attempt ended (`AuditEventView.outcome`).
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum AuditOutcome {
    Success,
    Failure,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditActor {
    /// `operator`, `partner`, `distributor`, `customer`, `anonymous` (a failed sign-in, a
    /// revocation) or `system` (the sweeper).
    #[schema(value_type = ActorRole)]
    pub role: String,
    /// The partner, the distributor or the user.
    pub id: Option<Uuid>,
    /// The API client, or the name presented at a sign-in.
    pub client_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditTarget {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor: AuditActor,
    /// The operation id, `auth_token`, `sweep`, `webhook_endpoint_disabled` or
    /// `operator_reset_secret`.
    pub action: String,
    pub target: AuditTarget,
    pub tenant_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub source_ip: Option<String>,
    #[schema(value_type = AuditOutcome)]
    pub outcome: String,
    pub summary: String,
}

impl From<AuditRow> for AuditEventView {
    fn from(row: AuditRow) -> Self {
        Self {
            id: row.id,
            at: row.at,
            actor: AuditActor { role: row.actor_role, id: row.actor_id, client_id: row.actor_client_id },
            action: row.action,
            target: AuditTarget { kind: row.target_type, id: row.target_id },
            tenant_id: row.tenant_id,
            partner_id: row.partner_id,
            request_id: row.request_id,
            source_ip: row.source_ip,
            outcome: row.outcome,
            summary: row.summary,
        }
    }
}
