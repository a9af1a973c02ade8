//! `Idempotency-Key` on POST (SPEC §7): the first response for a caller's key is kept 24 h
//! and replayed, marked `Idempotent-Replayed: true`, for a retry with the same body; the
//! same key with another body answers 422 `idempotency-key-reused`, and a retry while the
//! first request still runs 409 `idempotency-key-in-flight`. Responses that say the request
//! itself was wrong (400, 401, 403, 413, 415, 422, 429) and server errors are not kept, so
//! a corrected retry runs.

use actix_web::{
    Error, HttpResponse,
    body::{BoxBody, MessageBody, to_bytes},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::{Method, StatusCode, header},
    middleware::Next,
    web,
};
use chacha20poly1305::{
    ChaCha20Poly1305, KeyInit, Nonce,
    aead::{Aead, AeadCore, OsRng},
};
use chrono::Duration;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use crate::{
    AppState,
    api::extract::BODY_LIMIT,
    error::{ApiError, Code},
    store::idempotency::{self, Claim, StoredResponse},
};

pub const HEADER: &str = "idempotency-key";
pub const REPLAYED: &str = "idempotent-replayed";
/// How long a first response is kept.
pub const RETENTION_HOURS: i64 = 24;
/// An in-flight claim older than this belongs to a request that died; a retry takes over.
const ABANDONED_AFTER_SECONDS: i64 = 60;

/// Whether a response is kept for replay (see the module comment).
fn kept(status: StatusCode) -> bool {
    !(status.is_server_error() || matches!(status.as_u16(), 400 | 401 | 403 | 413 | 415 | 422 | 429))
}

/// The caller's key, validated, when this request takes part.
fn idempotency_key(req: &ServiceRequest) -> Option<Result<String, ApiError>> {
    if req.method() != Method::POST || req.path().starts_with("/v1/auth/") {
        return None;
    }
    let value = req.headers().get(HEADER)?;
    let valid = value
        .to_str()
        .ok()
        .filter(|k| !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_string);
    Some(valid.ok_or_else(|| ApiError::invalid("Idempotency-Key", "must be 1 to 255 visible ASCII characters")))
}

fn cipher(state: &AppState) -> ChaCha20Poly1305 {
    ChaCha20Poly1305::new(&state.pepper.derive("idempotency-responses").into())
}

fn seal(state: &AppState, body: &[u8]) -> Vec<u8> {
    let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
    let mut sealed = nonce.to_vec();
    sealed.extend(cipher(state).encrypt(&nonce, body).expect("encryption does not fail"));
    sealed
}

fn open(state: &AppState, sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 12 {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(12);
    let nonce: [u8; 12] = nonce.try_into().ok()?;
    cipher(state).decrypt(&Nonce::from(nonce), ciphertext).ok()
}

fn replay(state: &AppState, stored: StoredResponse) -> Result<HttpResponse, ApiError> {
    let status = StatusCode::from_u16(stored.status.unwrap_or(500) as u16).map_err(ApiError::internal)?;
    let body = stored.sealed_body.as_deref().and_then(|b| open(state, b)).ok_or_else(|| {
        ApiError::internal("a stored idempotent response could not be opened (was the pepper changed?)")
    })?;
    let mut response = HttpResponse::build(status);
    response.insert_header((REPLAYED, "true"));
    if let Some(content_type) = stored.content_type {
        response.insert_header((header::CONTENT_TYPE, content_type));
    }
    if let Some(location) = stored.location {
        response.insert_header((header::LOCATION, location));
    }
    Ok(response.body(body))
}

async fn read_body(req: &mut ServiceRequest) -> Result<web::Bytes, ApiError> {
    let mut payload = actix_web::HttpMessage::take_payload(req);
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::new(Code::MalformedRequest, "The request body could not be read."))?;
        if body.len() + chunk.len() > BODY_LIMIT {
            return Err(ApiError::new(
                Code::PayloadTooLarge,
                format!("Request bodies are limited to {BODY_LIMIT} bytes."),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Middleware: runs a POST with an `Idempotency-Key` at most once per caller and key.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(key) = idempotency_key(&req) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let key = match key {
        Ok(key) => key,
        Err(e) => return Ok(req.error_response(e)),
    };
    // Keys belong to a caller; a request without a valid token is refused further in.
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .and_then(|(_, token)| state.tokens.verify(token.trim()));
    let Some(claims) = token else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let scope = format!("{:?}:{}", claims.role, claims.sub);
    let body = match read_body(&mut req).await {
        Ok(body) => body,
        Err(e) => return Ok(req.error_response(e)),
    };
    let fingerprint = {
        let mut hash = Sha256::new();
        hash.update(req.path().as_bytes());
        hash.update([0]);
        hash.update(req.query_string().as_bytes());
        hash.update([0]);
        hash.update(&body);
        hash.finalize().to_vec()
    };

    let claim = {
        let (state, scope, key, fingerprint) = (state.clone(), scope.clone(), key.clone(), fingerprint.clone());
        web::block(move || -> Result<Claim, ApiError> {
            let mut conn = state.pool.get()?;
            let now = state.clock.now(&mut conn)?;
            Ok(idempotency::claim(
                &mut conn,
                &scope,
                &key,
                &fingerprint,
                now,
                now - Duration::hours(RETENTION_HOURS),
                now - Duration::seconds(ABANDONED_AFTER_SECONDS),
            )?)
        })
        .await
        .map_err(ApiError::internal)
        .and_then(|r| r)
    };
    let answer = match claim {
        Err(e) => Some(Err(e)),
        Ok(Claim::New) => None,
        Ok(Claim::Existing(stored)) if stored.fingerprint != fingerprint => Some(Err(ApiError::new(
            Code::IdempotencyKeyReused,
            "This Idempotency-Key was used with a different request; use a new key for a new request.",
        ))),
        Ok(Claim::Existing(stored)) if stored.state == "in_flight" => Some(Err(ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                Code::IdempotencyKeyInFlight,
                "A request with this Idempotency-Key is still running; retry shortly.",
            )
        })),
        Ok(Claim::Existing(stored)) => Some(replay(&state, stored)),
    };
    if let Some(answer) = answer {
        let (http_req, _) = req.into_parts();
        let response = answer.unwrap_or_else(|e| actix_web::ResponseError::error_response(&e));
        return Ok(ServiceResponse::new(http_req, response));
    }

    req.set_payload(Payload::from(body));
    let response = next.call(req).await;
    let keep = matches!(&response, Ok(r) if kept(r.status()));
    if !keep {
        let (state, scope, key) = (state.clone(), scope.clone(), key.clone());
        let _ = web::block(move || -> Result<(), ApiError> {
            let mut conn = state.pool.get()?;
            Ok(idempotency::release(&mut conn, &scope, &key)?)
        })
        .await;
        return Ok(response?.map_into_boxed_body());
    }
    let response = response?;
    let (http_req, res) = response.into_parts();
    let status = res.status();
    let content_type = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
    let location = res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string);
    let headers = res.headers().clone();
    let bytes = to_bytes(res.into_body()).await.map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let sealed = seal(&state, &bytes);
    let stored = {
        let state = state.clone();
        web::block(move || -> Result<(), ApiError> {
            let mut conn = state.pool.get()?;
            Ok(idempotency::store(
                &mut conn,
                &scope,
                &key,
                status.as_u16() as i32,
                content_type.as_deref(),
                location.as_deref(),
                &sealed,
            )?)
        })
        .await
    };
    if !matches!(stored, Ok(Ok(()))) {
        tracing::warn!(%status, "an idempotent response could not be kept; a retry will run the request again");
    }
    let mut rebuilt = HttpResponse::build(status);
    for (name, value) in headers.iter() {
        rebuilt.insert_header((name.clone(), value.clone()));
    }
    Ok(ServiceResponse::new(http_req, rebuilt.body(bytes)))
}
