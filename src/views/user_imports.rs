//! The JSON shapes of bulk user imports.

use std::collections::HashMap;

use crate::views::secret::ShownOnce;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    domain::user_imports::{ImportRow, RowRefusal},
    store::user_imports::ImportState,
};

/// A JSON import: up to 10 000 users. Each row is checked on its own: a row with an
/// invalid field is refused (`validation-failed`) and the others still go ahead.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"users": [
    {"email": "eleni@fabrikam.example", "first_name": "Eleni", "last_name": "Papadaki", "admin": false,
     "license_skus": ["TEAMS-ESSENTIALS"]},
    {"email": "kostas@fabrikam.example", "first_name": "Kostas", "last_name": "Ioannou"}
]}))]
pub struct CreateUserImport {
    /// 1 to 10 000 users (else 422 `validation-failed` on `body`).
    #[schema(min_items = 1, max_items = 10000)]
    pub users: Vec<ImportUser>,
}

/// One user to create. `email` must be an e-mail address (at most 254 characters), the
/// names 1 to 100 characters; `license_skus` names at most 20 products the tenant has a
/// live subscription of.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportUser {
    #[schema(max_length = 254)]
    pub email: String,
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: String,
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: String,
    /// Tenant administrator (default false).
    #[serde(default)]
    pub admin: bool,
    /// A licence on the tenant's subscription of each of these products.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub license_skus: Vec<String>,
}

impl CreateUserImport {
    /// The rows, numbered from 1 in the order given.
    pub fn into_rows(self) -> Vec<(ImportRow, Option<RowRefusal>)> {
        (1..)
            .zip(self.users)
            .map(|(line, u)| {
                let row = ImportRow {
                    line,
                    email: u.email,
                    first_name: u.first_name,
                    last_name: u.last_name,
                    admin: u.admin,
                    license_skus: u.license_skus,
                };
                (row, None)
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Accepted; no worker has started on it yet.
    Queued,
    Running,
    /// Every row has its outcome.
    Completed,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    Pending,
    Created,
    Error,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportCounts {
    pub total: i64,
    pub pending: i64,
    pub created: i64,
    pub error: i64,
}

/// One row's outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportRowView {
    /// CSV: the line the row starts on (the header is line 1); JSON: its position in
    /// `users`, from 1.
    pub line: i32,
    pub email: String,
    pub outcome: RowOutcome,
    /// Why the row was refused (`error`): `validation-failed`, `user-exists` (the address
    /// is taken, or an earlier row of the import has it), `unknown-sku`,
    /// `subscription-inactive`, `no-licenses-available`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The user created (`created`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Uuid>,
    /// The created user's activation token (`POST /v1/auth/activate`, valid 7 days): in the
    /// first answer to the importer after the user was created, and never again (a lost
    /// one is replaced with `POST /v1/tenants/{id}/users/{user_id}/activation`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub activation_token: Option<ShownOnce>,
}

/// A user import and every row's outcome so far.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f10", "tenant_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f02",
    "status": "completed", "counts": {"total": 2, "pending": 0, "created": 1, "error": 1},
    "created_at": "2026-11-25T10:00:00Z", "started_at": "2026-11-25T10:00:00Z",
    "completed_at": "2026-11-25T10:00:01Z",
    "rows": [
        {"line": 2, "email": "eleni@fabrikam.example", "outcome": "created",
         "user_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f11", "activation_token": "kpa_3q2…"},
        {"line": 3, "email": "kostas@fabrikam.example", "outcome": "error", "code": "no-licenses-available",
         "detail": "Every seat of the tenant's TEAMS-ESSENTIALS subscription is assigned."}
    ]
}))]
pub struct UserImportView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub status: ImportStatus,
    pub counts: ImportCounts,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    /// Every row, in line order.
    pub rows: Vec<ImportRowView>,
}

impl From<ImportState> for UserImportView {
    fn from(state: ImportState) -> Self {
        let ImportState { import, rows, tokens } = state;
        let mut tokens: HashMap<i32, String> = tokens.into_iter().collect();
        let rows: Vec<ImportRowView> = rows
            .into_iter()
            .map(|r| ImportRowView {
                line: r.line,
                outcome: match r.outcome.as_deref() {
                    None => RowOutcome::Pending,
                    Some("created") => RowOutcome::Created,
                    Some(_) => RowOutcome::Error,
                },
                activation_token: tokens.remove(&r.line).map(ShownOnce::from),
                email: r.email,
                code: r.code,
                detail: r.detail,
                user_id: r.user_id,
            })
            .collect();
        let count = |o: RowOutcome| rows.iter().filter(|r| r.outcome == o).count() as i64;
        let counts = ImportCounts {
            total: rows.len() as i64,
            pending: count(RowOutcome::Pending),
            created: count(RowOutcome::Created),
            error: count(RowOutcome::Error),
        };
        let status = match (import.started_at, import.completed_at) {
            (_, Some(_)) => ImportStatus::Completed,
            (Some(_), None) => ImportStatus::Running,
            (None, None) => ImportStatus::Queued,
        };
        Self {
            id: import.id,
            tenant_id: import.tenant_id,
            status,
            counts,
            created_at: import.created_at,
            started_at: import.started_at,
            completed_at: import.completed_at,
            rows,
        }
    }
}
