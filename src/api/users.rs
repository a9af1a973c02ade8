//! A tenant's users and their licences, administered by tenant admins and delegated admins.

use actix_web::{HttpRequest, HttpResponse, delete, get, http::header, patch, post, put, web};
use uuid::Uuid;

use crate::http::extract::{CSV, wants_csv};
use crate::views::tenants::UserView;
use crate::views::users::users_csv;
use crate::views::users::{CreateUser, License, UpdateUser, UserCreated};
use crate::{
    app::users::{self},
    auth::Principal,
    error::Error,
    http::problem::Problem,
    state::AppState,
    views::auth::ActivationIssued,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    state::transaction,
    state::{bulk_read, read},
    views::pages::{ListOf, Pagination},
};

/// Add a user to a tenant
///
/// For the tenant's administrators, and delegated admins with `user_administrator`
/// (`global_administrator` for an admin user, `license_administrator` too when a licence
/// is assigned with it).
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id")),
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created, with an activation token", body = UserCreated),
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`user-exists`, `no-licenses-available`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/tenants/{id}/users")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateUser>,
) -> Result<HttpResponse, Error> {
    let (tenant_id, periods, pepper, user) = (*id, state.settings.periods(), state.pepper.clone(), body.0.into());
    let ((row, licenses), activation_token) =
        transaction(&state, move |conn, now| users::create(conn, &principal, &pepper, tenant_id, user, periods, now))
            .await?;
    Ok(HttpResponse::Created()
        .json(UserCreated { user: UserView::new(row, licenses), activation_token: activation_token.into() }))
}

/// List a tenant's users
///
/// Administrators see every user; other users only themselves. A partner needs an active
/// delegated-admin relationship (any role reads the directory). With `Accept: text/csv`
/// the answer is every user at once (`limit` and `after` do not apply), as CSV:
/// `email,first_name,last_name,admin,license_skus,activated,id,created_at`, licences as
/// SKUs separated by `;` — the columns of a user import first.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), Pagination),
    responses(
        (status = 200, description = "One page of users, or (CSV) all of them", content(
            (ListOf<UserView> = "application/json"),
            (String = "text/csv", example = "email,first_name,last_name,admin,license_skus,activated,id,created_at\nmaria@fabrikam.example,Maria,Papadopoulou,true,M365-BUSINESS-STANDARD,true,0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f11,2026-11-25T10:00:00+00:00\n"),
        )),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/tenants/{id}/users")]
pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<HttpResponse, Error> {
    let (tenant_id, page) = (*id, pagination.page()?);
    if wants_csv(&req) {
        let (rows, skus) = bulk_read(&state, move |conn, now| users::export(conn, &principal, tenant_id, now)).await?;
        let csv = HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .content_type(CSV)
            .streaming(users_csv(rows, skus));
        return Ok(csv);
    }
    let rows = read(&state, move |conn, now| users::list(conn, &principal, tenant_id, page, now)).await?;
    Ok(HttpResponse::Ok().json(ListOf::page(page, rows, |(u, _)| u.id, |(u, held)| UserView::new(u, held))))
}

/// Read a user
///
/// A user of the tenant with its licences; for who may read the tenant's directory.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserView),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/tenants/{id}/users/{user_id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<UserView>, Error> {
    let (tenant_id, user_id) = path.into_inner();
    let (row, licenses) = read(&state, move |conn, now| users::get(conn, &principal, tenant_id, user_id, now)).await?;
    Ok(web::Json(UserView::new(row, licenses)))
}

/// Update a user
///
/// A tenant keeps at least one administrator: demoting the last one answers `last-admin`.
/// A delegated admin needs `user_administrator`, and `global_administrator` to change an
/// admin user or make one.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "The updated user", body = UserView),
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`user-exists`, `last-admin`", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/tenants/{id}/users/{user_id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<UpdateUser>,
) -> Result<web::Json<UserView>, Error> {
    let (tenant_id, user_id) = path.into_inner();
    let changes = body.0.into();
    let (row, licenses) =
        transaction(&state, move |conn, now| users::update(conn, &principal, tenant_id, user_id, changes, now)).await?;
    Ok(web::Json(UserView::new(row, licenses)))
}

/// Delete a user
///
/// Frees the user's licences. The tenant's last administrator cannot be deleted. A
/// delegated admin needs `user_administrator` (`global_administrator` for an admin user).
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Deleted; licences freed"),
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`last-admin`", body = Problem, content_type = PROBLEM),
    ),
)]
#[delete("/v1/tenants/{id}/users/{user_id}")]
pub async fn remove(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let (tenant_id, user_id) = path.into_inner();
    transaction(&state, move |conn, now| users::delete(conn, &principal, tenant_id, user_id, now)).await?;
    // The user's tokens are refused from the next request on; here before this answers.
    state.learn_revocations().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Assign a licence
///
/// Takes one seat of the subscription. Never past its seats, also under concurrent
/// requests; not on a `disabled`, `deleted` or `superseded` subscription. Assigning a
/// licence the user holds answers 200. A delegated admin needs `license_administrator`.
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
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`no-licenses-available`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
    ),
)]
#[put("/v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}")]
pub async fn assign(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let (tenant_id, user_id, subscription_id) = path.into_inner();
    let periods = state.settings.periods();
    let created = transaction(&state, move |conn, now| {
        users::assign(conn, &principal, tenant_id, user_id, subscription_id, periods, now)
    })
    .await?;
    let license = License { user_id, subscription_id };
    Ok(if created { HttpResponse::Created().json(license) } else { HttpResponse::Ok().json(license) })
}

/// Free a licence
///
/// A delegated admin needs `license_administrator`.
#[utoipa::path(
    tag = "users",
    params(
        ("id" = Uuid, Path, description = "Tenant id"),
        ("user_id" = Uuid, Path, description = "User id"),
        ("subscription_id" = Uuid, Path, description = "Subscription id"),
    ),
    responses(
        (status = 204, description = "Freed"),
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
    ),
)]
#[delete("/v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}")]
pub async fn free(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let (tenant_id, user_id, subscription_id) = path.into_inner();
    transaction(&state, move |conn, now| users::free(conn, &principal, tenant_id, user_id, subscription_id, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Issue a fresh activation token
///
/// For a user who has not set a password yet (its 7-day token lapsed, or was lost): the
/// old token is voided and a new one answered, shown only here. By who may manage the
/// user (`global_administrator` for an admin user, for a delegated admin).
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 201, description = "A fresh activation token", body = ActivationIssued),
        (status = 403, description = "`delegated-admin-required`, `delegated-role-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`user-activated` (it signs in with its password)", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/tenants/{id}/users/{user_id}/activation")]
pub async fn reissue_activation(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let ((tenant_id, user_id), pepper) = (*path, state.pepper.clone());
    let (activation_token, expires_at) = transaction(&state, move |conn, now| {
        users::reissue_activation(conn, &principal, &pepper, tenant_id, user_id, now)
    })
    .await?;
    Ok(HttpResponse::Created().json(ActivationIssued { activation_token: activation_token.into(), expires_at }))
}
