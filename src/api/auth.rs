//! The OAuth 2.0 token endpoint, sign-out, account activation, password changes and the JWKS.

use actix_web::{HttpRequest, HttpResponse, get, post, web};

use crate::views::auth::{
    ActivateRequest, ActivatedUser, ChangePassword, OAuthError, OAuthMetadata, RevokeRequest, TokenRequest,
    TokenResponse,
};
use crate::{
    app::auth,
    auth::{Principal, jwt::Jwks},
    error::Error,
    http::{
        PROBLEM, extract, oauth,
        problem::Problem,
        responses::{Forbidden, Unavailable},
    },
    state::AppState,
};

/// Issue an access token
///
/// `client_credentials` for operator and partner API clients, `password` for customer
/// users (`username` = e-mail), `refresh_token` to rotate a customer's refresh token (each
/// is single-use; presenting a spent one revokes every token of its sign-in).
#[utoipa::path(
    tag = "auth",
    request_body(
        content(
            (TokenRequest = "application/x-www-form-urlencoded",
             example = json!({"grant_type": "client_credentials", "client_id": "operator", "client_secret": "kps_..."})),
            (TokenRequest = "application/json",
             example = json!({"grant_type": "password", "username": "maria@fabrikam.example", "password": "correct horse battery staple"})),
        ),
        description = "The RFC 6749 form, or the same fields as JSON.",
    ),
    responses(
        (status = 200, description = "A fresh access token", body = TokenResponse),
        (status = 400, description = "`invalid_request`, `invalid_grant` or `unsupported_grant_type`", body = OAuthError),
        (status = 401, description = "`invalid_client`", body = OAuthError),
        (status = 429, description = "`rate-limited`: too many failed sign-ins for this client or user; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, response = Unavailable),
    ),
    security(()),
)]
#[post("/v1/auth/token")]
pub async fn token(state: web::Data<AppState>, req: HttpRequest, payload: web::Payload) -> Result<HttpResponse, Error> {
    let body = extract::read_body(&mut payload.into_inner()).await?;
    let request = match oauth::token_request(&req, &body) {
        Ok(request) => request,
        Err(refused) => return Ok(oauth::refusal(refused)),
    };
    Ok(oauth::answer(auth::sign_in(&state, request, &state.limits.source(&req)).await?))
}

/// Activate a user
///
/// Sets the password of a user created with an activation token; afterwards the user
/// signs in with the `password` grant.
#[utoipa::path(
    tag = "auth",
    request_body = ActivateRequest,
    responses(
        (status = 200, description = "Password set", body = ActivatedUser),
        (status = 422, description = "`validation-failed`, `invalid-activation-token`", body = Problem, content_type = PROBLEM),
    ),
    security(()),
)]
#[post("/v1/auth/activate")]
pub async fn activate(
    state: web::Data<AppState>,
    body: extract::Json<ActivateRequest>,
) -> Result<web::Json<ActivatedUser>, Error> {
    let ActivateRequest { activation_token, password } = body.0;
    let user = auth::activate_account(&state, activation_token, password).await?;
    Ok(web::Json(ActivatedUser { user_id: user.id, email: user.email }))
}

/// Change my password
///
/// For a signed-in customer user: the current password, then the new one. Every other
/// session of the user ends at once (its refresh tokens, and the access tokens issued with
/// them, on every instance); this one goes on. Wrong current passwords count against the
/// user's sign-in budget.
#[utoipa::path(
    tag = "auth",
    request_body = ChangePassword,
    responses(
        (status = 204, description = "Changed; the user's other sessions ended"),
        (status = 403, response = Forbidden),
        (status = 422, description = "`wrong-password`, `validation-failed`", body = Problem, content_type = PROBLEM),
        (status = 429, description = "`rate-limited`: too many wrong passwords for this user; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/v1/auth/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    principal: Principal,
    body: extract::Json<ChangePassword>,
) -> Result<HttpResponse, Error> {
    let session = extract::bearer_claims(&req, &state).and_then(|claims| claims.sid);
    auth::change_own_password(&state, &principal, session, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Revoke a token (sign out)
///
/// RFC 7009. A refresh token ends its whole sign-in: every refresh token rotated from it
/// and every access token issued with them. An access token is refused from its next use
/// (and a customer's ends its sign-in the same way). The answer is 200 whether or not the
/// token was known, so it tells nothing about tokens.
#[utoipa::path(
    tag = "auth",
    request_body(
        content = RevokeRequest,
        content_type = "application/x-www-form-urlencoded",
        description = "The RFC 7009 form. The same fields are accepted as `application/json`.",
        example = json!({"token": "kpr_...", "token_type_hint": "refresh_token"})
    ),
    responses(
        (status = 200, description = "The token no longer works (or never did)"),
        (status = 400, description = "`invalid_request`: no `token`, or an unreadable body", body = OAuthError),
        (status = 503, response = Unavailable),
    ),
    security(()),
)]
#[post("/v1/auth/revoke")]
pub async fn revoke(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, Error> {
    let body = extract::read_body(&mut payload.into_inner()).await?;
    match oauth::revoke_request(&req, &body) {
        Ok(RevokeRequest { token: Some(presented), .. }) => auth::sign_out(&state, presented).await?,
        Ok(_) => return Ok(oauth::refusal(OAuthError::invalid_request("token is required."))),
        Err(refused) => return Ok(oauth::refusal(refused)),
    }
    Ok(HttpResponse::Ok().insert_header((actix_web::http::header::CACHE_CONTROL, "no-store")).finish())
}

/// Public keys for access tokens
///
/// Every key that may have signed a live token (several during a rotation), by `kid`.
/// Verifiers may keep it for 5 minutes (`Cache-Control`); a token with a `kid` they do not
/// know is reason to fetch it again.
#[utoipa::path(
    tag = "auth",
    responses((status = 200, description = "The JSON Web Key Set", body = Jwks,
        headers(("Cache-Control" = String, description = "`public, max-age=300`")))),
    security(()),
)]
#[get("/.well-known/jwks.json")]
pub async fn jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().insert_header((actix_web::http::header::CACHE_CONTROL, JWKS_CACHE)).json(state.tokens.jwks())
}

/// How long verifiers may keep the key set: short enough that a rotation reaches them soon.
const JWKS_CACHE: &str = "public, max-age=300";

/// OAuth authorization server metadata
///
/// RFC 8414: the issuer, the token, revocation and key-set endpoints, the grants and client
/// authentication methods. Endpoints are under `KEYPORT_ISSUER` when it is a URL (set it to
/// the public `https://` address for conforming metadata), else under the address the
/// request was sent to. Cacheable for an hour.
#[utoipa::path(
    tag = "auth",
    responses((status = 200, description = "The metadata", body = OAuthMetadata,
        headers(("Cache-Control" = String, description = "`public, max-age=3600`")))),
    security(()),
)]
#[get("/.well-known/oauth-authorization-server")]
pub async fn metadata(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let issuer = &state.settings.issuer;
    let base = if issuer.starts_with("https://") || issuer.starts_with("http://") {
        issuer.trim_end_matches('/').to_string()
    } else {
        // The Host the caller used (not a forwarded one: the answer is cached).
        let host = req.headers().get(actix_web::http::header::HOST).and_then(|h| h.to_str().ok());
        format!("http://{}", host.unwrap_or("127.0.0.1"))
    };
    HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "public, max-age=3600"))
        .json(OAuthMetadata::new(issuer, &base))
}
