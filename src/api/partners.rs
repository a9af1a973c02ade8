//! Partners, their programme status and their API clients.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::views::partners::{
    ApiClientView, CreateApiClient, CreatePartner, NewApiClient, PartnerView, RotateSecret, RotatedSecret,
    UpdateApiClient, UpdatePartner,
};
use crate::{
    app::{clients, partners},
    auth::Principal,
    authz,
    error::Error,
    state::AppState,
    store::clients::{ClientChange, ClientOwner},
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::problem::Problem,
    http::responses::Forbidden,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// Register a partner
///
/// The operator registers a partner, with its reseller relationship (the older way) and Cloud
/// Essentials enrolment; the partner gets a public partner number.
#[utoipa::path(
    tag = "partners",
    request_body = CreatePartner,
    responses(
        (status = 201, description = "Registered; the partner number is generated", body = PartnerView),
        (status = 403, description = "`forbidden`, `distributor-not-authorised` (`reseller` names a suspended distributor)", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/partners")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreatePartner>,
) -> Result<HttpResponse, Error> {
    authz::operator(&principal)?;
    let row = transaction(&state, move |conn, now| partners::create(conn, body.0.into(), now)).await?;
    Ok(HttpResponse::Created().json(PartnerView::from(row)))
}

/// List partners
///
/// The operator's list of partners, keyset-paginated.
#[utoipa::path(
    tag = "partners",
    params(Pagination),
    responses(
        (status = 200, description = "One page of partners", body = ListOf<PartnerView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/partners")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<PartnerView>>, Error> {
    authz::operator(&principal)?;
    let page = pagination.page()?;
    let rows = read(&state, move |conn, _| partners::list(conn, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |(r, _)| r.id, Into::into)))
}

async fn partner_view(state: &web::Data<AppState>, id: Uuid) -> Result<PartnerView, Error> {
    Ok(read(state, move |conn, _| partners::get(conn, id)).await?.into())
}

/// The calling partner
///
/// The partner the caller's API client belongs to, with its partner number.
#[utoipa::path(
    tag = "partners",
    responses(
        (status = 200, description = "The partner the token belongs to", body = PartnerView),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/partners/me")]
pub async fn me(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<PartnerView>, Error> {
    let partner_id = authz::partner(&principal)?;
    Ok(web::Json(partner_view(&state, partner_id).await?))
}

/// Read a partner
///
/// The operator reads any partner; a partner only itself (anyone else: 404).
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id")),
    responses(
        (status = 200, description = "The partner", body = PartnerView),
    ),
)]
#[get("/v1/partners/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<PartnerView>, Error> {
    authz::partner_record(&principal, *id)?;
    Ok(web::Json(partner_view(&state, *id).await?))
}

/// Update a partner's name and programme status
///
/// `reseller: {distributor, since}` records an active reseller relationship with the
/// authorised distributor of that name (made when none has it), as partners were written
/// before distributors had relationships of their own; `reseller: null` ends the
/// partner's relationships (no new key batches). `cloud_essentials` records enrolment in
/// the programme.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id")),
    request_body = UpdatePartner,
    responses(
        (status = 200, description = "The updated partner", body = PartnerView),
        (status = 403, description = "`forbidden`, `distributor-not-authorised` (`reseller` names a suspended distributor)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`relationship-exists`: the named distributor's invitation to the partner awaits its answer", body = Problem, content_type = PROBLEM),
    ),
)]
#[patch("/v1/partners/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdatePartner>,
) -> Result<web::Json<PartnerView>, Error> {
    authz::partner_record(&principal, *id)?;
    authz::operator(&principal)?;
    let (id, request) = (*id, body.0);
    Ok(web::Json(transaction(&state, move |conn, now| partners::update(conn, id, request, now)).await?.into()))
}

/// Create an API client for a partner
///
/// The operator or the partner itself creates an API client; its secret is shown only in this
/// answer.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id")),
    request_body = CreateApiClient,
    responses(
        (status = 201, description = "Created; `client_secret` is shown only in this response", body = NewApiClient),
    ),
)]
#[post("/v1/partners/{id}/api-clients")]
pub async fn create_client(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateApiClient>,
) -> Result<HttpResponse, Error> {
    authz::partner_record(&principal, *id)?;
    let (owner, name, pepper) = (ClientOwner::Partner(*id), body.0.name, state.pepper.clone());
    let (row, secret) = transaction(&state, move |conn, now| clients::create(conn, &pepper, owner, name, now)).await?;
    Ok(HttpResponse::Created().json(NewApiClient::new(row, secret)))
}

/// List a partner's API clients (without secrets)
///
/// The operator or the partner itself lists its live API clients; secrets are never shown
/// again.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id"), Pagination),
    responses(
        (status = 200, description = "Live API clients", body = ListOf<ApiClientView>),
    ),
)]
#[get("/v1/partners/{id}/api-clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<ApiClientView>>, Error> {
    authz::partner_record(&principal, *id)?;
    let (page, owner) = (pagination.page()?, ClientOwner::Partner(*id));
    let rows = read(&state, move |conn, _| clients::list(conn, owner, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Rotate a partner API client's secret
///
/// A new secret, shown only in this answer; the previous one keeps signing in on every
/// instance for `previous_valid_for_hours` (0–168, default 24), so the integration switches
/// with no downtime, then never again. Tokens already issued run out within their lifetime.
/// Of concurrent rotations each secret is shown once and only the last two sign in. A
/// revoked client answers 404.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id"), ("client_id" = String, Path, description = "Client id")),
    request_body = RotateSecret,
    responses((status = 200, description = "Rotated; `client_secret` is shown only in this response", body = RotatedSecret)),
)]
#[post("/v1/partners/{id}/api-clients/{client_id}/rotate-secret")]
pub async fn rotate_client_secret(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    body: Json<RotateSecret>,
) -> Result<web::Json<RotatedSecret>, Error> {
    let (owner_id, client_id) = path.into_inner();
    authz::partner_record(&principal, owner_id)?;
    let (owner, hours, pepper) = (ClientOwner::Partner(owner_id), body.0.overlap_hours(), state.pepper.clone());
    let (row, secret) =
        transaction(&state, move |conn, now| clients::rotate_secret(conn, &pepper, owner, &client_id, hours, now))
            .await?;
    Ok(web::Json(RotatedSecret::new(row, secret)))
}

/// Rename a partner API client or move its version pin
///
/// `api_version` is the version the client's requests speak when they send no
/// `Keyport-Version` (`GET /v1/versions`); tokens issued from now on carry it, tokens
/// already issued keep the one they were issued with until they expire. A revoked client
/// answers 404.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id"), ("client_id" = String, Path, description = "Client id")),
    request_body = UpdateApiClient,
    responses((status = 200, description = "The client", body = ApiClientView)),
)]
#[patch("/v1/partners/{id}/api-clients/{client_id}")]
pub async fn update_client(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    body: Json<UpdateApiClient>,
) -> Result<web::Json<ApiClientView>, Error> {
    let (owner_id, client_id) = path.into_inner();
    authz::partner_record(&principal, owner_id)?;
    let UpdateApiClient { name, api_version } = body.0;
    let (owner, change) = (ClientOwner::Partner(owner_id), ClientChange { name, api_version });
    let row = transaction(&state, move |conn, _| clients::update(conn, owner, &client_id, change)).await?;
    Ok(web::Json(row.into()))
}

/// Revoke an API client
///
/// New tokens can no longer be obtained with it, and the tokens it already has are refused
/// from their next request on, by every instance.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id"), ("client_id" = String, Path, description = "Client id")),
    responses(
        (status = 204, description = "Revoked"),
    ),
)]
#[delete("/v1/partners/{id}/api-clients/{client_id}")]
pub async fn revoke_client(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, Error> {
    let (partner_id, client_id) = path.into_inner();
    authz::partner_record(&principal, partner_id)?;
    let owner = ClientOwner::Partner(partner_id);
    transaction(&state, move |conn, now| clients::revoke(conn, owner, &client_id, now)).await?;
    // The client's tokens are refused from the next request on; here before this answers.
    state.learn_revocations().await?;
    Ok(HttpResponse::NoContent().finish())
}
