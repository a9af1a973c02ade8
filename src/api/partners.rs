//! Partners, their programme status and their API clients.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use rand::Rng;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    extract::{Json, ListOf, Pagination},
    transaction,
};
use crate::{
    AppState,
    auth::{
        Principal,
        secrets::{CLIENT_SECRET_PREFIX, SecretKind, new_secret, random_bytes},
    },
    authz,
    error::{ApiError, Problem},
    store::{
        clients::{self, ApiClientRow},
        partners::{self, PartnerChanges, PartnerRow},
    },
};

/// A reseller relationship with an authorised distributor: what lets a partner sell.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reseller {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    #[schema(example = "Northwind Distribution")]
    pub distributor: String,
    /// `YYYY-MM-DD`.
    #[schema(value_type = String, format = Date, example = "2025-03-01")]
    pub since: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerView {
    pub id: Uuid,
    #[schema(example = "Contoso IT Services")]
    pub name: String,
    /// The partner-of-record number customers type in: 7 digits.
    #[schema(example = "4820193")]
    pub partner_number: String,
    pub reseller: Option<Reseller>,
    /// Enrolled in Cloud Essentials (may offer delegated administration).
    pub cloud_essentials: bool,
    pub created_at: DateTime<Utc>,
}

impl From<PartnerRow> for PartnerView {
    fn from(row: PartnerRow) -> Self {
        let reseller = row
            .reseller_distributor
            .zip(row.reseller_since)
            .map(|(distributor, since)| Reseller { distributor, since });
        Self {
            id: row.id,
            name: row.name,
            partner_number: row.partner_number,
            reseller,
            cloud_essentials: row.cloud_essentials,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Contoso IT Services",
    "reseller": {"distributor": "Northwind Distribution", "since": "2025-03-01"},
    "cloud_essentials": true
}))]
pub struct CreatePartner {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(nested)]
    pub reseller: Option<Reseller>,
    #[serde(default)]
    pub cloud_essentials: bool,
}

/// A field that may be absent (leave alone), `null` (clear) or a value (set).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"cloud_essentials": true}))]
pub struct UpdatePartner {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    /// `null` ends the reseller relationship.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Reseller>)]
    pub reseller: Option<Option<Reseller>>,
    pub cloud_essentials: Option<bool>,
}

fn new_partner_number() -> String {
    rand::rng().random_range(1_000_000..=9_999_999).to_string()
}

/// Register a partner
#[utoipa::path(
    tag = "partners",
    request_body = CreatePartner,
    responses(
        (status = 201, description = "Registered; the partner number is generated", body = PartnerView),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/partners")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreatePartner>,
) -> Result<HttpResponse, ApiError> {
    authz::operator(&principal)?;
    let body = body.0;
    let row = transaction(&state, move |conn, now| {
        let (reseller_distributor, reseller_since) = match body.reseller {
            Some(r) => (Some(r.distributor), Some(r.since)),
            None => (None, None),
        };
        let row = PartnerRow {
            id: Uuid::now_v7(),
            name: body.name,
            partner_number: String::new(),
            reseller_distributor,
            reseller_since,
            cloud_essentials: body.cloud_essentials,
            created_at: now,
        };
        Ok(partners::insert(conn, row, new_partner_number)?)
    })
    .await?;
    Ok(HttpResponse::Created().json(PartnerView::from(row)))
}

/// List partners
#[utoipa::path(
    tag = "partners",
    params(Pagination),
    responses(
        (status = 200, description = "One page of partners", body = ListOf<PartnerView>),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (limit or cursor)", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/partners")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<PartnerView>>, ApiError> {
    authz::operator(&principal)?;
    let page = pagination.page()?;
    let rows = transaction(&state, move |conn, _| Ok(partners::list(conn, page)?)).await?;
    let (rows, next) = page.finish(rows, |r| r.id);
    Ok(web::Json(ListOf::new(rows.into_iter().map(Into::into).collect(), next)))
}

async fn read(state: &web::Data<AppState>, id: Uuid) -> Result<PartnerView, ApiError> {
    let row = transaction(state, move |conn, _| Ok(partners::get(conn, id)?)).await?;
    row.map(Into::into).ok_or_else(|| ApiError::not_found("partner"))
}

/// The calling partner
#[utoipa::path(
    tag = "partners",
    responses(
        (status = 200, description = "The partner the token belongs to", body = PartnerView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/partners/me")]
pub async fn me(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<PartnerView>, ApiError> {
    let partner_id = authz::partner(&principal)?;
    Ok(web::Json(read(&state, partner_id).await?))
}

/// Read a partner
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id")),
    responses(
        (status = 200, description = "The partner", body = PartnerView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such partner visible to the caller", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/partners/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<PartnerView>, ApiError> {
    authz::partner_record(&principal, *id)?;
    Ok(web::Json(read(&state, *id).await?))
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such partner", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[patch("/v1/partners/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<UpdatePartner>,
) -> Result<web::Json<PartnerView>, ApiError> {
    authz::partner_record(&principal, *id)?;
    authz::operator(&principal)?;
    if let Some(Some(reseller)) = &body.0.reseller {
        super::extract::validate(reseller).map_err(|e| prefix_fields(e, "reseller"))?;
    }
    let body = body.0;
    let changes = PartnerChanges {
        name: body.name,
        reseller_distributor: body.reseller.as_ref().map(|r| r.as_ref().map(|r| r.distributor.clone())),
        reseller_since: body.reseller.as_ref().map(|r| r.as_ref().map(|r| r.since)),
        cloud_essentials: body.cloud_essentials,
    };
    let id = *id;
    let row = transaction(&state, move |conn, _| Ok(partners::update(conn, id, &changes)?)).await?;
    row.map(|r| web::Json(r.into())).ok_or_else(|| ApiError::not_found("partner"))
}

fn prefix_fields(mut e: ApiError, prefix: &str) -> ApiError {
    for f in &mut e.errors {
        f.field = format!("{prefix}.{}", f.field);
    }
    ApiError::validation(e.errors)
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "billing integration"}))]
pub struct CreateApiClient {
    /// What the client is for.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
}

/// A new API client; the secret is shown here once and never again.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewApiClient {
    #[schema(example = "kpc_5f1c0e7a9b2d4c6e8a10")]
    pub client_id: String,
    pub client_secret: String,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClientView {
    pub client_id: String,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Create an API client for a partner
#[utoipa::path(
    tag = "partners",
    params(("id" = Uuid, Path, description = "Partner id")),
    request_body = CreateApiClient,
    responses(
        (status = 201, description = "Created; `client_secret` is shown only in this response", body = NewApiClient),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such partner visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/partners/{id}/api-clients")]
pub async fn create_client(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateApiClient>,
) -> Result<HttpResponse, ApiError> {
    authz::partner_record(&principal, *id)?;
    let partner_id = *id;
    let secret = new_secret(CLIENT_SECRET_PREFIX);
    let row = ApiClientRow {
        id: Uuid::now_v7(),
        client_id: format!("kpc_{}", hex::encode(random_bytes(10))),
        secret_digest: state.pepper.digest(SecretKind::ClientSecret, &secret),
        role: "partner".into(),
        partner_id: Some(partner_id),
        name: body.0.name,
        created_at: Default::default(),
        revoked_at: None,
    };
    let row = transaction(&state, move |conn, now| {
        partners::get(conn, partner_id)?.ok_or_else(|| ApiError::not_found("partner"))?;
        let row = ApiClientRow { created_at: now, ..row };
        clients::insert(conn, &row)?;
        Ok(row)
    })
    .await?;
    Ok(HttpResponse::Created().json(NewApiClient {
        client_id: row.client_id,
        client_secret: secret,
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such partner visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (limit or cursor)", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/partners/{id}/api-clients")]
pub async fn list_clients(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<ApiClientView>>, ApiError> {
    authz::partner_record(&principal, *id)?;
    let page = pagination.page()?;
    let partner_id = *id;
    let rows = transaction(&state, move |conn, _| {
        partners::get(conn, partner_id)?.ok_or_else(|| ApiError::not_found("partner"))?;
        Ok(clients::list_for_partner(conn, partner_id, page)?)
    })
    .await?;
    let (rows, next) = page.finish(rows, |r| r.id);
    let views = rows
        .into_iter()
        .map(|r| ApiClientView { client_id: r.client_id, name: r.name, created_at: r.created_at })
        .collect();
    Ok(web::Json(ListOf::new(views, next)))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such live client of a partner visible to the caller", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/partners/{id}/api-clients/{client_id}")]
pub async fn revoke_client(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    let (partner_id, client_id) = path.into_inner();
    authz::partner_record(&principal, partner_id)?;
    let revoked = transaction(&state, move |conn, now| Ok(clients::revoke(conn, partner_id, &client_id, now)?)).await?;
    if !revoked {
        return Err(ApiError::not_found("API client"));
    }
    // The client's tokens are refused from the next request on; here before this answers.
    state.learn_revocations().await?;
    Ok(HttpResponse::NoContent().finish())
}
