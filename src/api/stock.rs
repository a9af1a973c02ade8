//! Cards on the move (SPEC §13): allocations, returns, revocations, a partner's stock and a
//! card's custody ledger.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::views::stock::{
    AllocationView, CreateAllocation, CreateReturn, CreateRevocation, MovementView, PartnerStockView, ReturnView,
    RevocationView,
};
use crate::{
    app::stock,
    auth::Principal,
    error::Error,
    http::{PROBLEM, extract::Json, problem::Problem, responses::Forbidden},
    state::{AppState, bulk_read, read, transaction},
    views::pages::{ListOf, Pagination},
};

/// Allocate cards to a reseller
///
/// The distributor ships cards to a partner it has an active reseller relationship with:
/// by `serials` and `ranges`, or by `product_id` and `quantity` (oldest stock first),
/// optionally against the partner's order (`order_id`). In one transaction every named
/// card moves (status `available`, held by the partner) or none does; two allocations
/// racing for the same cards never both take one.
#[utoipa::path(
    tag = "distribution",
    request_body = CreateAllocation,
    responses(
        (status = 201, description = "Allocated", body = AllocationView),
        (status = 403, description = "`forbidden` (not a distributor), `distributor-not-authorised`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`reseller-relationship-required`, `keys-not-in-stock` (with `serials`), `insufficient-stock` (with `available`), `order-exceeded`, `order-not-open`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-serial-range`, `order-mismatch`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/allocations")]
pub async fn allocate(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateAllocation>,
) -> Result<HttpResponse, Error> {
    let row = transaction(&state, move |conn, now| stock::allocate(conn, &principal, body.0, now)).await?;
    Ok(HttpResponse::Created().json(AllocationView::from(row)))
}

/// List allocations
///
/// A distributor's and a partner's own; the operator's all.
#[utoipa::path(
    tag = "distribution",
    params(Pagination),
    responses((status = 200, description = "One page of allocations", body = ListOf<AllocationView>), (status = 403, response = Forbidden)),
)]
#[get("/v1/allocations")]
pub async fn list_allocations(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<AllocationView>>, Error> {
    let page = pagination.page()?;
    let rows = read(&state, move |conn, _| stock::list_allocations(conn, &principal, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Read an allocation
///
/// The distributor that made it, the partner it went to and the operator see an allocation;
/// anyone else gets 404.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Allocation id")),
    responses((status = 200, description = "The allocation", body = AllocationView), (status = 403, response = Forbidden)),
)]
#[get("/v1/allocations/{id}")]
pub async fn get_allocation(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<AllocationView>, Error> {
    let id = *id;
    Ok(web::Json(read(&state, move |conn, _| stock::get_allocation(conn, &principal, id)).await?.into()))
}

/// Return cards to their distributor
///
/// A partner sends `available` cards a distributor allocated back to that distributor's
/// stock (one distributor a request). A reserved, redeemed or revoked card, or one minted
/// straight to the partner, is refused and nothing moves.
#[utoipa::path(
    tag = "distribution",
    request_body = CreateReturn,
    responses(
        (status = 201, description = "Returned", body = ReturnView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`keys-not-returnable` (with `serials`)", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-serial-range`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/key-returns")]
pub async fn return_keys(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateReturn>,
) -> Result<HttpResponse, Error> {
    let row = transaction(&state, move |conn, now| stock::give_back(conn, &principal, body.0, now)).await?;
    Ok(HttpResponse::Created().json(ReturnView::from(row)))
}

/// List returns
///
/// A distributor sees the returns it received, a partner the returns it sent; the operator sees
/// all.
#[utoipa::path(
    tag = "distribution",
    params(Pagination),
    responses((status = 200, description = "One page of returns", body = ListOf<ReturnView>), (status = 403, response = Forbidden)),
)]
#[get("/v1/key-returns")]
pub async fn list_returns(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<ReturnView>>, Error> {
    let page = pagination.page()?;
    let rows = read(&state, move |conn, _| stock::list_returns(conn, &principal, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Revoke lost or stolen cards
///
/// The operator revokes any card, a distributor the cards minted to it: by `serials` and
/// `ranges`, or a whole `batch_id`. Every named card that is not redeemed becomes
/// `revoked` (a reserved one leaves its redemption); its holder is told (`keys.revoked`).
/// A revoked card answers `key-revoked` to the partner holding it, `key-not-found` to
/// anyone else.
#[utoipa::path(
    tag = "distribution",
    request_body = CreateRevocation,
    responses(
        (status = 200, description = "What was revoked, and the named cards left alone", body = RevocationView),
        (status = 403, response = Forbidden),
        (status = 422, description = "`invalid-serial-range`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/key-revocations")]
pub async fn revoke_keys(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateRevocation>,
) -> Result<web::Json<RevocationView>, Error> {
    let done = transaction(&state, move |conn, now| stock::revoke(conn, &principal, body.0, now)).await?;
    Ok(web::Json(RevocationView::new(done.revoked, done.skipped)))
}

/// A partner's cards
///
/// The cards it holds, by product: `available`, `reserved`, `redeemed`, `revoked`.
#[utoipa::path(
    tag = "distribution",
    params(("id" = Uuid, Path, description = "Partner id")),
    responses((status = 200, description = "One line per product", body = Vec<PartnerStockView>)),
)]
#[get("/v1/partners/{id}/stock")]
pub async fn partner_stock(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<PartnerStockView>>, Error> {
    let id = *id;
    let lines = bulk_read(&state, move |conn, _| stock::partner_report(conn, &principal, id)).await?;
    Ok(web::Json(lines.into_iter().map(Into::into).collect()))
}

/// A card's custody ledger
///
/// Every change of the card's holder or status, oldest first: the operator sees all; a
/// distributor every movement of a card minted to it (a redemption's tenant left out); a
/// partner, of a card it holds, the movements since the one that brought it there.
#[utoipa::path(
    tag = "keys",
    params(("id" = Uuid, Path, description = "Key id"), Pagination),
    responses((status = 200, description = "One page of movements", body = ListOf<MovementView>), (status = 403, response = Forbidden)),
)]
#[get("/v1/keys/{id}/movements")]
pub async fn movements(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<MovementView>>, Error> {
    let (page, id) = (pagination.page()?, *id);
    let (rows, hide) = read(&state, move |conn, _| stock::movements(conn, &principal, id, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |m| m.id, |m| MovementView::new(m, hide))))
}
