//! Key batches (mint or import), masked key lists, validation and revocation.

use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use uuid::Uuid;

use crate::http::extract::wants_csv;
use crate::views::keys::{CreateKeyBatch, KeyBatchView, KeyInput, KeyQuery, KeyView, NewKeyBatch};
use crate::views::keys::{batch_csv, new_batch_json};
use crate::{
    app::keys::{self},
    auth::Principal,
    authz,
    error::Error,
    http::problem::Problem,
    state::AppState,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::{Forbidden, PayloadTooLarge},
    state::read,
    views::pages::{ListOf, Pagination},
};

/// Mint or import a key batch
///
/// For a partner (`partner_id`: the keys are `available` to it at once), for a
/// distributor's stock (`distributor_id`: the cards are `in_stock`, inert until the
/// distributor allocates them) or for retail. The keys come back in plain text **once**, as
/// JSON or, with `Accept: text/csv`, as CSV for the card printer (`serial,key`); `keys[i]`
/// is the card with serial `first_serial + i`. Only a keyed digest and the last five
/// characters are stored.
#[utoipa::path(
    tag = "keys",
    request_body = CreateKeyBatch,
    responses(
        (status = 201, description = "The batch and its keys, shown only now", content(
            (NewKeyBatch = "application/json"),
            (String = "text/csv", example = "serial,key\n000042000001,BCDFG-HJKMP-QRTVW-XY234-6789B\n000042000002,CDFGH-JKMPQ-RTVWX-Y2346-789BC\n"),
        )),
        (status = 403, description = "`forbidden`, `distributor-not-authorised` (the distributor is suspended)", body = Problem, content_type = PROBLEM),
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
    let (batch, keys) = keys::mint(&state, &principal, body.0).await?;
    let mut created = HttpResponse::Created();
    created.insert_header((header::LOCATION, format!("/v1/key-batches/{}", batch.id)));
    Ok(match wants_csv(&req) {
        true => created.content_type(crate::http::extract::CSV).streaming(batch_csv(&batch, keys)),
        false => created.content_type("application/json").streaming(new_batch_json(batch, keys)),
    })
}

/// List key batches
///
/// The operator sees every batch; a partner its own; a distributor the batches minted to it.
/// Keyset-paginated.
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
///
/// A batch's product, terms, size and serial range; its keys were shown once, when it was
/// minted.
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
///
/// Keys with their status, masked (the plain key is shown only when minted). Filters by batch,
/// status and serial.
#[utoipa::path(
    tag = "keys",
    params(KeyQuery, Pagination),
    responses(
        (status = 200, description = "Operator: every key; partner: those it holds; distributor: those minted to it, wherever they are now", body = ListOf<KeyView>),
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
    let (page, filter) = (pagination.page()?, keys::filter(authz::key_reader(&principal)?, query.into_inner())?);
    let rows = read(&state, move |conn, _| keys::list_keys(conn, &filter, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |(k, _)| k.id, |(k, p)| KeyView::new(k, p))))
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
    let (key, product) = keys::check(&state, &principal, &body.0.key).await?;
    Ok(web::Json(KeyView::new(key, product)))
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
    let (key, product) = keys::revoke_one(&state, &principal, *id).await?;
    Ok(web::Json(KeyView::new(key, product)))
}
