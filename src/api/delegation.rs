//! Delegated administration: a partner's offer, the customer's answer, the relationship.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Days, Utc};
use diesel::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    Committed, PROBLEM,
    extract::{Json, ListOf, Pagination},
    transaction,
};
use crate::{
    AppState,
    auth::Principal,
    authz,
    domain::events::{self, Inbox},
    error::{ApiError, Code, Problem},
    jobs,
    store::{
        self,
        delegation::{self, OfferRow, RelationshipRow},
        notifications, partners,
        partners::PartnerRow,
        subscriptions, tenants,
    },
};

/// Days an offer waits for an answer.
pub const OFFER_DAYS: u64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Pending,
    Accepted,
    Declined,
    Revoked,
    /// Unanswered for 90 days.
    Expired,
}

impl OfferStatus {
    fn of(row: &OfferRow, now: DateTime<Utc>) -> Self {
        match row.status.as_str() {
            "pending" if row.expires_at <= now => Self::Expired,
            "pending" => Self::Pending,
            "accepted" => Self::Accepted,
            "declined" => Self::Declined,
            "revoked" => Self::Revoked,
            _ => Self::Expired,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Revoked => "revoked",
            Self::Expired => "expired",
        }
    }
}

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
            status: OfferStatus::of(&row, now),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipStatus {
    Active,
    /// Reached `ends_at`.
    Expired,
    /// Ended early by the tenant or the partner.
    Terminated,
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
        let status = match row.status.as_str() {
            "terminated" => RelationshipStatus::Terminated,
            "active" if row.ends_at > now => RelationshipStatus::Active,
            _ => RelationshipStatus::Expired,
        };
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

fn company_name(conn: &mut PgConnection, tenant_id: Uuid) -> Result<String, ApiError> {
    Ok(tenants::get(conn, tenant_id, tenants::TenantScope::All)?.map(|t| t.company_name).unwrap_or_default())
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`cloud-essentials-required`, `partner-of-record-required`, `forbidden` (not a partner)", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such tenant visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`offer-pending`, `relationship-exists`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`", body = Problem, content_type = PROBLEM),
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
    let body = body.0;
    let (offer, now) = transaction(&state, move |conn, now| {
        let tenant_id = body.tenant_id;
        authz::tenant_to_change(conn, &principal, tenant_id, now)?;
        let partner = partners::get(conn, partner_id)?.ok_or_else(|| ApiError::not_found("partner"))?;
        if !partner.cloud_essentials {
            return Err(ApiError::new(
                Code::CloudEssentialsRequired,
                "Offering delegated administration needs enrolment in Cloud Essentials.",
            ));
        }
        if !subscriptions::partner_of_record_in_tenant(conn, tenant_id, partner_id)? {
            return Err(ApiError::new(
                Code::PartnerOfRecordRequired,
                "The customer must first name you partner of record on one of its subscriptions.",
            ));
        }
        // Offers and relationships past their time make way before the checks.
        jobs::delegation::expire_offers(conn, now, Some((partner_id, tenant_id)), 10)?;
        delegation::expire_due_relationships(conn, now, Some((partner_id, tenant_id)), 10)?;
        if delegation::pending_offer_exists(conn, partner_id, tenant_id, now)? {
            return Err(ApiError::new(
                Code::OfferPending,
                "An offer of yours to this tenant is waiting for an answer.",
            ));
        }
        if delegation::active_relationship(conn, partner_id, tenant_id, now)?.is_some() {
            return Err(ApiError::new(Code::RelationshipExists, "You already administer this tenant."));
        }
        let offer = OfferRow {
            id: Uuid::now_v7(),
            partner_id,
            tenant_id,
            message: body.message,
            status: "pending".into(),
            duration_days: body.duration_days.unwrap_or(730),
            created_at: now,
            expires_at: now + Days::new(OFFER_DAYS),
            decided_at: None,
        };
        delegation::insert_offer(conn, &offer).map_err(|e| {
            if store::violates(&e, "delegated_admin_offers_one_pending") {
                ApiError::new(Code::OfferPending, "An offer of yours to this tenant is waiting for an answer.")
            } else {
                e.into()
            }
        })?;
        let event = events::offer_created(offer.id, tenant_id, &partner.name);
        notifications::deliver(conn, &event, &[Inbox::Tenant(tenant_id)], now)?;
        Ok((offer, now))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (a filter, limit or cursor)", body = Problem, content_type = PROBLEM),
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
    let page = pagination.page()?;
    let status = query.status.map(OfferStatus::as_str);
    let (rows, now) = transaction(&state, move |conn, now| {
        let scope = authz::delegation_scope(conn, &principal)?;
        Ok((delegation::list_offers(conn, scope, status, now, page)?, now))
    })
    .await?;
    let (rows, next) = page.finish(rows, |o| o.id);
    Ok(web::Json(ListOf::new(rows.into_iter().map(|o| OfferView::new(o, now)).collect(), next)))
}

/// Read an offer
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The offer", body = OfferView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such offer visible to the caller", body = Problem, content_type = PROBLEM),
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
    let (offer, now) = transaction(&state, move |conn, now| {
        let scope = authz::delegation_scope(conn, &principal)?;
        let offer = delegation::get_offer(conn, id)?
            .filter(|o| authz::sees(scope, o.partner_id, o.tenant_id))
            .ok_or_else(|| ApiError::not_found("offer"))?;
        Ok((offer, now))
    })
    .await?;
    Ok(web::Json(OfferView::new(offer, now)))
}

/// The offer, locked, for one who may see it; one found past its time is expired here
/// (kept after commit) and answered `offer-not-pending`.
fn lock_pending_offer(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<OfferRow>, ApiError> {
    let scope = authz::delegation_scope(conn, principal)?;
    let offer = delegation::lock_offer(conn, id)?
        .filter(|o| authz::sees(scope, o.partner_id, o.tenant_id))
        .ok_or_else(|| ApiError::not_found("offer"))?;
    let not_pending = || ApiError::new(Code::OfferNotPending, "The offer is no longer pending.");
    if offer.status == "pending" && !offer.is_pending(now) {
        jobs::delegation::expire_offers(conn, now, Some((offer.partner_id, offer.tenant_id)), 10)?;
        return Ok(Err(not_pending()));
    }
    if offer.status != "pending" {
        return Err(not_pending());
    }
    Ok(Ok(offer))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such offer visible to the caller", body = Problem, content_type = PROBLEM),
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
    let (relationship, partner, now) = transaction(&state, move |conn, now| {
        let offer = match lock_pending_offer(conn, &principal, id, now)? {
            Ok(offer) => offer,
            Err(answer) => return Ok(Err(answer)),
        };
        authz::answers_offers(&principal)?;
        delegation::expire_due_relationships(conn, now, Some((offer.partner_id, offer.tenant_id)), 10)?;
        if delegation::active_relationship(conn, offer.partner_id, offer.tenant_id, now)?.is_some() {
            return Err(ApiError::new(Code::RelationshipExists, "This partner already administers the tenant."));
        }
        delegation::decide_offer(conn, id, "accepted", now)?;
        let relationship = RelationshipRow {
            id: Uuid::now_v7(),
            partner_id: offer.partner_id,
            tenant_id: offer.tenant_id,
            offer_id: offer.id,
            status: "active".into(),
            starts_at: now,
            ends_at: now + Days::new(offer.duration_days as u64),
            terminated_at: None,
        };
        delegation::insert_relationship(conn, &relationship).map_err(|e| {
            // A relationship past its end that a concurrent sweep holds still counts as live.
            if store::violates(&e, delegation::ONE_ACTIVE) {
                ApiError::new(Code::RelationshipExists, "This partner already administers the tenant.")
            } else {
                e.into()
            }
        })?;
        let company = company_name(conn, offer.tenant_id)?;
        let event = events::offer_ended("accepted", offer.id, offer.tenant_id, &company);
        notifications::deliver(conn, &event, &[Inbox::Partner(offer.partner_id)], now)?;
        let partner = partners::get(conn, offer.partner_id)?.ok_or_else(|| ApiError::not_found("partner"))?;
        Ok(Ok((relationship, partner, now)))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such offer visible to the caller", body = Problem, content_type = PROBLEM),
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
        if let Err(answer) = lock_pending_offer(conn, &principal, id, now)? {
            return Ok(Err(answer));
        }
        authz::answers_offers(&principal)?;
        let offer = delegation::decide_offer(conn, id, "declined", now)?.ok_or_else(|| ApiError::not_found("offer"))?;
        let company = company_name(conn, offer.tenant_id)?;
        let event = events::offer_ended("declined", offer.id, offer.tenant_id, &company);
        notifications::deliver(conn, &event, &[Inbox::Partner(offer.partner_id)], now)?;
        Ok(Ok((offer, now)))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the partner that sent it", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such offer visible to the caller", body = Problem, content_type = PROBLEM),
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
        let offer = match lock_pending_offer(conn, &principal, id, now)? {
            Ok(offer) => offer,
            Err(answer) => return Ok(Err(answer)),
        };
        authz::partner(&principal)?;
        let offer =
            delegation::decide_offer(conn, offer.id, "revoked", now)?.ok_or_else(|| ApiError::not_found("offer"))?;
        Ok(Ok((offer, now)))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (limit or cursor)", body = Problem, content_type = PROBLEM),
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
    let (rows, now) = transaction(&state, move |conn, now| {
        let scope = authz::delegation_scope(conn, &principal)?;
        Ok((delegation::list_relationships(conn, scope, page)?, now))
    })
    .await?;
    let (rows, next) = page.finish(rows, |(r, _)| r.id);
    Ok(web::Json(ListOf::new(rows.into_iter().map(|(r, p)| RelationshipView::new(r, p, now)).collect(), next)))
}

/// Read a relationship
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 200, description = "The relationship", body = RelationshipView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such relationship visible to the caller", body = Problem, content_type = PROBLEM),
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
    let (row, partner, now) = transaction(&state, move |conn, now| {
        let scope = authz::delegation_scope(conn, &principal)?;
        let (row, partner) = delegation::get_relationship(conn, id)?
            .filter(|(r, _)| authz::sees(scope, r.partner_id, r.tenant_id))
            .ok_or_else(|| ApiError::not_found("relationship"))?;
        Ok((row, partner, now))
    })
    .await?;
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such relationship visible to the caller", body = Problem, content_type = PROBLEM),
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
    transaction(&state, move |conn, now| {
        let scope = authz::delegation_scope(conn, &principal)?;
        let row = delegation::lock_relationship(conn, id)?
            .filter(|r| authz::sees(scope, r.partner_id, r.tenant_id))
            .ok_or_else(|| ApiError::not_found("relationship"))?;
        authz::ends_relationships(&principal)?;
        if !row.is_active(now) {
            return Err(ApiError::new(Code::RelationshipNotActive, "The relationship has already ended."));
        }
        let row = delegation::terminate(conn, id, now)?;
        let partner = partners::get(conn, row.partner_id)?.ok_or_else(|| ApiError::not_found("partner"))?;
        let company = company_name(conn, row.tenant_id)?;
        let event = events::relationship_terminated(row.id, row.offer_id, row.tenant_id, &partner.name, &company);
        notifications::deliver(conn, &event, &[Inbox::Partner(row.partner_id), Inbox::Tenant(row.tenant_id)], now)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
