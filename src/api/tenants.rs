//! Tenants as their partners and customers see them.

use actix_web::{get, patch, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    extract::{Json, ListOf, Pagination},
    responses::{MalformedBody, NotFound, NotJson, Unauthorized, ValidationFailed},
    transaction,
};
use crate::{
    AppState,
    app::tenants,
    auth::Principal,
    domain::statuses::TenantStatus,
    error::{ApiError, Problem},
    store::{tenants::TenantRow, users::UserRow},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct TenantView {
    pub id: Uuid,
    #[schema(example = "Fabrikam Ltd")]
    pub company_name: String,
    #[schema(example = "GR")]
    pub country: String,
    /// The initial domain prefix; null once the tenant's data is deleted (the prefix is
    /// then free for a new tenant).
    #[schema(example = "fabrikam")]
    pub domain: Option<String>,
    pub status: TenantStatus,
    pub created_by_partner_id: Uuid,
    pub created_at: DateTime<Utc>,
}

impl From<TenantRow> for TenantView {
    fn from(row: TenantRow) -> Self {
        Self {
            id: row.id,
            company_name: row.company_name,
            country: row.country,
            domain: row.domain,
            status: row.status,
            created_by_partner_id: row.created_by_partner_id,
            created_at: row.created_at,
        }
    }
}

/// A person in a customer tenant.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    #[schema(example = "maria@fabrikam.example")]
    pub email: String,
    #[schema(example = "Maria")]
    pub first_name: String,
    #[schema(example = "Papadopoulou")]
    pub last_name: String,
    /// Tenant administrator.
    pub admin: bool,
    /// False until the user has set a password with the activation token.
    pub activated: bool,
    /// Subscriptions the user holds a licence on.
    pub licenses: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl UserView {
    pub fn new(row: UserRow, licenses: Vec<Uuid>) -> Self {
        Self {
            id: row.id,
            tenant_id: row.tenant_id,
            email: row.email,
            first_name: row.first_name,
            last_name: row.last_name,
            admin: row.admin,
            activated: row.password_hash.is_some(),
            licenses,
            created_at: row.created_at,
        }
    }
}

/// List the tenants the caller can see
///
/// Operator: all. Partner: tenants it created, or where it is partner of record on a
/// subscription. Customer: its own.
#[utoipa::path(
    tag = "tenants",
    params(Pagination),
    responses(
        (status = 200, description = "One page of visible tenants", body = ListOf<TenantView>),
        (status = 401, response = Unauthorized),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/tenants")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<TenantView>>, ApiError> {
    let page = pagination.page()?;
    let rows = transaction(&state, move |conn, now| tenants::list(conn, &principal, page, now)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Read a tenant
#[utoipa::path(
    tag = "tenants",
    params(("id" = Uuid, Path, description = "Tenant id")),
    responses(
        (status = 200, description = "The tenant", body = TenantView),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/tenants/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<TenantView>, ApiError> {
    let id = *id;
    let row = transaction(&state, move |conn, now| tenants::get(conn, &principal, id, now)).await?;
    Ok(web::Json(row.into()))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"company_name": "Fabrikam Hellas Ltd"}))]
pub struct UpdateTenant {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub company_name: Option<String>,
}

/// Update a tenant's settings
///
/// For the tenant's administrators and partners with an active delegated-admin relationship.
#[utoipa::path(
    tag = "tenants",
    params(("id" = Uuid, Path, description = "Tenant id")),
    request_body = UpdateTenant,
    responses(
        (status = 200, description = "The updated tenant", body = TenantView),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, response = NotFound),
        (status = 415, response = NotJson),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[patch("/v1/tenants/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateTenant>,
) -> Result<web::Json<TenantView>, ApiError> {
    let (id, name) = (*id, body.0.company_name);
    let row = transaction(&state, move |conn, now| tenants::update(conn, &principal, id, name, now)).await?;
    Ok(web::Json(row.into()))
}
