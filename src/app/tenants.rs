//! Tenants: what a caller sees of them, and their settings.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz::{self, Action},
    error::ApiError,
    store::{
        Page,
        tenants::{self, TenantRow, TenantScope},
    },
};

/// The tenants the caller can see, one page.
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<TenantRow>, ApiError> {
    let scope = authz::scope(conn, principal, now)?;
    Ok(tenants::list(conn, scope, page)?)
}

/// One tenant the caller can see (404 otherwise).
pub fn get(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<TenantRow, ApiError> {
    let scope = authz::scope(conn, principal, now)?;
    tenants::get(conn, id, scope)?.ok_or_else(|| ApiError::not_found("tenant"))
}

/// Changes a tenant's settings; the caller administers it.
pub fn update(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    company_name: Option<String>,
    now: DateTime<Utc>,
) -> Result<TenantRow, ApiError> {
    authz::tenant_to_change(conn, principal, id, now)?.may(Action::ChangeSettings)?;
    match company_name {
        Some(name) => Ok(tenants::set_company_name(conn, id, &name)?),
        None => tenants::get(conn, id, TenantScope::All)?.ok_or_else(|| ApiError::not_found("tenant")),
    }
}
