//! Key batches (mint or import), masked key lists, validation and revocation.

use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use chrono::{DateTime, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    catalogue::ProductView,
    extract::{Json, ListOf, Pagination},
    transaction,
};
use crate::{
    AppState,
    auth::{Principal, secrets::SecretKind},
    authz,
    domain::product_key::{KeyFormatError, ProductKey},
    error::{ApiError, Code, FieldError, Problem},
    limits,
    store::{
        keys::{self, KeyBatchRow, KeyDigest, KeyFilter, KeyRow},
        partners, products,
        products::ProductRow,
    },
};

/// Why a key that a conditional claim found unavailable was refused, by its status now.
pub fn refusal(conn: &mut diesel::PgConnection, key_id: Uuid) -> Result<ApiError, ApiError> {
    let status = keys::get(conn, key_id)?.map(|(k, _)| k.status).unwrap_or_default();
    Ok(unavailable(&status))
}

/// The problem for a key found but not available, by its status.
fn unavailable(status: &str) -> ApiError {
    match status {
        "redeemed" => ApiError::new(Code::KeyAlreadyRedeemed, "The product key was already redeemed."),
        "revoked" => ApiError::new(Code::KeyRevoked, "The product key was revoked."),
        _ => ApiError::new(Code::KeyReserved, "The product key is held by another open redemption."),
    }
}

/// The problem for a key that failed before any lookup.
pub fn key_format_problem(e: KeyFormatError) -> ApiError {
    match e {
        KeyFormatError::Format => ApiError::new(
            Code::InvalidKeyFormat,
            "A product key is 25 characters from BCDFGHJKMPQRTVWXY2346789, shown as five groups of five.",
        ),
        KeyFormatError::Checksum => ApiError::new(
            Code::InvalidKeyChecksum,
            "The key's check character does not match: a character was mistyped.",
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KeyStatus {
    Available,
    Reserved,
    Redeemed,
    Revoked,
}

impl KeyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Available => "available",
            Self::Reserved => "reserved",
            Self::Redeemed => "redeemed",
            Self::Revoked => "revoked",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "reserved" => Self::Reserved,
            "redeemed" => Self::Redeemed,
            "revoked" => Self::Revoked,
            _ => Self::Available,
        }
    }
}

/// A product key as anyone but its first recipient sees it: masked.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyView {
    pub id: Uuid,
    /// Only the last five characters are kept.
    #[schema(example = "*****-*****-*****-*****-7QX9F")]
    pub key: String,
    pub product: ProductView,
    #[schema(example = 10)]
    pub seats: i32,
    #[schema(example = 12)]
    pub term_months: i32,
    pub partner_id: Uuid,
    pub batch_id: Uuid,
    pub status: KeyStatus,
    pub created_at: DateTime<Utc>,
    pub redeemed_at: Option<DateTime<Utc>>,
}

impl KeyView {
    pub fn new(key: KeyRow, product: ProductRow) -> Self {
        Self {
            id: key.id,
            key: ProductKey::masked(&key.last_five),
            product: product.into(),
            seats: key.seats,
            term_months: key.term_months,
            partner_id: key.partner_id,
            batch_id: key.batch_id,
            status: KeyStatus::parse(&key.status),
            created_at: key.created_at,
            redeemed_at: key.redeemed_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "product_id": "01900000-0000-7000-8000-000000000002",
    "partner_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01",
    "seats_per_key": 10, "term_months": 12, "quantity": 5
}))]
pub struct CreateKeyBatch {
    pub product_id: Uuid,
    /// The partner that receives the keys; it must have a reseller relationship.
    pub partner_id: Uuid,
    #[validate(range(min = 1, max = 10000, message = "must be between 1 and 10000"))]
    pub seats_per_key: i32,
    #[validate(range(min = 1, max = 60, message = "must be between 1 and 60"))]
    pub term_months: i32,
    /// Mint this many fresh keys (1–100 000). Give either `quantity` or `keys`.
    #[validate(range(min = 1, max = 100000, message = "must be between 1 and 100000"))]
    pub quantity: Option<i32>,
    /// Import keys made elsewhere (each format- and checksum-checked), instead of `quantity`.
    #[validate(length(min = 1, max = 100000, message = "must hold 1 to 100000 keys"))]
    #[schema(min_items = 1, max_items = 100000)]
    pub keys: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KeyBatchView {
    pub id: Uuid,
    pub product_id: Uuid,
    pub partner_id: Uuid,
    pub seats_per_key: i32,
    pub term_months: i32,
    pub quantity: i32,
    /// True when the keys were imported rather than minted here.
    pub imported: bool,
    pub created_at: DateTime<Utc>,
}

impl From<KeyBatchRow> for KeyBatchView {
    fn from(row: KeyBatchRow) -> Self {
        Self {
            id: row.id,
            product_id: row.product_id,
            partner_id: row.partner_id,
            seats_per_key: row.seats_per_key,
            term_months: row.term_months,
            quantity: row.quantity,
            imported: row.imported,
            created_at: row.created_at,
        }
    }
}

/// A new batch with its keys in plain text: the only time they are ever shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewKeyBatch {
    #[serde(flatten)]
    pub batch: KeyBatchView,
    #[schema(example = json!(["BCDFG-HJKMP-QRTVW-XY234-6789B"]))]
    pub keys: Vec<String>,
}

/// The keys of a request: minted fresh, or parsed from an import (every bad one reported).
fn batch_keys(body: &CreateKeyBatch) -> Result<(Vec<ProductKey>, bool), ApiError> {
    match (&body.quantity, &body.keys) {
        (Some(quantity), None) => {
            let mut rng = rand::rng();
            let keys = (0..*quantity)
                .map(|_| ProductKey::from_random_body(std::array::from_fn(|_| rng.random_range(0..24))))
                .collect();
            Ok((keys, false))
        }
        (None, Some(typed)) => {
            let mut errors = Vec::new();
            let mut keys = Vec::with_capacity(typed.len());
            let mut seen = std::collections::HashSet::new();
            for (i, text) in typed.iter().enumerate() {
                let field = format!("keys[{i}]");
                match ProductKey::parse(text) {
                    Ok(key) if !seen.insert(key.canonical().to_string()) => {
                        errors.push(FieldError { field, message: "appears twice in this import".into() })
                    }
                    Ok(key) => keys.push(key),
                    Err(e) => errors.push(FieldError { field, message: key_format_problem(e).detail }),
                }
                if errors.len() >= 100 {
                    break; // enough to act on; the rest can wait for the next try
                }
            }
            if errors.is_empty() { Ok((keys, true)) } else { Err(ApiError::validation(errors)) }
        }
        _ => Err(ApiError::invalid("quantity", "give either quantity (mint) or keys (import), not both")),
    }
}

fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("text/csv"))
}

/// Mint or import a key batch
///
/// The keys come back in plain text **once**, as JSON or, with `Accept: text/csv`, as CSV
/// (`key,batch_id,product_id,partner_id,seats,term_months`). Only a keyed digest and the
/// last five characters are stored.
#[utoipa::path(
    tag = "keys",
    request_body = CreateKeyBatch,
    responses(
        (status = 201, description = "The batch and its keys, shown only now", content(
            (NewKeyBatch = "application/json"),
            (String = "text/csv"),
        )),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-exists`: an imported key is already known", body = Problem, content_type = PROBLEM),
        (status = 413, description = "Body too large", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`, `partner-not-reseller`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/key-batches")]
pub async fn create_batch(
    state: web::Data<AppState>,
    principal: Principal,
    req: HttpRequest,
    body: Json<CreateKeyBatch>,
) -> Result<HttpResponse, ApiError> {
    authz::operator(&principal)?;
    let body = body.0;
    let pepper = state.pepper.clone();
    let (batch, keys) = transaction(&state, move |conn, now| {
        let (keys, imported) = batch_keys(&body)?;
        products::get(conn, body.product_id)?.ok_or_else(|| ApiError::invalid("product_id", "no such product"))?;
        let partner =
            partners::get(conn, body.partner_id)?.ok_or_else(|| ApiError::invalid("partner_id", "no such partner"))?;
        if partner.reseller_distributor.is_none() {
            return Err(ApiError::new(
                Code::PartnerNotReseller,
                "Key batches go only to partners with a reseller relationship with an authorised distributor.",
            ));
        }
        let digests: Vec<KeyDigest> = keys
            .iter()
            .map(|k| KeyDigest {
                digest: pepper.digest(SecretKind::ProductKey, k.canonical()),
                last_five: k.last_five().to_string(),
            })
            .collect();
        if imported {
            let all: Vec<Vec<u8>> = digests.iter().map(|d| d.digest.clone()).collect();
            let known = keys::existing_digests(conn, &all)?;
            if !known.is_empty() {
                return Err(ApiError::new(
                    Code::KeyExists,
                    format!("{} of the imported keys are already known; nothing was imported.", known.len()),
                ));
            }
        }
        let batch = KeyBatchRow {
            id: Uuid::now_v7(),
            product_id: body.product_id,
            partner_id: body.partner_id,
            seats_per_key: body.seats_per_key,
            term_months: body.term_months,
            quantity: keys.len() as i32,
            imported,
            created_at: now,
        };
        let stored = keys::insert_batch(conn, &batch, digests)?;
        if stored != keys.len() && imported {
            // A concurrent import of the same keys committed first.
            return Err(ApiError::new(
                Code::KeyExists,
                format!("{} of the imported keys are already known; nothing was imported.", keys.len() - stored),
            ));
        }
        if stored != keys.len() {
            // Two fresh keys colliding is a one-in-10^33 event: refuse rather than hand out a dud.
            return Err(ApiError::internal("minted key collided with a stored key"));
        }
        Ok((batch, keys))
    })
    .await?;
    let location = format!("/v1/key-batches/{}", batch.id);
    if wants_csv(&req) {
        let mut csv = String::from("key,batch_id,product_id,partner_id,seats,term_months\n");
        for key in &keys {
            csv.push_str(&format!(
                "{key},{},{},{},{},{}\n",
                batch.id, batch.product_id, batch.partner_id, batch.seats_per_key, batch.term_months
            ));
        }
        return Ok(HttpResponse::Created()
            .insert_header((header::LOCATION, location))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .content_type("text/csv; charset=utf-8")
            .body(csv));
    }
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(NewKeyBatch { batch: batch.into(), keys: keys.iter().map(ToString::to_string).collect() }))
}

/// List key batches
#[utoipa::path(
    tag = "keys",
    params(Pagination),
    responses(
        (status = 200, description = "Operator: every batch; partner: its own", body = ListOf<KeyBatchView>),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Customers have no key batches", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (limit or cursor)", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/key-batches")]
pub async fn list_batches(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<KeyBatchView>>, ApiError> {
    let partner = authz::key_reader(&principal)?;
    let page = pagination.page()?;
    let rows = transaction(&state, move |conn, _| Ok(keys::list_batches(conn, partner, page)?)).await?;
    let (rows, next) = page.finish(rows, |r| r.id);
    Ok(web::Json(ListOf::new(rows.into_iter().map(Into::into).collect(), next)))
}

/// Read a key batch (without its keys)
#[utoipa::path(
    tag = "keys",
    params(("id" = Uuid, Path, description = "Batch id")),
    responses(
        (status = 200, description = "The batch", body = KeyBatchView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Customers have no key batches", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such batch visible to the caller", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/key-batches/{id}")]
pub async fn get_batch(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<KeyBatchView>, ApiError> {
    let partner = authz::key_reader(&principal)?;
    let id = *id;
    let row = transaction(&state, move |conn, _| Ok(keys::get_batch(conn, id)?)).await?;
    row.filter(|b| partner.is_none_or(|p| p == b.partner_id))
        .map(|b| web::Json(b.into()))
        .ok_or_else(|| ApiError::not_found("key batch"))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KeyQuery {
    pub status: Option<KeyStatus>,
    pub product_id: Option<Uuid>,
    pub batch_id: Option<Uuid>,
}

/// List product keys (masked)
#[utoipa::path(
    tag = "keys",
    params(KeyQuery, Pagination),
    responses(
        (status = 200, description = "Operator: every key; partner: its own", body = ListOf<KeyView>),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Customers have no product keys", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (a filter, limit or cursor)", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/keys")]
pub async fn list_keys(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<KeyQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<KeyView>>, ApiError> {
    let partner = authz::key_reader(&principal)?;
    let page = pagination.page()?;
    let filter = KeyFilter {
        partner,
        status: query.status.map(|s| s.as_str().to_string()),
        product_id: query.product_id,
        batch_id: query.batch_id,
    };
    let rows = transaction(&state, move |conn, _| Ok(keys::list(conn, &filter, page)?)).await?;
    let (rows, next) = page.finish(rows, |(k, _)| k.id);
    Ok(web::Json(ListOf::new(rows.into_iter().map(|(k, p)| KeyView::new(k, p)).collect(), next)))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"key": "BCDFG-HJKMP-QRTVW-XY234-6789B"}))]
pub struct KeyInput {
    /// Case-insensitive; spaces and hyphens are ignored.
    #[validate(length(max = 200, message = "is too long to be a product key"))]
    #[schema(max_length = 200)]
    pub key: String,
}

impl KeyInput {
    pub fn parse(&self) -> Result<ProductKey, ApiError> {
        ProductKey::parse(&self.key).map_err(key_format_problem)
    }
}

/// Check a product key without reserving it
///
/// Tells a partner the key's product, seats, term and status. A key of another partner is
/// reported as not found, exactly like an unknown one.
#[utoipa::path(
    tag = "keys",
    request_body = KeyInput,
    responses(
        (status = 200, description = "The key (masked) and what it is for", body = KeyView),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Customers have no product keys", body = Problem, content_type = PROBLEM),
        (status = 404, description = "`key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/keys/validate")]
pub async fn validate_key(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<KeyInput>,
) -> Result<web::Json<KeyView>, ApiError> {
    let partner = authz::key_reader(&principal)?;
    let who = principal.key();
    let subjects = vec![state.limits.key_lookups.subject(&who)];
    limits::guarded(
        &state,
        subjects,
        async {
            let key = body.0.parse()?;
            let digest = state.pepper.digest(SecretKind::ProductKey, key.canonical());
            let found = transaction(&state, move |conn, _| Ok(keys::find_by_digest(conn, &digest, partner)?)).await?;
            found
                .map(|(k, p)| web::Json(KeyView::new(k, p)))
                .ok_or_else(|| ApiError::new(Code::KeyNotFound, "No such product key."))
        },
        limits::key_lookup_failed,
    )
    .await
}

/// Revoke a product key
///
/// Only an available key can be revoked; revoking a revoked key changes nothing.
#[utoipa::path(
    tag = "keys",
    params(("id" = Uuid, Path, description = "Key id")),
    responses(
        (status = 200, description = "The revoked key", body = KeyView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such key", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-reserved`, `key-already-redeemed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/keys/{id}/revoke")]
pub async fn revoke_key(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<KeyView>, ApiError> {
    authz::operator(&principal)?;
    let id = *id;
    let (key, product) = transaction(&state, move |conn, _| {
        keys::revoke(conn, id)?;
        let (key, product) = keys::get(conn, id)?.ok_or_else(|| ApiError::not_found("product key"))?;
        match key.status.as_str() {
            "reserved" => Err(ApiError::new(Code::KeyReserved, "The key is held by an open redemption.")),
            "redeemed" => Err(ApiError::new(Code::KeyAlreadyRedeemed, "The key was already redeemed.")),
            _ => Ok((key, product)),
        }
    })
    .await?;
    Ok(web::Json(KeyView::new(key, product)))
}
