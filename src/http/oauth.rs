//! The OAuth 2.0 endpoints' wire (RFC 6749, RFC 7009): bodies as a form or JSON, client
//! credentials in HTTP Basic, and answers in OAuth's shape (`{error, error_description}`),
//! never cached.

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, http::header};
use base64::{Engine, engine::general_purpose::STANDARD};
use serde::de::DeserializeOwned;

use crate::views::auth::{OAuthError, RevokeRequest, TokenRequest, TokenResponse};

/// A form or JSON body of the OAuth endpoints, or what is wrong with it.
fn body<T: DeserializeOwned>(req: &HttpRequest, body: &[u8]) -> Result<T, OAuthError> {
    let content_type =
        req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let unreadable = |what: &str| OAuthError::invalid_request(&format!("The {what} body could not be read."));
    if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes(body).map_err(|_| unreadable("form"))
    } else if super::extract::is_json(req) && !content_type.is_empty() {
        serde_json::from_slice(body).map_err(|_| unreadable("JSON"))
    } else {
        Err(OAuthError::invalid_request("Send application/x-www-form-urlencoded or application/json."))
    }
}

/// Fields of the OAuth endpoints are short and hold no U+0000 (which PostgreSQL cannot store).
fn check_fields(fields: &[&Option<String>]) -> Result<(), OAuthError> {
    if fields.iter().any(|f| f.as_deref().is_some_and(|v| v.contains('\0') || v.len() > 1024)) {
        return Err(OAuthError::invalid_request("Each field must be at most 1024 characters, without U+0000."));
    }
    Ok(())
}

/// A token request, with client credentials from HTTP Basic (RFC 6749 §2.3.1) when sent so.
pub fn token_request(req: &HttpRequest, bytes: &[u8]) -> Result<TokenRequest, OAuthError> {
    let mut request: TokenRequest = body(req, bytes)?;
    if let Some((id, secret)) = basic_credentials(req) {
        request.client_id = Some(id);
        request.client_secret = Some(secret);
    }
    let r = &request;
    check_fields(&[
        &r.grant_type,
        &r.client_id,
        &r.client_secret,
        &r.username,
        &r.password,
        &r.refresh_token,
        &r.scope,
    ])?;
    Ok(request)
}

/// A revocation request (RFC 7009).
pub fn revoke_request(req: &HttpRequest, bytes: &[u8]) -> Result<RevokeRequest, OAuthError> {
    let request: RevokeRequest = body(req, bytes)?;
    check_fields(&[&request.token, &request.token_type_hint])?;
    Ok(request)
}

fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

/// An OAuth answer: the tokens, or the error (401 with `WWW-Authenticate` for a client
/// that failed to authenticate, 400 otherwise).
pub fn answer(outcome: Result<TokenResponse, OAuthError>) -> HttpResponse {
    match outcome {
        Ok(tokens) => HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(tokens),
        Err(error) => refusal(error),
    }
}

pub fn refusal(error: OAuthError) -> HttpResponse {
    let client = error.error == OAuthError::INVALID_CLIENT;
    let mut response = HttpResponse::build(if client { StatusCode::UNAUTHORIZED } else { StatusCode::BAD_REQUEST });
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    if client {
        response.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"keyport\""));
    }
    response.json(error)
}
