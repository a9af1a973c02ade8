//! Webhook endpoints: what reaches an inbox, POSTed and signed to its owner's URL.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::views::webhooks::{CreateEndpoint, DeliveryView, EndpointView, EndpointWithSecret, UpdateEndpoint};
use crate::{
    app::webhooks::{self},
    auth::Principal,
    error::Error,
    http::problem::Problem,
    state::AppState,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::Forbidden,
    http::versions::RequestVersion,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// Register a webhook endpoint
///
/// A partner receives the events of its inbox, a tenant administrator those of its
/// tenant's, the operator those of every inbox. Each event becomes a signed POST
/// (`Keyport-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`) retried with
/// exponential backoff for 3 days; receivers dedupe by `Keyport-Event-Id`. The `secret` is
/// shown only in this answer. At most 16 endpoints per owner. Deliveries are rendered in
/// the API version of this request (`api_version`; a `PATCH` moves it).
#[utoipa::path(
    tag = "webhooks",
    request_body = CreateEndpoint,
    responses(
        (status = 201, description = "The endpoint and its signing secret (shown once)", body = EndpointWithSecret),
        (status = 403, response = Forbidden),
        (status = 422, description = "`webhook-url-forbidden` (not https, or a host that is not public), `validation-failed` (an unknown event type; 16 endpoints already)", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/webhook-endpoints")]
pub async fn register(
    state: web::Data<AppState>,
    principal: Principal,
    version: RequestVersion,
    body: Json<CreateEndpoint>,
) -> Result<HttpResponse, Error> {
    let ((row, secret), now) = webhooks::register_endpoint(&state, &principal, body.0, version.0).await?;
    Ok(HttpResponse::Created()
        .json(EndpointWithSecret { endpoint: EndpointView::new(row, now), secret: secret.into() }))
}

/// List webhook endpoints
///
/// A partner's own, a tenant's (its administrators), every one (the operator).
#[utoipa::path(
    tag = "webhooks",
    params(Pagination),
    responses(
        (status = 200, description = "One page of endpoints", body = ListOf<EndpointView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/webhook-endpoints")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<EndpointView>>, Error> {
    let page = pagination.page()?;
    let (rows, now) = read(&state, move |conn, now| Ok((webhooks::list(conn, &principal, page)?, now))).await?;
    Ok(web::Json(ListOf::page(page, rows, |e| e.id, |e| EndpointView::new(e, now))))
}

/// Read a webhook endpoint
///
/// An endpoint of the caller (a partner's, a tenant admin's or the operator's), without its
/// secret.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint", body = EndpointView),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/webhook-endpoints/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<EndpointView>, Error> {
    let id = *id;
    let (row, now) = read(&state, move |conn, now| Ok((webhooks::get(conn, &principal, id)?, now))).await?;
    Ok(web::Json(EndpointView::new(row, now)))
}

/// Change a webhook endpoint
///
/// A new `url` is vetted as at registration. `enabled: false` pauses deliveries (they
/// wait, and are sent when it is turned on again).
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id")),
    request_body = UpdateEndpoint,
    responses(
        (status = 200, description = "The endpoint", body = EndpointView),
        (status = 403, response = Forbidden),
        (status = 422, description = "`webhook-url-forbidden`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/webhook-endpoints/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateEndpoint>,
) -> Result<web::Json<EndpointView>, Error> {
    let (row, now) = webhooks::update_endpoint(&state, &principal, *id, body.0).await?;
    Ok(web::Json(EndpointView::new(row, now)))
}

/// Delete a webhook endpoint
///
/// Its pending deliveries go with it.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, response = Forbidden),
    ),
)]
#[delete("/v1/webhook-endpoints/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let id = *id;
    transaction(&state, move |conn, _| webhooks::delete(conn, &principal, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate the signing secret
///
/// A new secret, shown only in this answer. For 24 hours deliveries carry a `v1=`
/// signature with each secret, so receivers switch without losing a delivery.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint and its new secret (shown once)", body = EndpointWithSecret),
        (status = 403, response = Forbidden),
    ),
)]
#[post("/v1/webhook-endpoints/{id}/rotate-secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<EndpointWithSecret>, Error> {
    let (id, sealer) = (*id, state.pepper.sealer(webhooks::SEALING_PURPOSE));
    let ((row, secret), now) =
        transaction(&state, move |conn, now| Ok((webhooks::rotate_secret(conn, &principal, id, &sealer, now)?, now)))
            .await?;
    Ok(web::Json(EndpointWithSecret { endpoint: EndpointView::new(row, now), secret: secret.into() }))
}

/// Send a test event
///
/// Queues a delivery of type `ping`; it follows within the delivery worker's interval.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id")),
    responses(
        (status = 202, description = "The queued delivery", body = DeliveryView),
        (status = 403, response = Forbidden),
        (status = 429, description = "`rate-limited`: 5 test deliveries already wait for this endpoint; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/v1/webhook-endpoints/{id}/test")]
pub async fn test(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let id = *id;
    let delivery = transaction(&state, move |conn, now| webhooks::test(conn, &principal, id, now)).await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(delivery)))
}

/// List an endpoint's deliveries
///
/// Oldest first, with their status, attempts and last answer.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id"), Pagination),
    responses(
        (status = 200, description = "One page of deliveries", body = ListOf<DeliveryView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/webhook-endpoints/{id}/deliveries")]
pub async fn deliveries(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<DeliveryView>>, Error> {
    let (page, id) = (pagination.page()?, *id);
    let rows = read(&state, move |conn, _| webhooks::deliveries(conn, &principal, id, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |d| d.id, Into::into)))
}

/// Redeliver
///
/// Makes a delivery due again now: one more attempt (a delivered one is sent again with
/// the same event id).
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "Endpoint id"), ("delivery_id" = Uuid, Path, description = "Delivery id")),
    responses(
        (status = 202, description = "The delivery, due now", body = DeliveryView),
        (status = 403, response = Forbidden),
    ),
)]
#[post("/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/redeliver")]
pub async fn redeliver(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let (id, delivery_id) = *path;
    let delivery =
        transaction(&state, move |conn, now| webhooks::redeliver(conn, &principal, id, delivery_id, now)).await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(delivery)))
}
