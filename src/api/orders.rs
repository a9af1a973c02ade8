//! Orders of key cards from partners to distributors (SPEC §13).

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::views::orders::{CreateOrder, OrderQuery, OrderView, RejectOrder};
use crate::{
    app::orders,
    auth::Principal,
    error::Error,
    http::{PROBLEM, extract::Json, problem::Problem, responses::Forbidden},
    state::{AppState, read, transaction},
    views::pages::{ListOf, Pagination},
};

type Answer = Result<web::Json<OrderView>, Error>;

/// Order cards from a distributor
///
/// A partner orders a quantity of a product from a distributor it has an active reseller
/// relationship with; the distributor hears of it (`key_order.placed`) and fulfils it with
/// allocations that name it.
#[utoipa::path(
    tag = "distribution",
    request_body = CreateOrder,
    responses(
        (status = 201, description = "Placed", body = OrderView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`reseller-relationship-required`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/key-orders")]
pub async fn place_order(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateOrder>,
) -> Result<HttpResponse, Error> {
    let row = transaction(&state, move |conn, now| orders::place(conn, &principal, body.0, now)).await?;
    Ok(HttpResponse::Created().json(OrderView::from(row)))
}

/// List orders
///
/// A partner's and a distributor's own; the operator's all.
#[utoipa::path(
    tag = "distribution",
    params(OrderQuery, Pagination),
    responses((status = 200, description = "One page of orders", body = ListOf<OrderView>), (status = 403, response = Forbidden)),
)]
#[get("/v1/key-orders")]
pub async fn list_orders(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<OrderQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<OrderView>>, Error> {
    let (page, status) = (pagination.page()?, query.status);
    let rows = read(&state, move |conn, _| orders::list(conn, &principal, status, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Read an order
///
/// The partner that placed it and the distributor it was placed with see an order, with what is
/// allocated so far.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Order id")),
    responses((status = 200, description = "The order", body = OrderView), (status = 403, response = Forbidden)),
)]
#[get("/v1/key-orders/{id}")]
pub async fn get_order(state: web::Data<AppState>, principal: Principal, id: web::Path<Uuid>) -> Answer {
    let id = *id;
    Ok(web::Json(read(&state, move |conn, _| orders::get(conn, &principal, id)).await?.into()))
}

/// Reject an order
///
/// The distributor turns down an open order, saying why; the partner is notified. Cards
/// allocated against it before stay with the partner.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Order id")),
    request_body = RejectOrder,
    responses(
        (status = 200, description = "Rejected", body = OrderView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`order-not-open`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/key-orders/{id}/reject")]
pub async fn reject_order(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<RejectOrder>,
) -> Answer {
    let (id, reason) = (*id, body.0.reason);
    Ok(web::Json(transaction(&state, move |conn, now| orders::reject(conn, &principal, id, reason, now)).await?.into()))
}

/// Cancel an order
///
/// The partner's, while it is open and nothing is allocated against it.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Order id")),
    responses(
        (status = 200, description = "Cancelled", body = OrderView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`order-not-open`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/key-orders/{id}/cancel")]
pub async fn cancel_order(state: web::Data<AppState>, principal: Principal, id: web::Path<Uuid>) -> Answer {
    let id = *id;
    Ok(web::Json(transaction(&state, move |conn, now| orders::cancel(conn, &principal, id, now)).await?.into()))
}
