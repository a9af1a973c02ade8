//! A tenant's users and their licences, administered by tenant admins and delegated admins.

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use chrono::{DateTime, Days, Utc};
use diesel::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    extract::{Json, ListOf, Pagination},
    tenants::UserView,
    transaction,
};
use crate::{
    AppState,
    auth::{
        Principal,
        secrets::{ACTIVATION_TOKEN_PREFIX, SecretKind, new_secret},
    },
    authz,
    domain::lifecycle::{Periods, SubscriptionStatus},
    error::{ApiError, Code, Problem},
    store::{
        self, subscriptions,
        users::{self, UserChanges, UserRow},
    },
};

/// Days an activation token stays valid.
pub const ACTIVATION_DAYS: u64 = 7;

/// Creates a user's single-use activation token; returns it in plain text (stored as a digest).
pub fn issue_activation_token(
    conn: &mut PgConnection,
    state: &AppState,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let token = new_secret(ACTIVATION_TOKEN_PREFIX);
    let digest = state.pepper.digest(SecretKind::ActivationToken, &token);
    users::insert_activation_token(conn, &digest, user_id, now + Days::new(ACTIVATION_DAYS), now)?;
    Ok(token)
}

/// Assigns a licence on a subscription of `tenant_id` to a user, never past its seats: the
/// subscription row is locked while its assignments are counted. Returns false when the
/// user already held one.
pub fn assign_license(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    subscription_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
    periods: Periods,
) -> Result<bool, ApiError> {
    let subscription = subscriptions::lock(conn, subscription_id)?
        .filter(|s| s.tenant_id == tenant_id)
        .ok_or_else(|| ApiError::not_found("subscription in this tenant"))?;
    let status = periods.status(subscription.ends_at, subscription.superseded_by.is_some(), now);
    if !matches!(status, SubscriptionStatus::Active | SubscriptionStatus::Expired) {
        return Err(ApiError::new(
            Code::SubscriptionInactive,
            format!("The subscription is {}: no new licences can be assigned.", status.as_str()),
        ));
    }
    if subscriptions::has_license(conn, subscription_id, user_id)? {
        return Ok(false);
    }
    let assigned = subscriptions::assigned_seats(conn, subscription_id)?;
    if assigned >= i64::from(subscription.seats) {
        return Err(ApiError::new(
            Code::NoLicensesAvailable,
            format!("All {} seats are assigned; free one or add seats with another key.", subscription.seats),
        ));
    }
    subscriptions::assign_license(conn, subscription_id, user_id, now)?;
    Ok(true)
}

/// A taken e-mail address is `user-exists`.
pub fn user_exists(e: diesel::result::Error) -> ApiError {
    if store::violates(&e, users::EMAIL_KEY) {
        ApiError::new(Code::UserExists, "A user with this e-mail address already exists.")
    } else {
        e.into()
    }
}

/// A user of a tenant the caller administers.
fn administered_user(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<UserRow, ApiError> {
    authz::tenant_to_change(conn, principal, tenant_id, now)?.administer()?;
    // Locked against a concurrent deletion while its licences and fields change.
    users::lock_in_tenant(conn, tenant_id, user_id)?.ok_or_else(|| ApiError::not_found("user"))
}

/// The user with the subscriptions it holds licences on.
fn user_view(conn: &mut PgConnection, row: UserRow) -> Result<UserView, ApiError> {
    let licenses = users::licenses_of(conn, &[row.id])?.into_iter().map(|(_, s)| s).collect();
    Ok(UserView::new(row, licenses))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "nikos@fabrikam.example", "first_name": "Nikos", "last_name": "Georgiou",
    "admin": false, "license_subscription_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01"
}))]
pub struct CreateUser {
    #[validate(email(message = "must be an e-mail address"), length(max = 254, message = "is too long"))]
    #[schema(max_length = 254)]
    pub email: String,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: String,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: String,
    /// Tenant administrator (default false).
    #[serde(default)]
    pub admin: bool,
    /// Assign a licence on this subscription of the tenant right away.
    pub license_subscription_id: Option<Uuid>,
}

/// A new user and the token that lets them set a password.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserCreated {
    pub user: UserView,
    /// Hand to the user: `POST /v1/auth/activate` (valid 7 days, once).
    pub activation_token: String,
}

/// Add a user to a tenant
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id")),
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created, with an activation token", body = UserCreated),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant visible to the caller, or no such subscription in it", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`user-exists`, `no-licenses-available`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/tenants/{id}/users")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let tenant_id = *id;
    let body = body.0;
    let periods = state.settings.periods();
    let app = state.clone();
    let created = transaction(&state, move |conn, now| {
        authz::tenant_to_change(conn, &principal, tenant_id, now)?.administer()?;
        let row = UserRow {
            id: Uuid::now_v7(),
            tenant_id,
            email: body.email,
            first_name: body.first_name,
            last_name: body.last_name,
            admin: body.admin,
            password_hash: None,
            created_at: now,
        };
        users::insert(conn, &row).map_err(user_exists)?;
        if let Some(subscription_id) = body.license_subscription_id {
            assign_license(conn, tenant_id, subscription_id, row.id, now, periods)?;
        }
        let activation_token = issue_activation_token(conn, &app, row.id, now)?;
        Ok(UserCreated { user: user_view(conn, row)?, activation_token })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// List a tenant's users
///
/// Administrators see every user; other users only themselves.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), Pagination),
    responses(
        (status = 200, description = "One page of users", body = ListOf<UserView>),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (limit or cursor)", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/tenants/{id}/users")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<UserView>>, ApiError> {
    let tenant_id = *id;
    let page = pagination.page()?;
    let (rows, licenses) = transaction(&state, move |conn, now| {
        let access = authz::tenant(conn, &principal, tenant_id, now)?;
        let only = match access {
            authz::TenantAccess::Customer { user_id, admin: false } => Some(user_id),
            _ => {
                access.administer()?;
                None
            }
        };
        let rows = users::list(conn, tenant_id, only, page)?;
        let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
        Ok((rows, users::licenses_of(conn, &ids)?))
    })
    .await?;
    let (rows, next) = page.finish(rows, |u| u.id);
    let views = rows
        .into_iter()
        .map(|u| {
            let held = licenses.iter().filter(|(user, _)| *user == u.id).map(|(_, s)| *s).collect();
            UserView::new(u, held)
        })
        .collect();
    Ok(web::Json(ListOf::new(views, next)))
}

/// Read a user
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant or user visible to the caller", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/tenants/{id}/users/{user_id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<UserView>, ApiError> {
    let (tenant_id, user_id) = path.into_inner();
    let view = transaction(&state, move |conn, now| {
        let access = authz::tenant(conn, &principal, tenant_id, now)?;
        if !matches!(access, authz::TenantAccess::Customer { admin: false, .. }) {
            access.administer()?;
        }
        let row = users::get_in_tenant(conn, tenant_id, user_id)?
            .filter(|u| access.reads_user(u.id))
            .ok_or_else(|| ApiError::not_found("user"))?;
        user_view(conn, row)
    })
    .await?;
    Ok(web::Json(view))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"admin": true}))]
pub struct UpdateUser {
    #[validate(email(message = "must be an e-mail address"), length(max = 254, message = "is too long"))]
    #[schema(max_length = 254)]
    pub email: Option<String>,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: Option<String>,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: Option<String>,
    pub admin: Option<bool>,
}

/// Fails with `last-admin` when `user_id` is the tenant's only administrator.
fn keep_an_admin(conn: &mut PgConnection, tenant_id: Uuid, user_id: Uuid) -> Result<(), ApiError> {
    let admins = users::lock_admins(conn, tenant_id)?;
    if admins == [user_id] {
        return Err(ApiError::new(Code::LastAdmin, "This is the tenant's only administrator; name another first."));
    }
    Ok(())
}

/// Update a user
///
/// A tenant keeps at least one administrator: demoting the last one answers `last-admin`.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "The updated user", body = UserView),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant or user visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`user-exists`, `last-admin`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[patch("/v1/tenants/{id}/users/{user_id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<UpdateUser>,
) -> Result<web::Json<UserView>, ApiError> {
    let (tenant_id, user_id) = path.into_inner();
    let body = body.0;
    let view = transaction(&state, move |conn, now| {
        let row = administered_user(conn, &principal, tenant_id, user_id, now)?;
        if row.admin && body.admin == Some(false) {
            keep_an_admin(conn, tenant_id, user_id)?;
        }
        let changes = UserChanges {
            email: body.email,
            first_name: body.first_name,
            last_name: body.last_name,
            admin: body.admin,
        };
        let row = users::update(conn, user_id, &changes).map_err(user_exists)?;
        user_view(conn, row)
    })
    .await?;
    Ok(web::Json(view))
}

/// Delete a user
///
/// Frees the user's licences. The tenant's last administrator cannot be deleted.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Deleted; licences freed"),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant or user visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`last-admin`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/tenants/{id}/users/{user_id}")]
pub async fn remove(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (tenant_id, user_id) = path.into_inner();
    transaction(&state, move |conn, now| {
        let row = administered_user(conn, &principal, tenant_id, user_id, now)?;
        if row.admin {
            keep_an_admin(conn, tenant_id, user_id)?;
        }
        Ok(users::delete(conn, user_id)?)
    })
    .await?;
    // The user's tokens are refused from the next request on; here before this answers.
    state.learn_revocations().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A licence: a user's seat on a subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct License {
    pub user_id: Uuid,
    pub subscription_id: Uuid,
}

/// Assign a licence
///
/// Takes one seat of the subscription. Never past its seats, also under concurrent
/// requests; not on a `disabled`, `deleted` or `superseded` subscription. Assigning a
/// licence the user holds answers 200.
#[utoipa::path(
    tag = "users",
    params(
        ("id" = Uuid, Path, description = "Tenant id"),
        ("user_id" = Uuid, Path, description = "User id"),
        ("subscription_id" = Uuid, Path, description = "Subscription id"),
    ),
    responses(
        (status = 201, description = "Assigned", body = License),
        (status = 200, description = "The user already held this licence", body = License),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant, user or subscription visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`no-licenses-available`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[put("/v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}")]
pub async fn assign(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (tenant_id, user_id, subscription_id) = path.into_inner();
    let periods = state.settings.periods();
    let created = transaction(&state, move |conn, now| {
        administered_user(conn, &principal, tenant_id, user_id, now)?;
        assign_license(conn, tenant_id, subscription_id, user_id, now, periods)
    })
    .await?;
    let license = License { user_id, subscription_id };
    Ok(if created { HttpResponse::Created().json(license) } else { HttpResponse::Ok().json(license) })
}

/// Free a licence
#[utoipa::path(
    tag = "users",
    params(
        ("id" = Uuid, Path, description = "Tenant id"),
        ("user_id" = Uuid, Path, description = "User id"),
        ("subscription_id" = Uuid, Path, description = "Subscription id"),
    ),
    responses(
        (status = 204, description = "Freed"),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant or user visible to the caller, or no such licence", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}")]
pub async fn free(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (tenant_id, user_id, subscription_id) = path.into_inner();
    transaction(&state, move |conn, now| {
        administered_user(conn, &principal, tenant_id, user_id, now)?;
        if subscriptions::free_license(conn, subscription_id, user_id)? {
            Ok(())
        } else {
            Err(ApiError::not_found("licence"))
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
