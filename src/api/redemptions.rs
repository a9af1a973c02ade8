//! The redemption wizard: attest, add keys, review, confirm, create the customer's account.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use uuid::Uuid;

use crate::views::redemptions::{
    AccountCreated, CreateAccount, CreateRedemption, RedemptionEntry, RedemptionQuery, RedemptionSummary,
    RedemptionView, SignUp, TenantKeyRedeemed,
};
use crate::views::{keys::KeyInput, subscriptions::SubscriptionView};
use crate::{
    app::redemptions::{self},
    app::retail,
    auth::Principal,
    authz,
    error::Error,
    http::problem::Problem,
    state::AppState,
    store::redemptions::RedemptionRow,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::Forbidden,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// Start a redemption
///
/// The attestation step. Keys are added next; an untouched redemption expires after
/// `KEYPORT_REDEMPTION_TTL` (30 minutes by default) and releases its keys.
#[utoipa::path(
    tag = "redemptions",
    request_body = CreateRedemption,
    responses(
        (status = 201, description = "An open redemption", body = RedemptionView),
        (status = 403, response = Forbidden),
        (status = 422, description = "`acknowledgement-required`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/redemptions")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateRedemption>,
) -> Result<HttpResponse, Error> {
    let partner_id = authz::partner(&principal)?;
    let (acknowledged, ttl) = (body.0.acknowledged == Some(true), redemptions::ttl(&state)?);
    let (review, now) =
        transaction(&state, move |conn, now| Ok((redemptions::open(conn, partner_id, acknowledged, ttl, now)?, now)))
            .await?;
    Ok(HttpResponse::Created().json(RedemptionView::new(review, now)))
}

/// List the partner's redemptions
///
/// The calling partner's redemptions, newest first, optionally of one status.
#[utoipa::path(
    tag = "redemptions",
    params(RedemptionQuery, Pagination),
    responses(
        (status = 200, description = "One page of the caller's redemptions", body = ListOf<RedemptionSummary>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/redemptions")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<RedemptionQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<RedemptionSummary>>, Error> {
    let partner_id = authz::partner(&principal)?;
    let (page, status) = (pagination.page()?, query.status);
    let (rows, now) =
        read(&state, move |conn, now| Ok((redemptions::list(conn, partner_id, status, page)?, now))).await?;
    let summary = |r: RedemptionRow| RedemptionSummary {
        id: r.id,
        status: r.status_at(now),
        expires_at: r.expires_at,
        created_at: r.created_at,
        tenant_id: r.tenant_id,
    };
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, summary)))
}

/// Review a redemption
///
/// Keys (masked), totals per product, status and expiry.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 200, description = "The redemption", body = RedemptionView),
        (status = 403, response = Forbidden),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/redemptions/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RedemptionView>, Error> {
    let (partner_id, id) = (authz::partner(&principal)?, *id);
    // A transaction, not a read: a redemption found past its time is expired here.
    let (review, now) = transaction(&state, move |conn, now| {
        Ok(redemptions::get(conn, partner_id, id, now)?.map(|review| (review, now)))
    })
    .await??;
    Ok(web::Json(RedemptionView::new(review, now)))
}

/// Cancel a redemption
///
/// Releases its keys. Only an open or confirmed redemption can be cancelled.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 204, description = "Cancelled; keys released"),
        (status = 403, response = Forbidden),
        (status = 409, description = "`redemption-not-open`: cancelled already; `redemption-completed`: its account was created", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
    ),
)]
#[delete("/v1/redemptions/{id}")]
pub async fn cancel(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let (partner_id, id) = (authz::partner(&principal)?, *id);
    transaction(&state, move |conn, now| redemptions::cancel(conn, partner_id, id, now)).await??;
    Ok(HttpResponse::NoContent().finish())
}

/// Add a product key
///
/// "Add another product key." The key is reserved for this redemption; adding a key it
/// already holds answers 200 with the same entry.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    request_body = KeyInput,
    responses(
        (status = 201, description = "Added and reserved", body = RedemptionEntry),
        (status = 200, description = "Already in this redemption", body = RedemptionEntry),
        (status = 403, response = Forbidden),
        (status = 404, description = "No such redemption; `key-not-found` (unknown or another partner's key)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-reserved`, `key-revoked`; `redemption-not-open`: confirmed or cancelled; `redemption-completed`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `too-many-keys`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/redemptions/{id}/keys")]
pub async fn add_key(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<KeyInput>,
) -> Result<HttpResponse, Error> {
    let (entry, created) = redemptions::add_typed_key(&state, &principal, *id, &body.0.key).await?;
    let entry = RedemptionEntry::new(&entry);
    Ok(if created { HttpResponse::Created().json(entry) } else { HttpResponse::Ok().json(entry) })
}

/// Remove a product key
///
/// Releases the key while the redemption is open.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id"), ("entry_id" = Uuid, Path, description = "Entry id")),
    responses(
        (status = 204, description = "Removed; the key is available again"),
        (status = 403, response = Forbidden),
        (status = 409, description = "`redemption-not-open`: confirmed or cancelled; `redemption-completed`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
    ),
)]
#[delete("/v1/redemptions/{id}/keys/{entry_id}")]
pub async fn remove_key(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let (partner_id, (id, entry_id), ttl) = (authz::partner(&principal)?, path.into_inner(), redemptions::ttl(&state)?);
    transaction(&state, move |conn, now| redemptions::remove_key(conn, partner_id, id, entry_id, ttl, now)).await??;
    Ok(HttpResponse::NoContent().finish())
}

/// Confirm the keys
///
/// "Done adding product keys." Fixes the keys; keys of one product must share a term.
/// Confirming a confirmed redemption again answers the same.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 200, description = "Confirmed", body = RedemptionView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`redemption-not-open`: cancelled; `redemption-completed`: its account was created", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`no-keys`, `mixed-terms`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/redemptions/{id}/confirm")]
pub async fn confirm(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RedemptionView>, Error> {
    let (partner_id, ttl, id) = (authz::partner(&principal)?, redemptions::ttl(&state)?, *id);
    let (review, now) = transaction(&state, move |conn, now| {
        Ok(redemptions::confirm(conn, partner_id, id, ttl, now)?.map(|review| (review, now)))
    })
    .await??;
    Ok(web::Json(RedemptionView::new(review, now)))
}

/// Create the customer's account
///
/// "Create my account." In one transaction: the tenant, one subscription per product
/// (seats summed), the admin user (tenant admin, with a licence on each new subscription),
/// the keys marked redeemed and the redemption completed.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    request_body = CreateAccount,
    responses(
        (status = 201, description = "Created", body = AccountCreated),
        (status = 403, response = Forbidden),
        (status = 409, description = "`redemption-not-confirmed`: still open; `redemption-completed`: the account was created already; `redemption-not-open`: cancelled; `domain-taken`, `user-exists`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`country-not-supported`, `validation-failed`, `no-keys` (every key of the redemption was revoked since it was confirmed)", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/redemptions/{id}/account")]
pub async fn create_account(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateAccount>,
) -> Result<HttpResponse, Error> {
    let (account, now) = redemptions::open_account(&state, &principal, *id, body.0).await?;
    Ok(HttpResponse::Created().json(AccountCreated::new(account, now, state.settings.periods())))
}

/// Sign up with a retail key
///
/// For a customer without a partner: one retail product key (bought, not from a partner)
/// becomes the customer's tenant, its subscription and its first admin, in one
/// transaction — the rules and answers of "Create my account". No token is needed; failed
/// key look-ups count against the caller's address, and an `Idempotency-Key` makes a retry
/// safe. Partner keys are not found here.
#[utoipa::path(
    tag = "redemptions",
    request_body = SignUp,
    responses(
        (status = 201, description = "Created", body = AccountCreated),
        (status = 404, description = "`key-not-found` (unknown, or not a retail key)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-revoked`, `domain-taken`, `user-exists`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `country-not-supported`, `validation-failed`", body = Problem, content_type = PROBLEM),
        (status = 429, description = "`rate-limited`: too many failed key look-ups from this address; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
    security(()),
)]
#[post("/v1/signup")]
pub async fn sign_up(state: web::Data<AppState>, req: HttpRequest, body: Json<SignUp>) -> Result<HttpResponse, Error> {
    let (account, now) = retail::sign_up_by_key(&state, &state.limits.source(&req), body.0).await?;
    Ok(HttpResponse::Created().json(AccountCreated::new(account, now, state.settings.periods())))
}

/// Redeem a retail key into the tenant
///
/// A tenant administrator adds a retail key it bought: its seats go to the live
/// subscription of the key's product until its current end, or — when the tenant has
/// none — a new subscription starts. Partner keys are not found here.
#[utoipa::path(
    tag = "tenants",
    params(("id" = Uuid, Path, description = "Tenant id")),
    request_body = KeyInput,
    responses(
        (status = 201, description = "Redeemed", body = TenantKeyRedeemed),
        (status = 403, response = Forbidden),
        (status = 404, description = "No such tenant visible to the caller; `key-not-found` (unknown, or not a retail key)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-revoked`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/tenants/{id}/keys")]
pub async fn redeem_into_tenant(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<KeyInput>,
) -> Result<HttpResponse, Error> {
    let (record, added_seats, now) = retail::redeem_typed_key(&state, &principal, *id, &body.0.key).await?;
    let subscription = SubscriptionView::new(record, now, state.settings.periods());
    Ok(HttpResponse::Created().json(TenantKeyRedeemed { subscription, added_seats }))
}
