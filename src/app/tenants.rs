//! Tenants: what a caller sees of them, and their settings.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz::{self, Action},
    domain::statuses::TenantStatus,
    error::Error,
    store::{
        Page, delegation, notifications,
        scopes::TenantScope,
        tenants::{self, TenantRow},
        user_imports, users, webhooks,
    },
};

/// The tenants the caller can see, one page.
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<TenantRow>, Error> {
    let scope = authz::scope(conn, principal, now)?;
    Ok(tenants::list(conn, scope, page)?)
}

/// One tenant the caller can see (404 otherwise).
pub fn get(conn: &mut PgConnection, principal: &Principal, id: Uuid, now: DateTime<Utc>) -> Result<TenantRow, Error> {
    let scope = authz::scope_of_one(conn, principal, now, "tenant")?;
    tenants::get(conn, id, scope)?.ok_or_else(|| Error::not_found("tenant"))
}

/// Changes a tenant's settings; the caller administers it.
pub fn update(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    company_name: Option<String>,
    now: DateTime<Utc>,
) -> Result<TenantRow, Error> {
    authz::tenant_to_change(conn, principal, id, now)?.may(Action::ChangeSettings)?;
    match company_name {
        Some(name) => Ok(tenants::set_company_name(conn, id, &name)?),
        None => tenants::get(conn, id, TenantScope::All)?.ok_or_else(|| Error::not_found("tenant")),
    }
}

/// Purges a tenant's data (SPEC §8): its users (with their licences and tokens), its inbox,
/// its delegated-admin relationships, pending offers, webhook endpoints and user imports go;
/// its name and domain are cleared. Its subscriptions, keys and renewals stay for the
/// partner's records. The tenant row is locked first (every change to a tenant takes it
/// `FOR KEY SHARE`, so a change lands before the purge or sees `data_deleted`). Returns
/// false when it was purged before.
pub fn purge(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> diesel::QueryResult<bool> {
    if tenants::lock_for_purge(conn, id)? != Some(TenantStatus::Active) {
        return Ok(false);
    }
    notifications::delete_of_tenant(conn, id)?;
    delegation::delete_of_tenant(conn, id)?;
    webhooks::delete_tenant_endpoints(conn, id)?;
    user_imports::delete_of_tenant(conn, id)?;
    users::delete_of_tenant(conn, id)?;
    tenants::mark_data_deleted(conn, id, now)?;
    Ok(true)
}
