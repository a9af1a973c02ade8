//! Tenants as their partners and customers see them.

use actix_web::{get, patch, web};
use uuid::Uuid;

use crate::views::tenants::{TenantView, UpdateTenant};
use crate::{app::tenants, auth::Principal, error::Error, http::problem::Problem, state::AppState};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// List the tenants the caller can see
///
/// Operator: all. Partner: tenants it created, or where it is partner of record on a
/// subscription. Customer: its own. Distributors see none (403).
#[utoipa::path(
    tag = "tenants",
    params(Pagination),
    responses(
        (status = 200, description = "One page of visible tenants", body = ListOf<TenantView>),
        (status = 403, description = "`forbidden`: distributors see no customer tenants", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/tenants")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<TenantView>>, Error> {
    let page = pagination.page()?;
    let rows = read(&state, move |conn, now| tenants::list(conn, &principal, page, now)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Read a tenant
///
/// A tenant the caller can see: its own for a customer; for a partner, one it created, is
/// partner of record for or administers.
#[utoipa::path(
    tag = "tenants",
    params(("id" = Uuid, Path, description = "Tenant id")),
    responses(
        (status = 200, description = "The tenant", body = TenantView),
    ),
)]
#[get("/v1/tenants/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<TenantView>, Error> {
    let id = *id;
    let row = read(&state, move |conn, now| tenants::get(conn, &principal, id, now)).await?;
    Ok(web::Json(row.into()))
}

/// Update a tenant's settings
///
/// For the tenant's administrators and delegated admins with `global_administrator`.
#[utoipa::path(
    tag = "tenants",
    params(("id" = Uuid, Path, description = "Tenant id")),
    request_body = UpdateTenant,
    responses(
        (status = 200, description = "The updated tenant", body = TenantView),
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/tenants/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateTenant>,
) -> Result<web::Json<TenantView>, Error> {
    let (id, name) = (*id, body.0.company_name);
    let row = transaction(&state, move |conn, now| tenants::update(conn, &principal, id, name, now)).await?;
    Ok(web::Json(row.into()))
}
