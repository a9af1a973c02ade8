//! Delegated administration: a partner's offer, the customer's answer, the relationship.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    extract::{Json, ListOf, Pagination},
    responses::{Forbidden, MalformedBody, NotFound, NotJson, Unauthorized, ValidationFailed},
    transaction,
};
use crate::{
    AppState,
    app::delegation::{self, NewOffer},
    auth::Principal,
    authz,
    domain::statuses::{OfferStatus, RelationshipStatus},
    error::{ApiError, Problem},
    store::{
        delegation::{OfferRow, RelationshipRow},
        partners::PartnerRow,
    },
};

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferView {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub tenant_id: Uuid,
    pub message: String,
    /// Read from the clock: a pending offer past `expires_at` is `expired`.
    pub status: OfferStatus,
    /// Length of the relationship the offer proposes.
    pub duration_days: i32,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl OfferView {
    fn new(row: OfferRow, now: DateTime<Utc>) -> Self {
        Self {
            status: row.status_at(now),
            id: row.id,
            partner_id: row.partner_id,
            tenant_id: row.tenant_id,
            message: row.message,
            duration_days: row.duration_days,
            created_at: row.created_at,
            expires_at: row.expires_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RelationshipPartner {
    pub id: Uuid,
    pub name: String,
    pub partner_number: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RelationshipView {
    pub id: Uuid,
    pub partner: RelationshipPartner,
    pub tenant_id: Uuid,
    /// Read from the clock: an active relationship past `ends_at` is `expired`.
    pub status: RelationshipStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl RelationshipView {
    fn new(row: RelationshipRow, partner: PartnerRow, now: DateTime<Utc>) -> Self {
        let status = row.status_at(now);
        Self {
            id: row.id,
            partner: RelationshipPartner { id: partner.id, name: partner.name, partner_number: partner.partner_number },
            tenant_id: row.tenant_id,
            status,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "tenant_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01",
    "message": "We would like to manage your users and licences for you.",
    "duration_days": 365
}))]
pub struct CreateOffer {
    pub tenant_id: Uuid,
    /// Shown to the customer with the offer.
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub message: String,
    /// Length of the relationship once accepted, 1–730 days (default 730).
    #[validate(range(min = 1, max = 730, message = "must be between 1 and 730"))]
    pub duration_days: Option<i32>,
}

/// Send a delegated-administration offer
///
/// The partner must be enrolled in Cloud Essentials and be partner of record on at least
/// one of the tenant's subscriptions; one pending offer and one relationship per tenant at
/// a time. The tenant's administrators are notified. An offer expires after 90 days.
#[utoipa::path(
    tag = "delegated administration",
    request_body = CreateOffer,
    responses(
        (status = 201, description = "A pending offer", body = OfferView),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, description = "`cloud-essentials-required`, `partner-of-record-required`, `forbidden` (not a partner)", body = Problem, content_type = PROBLEM),
        (status = 404, response = NotFound),
        (status = 409, description = "`offer-pending`, `relationship-exists`", body = Problem, content_type = PROBLEM),
        (status = 415, response = NotJson),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/delegated-admin-offers")]
pub async fn create_offer(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateOffer>,
) -> Result<HttpResponse, ApiError> {
    let partner_id = authz::partner(&principal)?;
    let CreateOffer { tenant_id, message, duration_days } = body.0;
    let offer = NewOffer { tenant_id, message, duration_days };
    let (offer, now) = transaction(&state, move |conn, now| {
        Ok((delegation::create_offer(conn, &principal, partner_id, offer, now)?, now))
    })
    .await?;
    Ok(HttpResponse::Created().json(OfferView::new(offer, now)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfferQuery {
    pub status: Option<OfferStatus>,
}

/// List offers
///
/// A partner sees the offers it sent; a tenant administrator those its tenant received.
#[utoipa::path(
    tag = "delegated administration",
    params(OfferQuery, Pagination),
    responses(
        (status = 200, description = "One page of offers", body = ListOf<OfferView>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/delegated-admin-offers")]
pub async fn list_offers(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<OfferQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<OfferView>>, ApiError> {
    let (page, status) = (pagination.page()?, query.status);
    let (rows, now) =
        transaction(&state, move |conn, now| Ok((delegation::list_offers(conn, &principal, status, page, now)?, now)))
            .await?;
    Ok(web::Json(ListOf::page(page, rows, |o| o.id, |o| OfferView::new(o, now))))
}

/// Read an offer
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The offer", body = OfferView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/delegated-admin-offers/{id}")]
pub async fn get_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferView>, ApiError> {
    let id = *id;
    let (offer, now) =
        transaction(&state, move |conn, now| Ok((delegation::get_offer(conn, &principal, id)?, now))).await?;
    Ok(web::Json(OfferView::new(offer, now)))
}

/// Accept an offer
///
/// Creates the relationship: from now on the partner administers the tenant (users,
/// licences, seats) until `ends_at` or until either side terminates it.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 201, description = "The new relationship", body = RelationshipView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`offer-not-pending`, `relationship-exists`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/delegated-admin-offers/{id}/accept")]
pub async fn accept_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = *id;
    let ((relationship, partner), now) = transaction(&state, move |conn, now| {
        Ok(delegation::accept_offer(conn, &principal, id, now)?.map(|accepted| (accepted, now)))
    })
    .await??;
    Ok(HttpResponse::Created().json(RelationshipView::new(relationship, partner, now)))
}

/// Decline an offer
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The declined offer", body = OfferView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`offer-not-pending`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/delegated-admin-offers/{id}/decline")]
pub async fn decline_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferView>, ApiError> {
    let id = *id;
    let (offer, now) = transaction(&state, move |conn, now| {
        Ok(delegation::decline_offer(conn, &principal, id, now)?.map(|offer| (offer, now)))
    })
    .await??;
    Ok(web::Json(OfferView::new(offer, now)))
}

/// Revoke an offer
///
/// The partner withdraws its offer while it is pending.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The revoked offer", body = OfferView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`offer-not-pending`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/delegated-admin-offers/{id}/revoke")]
pub async fn revoke_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferView>, ApiError> {
    let id = *id;
    let (offer, now) = transaction(&state, move |conn, now| {
        Ok(delegation::revoke_offer(conn, &principal, id, now)?.map(|offer| (offer, now)))
    })
    .await??;
    Ok(web::Json(OfferView::new(offer, now)))
}

/// List delegated-admin relationships
///
/// A partner sees its own; a tenant administrator its tenant's.
#[utoipa::path(
    tag = "delegated administration",
    params(Pagination),
    responses(
        (status = 200, description = "One page of relationships", body = ListOf<RelationshipView>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/delegated-admin-relationships")]
pub async fn list_relationships(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<RelationshipView>>, ApiError> {
    let page = pagination.page()?;
    let (rows, now) =
        transaction(&state, move |conn, now| Ok((delegation::list_relationships(conn, &principal, page)?, now)))
            .await?;
    Ok(web::Json(ListOf::page(page, rows, |(r, _)| r.id, |(r, p)| RelationshipView::new(r, p, now))))
}

/// Read a relationship
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 200, description = "The relationship", body = RelationshipView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/delegated-admin-relationships/{id}")]
pub async fn get_relationship(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RelationshipView>, ApiError> {
    let id = *id;
    let ((row, partner), now) =
        transaction(&state, move |conn, now| Ok((delegation::get_relationship(conn, &principal, id)?, now))).await?;
    Ok(web::Json(RelationshipView::new(row, partner, now)))
}

/// Terminate a relationship
///
/// Either side may end it; the partner's next request on the tenant is refused with
/// `delegated-admin-required`. Both sides are notified.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 204, description = "Terminated"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`relationship-not-active`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/delegated-admin-relationships/{id}")]
pub async fn terminate_relationship(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = *id;
    transaction(&state, move |conn, now| delegation::terminate_relationship(conn, &principal, id, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}
