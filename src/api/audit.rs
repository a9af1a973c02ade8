//! The audit log.

use actix_web::{get, web};

use crate::views::audit::{AuditEventView, AuditQuery};
use crate::{app::audit, auth::Principal, error::Error, state::AppState, store::audit::AuditFilter};
use crate::{
    http::responses::Forbidden,
    state::read,
    views::pages::{ListOf, Pagination},
};

/// Read the audit log
///
/// Every successful change, every sign-in (either outcome) and every sweep that changed
/// something, oldest first: the operator reads all, a partner its own actions and those on
/// tenants it administers now, a tenant administrator its tenant's. Records are never
/// changed or deleted.
#[utoipa::path(
    tag = "audit",
    params(AuditQuery, Pagination),
    responses(
        (status = 200, description = "One page of records", body = ListOf<AuditEventView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/audit-events")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<AuditQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<AuditEventView>>, Error> {
    let page = pagination.page()?;
    let AuditQuery { tenant_id, partner_id, actor_id, action, since, until } = query.into_inner();
    if action.as_ref().is_some_and(|a| a.chars().count() > 100) {
        return Err(Error::invalid("action", "is at most 100 characters"));
    }
    let filter = AuditFilter { tenant_id, partner_id, actor_id, action, since, until };
    let rows = read(&state, move |conn, now| audit::list(conn, &principal, &filter, page, now)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}
