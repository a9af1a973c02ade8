//! Access checks: who is signed in, and what it may use now.

use actix_web::{get, web};
use uuid::Uuid;

use crate::views::access::{Entitlements, MeView};
use crate::views::tenants::{TenantView, UserView};
use crate::{app::access, auth::Principal, error::Error, state::AppState};
use crate::{http::responses::Forbidden, state::read};

/// Who am I
///
/// The signed-in customer user, its tenant and whether it administers it (partners read
/// `/v1/partners/me`).
#[utoipa::path(
    tag = "access",
    responses(
        (status = 200, description = "The user and its tenant", body = MeView),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/me")]
pub async fn me(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<MeView>, Error> {
    let (user, tenant, licences) = read(&state, move |conn, _| access::me(conn, &principal)).await?;
    Ok(web::Json(MeView { user: UserView::new(user, licences), tenant: TenantView::from(tenant) }))
}

/// What may I use now
///
/// The check an application makes at sign-in: one entry per licence of the signed-in
/// user, `usable` while its subscription is `active` or `expired` (grace), not from
/// `disabled` on. Read from one indexed query, at this instant.
#[utoipa::path(
    tag = "access",
    responses(
        (status = 200, description = "The user's entitlements", body = Entitlements),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/me/entitlements")]
pub async fn my_entitlements(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Entitlements>, Error> {
    let periods = state.settings.periods();
    let entitlements = read(&state, move |conn, now| access::my_entitlements(conn, &principal, periods, now)).await?;
    Ok(web::Json(Entitlements { data: entitlements.into_iter().map(Into::into).collect() }))
}

/// A user's entitlements
///
/// The same check for any user of the tenant, by who administers it (its administrators,
/// a delegated admin), or by the user itself.
#[utoipa::path(
    tag = "access",
    params(("id" = Uuid, Path, description = "Tenant id"), ("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user's entitlements", body = Entitlements),
        (status = 403, description = "`forbidden`, `delegated-admin-required`", body = crate::http::problem::Problem, content_type = crate::http::PROBLEM),
    ),
)]
#[get("/v1/tenants/{id}/users/{user_id}/entitlements")]
pub async fn user_entitlements(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Entitlements>, Error> {
    let ((tenant_id, user_id), periods) = (*path, state.settings.periods());
    let entitlements =
        read(&state, move |conn, now| access::user_entitlements(conn, &principal, tenant_id, user_id, periods, now))
            .await?;
    Ok(web::Json(Entitlements { data: entitlements.into_iter().map(Into::into).collect() }))
}
