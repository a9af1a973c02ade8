//! Subscriptions with their time-derived status.

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use uuid::Uuid;

use crate::views::keys::KeyInput;
use crate::views::subscriptions::{
    CancelledSubscription, PartnerOfRecordInput, SubscriptionQuery, SubscriptionView, UpdateSubscription,
};
use crate::{
    app::budgets,
    app::{direct_billing, subscriptions},
    auth::Principal,
    error::{Code, Error},
    http::problem::Problem,
    state::AppState,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::Forbidden,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// List the subscriptions the caller can see
///
/// Every subscription of the tenants the caller can see: its own tenant for a customer, the
/// tenants a partner created, is partner of record for or administers.
#[utoipa::path(
    tag = "subscriptions",
    params(SubscriptionQuery, Pagination),
    responses(
        (status = 200, description = "One page of subscriptions of visible tenants", body = ListOf<SubscriptionView>),
        (status = 403, description = "`forbidden`: distributors see no customer tenants", body = Problem, content_type = PROBLEM),
        (status = 404, description = "`tenant_id` names no tenant visible to the caller", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/subscriptions")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<SubscriptionQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<SubscriptionView>>, Error> {
    let (tenant_id, status, page, periods) =
        (query.tenant_id, query.status, pagination.page()?, state.settings.periods());
    let (rows, now) = read(&state, move |conn, now| {
        Ok((subscriptions::list(conn, &principal, tenant_id, status, periods, page, now)?, now))
    })
    .await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.0.id, |r| SubscriptionView::new(r, now, periods))))
}

/// Read a subscription
///
/// A subscription with its product, seats in use, term and partner of record, if the caller can
/// see its tenant.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription", body = SubscriptionView),
    ),
)]
#[get("/v1/subscriptions/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<SubscriptionView>, Error> {
    let (id, periods) = (*id, state.settings.periods());
    let (record, now) =
        read(&state, move |conn, now| Ok((subscriptions::get(conn, &principal, id, now)?, now))).await?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}

/// Name the partner of record
///
/// Only the customer's administrators name (or change) the partner of record, never a
/// partner. The partner named is notified, and so is one it replaces.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body = PartnerOfRecordInput,
    responses(
        (status = 200, description = "The subscription with its partner of record", body = SubscriptionView),
        (status = 403, response = Forbidden),
        (status = 422, description = "`unknown-partner-number`, `validation-failed`", body = Problem, content_type = PROBLEM),
        (status = 429, description = "`rate-limited`: too many unknown partner numbers from this caller; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[put("/v1/subscriptions/{id}/partner-of-record")]
pub async fn set_partner_of_record(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<PartnerOfRecordInput>,
) -> Result<web::Json<SubscriptionView>, Error> {
    let (id, number, periods) = (*id, body.0.partner_number, state.settings.periods());
    // Unknown numbers count against the caller's budget, so the endpoint is no oracle for
    // the partner numbers that exist.
    let subjects = vec![state.limits.partner_numbers.subject(&principal.key())];
    let naming = transaction(&state, move |conn, now| {
        Ok((subscriptions::set_partner_of_record(conn, &principal, id, &number, now)?, now))
    });
    let unknown = |r: &Result<_, Error>| matches!(r, Err(e) if e.code == Code::UnknownPartnerNumber);
    let (record, now) = budgets::guarded(&state, subjects, naming, unknown).await?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}

/// Remove the partner of record
///
/// The tenant's admin removes the partner of record; the partner is notified and no longer sees
/// the tenant through it.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 204, description = "Removed (or there was none); the partner is notified"),
        (status = 403, response = Forbidden),
    ),
)]
#[delete("/v1/subscriptions/{id}/partner-of-record")]
pub async fn remove_partner_of_record(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let id = *id;
    transaction(&state, move |conn, now| subscriptions::remove_partner_of_record(conn, &principal, id, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add seats with another key
///
/// Redeems another key of the same product on the subscription: its seats are added until
/// the current end date (the key's term does not extend it). Tenant administrators use
/// retail keys; a delegated admin (with `license_administrator`) its own keys.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body = KeyInput,
    responses(
        (status = 200, description = "The subscription with its new seats", body = SubscriptionView),
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller; `key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-reserved`, `key-revoked`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `product-mismatch`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/subscriptions/{id}/keys")]
pub async fn add_seats(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<KeyInput>,
) -> Result<web::Json<SubscriptionView>, Error> {
    let (record, now) = subscriptions::add_seats_with(&state, &principal, *id, &body.0.key).await?;
    Ok(web::Json(SubscriptionView::new(record, now, state.settings.periods())))
}

/// Turn automatic renewal on or off
///
/// A direct-billed subscription renews itself for another term of the same length and
/// seats at its end unless `auto_renew` is off. Its tenant's admins, its partner of record
/// or a delegated admin with `billing_administrator` turn it on or off. Turned on after the
/// end but in grace, it renews at once from its end; a renewal that fell due before the
/// change is made first.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body = UpdateSubscription,
    responses(
        (status = 200, description = "The subscription", body = SubscriptionView),
        (status = 403, description = "`delegated-admin-required` (a partner that is neither partner of record nor delegated admin), `delegated-role-required` (the relationship lacks `billing_administrator`), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`subscription-deleted`, `subscription-superseded`; `subscription-inactive`: disabled, renew it instead", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`auto-renew-not-available`: key-billed, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/subscriptions/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateSubscription>,
) -> Result<web::Json<SubscriptionView>, Error> {
    let (id, schedule) = (*id, state.settings.schedule());
    let periods = schedule.periods;
    let (record, now) = transaction(&state, move |conn, now| {
        Ok((direct_billing::set_auto_renew(conn, &principal, id, body.0.auto_renew, &schedule, now)?, now))
    })
    .await?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}

/// Cancel a direct-billed term
///
/// Within 7 days after a direct-billed term began (a new subscription, a switch to direct
/// billing or an automatic renewal) the tenant's admins or a delegated admin with
/// `billing_administrator` cancel it: the term ends now, `auto_renew` goes off, the whole
/// days left are refunded (`refund_days`) and the lifecycle runs from here (expired now,
/// then grace). The tenant and the partner of record hear `subscription.cancelled`. A
/// renewal that fell due before is made first, and it is that term that is cancelled.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription, its term ended, and the days refunded", body = CancelledSubscription),
        (status = 403, description = "`delegated-admin-required`, `delegated-role-required` (the relationship lacks `billing_administrator`), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`cancellation-window-closed`: more than 7 days into the term, or it ended; `cancellation-not-available`: key-billed; `subscription-deleted`, `subscription-superseded`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/subscriptions/{id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<CancelledSubscription>, Error> {
    let (id, schedule) = (*id, state.settings.schedule());
    let periods = schedule.periods;
    let ((record, refund_days), now) =
        transaction(&state, move |conn, now| Ok((direct_billing::cancel(conn, &principal, id, &schedule, now)?, now)))
            .await?;
    Ok(web::Json(CancelledSubscription { subscription: SubscriptionView::new(record, now, periods), refund_days }))
}
