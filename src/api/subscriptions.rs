//! Subscriptions with their time-derived status.

use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    catalogue::ProductView,
    extract::{Json, ListOf, Pagination},
    keys::KeyInput,
    responses::{Forbidden, MalformedBody, NotFound, NotJson, Unauthorized, ValidationFailed},
    transaction,
};
use crate::{
    AppState,
    app::subscriptions,
    auth::Principal,
    domain::{
        lifecycle::{Periods, SubscriptionStatus},
        statuses::Billing,
    },
    error::{ApiError, Code, Problem},
    limits,
    store::subscriptions::SubscriptionRecord,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerOfRecord {
    pub partner_id: Uuid,
    #[schema(example = "4820193")]
    pub partner_number: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub product: ProductView,
    #[schema(example = 25)]
    pub seats: i32,
    /// Licences assigned to users.
    #[schema(example = 1)]
    pub assigned_seats: i64,
    pub billing: Billing,
    /// Derived from `ends_at` and the clock at the moment of reading.
    pub status: SubscriptionStatus,
    #[schema(example = 12)]
    pub term_months: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// End of the grace period: usable until then, disabled after.
    pub grace_ends_at: DateTime<Utc>,
    /// The tenant's data is deleted after this instant.
    pub data_retained_until: DateTime<Utc>,
    pub partner_of_record: Option<PartnerOfRecord>,
    pub superseded_by: Option<Uuid>,
}

impl SubscriptionView {
    pub fn new(record: SubscriptionRecord, now: DateTime<Utc>, periods: Periods) -> Self {
        let (row, product, partner, assigned_seats) = record;
        Self {
            id: row.id,
            tenant_id: row.tenant_id,
            product: product.into(),
            seats: row.seats,
            assigned_seats,
            billing: row.billing,
            status: periods.status(row.ends_at, row.superseded_by.is_some(), now),
            term_months: row.term_months,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            grace_ends_at: periods.grace_ends_at(row.ends_at),
            data_retained_until: periods.data_retained_until(row.ends_at),
            partner_of_record: partner.map(|p| PartnerOfRecord {
                partner_id: p.id,
                partner_number: p.partner_number,
                name: p.name,
            }),
            superseded_by: row.superseded_by,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubscriptionQuery {
    pub tenant_id: Option<Uuid>,
    /// Filters by the status at this moment (computed from dates, not from a stored flag).
    pub status: Option<SubscriptionStatus>,
}

/// List the subscriptions the caller can see
#[utoipa::path(
    tag = "subscriptions",
    params(SubscriptionQuery, Pagination),
    responses(
        (status = 200, description = "One page of subscriptions of visible tenants", body = ListOf<SubscriptionView>),
        (status = 401, response = Unauthorized),
        (status = 404, description = "`tenant_id` names no tenant visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/subscriptions")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<SubscriptionQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<SubscriptionView>>, ApiError> {
    let (tenant_id, status, page, periods) =
        (query.tenant_id, query.status, pagination.page()?, state.settings.periods());
    let (rows, now) = transaction(&state, move |conn, now| {
        Ok((subscriptions::list(conn, &principal, tenant_id, status, periods, page, now)?, now))
    })
    .await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.0.id, |r| SubscriptionView::new(r, now, periods))))
}

/// Read a subscription
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription", body = SubscriptionView),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/subscriptions/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<SubscriptionView>, ApiError> {
    let (id, periods) = (*id, state.settings.periods());
    let (record, now) =
        transaction(&state, move |conn, now| Ok((subscriptions::get(conn, &principal, id, now)?, now))).await?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"partner_number": "4820193"}))]
pub struct PartnerOfRecordInput {
    /// The 7-digit partner-of-record number the partner gave the customer.
    #[validate(length(min = 1, max = 20, message = "must be 1 to 20 characters"))]
    #[schema(min_length = 1, max_length = 20)]
    pub partner_number: String,
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
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = NotJson),
        (status = 422, description = "`unknown-partner-number`, `validation-failed`", body = Problem, content_type = PROBLEM),
        (status = 429, description = "`rate-limited`: too many unknown partner numbers from this caller; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
    security(("bearer" = [])),
)]
#[put("/v1/subscriptions/{id}/partner-of-record")]
pub async fn set_partner_of_record(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<PartnerOfRecordInput>,
) -> Result<web::Json<SubscriptionView>, ApiError> {
    let (id, number, periods) = (*id, body.0.partner_number, state.settings.periods());
    // Unknown numbers count against the caller's budget, so the endpoint is no oracle for
    // the partner numbers that exist.
    let subjects = vec![state.limits.partner_numbers.subject(&principal.key())];
    let naming = transaction(&state, move |conn, now| {
        Ok((subscriptions::set_partner_of_record(conn, &principal, id, &number, now)?, now))
    });
    let unknown = |r: &Result<_, ApiError>| matches!(r, Err(e) if e.code == Code::UnknownPartnerNumber);
    let (record, now) = limits::guarded(&state, subjects, naming, unknown).await?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}

/// Remove the partner of record
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 204, description = "Removed (or there was none); the partner is notified"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/subscriptions/{id}/partner-of-record")]
pub async fn remove_partner_of_record(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = *id;
    transaction(&state, move |conn, now| subscriptions::remove_partner_of_record(conn, &principal, id, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add seats with another key
///
/// Redeems another key of the same product on the subscription: its seats are added until
/// the current end date (the key's term does not extend it). Tenant administrators may use
/// any partner's key; a delegated admin its own.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body = KeyInput,
    responses(
        (status = 200, description = "The subscription with its new seats", body = SubscriptionView),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller; `key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-reserved`, `key-revoked`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
        (status = 415, response = NotJson),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `product-mismatch`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/subscriptions/{id}/keys")]
pub async fn add_seats(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<KeyInput>,
) -> Result<web::Json<SubscriptionView>, ApiError> {
    let (id, periods) = (*id, state.settings.periods());
    let subjects = vec![state.limits.key_lookups.subject(&principal.key())];
    let adding = async {
        let digest = body.0.digest(&state.pepper)?;
        let (record, now) = transaction(&state, move |conn, now| {
            Ok((subscriptions::add_seats(conn, &principal, id, &digest, periods, now)?, now))
        })
        .await?;
        Ok(web::Json(SubscriptionView::new(record, now, periods)))
    };
    limits::guarded(&state, subjects, adding, limits::key_lookup_failed).await
}
