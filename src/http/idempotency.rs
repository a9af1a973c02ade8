//! `Idempotency-Key` on POST (SPEC §7, §8): a POST with a key runs at most once per caller
//! and key, even across crashes. Its first database step opens one transaction — the
//! request's *unit* — and takes a transaction-scoped advisory lock on the key; every later
//! step runs in that transaction, and this guard commits it together with the kept
//! response. A process that dies mid-request leaves nothing: its transaction rolls back and
//! its lock is gone, so the retry runs once, on any instance.
//!
//! The kept response is replayed, marked `Idempotent-Replayed: true`, for 24 h to a retry
//! with the same method, path, query, `Accept` and body; the same key with anything else
//! answers 422 `idempotency-key-reused`, and a retry while the first still runs 409
//! `idempotency-key-in-flight`. Answers that say the request itself was wrong (400, 401,
//! 403, 413, 415, 422, 429) and server errors are not kept, so a corrected retry runs.
//! Bodies are sealed (they may hold keys or secrets shown once) with a key derived from the
//! pepper, which is not in the database when `KEYPORT_KEY_PEPPER` is set.

use std::sync::Arc;

use actix_web::{
    HttpMessage, HttpResponse,
    body::{BoxBody, MessageBody, to_bytes},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::{Method, StatusCode, header},
    middleware::Next,
    web,
};
use sha2::{Digest, Sha256};

use crate::{
    auth::Principal,
    authz,
    error::{Code, Error},
    http::extract::{bearer_claims, read_body},
    state::AppState,
    state::{UNIT, Unit, commit},
    store::idempotency::{self, KeptResponse},
};

pub const HEADER: &str = "idempotency-key";
pub const REPLAYED: &str = "idempotent-replayed";

/// Whether a response is kept for replay (see the module comment).
fn kept(status: StatusCode) -> bool {
    !(status.is_server_error() || matches!(status.as_u16(), 400 | 401 | 403 | 413 | 415 | 422 | 429))
}

/// The caller's key, validated, when this request takes part.
fn idempotency_key(req: &ServiceRequest) -> Option<Result<String, Error>> {
    if req.method() != Method::POST || req.path().starts_with("/v1/auth/") {
        return None;
    }
    let value = req.headers().get(HEADER)?;
    let format = &crate::domain::formats::IDEMPOTENCY_KEY;
    let valid = value.to_str().ok().filter(|k| format.matches(k)).map(str::to_string);
    Some(valid.ok_or_else(|| Error::invalid("Idempotency-Key", format.message)))
}

fn seal(state: &AppState, body: &[u8]) -> Vec<u8> {
    state.pepper.sealer("idempotency-responses").seal(body)
}

fn open(state: &AppState, sealed: &[u8]) -> Option<Vec<u8>> {
    state.pepper.sealer("idempotency-responses").open(sealed)
}

fn replay(state: &AppState, stored: KeptResponse) -> Result<HttpResponse, Error> {
    let status = StatusCode::from_u16(stored.status as u16).map_err(Error::internal)?;
    let body = open(state, &stored.sealed_body)
        .ok_or_else(|| Error::internal("a stored idempotent response could not be opened (was the pepper changed?)"))?;
    let mut response = HttpResponse::build(status);
    response.insert_header((REPLAYED, "true")).insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(content_type) = stored.content_type {
        response.insert_header((header::CONTENT_TYPE, content_type));
    }
    if let Some(location) = stored.location {
        response.insert_header((header::LOCATION, location));
    }
    Ok(response.body(body))
}

/// A kept answer about a tenant is handed back only while its caller still sees the tenant
/// and holds there every right it held when the answer was given: a partner whose
/// relationship ended, or an admin since demoted, does not get it (with whatever secret it
/// shows) again. A revoked credential never gets this far (its token is refused).
async fn still_entitled(state: &AppState, req: &ServiceRequest, stored: &KeptResponse) -> Result<(), Error> {
    let (Some(tenant), Some(principal)) =
        (stored.tenant_id, bearer_claims(req.request(), state).and_then(Principal::from_claims))
    else {
        return Ok(());
    };
    let now_access = state.read(move |conn, now| authz::tenant(conn, &principal, tenant, now)).await?;
    match &stored.access {
        Some(then) if !now_access.still_holds(then) => {
            Err(Error::forbidden("The rights this request ran with are gone; its answer is not shown again."))
        }
        _ => Ok(()),
    }
}

/// What makes two requests the same request: method, path, query, `Accept` and body.
fn fingerprint(req: &ServiceRequest, body: &[u8]) -> Vec<u8> {
    let mut hash = Sha256::new();
    for part in [
        req.method().as_str().as_bytes(),
        req.path().as_bytes(),
        req.query_string().as_bytes(),
        req.headers().get(header::ACCEPT).map_or(&b""[..], |v| v.as_bytes()),
    ] {
        hash.update(part);
        hash.update([0]);
    }
    hash.update(body);
    hash.finalize().to_vec()
}

/// Middleware: runs a POST with an `Idempotency-Key` at most once per caller and key.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
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
    // Keys belong to a caller; a request without a valid token is refused further in,
    // but sign-up, which needs none, keeps its keys per source address (one anonymous
    // caller cannot replay, or block with 409, another's sign-up by guessing its key).
    let scope = match bearer_claims(req.request(), &state) {
        Some(claims) => format!("{:?}:{}", claims.role, claims.sub),
        None if req.match_info().as_str() == "/v1/signup" => {
            format!("anonymous:signup:{}", state.limits.source(req.request()))
        }
        None => return Ok(next.call(req).await?.map_into_boxed_body()),
    };
    let body = match read_body(&mut req.take_payload()).await {
        Ok(body) => body,
        Err(e) => return Ok(req.error_response(e)),
    };
    let fingerprint = fingerprint(&req, &body);

    let kept_since = state.clock.real_now() - idempotency::RETENTION;
    let found = {
        let (scope, key) = (scope.clone(), key.clone());
        state.autocommit(move |conn| Ok(idempotency::find(conn, &scope, &key, kept_since)?)).await
    };
    let answer = match found {
        Err(e) => Some(Err(e)),
        Ok(None) => None,
        Ok(Some(stored)) if stored.fingerprint != fingerprint => Some(Err(Error::new(
            Code::IdempotencyKeyReused,
            "This Idempotency-Key was used with a different request; use a new key for a new request.",
        ))),
        Ok(Some(stored)) => match still_entitled(&state, &req, &stored).await {
            Ok(()) => Some(replay(&state, stored)),
            Err(refused) => Some(Err(refused)),
        },
    };
    if let Some(answer) = answer {
        let (http_req, _) = req.into_parts();
        let response = answer.unwrap_or_else(|e| actix_web::ResponseError::error_response(&e));
        return Ok(ServiceResponse::new(http_req, response));
    }

    req.set_payload(Payload::from(body));
    let unit = Arc::new(Unit::new(scope, key, fingerprint, kept_since));
    let response = UNIT.scope(Arc::clone(&unit), next.call(req)).await?;
    let Some(conn) = unit.take() else {
        // The request never reached the database: nothing to commit, nothing kept.
        return Ok(response.map_into_boxed_body());
    };
    let (http_req, res) = response.into_parts();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = to_bytes(res.into_body()).await.map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let keep = kept(status).then(|| KeptResponse {
        fingerprint: unit.fingerprint.clone(),
        status: status.as_u16() as i32,
        content_type: headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string),
        location: headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string),
        sealed_body: seal(&state, &bytes),
        created_at: state.clock.real_now(),
        tenant_id: None,
        access: None,
    });
    let (principal, clock) = (bearer_claims(&http_req, &state).and_then(Principal::from_claims), state.clock.clone());
    let committed = crate::state::blocking(move || {
        let mut conn = conn;
        let mut keep = keep;
        // An answer about a tenant keeps the rights its caller held there (see `still_entitled`).
        if let (Some(kept), Some(tenant), Some(principal)) = (keep.as_mut(), unit.tenant(), &principal) {
            let now = clock.now(&mut conn)?;
            kept.tenant_id = Some(tenant);
            kept.access = authz::tenant(&mut conn, principal, tenant, now).ok().map(|a| a.snapshot());
        }
        commit(conn, &unit, keep)
    })
    .await
    .and_then(|r| r);
    if let Err(e) = committed {
        // Nothing of the request stands, so it must not be answered as done.
        return Ok(ServiceResponse::new(http_req, actix_web::ResponseError::error_response(&e)));
    }
    let mut rebuilt = HttpResponse::build(status);
    for (name, value) in headers.iter() {
        rebuilt.insert_header((name.clone(), value.clone()));
    }
    Ok(ServiceResponse::new(http_req, rebuilt.body(bytes)))
}
