//! Key batches (mint or import), masked key lists, validation and revocation.

use crate::store::keys::KeyHolder;
use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use uuid::Uuid;

use crate::views::keys::{CreateKeyBatch, KeyBatchView, KeyChannel, KeyInput, KeyQuery, KeyView, NewKeyBatch};
use crate::views::{csv::Table, secret::ShownOnce};
use crate::{
    app::budgets,
    app::keys::{self, BatchKeys, NewBatch},
    auth::{
        Principal,
        secrets::{Pepper, SecretKind},
    },
    authz,
    error::Error,
    http::problem::Problem,
    state::AppState,
    store::keys::KeyFilter,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::{Forbidden, PayloadTooLarge},
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

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
            (String = "text/csv", example = "key,batch_id,product_id,partner_id,seats,term_months\nBCDFG-HJKMP-QRTVW-XY234-6789B,0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f21,01900000-0000-7000-8000-000000000002,0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f03,10,12\n"),
        )),
        (status = 403, response = Forbidden),
        (status = 409, description = "`key-exists`: an imported key is already known", body = Problem, content_type = PROBLEM),
        (status = 413, response = PayloadTooLarge),
        (status = 422, description = "`validation-failed`, `partner-not-reseller`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/key-batches")]
pub async fn create_batch(
    state: web::Data<AppState>,
    principal: Principal,
    req: HttpRequest,
    body: Json<CreateKeyBatch>,
) -> Result<HttpResponse, Error> {
    authz::operator(&principal)?;
    let body = body.0;
    let source = match (body.quantity, body.keys) {
        (Some(quantity), None) => BatchKeys::Mint(quantity as usize),
        (None, Some(typed)) => BatchKeys::Import(typed),
        _ => return Err(Error::invalid("quantity", "give either quantity (mint) or keys (import), not both")),
    };
    let partner_id = match (body.channel.unwrap_or(KeyChannel::Partner), body.partner_id) {
        (KeyChannel::Partner, None) => {
            return Err(Error::invalid("partner_id", "is required for partner keys (channel retail has none)"));
        }
        (KeyChannel::Retail, Some(_)) => return Err(Error::invalid("partner_id", "retail keys have no partner")),
        (_, partner_id) => partner_id,
    };
    let batch = NewBatch {
        product_id: body.product_id,
        partner_id,
        seats_per_key: body.seats_per_key,
        term_months: body.term_months,
        keys: source,
    };
    let pepper = state.pepper.clone();
    let (batch, keys) = transaction(&state, move |conn, now| keys::create_batch(conn, &pepper, batch, now)).await?;
    crate::metrics::COUNTERS.keys_minted.inc_by(keys.len() as u64);
    let location = format!("/v1/key-batches/{}", batch.id);
    if crate::http::extract::wants_csv(&req) {
        let mut csv = Table::new(&["key", "batch_id", "product_id", "partner_id", "seats", "term_months"]);
        for key in &keys {
            csv.row(&[
                key.to_string(),
                batch.id.to_string(),
                batch.product_id.to_string(),
                batch.partner_id.map(|p| p.to_string()).unwrap_or_default(),
                batch.seats_per_key.to_string(),
                batch.term_months.to_string(),
            ]);
        }
        let csv = csv.into_string();
        crate::views::secret::mark();
        return Ok(HttpResponse::Created()
            .insert_header((header::LOCATION, location))
            .content_type("text/csv; charset=utf-8")
            .body(csv));
    }
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(NewKeyBatch { batch: batch.into(), keys: keys.iter().map(|k| ShownOnce::new(k.to_string())).collect() }))
}

/// List key batches
#[utoipa::path(
    tag = "keys",
    params(Pagination),
    responses(
        (status = 200, description = "Operator: every batch; partner: its own", body = ListOf<KeyBatchView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/key-batches")]
pub async fn list_batches(
    state: web::Data<AppState>,
    principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<KeyBatchView>>, Error> {
    let partner = authz::key_reader(&principal)?;
    let page = pagination.page()?;
    let rows = read(&state, move |conn, _| keys::list_batches(conn, partner, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Read a key batch (without its keys)
#[utoipa::path(
    tag = "keys",
    params(("id" = Uuid, Path, description = "Batch id")),
    responses(
        (status = 200, description = "The batch", body = KeyBatchView),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/key-batches/{id}")]
pub async fn get_batch(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<KeyBatchView>, Error> {
    let partner = authz::key_reader(&principal)?;
    let id = *id;
    let row = read(&state, move |conn, _| keys::get_batch(conn, partner, id)).await?;
    Ok(web::Json(row.into()))
}

/// List product keys (masked)
#[utoipa::path(
    tag = "keys",
    params(KeyQuery, Pagination),
    responses(
        (status = 200, description = "Operator: every key; partner: its own", body = ListOf<KeyView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/keys")]
pub async fn list_keys(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<KeyQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<KeyView>>, Error> {
    let partner = authz::key_reader(&principal)?;
    let page = pagination.page()?;
    let filter = KeyFilter {
        partner,
        status: query.status,
        product_id: query.product_id,
        batch_id: query.batch_id,
        retail: query.channel.map(|c| c == KeyChannel::Retail),
    };
    let rows = read(&state, move |conn, _| keys::list_keys(conn, &filter, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |(k, _)| k.id, |(k, p)| KeyView::new(k, p))))
}

impl KeyInput {
    /// The key's keyed digest, once its format and check character passed.
    pub fn digest(&self, pepper: &Pepper) -> Result<Vec<u8>, Error> {
        let key = keys::parse(&self.key)?;
        Ok(pepper.digest(SecretKind::ProductKey, key.canonical()))
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
        (status = 403, response = Forbidden),
        (status = 404, description = "`key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/keys/validate")]
pub async fn validate_key(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<KeyInput>,
) -> Result<web::Json<KeyView>, Error> {
    let partner = authz::key_reader(&principal)?;
    let subjects = vec![state.limits.key_lookups.subject(&principal.key())];
    let lookup = async {
        let digest = body.0.digest(&state.pepper)?;
        let (key, product) = transaction(&state, move |conn, _| {
            keys::find(conn, &digest, partner.map_or(KeyHolder::Anyone, KeyHolder::Partner))
        })
        .await?;
        Ok(web::Json(KeyView::new(key, product)))
    };
    budgets::guarded(&state, subjects, lookup, budgets::key_lookup_failed).await
}

/// Revoke a product key
///
/// Only an available key can be revoked; revoking a revoked key changes nothing.
#[utoipa::path(
    tag = "keys",
    params(("id" = Uuid, Path, description = "Key id")),
    responses(
        (status = 200, description = "The revoked key", body = KeyView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`key-reserved`, `key-already-redeemed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/keys/{id}/revoke")]
pub async fn revoke_key(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<KeyView>, Error> {
    authz::operator(&principal)?;
    let id = *id;
    let (key, product) = transaction(&state, move |conn, _| keys::revoke(conn, id)).await?;
    crate::metrics::COUNTERS.keys_revoked.inc();
    Ok(web::Json(KeyView::new(key, product)))
}
