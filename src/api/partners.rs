//! Partners, their programme status and their API clients.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::views::partners::{ApiClientView, CreateApiClient, CreatePartner, NewApiClient, PartnerView, UpdatePartner};
use crate::{
    app::partners::{self, NewPartner},
    auth::Principal,
    authz,
    error::Error,
    state::AppState,
    store::{clients::ApiClientRow, partners::PartnerChanges},
};
use crate::{
    http::extract::Json,
    http::responses::Forbidden,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// Register a partner
#[utoipa::path(
    tag = "partners",
    request_body = CreatePartner,
    responses(
        (status = 201, description = "Registered; the partner number is generated", body = PartnerView),
        (status = 403, response = Forbidden),
    ),
)]
#[post("/v1/partners")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreatePartner>,
) -> Result<HttpResponse, Error> {
    authz::operator(&principal)?;
    let CreatePartner { name, reseller, cloud_essentials } = body.0;
    let partner = NewPartner { name, reseller: reseller.map(|r| (r.distributor, r.since)), cloud_essentials };
    let row = transaction(&state, move |conn, now| partners::create(conn, partner, now)).await?;
    Ok(HttpResponse::Created().json(PartnerView::from(row)))
}

/// List partners
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
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

async fn partner_view(state: &web::Data<AppState>, id: Uuid) -> Result<PartnerView, Error> {
    Ok(read(state, move |conn, _| partners::get(conn, id)).await?.into())
}

/// The calling partner
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
/// `reseller: null` ends the reseller relationship (no new key batches);
/// `cloud_essentials` records enrolment in the programme.
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id")),
    request_body = UpdatePartner,
    responses(
        (status = 200, description = "The updated partner", body = PartnerView),
        (status = 403, response = Forbidden),
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
    if let Some(Some(reseller)) = &body.0.reseller {
        crate::http::extract::validate(reseller).map_err(|e| prefix_fields(e, "reseller"))?;
    }
    let body = body.0;
    let changes = PartnerChanges {
        name: body.name,
        reseller_distributor: body.reseller.as_ref().map(|r| r.as_ref().map(|r| r.distributor.clone())),
        reseller_since: body.reseller.as_ref().map(|r| r.as_ref().map(|r| r.since)),
        cloud_essentials: body.cloud_essentials,
    };
    let id = *id;
    let row = transaction(&state, move |conn, _| partners::update(conn, id, &changes)).await?;
    Ok(web::Json(row.into()))
}

fn prefix_fields(mut e: Error, prefix: &str) -> Error {
    for f in &mut e.errors {
        f.field = format!("{prefix}.{}", f.field);
    }
    Error::validation(e.errors)
}

/// Create an API client for a partner
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
    let (partner_id, name, pepper) = (*id, body.0.name, state.pepper.clone());
    let (row, client_secret) =
        transaction(&state, move |conn, now| partners::create_client(conn, &pepper, partner_id, name, now)).await?;
    Ok(HttpResponse::Created().json(NewApiClient {
        client_id: row.client_id,
        client_secret: client_secret.into(),
        name: row.name,
        created_at: row.created_at,
    }))
}

/// List a partner's API clients (without secrets)
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
    let (page, partner_id) = (pagination.page()?, *id);
    let rows = read(&state, move |conn, _| partners::list_clients(conn, partner_id, page)).await?;
    let view = |r: ApiClientRow| ApiClientView { client_id: r.client_id, name: r.name, created_at: r.created_at };
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, view)))
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
    transaction(&state, move |conn, now| partners::revoke_client(conn, partner_id, &client_id, now)).await?;
    // The client's tokens are refused from the next request on; here before this answers.
    state.learn_revocations().await?;
    Ok(HttpResponse::NoContent().finish())
}
