//! Distributors, their API clients, their stock and low-stock alerts (SPEC §13).

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use uuid::Uuid;

use crate::views::distributors::{CreateDistributor, DistributorView, UpdateDistributor};
use crate::views::partners::{
    ApiClientView, CreateApiClient, NewApiClient, RotateSecret, RotatedSecret, UpdateApiClient,
};
use crate::views::stock::{AlertView, DistributorStockView, PutAlert};
use crate::{
    app::{clients, distributors, stock},
    auth::Principal,
    authz,
    error::Error,
    http::{PROBLEM, extract::Json, problem::Problem, responses::Forbidden},
    state::{AppState, bulk_read, read, transaction},
    store::clients::{ClientChange, ClientOwner},
    views::pages::{ListOf, Pagination},
};

/// Register a distributor
///
/// An authorised distributor supplies product-key cards to the partners it has reseller
/// relationships with. It signs in with API clients of its own.
#[utoipa::path(
    tag = "distributors",
    request_body = CreateDistributor,
    responses(
        (status = 201, description = "Registered", body = DistributorView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`distributor-exists`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/distributors")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateDistributor>,
) -> Result<HttpResponse, Error> {
    let row = transaction(&state, move |conn, now| distributors::create(conn, &principal, body.0, now)).await?;
    Ok(HttpResponse::Created().json(DistributorView::from(row)))
}

/// List distributors
///
/// The operator's list of authorised distributors, keyset-paginated.
#[utoipa::path(
    tag = "distributors",
    params(Pagination),
    responses((status = 200, description = "One page of distributors", body = ListOf<DistributorView>), (status = 403, response = Forbidden)),
)]
#[get("/v1/distributors")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<DistributorView>>, Error> {
    let page = pagination.page()?;
    let rows = read(&state, move |conn, _| distributors::list(conn, &principal, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// The calling distributor
///
/// The distributor the caller's API client belongs to.
#[utoipa::path(
    tag = "distributors",
    responses((status = 200, description = "The distributor the token belongs to", body = DistributorView), (status = 403, response = Forbidden)),
)]
#[get("/v1/distributors/me")]
pub async fn me(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<DistributorView>, Error> {
    let id = authz::distributor(&principal)?;
    Ok(web::Json(read(&state, move |conn, _| distributors::get(conn, &principal, id)).await?.into()))
}

/// Read a distributor
///
/// The operator reads any distributor; a distributor only itself (anyone else: 404).
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id")),
    responses((status = 200, description = "The distributor", body = DistributorView)),
)]
#[get("/v1/distributors/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<DistributorView>, Error> {
    let id = *id;
    Ok(web::Json(read(&state, move |conn, _| distributors::get(conn, &principal, id)).await?.into()))
}

/// Rename, suspend or restore a distributor
///
/// `authorised: false` suspends it: it cannot invite, allocate or receive batches (403
/// `distributor-not-authorised`); cards it already allocated are untouched.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id")),
    request_body = UpdateDistributor,
    responses(
        (status = 200, description = "The distributor", body = DistributorView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`distributor-exists`", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/distributors/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdateDistributor>,
) -> Result<web::Json<DistributorView>, Error> {
    let (id, request) = (*id, body.0);
    let row = transaction(&state, move |conn, _| distributors::update(conn, &principal, id, request)).await?;
    Ok(web::Json(row.into()))
}

/// Create an API client for a distributor
///
/// The operator or the distributor itself creates an API client; its secret is shown only in
/// this answer.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id")),
    request_body = CreateApiClient,
    responses((status = 201, description = "Created; `client_secret` is shown only in this response", body = NewApiClient)),
)]
#[post("/v1/distributors/{id}/api-clients")]
pub async fn create_client(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateApiClient>,
) -> Result<HttpResponse, Error> {
    authz::distributor_record(&principal, *id)?;
    let (owner, name, pepper) = (ClientOwner::Distributor(*id), body.0.name, state.pepper.clone());
    let (row, secret) = transaction(&state, move |conn, now| clients::create(conn, &pepper, owner, name, now)).await?;
    Ok(HttpResponse::Created().json(NewApiClient::new(row, secret)))
}

/// List a distributor's API clients (without secrets)
///
/// The operator or the distributor itself lists its live API clients; secrets are never shown
/// again.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id"), Pagination),
    responses((status = 200, description = "Live API clients", body = ListOf<ApiClientView>)),
)]
#[get("/v1/distributors/{id}/api-clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<ApiClientView>>, Error> {
    authz::distributor_record(&principal, *id)?;
    let (page, owner) = (pagination.page()?, ClientOwner::Distributor(*id));
    let rows = read(&state, move |conn, _| clients::list(conn, owner, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Rotate a distributor API client's secret
///
/// A new secret, shown only in this answer; the previous one keeps signing in on every
/// instance for `previous_valid_for_hours` (0–168, default 24), so the integration switches
/// with no downtime, then never again. Tokens already issued run out within their lifetime.
/// Of concurrent rotations each secret is shown once and only the last two sign in. A
/// revoked client answers 404.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id"), ("client_id" = String, Path, description = "Client id")),
    request_body = RotateSecret,
    responses((status = 200, description = "Rotated; `client_secret` is shown only in this response", body = RotatedSecret)),
)]
#[post("/v1/distributors/{id}/api-clients/{client_id}/rotate-secret")]
pub async fn rotate_client_secret(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    body: Json<RotateSecret>,
) -> Result<web::Json<RotatedSecret>, Error> {
    let (owner_id, client_id) = path.into_inner();
    authz::distributor_record(&principal, owner_id)?;
    let (owner, hours, pepper) = (ClientOwner::Distributor(owner_id), body.0.overlap_hours(), state.pepper.clone());
    let (row, secret) =
        transaction(&state, move |conn, now| clients::rotate_secret(conn, &pepper, owner, &client_id, hours, now))
            .await?;
    Ok(web::Json(RotatedSecret::new(row, secret)))
}

/// Rename a distributor API client or move its version pin
///
/// `api_version` is the version the client's requests speak when they send no
/// `Keyport-Version` (`GET /v1/versions`); tokens issued from now on carry it, tokens
/// already issued keep the one they were issued with until they expire. A revoked client
/// answers 404.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id"), ("client_id" = String, Path, description = "Client id")),
    request_body = UpdateApiClient,
    responses((status = 200, description = "The client", body = ApiClientView)),
)]
#[patch("/v1/distributors/{id}/api-clients/{client_id}")]
pub async fn update_client(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    body: Json<UpdateApiClient>,
) -> Result<web::Json<ApiClientView>, Error> {
    let (owner_id, client_id) = path.into_inner();
    authz::distributor_record(&principal, owner_id)?;
    let UpdateApiClient { name, api_version } = body.0;
    let (owner, change) = (ClientOwner::Distributor(owner_id), ClientChange { name, api_version });
    let row = transaction(&state, move |conn, _| clients::update(conn, owner, &client_id, change)).await?;
    Ok(web::Json(row.into()))
}

/// Revoke a distributor's API client
///
/// Revokes the client at once on every instance: its tokens are refused on their next request.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id"), ("client_id" = String, Path, description = "Client id")),
    responses((status = 204, description = "Revoked; its tokens are refused from their next request")),
)]
#[delete("/v1/distributors/{id}/api-clients/{client_id}")]
pub async fn revoke_client(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, Error> {
    let (distributor_id, client_id) = path.into_inner();
    authz::distributor_record(&principal, distributor_id)?;
    let owner = ClientOwner::Distributor(distributor_id);
    transaction(&state, move |conn, now| clients::revoke(conn, owner, &client_id, now)).await?;
    state.learn_revocations().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A distributor's stock
///
/// The cards minted to it, by product: `in_stock` on its shelf, `allocated` with a partner
/// and not yet redeemed, `redeemed`, `revoked`. One index-only scan.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id")),
    responses((status = 200, description = "One line per product", body = Vec<DistributorStockView>)),
)]
#[get("/v1/distributors/{id}/stock")]
pub async fn stock_report(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<DistributorStockView>>, Error> {
    let id = *id;
    let lines = bulk_read(&state, move |conn, _| stock::distributor_report(conn, &principal, id)).await?;
    Ok(web::Json(lines.into_iter().map(Into::into).collect()))
}

/// Set a low-stock alert
///
/// When the distributor's cards of the product in stock fall below `threshold`, one
/// `stock.low` event goes to its inbox (and webhooks); again only after the stock has risen
/// back to the threshold and fallen once more.
#[utoipa::path(
    tag = "distributors",
    params(("id" = Uuid, Path, description = "Distributor id"), ("product_id" = Uuid, Path, description = "Product id")),
    request_body = PutAlert,
    responses((status = 200, description = "The alert", body = AlertView), (status = 403, response = Forbidden)),
)]
#[put("/v1/distributors/{id}/stock-alerts/{product_id}")]
pub async fn put_alert(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
    body: Json<PutAlert>,
) -> Result<web::Json<AlertView>, Error> {
    let ((id, product_id), threshold) = (path.into_inner(), body.0.threshold);
    let row = transaction(&state, move |conn, now| stock::set_alert(conn, &principal, id, product_id, threshold, now))
        .await?;
    Ok(web::Json(row.into()))
}
