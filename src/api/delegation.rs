//! Delegated administration: a partner's offer, the customer's answer, the relationship.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::views::delegation::{CreateOffer, OfferQuery, OfferView, RelationshipView, UpdateRelationship};
use crate::{
    app::delegation::{self},
    auth::Principal,
    authz,
    error::Error,
    http::problem::Problem,
    state::AppState,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::{Forbidden, NotFound},
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// Send a delegated-administration offer
///
/// The partner must be enrolled in Cloud Essentials and be partner of record on at least
/// one of the tenant's subscriptions; one pending offer and one relationship per tenant at
/// a time. The tenant's administrators are notified. An offer expires after 90 days.
///
/// `roles` is what the relationship will allow — least privilege: without
/// `global_administrator` a partner cannot touch admin users or tenant settings. Omitted,
/// it is `user_administrator`, `license_administrator` and `billing_administrator`.
#[utoipa::path(
    tag = "delegated administration",
    request_body = CreateOffer,
    responses(
        (status = 404, response = NotFound),
        (status = 201, description = "A pending offer", body = OfferView),
        (status = 403, description = "`cloud-essentials-required`, `partner-of-record-required`, `forbidden` (not a partner)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`offer-pending`, `relationship-exists`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (an unknown role among them), `auto-extend-not-allowed` (with `global_administrator`)", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/delegated-admin-offers")]
pub async fn create_offer(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateOffer>,
) -> Result<HttpResponse, Error> {
    let partner_id = authz::partner(&principal)?;
    let offer = body.0.into();
    let (offer, now) = transaction(&state, move |conn, now| {
        Ok((delegation::create_offer(conn, &principal, partner_id, offer, now)?, now))
    })
    .await?;
    Ok(HttpResponse::Created().json(OfferView::new(offer, now)))
}

/// List offers
///
/// A partner sees the offers it sent; a tenant administrator those its tenant received.
#[utoipa::path(
    tag = "delegated administration",
    params(OfferQuery, Pagination),
    responses(
        (status = 200, description = "One page of offers", body = ListOf<OfferView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/delegated-admin-offers")]
pub async fn list_offers(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<OfferQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<OfferView>>, Error> {
    let (page, status) = (pagination.page()?, query.status);
    let (rows, now) =
        read(&state, move |conn, now| Ok((delegation::list_offers(conn, &principal, status, page, now)?, now))).await?;
    Ok(web::Json(ListOf::page(page, rows, |o| o.id, |o| OfferView::new(o, now))))
}

/// Read an offer
///
/// The partner that sent it and the tenant's admins see an offer, with its roles and status.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The offer", body = OfferView),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/delegated-admin-offers/{id}")]
pub async fn get_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferView>, Error> {
    let id = *id;
    let (offer, now) = read(&state, move |conn, now| Ok((delegation::get_offer(conn, &principal, id)?, now))).await?;
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
        (status = 403, response = Forbidden),
        (status = 409, description = "`offer-not-pending`, `relationship-exists`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/delegated-admin-offers/{id}/accept")]
pub async fn accept_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let id = *id;
    let ((relationship, partner), now) = transaction(&state, move |conn, now| {
        Ok(delegation::accept_offer(conn, &principal, id, now)?.map(|accepted| (accepted, now)))
    })
    .await??;
    Ok(HttpResponse::Created().json(RelationshipView::new(relationship, partner, now)))
}

/// Decline an offer
///
/// The tenant's admin declines a pending offer; the partner is notified. A decided or expired
/// offer answers 409.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The declined offer", body = OfferView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`offer-not-pending`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/delegated-admin-offers/{id}/decline")]
pub async fn decline_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferView>, Error> {
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
        (status = 403, response = Forbidden),
        (status = 409, description = "`offer-not-pending`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/delegated-admin-offers/{id}/revoke")]
pub async fn revoke_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OfferView>, Error> {
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
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/delegated-admin-relationships")]
pub async fn list_relationships(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<RelationshipView>>, Error> {
    let page = pagination.page()?;
    let (rows, now) =
        read(&state, move |conn, now| Ok((delegation::list_relationships(conn, &principal, page)?, now))).await?;
    Ok(web::Json(ListOf::page(page, rows, |(r, _)| r.id, |(r, p)| RelationshipView::new(r, p, now))))
}

/// Read a relationship
///
/// The partner and the tenant's admins see a relationship, with its roles, its end and whether
/// it extends itself.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 200, description = "The relationship", body = RelationshipView),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/delegated-admin-relationships/{id}")]
pub async fn get_relationship(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RelationshipView>, Error> {
    let id = *id;
    let ((row, partner), now) =
        read(&state, move |conn, now| Ok((delegation::get_relationship(conn, &principal, id)?, now))).await?;
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
        (status = 403, response = Forbidden),
        (status = 409, description = "`relationship-not-active`", body = Problem, content_type = PROBLEM),
    ),
)]
#[delete("/v1/delegated-admin-relationships/{id}")]
pub async fn terminate_relationship(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let id = *id;
    transaction(&state, move |conn, now| delegation::terminate_relationship(conn, &principal, id, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Turn auto-extend off
///
/// A tenant administrator stops a relationship from extending itself: it ends at the end
/// of its current term (`ends_at`), and both sides get expiry notices 30, 7 and 1 days
/// before. Turning it on is not possible here; the partner offers it.
#[utoipa::path(
    tag = "delegated administration",
    params(("id" = Uuid, Path, description = "Relationship id")),
    request_body = UpdateRelationship,
    responses(
        (status = 200, description = "The relationship", body = RelationshipView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`relationship-not-active`", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/delegated-admin-relationships/{id}")]
pub async fn update_relationship(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateRelationship>,
) -> Result<web::Json<RelationshipView>, Error> {
    let (id, change) = (*id, body.0);
    let ((row, partner), now) = transaction(&state, move |conn, now| {
        Ok((delegation::update_relationship(conn, &principal, id, change, now)?, now))
    })
    .await?;
    Ok(web::Json(RelationshipView::new(row, partner, now)))
}
