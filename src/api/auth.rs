//! The OAuth 2.0 token endpoint, account activation and the JWKS.

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, http::header, post, web};
use base64::{Engine, engine::general_purpose::STANDARD};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{PROBLEM, extract};
use crate::{
    AppState,
    auth::{
        jwt::{Jwks, Role},
        password,
        secrets::{REFRESH_TOKEN_PREFIX, SecretKind, new_secret},
    },
    error::{ApiError, Code, Problem},
    store::{
        clients,
        users::{self, RefreshOutcome, UserRow},
    },
};

/// A token request (RFC 6749), as a form or as JSON. Client credentials may also come in
/// an HTTP Basic `Authorization` header.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// `client_credentials`, `password` or `refresh_token`.
    #[schema(example = "client_credentials")]
    pub grant_type: Option<String>,
    #[schema(example = "operator")]
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    /// The user's e-mail address (`password` grant).
    pub username: Option<String>,
    pub password: Option<String>,
    pub refresh_token: Option<String>,
    /// Accepted and ignored: a token carries the caller's role.
    pub scope: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Single-use; present for the `password` and `refresh_token` grants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// An RFC 6749 §5.2 error.
#[derive(Debug, Serialize, ToSchema)]
pub struct OAuthError {
    /// `invalid_request`, `invalid_client`, `invalid_grant` or `unsupported_grant_type`.
    #[schema(example = "invalid_grant")]
    pub error: String,
    pub error_description: String,
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    if status == StatusCode::UNAUTHORIZED {
        response.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"keyport\""));
    }
    response.json(OAuthError { error: error.to_string(), error_description: description.to_string() })
}

fn invalid_request(description: &str) -> HttpResponse {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_request", description)
}

fn invalid_grant() -> HttpResponse {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", "The credentials or the refresh token are not valid.")
}

fn invalid_client() -> HttpResponse {
    oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "Unknown client or wrong client secret.")
}

/// The request, or what is wrong with it (an `invalid_request` description).
fn parse_token_request(req: &HttpRequest, body: &[u8]) -> Result<TokenRequest, &'static str> {
    let content_type =
        req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let mut request: TokenRequest = if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes(body).map_err(|_| "The form body could not be read.")?
    } else if extract::is_json(req) && !content_type.is_empty() {
        serde_json::from_slice(body).map_err(|_| "The JSON body could not be read.")?
    } else {
        return Err("Send application/x-www-form-urlencoded or application/json.");
    };
    // HTTP Basic client authentication (RFC 6749 §2.3.1).
    if let Some((id, secret)) = basic_credentials(req) {
        request.client_id = Some(id);
        request.client_secret = Some(secret);
    }
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

fn token_response(body: TokenResponse) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(body)
}

/// Issue an access token
///
/// `client_credentials` for operator and partner API clients, `password` for customer
/// users (`username` = e-mail), `refresh_token` to rotate a customer's refresh token (each
/// is single-use; presenting a spent one revokes every token of its sign-in).
#[utoipa::path(
    tag = "auth",
    request_body(
        content = TokenRequest,
        content_type = "application/x-www-form-urlencoded",
        description = "The RFC 6749 form. The same fields are accepted as `application/json`.",
        example = json!({"grant_type": "client_credentials", "client_id": "operator", "client_secret": "kps_..."})
    ),
    responses(
        (status = 200, description = "A fresh access token", body = TokenResponse),
        (status = 400, description = "`invalid_request`, `invalid_grant` or `unsupported_grant_type`", body = OAuthError),
        (status = 401, description = "`invalid_client`", body = OAuthError),
        (status = 429, description = "`rate-limited`: too many failed sign-ins for this client or user; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "Database unavailable", body = Problem, content_type = PROBLEM),
    ),
    security(()),
)]
#[post("/v1/auth/token")]
pub async fn token(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body = extract::read_body(&mut payload.into_inner()).await?;
    let request = match parse_token_request(&req, &body) {
        Ok(r) => r,
        Err(description) => return Ok(invalid_request(description)),
    };
    match request.grant_type.as_deref() {
        Some("client_credentials") => client_credentials(state, request).await,
        Some("password") => password_grant(state, request).await,
        Some("refresh_token") => refresh_grant(state, request).await,
        Some(_) => Ok(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Use client_credentials, password or refresh_token.",
        )),
        None => Ok(invalid_request("grant_type is required.")),
    }
}

async fn client_credentials(state: web::Data<AppState>, request: TokenRequest) -> Result<HttpResponse, ApiError> {
    let (Some(client_id), Some(secret)) = (request.client_id, request.client_secret) else {
        return Ok(invalid_request("client_id and client_secret are required."));
    };
    let who = format!("client:{client_id}");
    state.limits.sign_ins.check(&who)?;
    let digest = state.pepper.digest(SecretKind::ClientSecret, &secret);
    let client = super::transaction(&state, move |conn, _| Ok(clients::find_live(conn, &client_id)?)).await?;
    let Some(client) = client.filter(|c| constant_time_eq(&c.secret_digest, &digest)) else {
        state.limits.sign_ins.failed(&who);
        return Ok(invalid_client());
    };
    let ttl = state.settings.access_token_ttl.as_secs() as i64;
    let role = if client.role == "operator" { Role::Operator } else { Role::Partner };
    let mut claims = state.tokens.claims(client.client_id, role, state.clock.real_now(), ttl);
    claims.partner_id = client.partner_id;
    let access_token = state.tokens.sign(&claims).map_err(ApiError::internal)?;
    Ok(token_response(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ttl,
        refresh_token: None,
    }))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

async fn password_grant(state: web::Data<AppState>, request: TokenRequest) -> Result<HttpResponse, ApiError> {
    let (Some(username), Some(password)) = (request.username, request.password) else {
        return Ok(invalid_request("username and password are required."));
    };
    let who = format!("user:{}", username.to_lowercase());
    state.limits.sign_ins.check(&who)?;
    // The hash is verified on the blocking pool, against a dummy hash for unknown users.
    let user = super::transaction(&state, move |conn, _| {
        let user = users::find_for_sign_in(conn, &username)?;
        let ok = password::verify(&password, user.as_ref().and_then(|u| u.password_hash.as_deref()));
        Ok(user.filter(|_| ok))
    })
    .await?;
    match user {
        Some(user) => issue_customer_tokens(&state, user, Uuid::now_v7()).await,
        None => {
            state.limits.sign_ins.failed(&who);
            Ok(invalid_grant())
        }
    }
}

async fn refresh_grant(state: web::Data<AppState>, request: TokenRequest) -> Result<HttpResponse, ApiError> {
    let Some(refresh_token) = request.refresh_token else {
        return Ok(invalid_request("refresh_token is required."));
    };
    let digest = state.pepper.digest(SecretKind::RefreshToken, &refresh_token);
    let rotated = super::transaction(&state, move |conn, now| {
        Ok(match users::spend_refresh_token(conn, &digest, now)? {
            RefreshOutcome::Rotate { family_id, user_id } => users::get(conn, user_id)?.map(|u| (u, family_id)),
            RefreshOutcome::Reused | RefreshOutcome::Invalid => None,
        })
    })
    .await?;
    match rotated {
        Some((user, family)) => issue_customer_tokens(&state, user, family).await,
        None => Ok(invalid_grant()),
    }
}

/// An access token and a new refresh token of `family` for a customer user.
async fn issue_customer_tokens(
    state: &web::Data<AppState>,
    user: UserRow,
    family: Uuid,
) -> Result<HttpResponse, ApiError> {
    let refresh_token = new_secret(REFRESH_TOKEN_PREFIX);
    let digest = state.pepper.digest(SecretKind::RefreshToken, &refresh_token);
    let refresh_ttl = chrono::Duration::from_std(state.settings.refresh_token_ttl).map_err(ApiError::internal)?;
    let user_id = user.id;
    super::transaction(state, move |conn, now| {
        Ok(users::insert_refresh_token(conn, &digest, family, user_id, now + refresh_ttl, now)?)
    })
    .await?;
    let ttl = state.settings.access_token_ttl.as_secs() as i64;
    let mut claims = state.tokens.claims(user.id.to_string(), Role::Customer, state.clock.real_now(), ttl);
    claims.tenant_id = Some(user.tenant_id);
    claims.admin = Some(user.admin);
    let access_token = state.tokens.sign(&claims).map_err(ApiError::internal)?;
    Ok(token_response(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ttl,
        refresh_token: Some(refresh_token),
    }))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"activation_token": "kpa_...", "password": "correct horse battery staple"}))]
pub struct ActivateRequest {
    /// The token returned when the user was created (valid 7 days, single use).
    #[validate(length(min = 1, max = 200, message = "is required"))]
    pub activation_token: String,
    /// At least 10 characters.
    #[validate(length(min = 10, max = 1024, message = "must be 10 to 1024 characters"))]
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivatedUser {
    pub user_id: Uuid,
    pub email: String,
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`, `invalid-activation-token`", body = Problem, content_type = PROBLEM),
    ),
    security(()),
)]
#[post("/v1/auth/activate")]
pub async fn activate(
    state: web::Data<AppState>,
    body: extract::Json<ActivateRequest>,
) -> Result<web::Json<ActivatedUser>, ApiError> {
    let body = body.0;
    let digest = state.pepper.digest(SecretKind::ActivationToken, &body.activation_token);
    let user = super::transaction(&state, move |conn, now| {
        let user_id = users::spend_activation_token(conn, &digest, now)?.ok_or_else(|| {
            ApiError::new(Code::InvalidActivationToken, "The activation token is unknown, used or expired.")
        })?;
        let hash = password::hash(&body.password).map_err(ApiError::internal)?;
        users::set_password(conn, user_id, &hash)?;
        users::get(conn, user_id)?.ok_or_else(|| ApiError::not_found("user"))
    })
    .await?;
    Ok(web::Json(ActivatedUser { user_id: user.id, email: user.email }))
}

/// Public keys for access tokens
///
/// Every key that may have signed a live token (several during a rotation), by `kid`.
#[utoipa::path(
    tag = "auth",
    responses((status = 200, description = "The JSON Web Key Set", body = Jwks)),
    security(()),
)]
#[get("/.well-known/jwks.json")]
pub async fn jwks(state: web::Data<AppState>) -> web::Json<Jwks> {
    web::Json(state.tokens.jwks().clone())
}
