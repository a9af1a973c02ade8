//! The OAuth 2.0 token endpoint, account activation and the JWKS.

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, http::header, post, web};
use base64::{Engine, engine::general_purpose::STANDARD};

use crate::views::auth::{
    ActivateRequest, ActivatedUser, ChangePassword, OAuthError, RevokeRequest, TokenRequest, TokenResponse,
};
use crate::{
    app::auth::{self, ClientCheck, SignIn, SignInName},
    app::budgets,
    audit::Actor,
    auth::{
        Principal,
        jwt::{Jwks, Role},
        password,
        secrets::{REFRESH_TOKEN_PREFIX, SecretKind, new_secret},
    },
    authz,
    domain::statuses::ClientRole,
    error::{Code, Error},
    http::problem::Problem,
    limits::Subject,
    state::AppState,
    store::clients::ApiClientRow,
};
use crate::{
    http::PROBLEM,
    http::extract,
    http::responses::{Forbidden, Unavailable},
};

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

/// A form or JSON body of the OAuth endpoints, or what is wrong with it (an
/// `invalid_request` description).
fn parse_oauth_body<T: serde::de::DeserializeOwned>(req: &HttpRequest, body: &[u8]) -> Result<T, &'static str> {
    let content_type =
        req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        serde_urlencoded::from_bytes(body).map_err(|_| "The form body could not be read.")
    } else if extract::is_json(req) && !content_type.is_empty() {
        serde_json::from_slice(body).map_err(|_| "The JSON body could not be read.")
    } else {
        Err("Send application/x-www-form-urlencoded or application/json.")
    }
}

/// Fields of the OAuth endpoints are short and hold no U+0000 (which PostgreSQL cannot store).
fn check_oauth_fields(fields: &[&Option<String>]) -> Result<(), &'static str> {
    if fields.iter().any(|f| f.as_deref().is_some_and(|v| v.contains('\0') || v.len() > 1024)) {
        return Err("Each field must be at most 1024 characters, without U+0000.");
    }
    Ok(())
}

/// The request, or what is wrong with it (an `invalid_request` description).
fn parse_token_request(req: &HttpRequest, body: &[u8]) -> Result<TokenRequest, &'static str> {
    let mut request: TokenRequest = parse_oauth_body(req, body)?;
    // HTTP Basic client authentication (RFC 6749 §2.3.1).
    if let Some((id, secret)) = basic_credentials(req) {
        request.client_id = Some(id);
        request.client_secret = Some(secret);
    }
    check_oauth_fields(&[
        &request.grant_type,
        &request.client_id,
        &request.client_secret,
        &request.username,
        &request.password,
        &request.refresh_token,
        &request.scope,
    ])?;
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
    let request = match parse_token_request(&req, &body) {
        Ok(r) => r,
        Err(description) => return Ok(invalid_request(description)),
    };
    // Every unauthenticated token request counts against its source's budget as well.
    let source = state.limits.sources.subject(&state.limits.source(&req));
    match request.grant_type.as_deref() {
        Some("client_credentials") => client_credentials(state, request, source).await,
        Some("password") => password_grant(state, request, source).await,
        Some("refresh_token") => refresh_grant(state, request, source).await,
        Some(_) => Ok(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Use client_credentials, password or refresh_token.",
        )),
        None => Ok(invalid_request("grant_type is required.")),
    }
}

/// Client secrets are 256 random bits and checked by a digest comparison: the check runs,
/// a failure is counted after it, and a spent budget refuses every attempt, right or wrong.
async fn client_credentials(
    state: web::Data<AppState>,
    request: TokenRequest,
    source: Subject,
) -> Result<HttpResponse, Error> {
    let (Some(client_id), Some(secret)) = (request.client_id, request.client_secret) else {
        return Ok(invalid_request("client_id and client_secret are required."));
    };
    let subjects = vec![state.limits.sign_ins.subject(&format!("client:{client_id}")), source];
    budgets::refuse_when_spent(&state, &subjects).await?;
    let digest = state.pepper.digest(SecretKind::ClientSecret, &secret);
    // The look-up and its audit record take one trip to the database.
    let (audit, at) = (crate::audit::current(), state.clock.real_now());
    let client = state
        .autocommit(move |conn| {
            let check = auth::client_by_secret(conn, &client_id, &digest)?;
            if let Some(audit) = &audit {
                // A client is named only by an id that exists: what was typed may be a
                // secret typed into the wrong field.
                let (actor, outcome) = match &check {
                    ClientCheck::Valid(c) => (client_actor(c), "success"),
                    ClientCheck::WrongSecret(c) => (client_actor(c), "failure"),
                    ClientCheck::Unknown => (Actor::anonymous(), "failure"),
                };
                audit.record_alone(conn, actor, outcome, &format!("client_credentials sign-in: {outcome}"), at)?;
            }
            Ok(match check {
                ClientCheck::Valid(c) => Some(c),
                ClientCheck::WrongSecret(_) | ClientCheck::Unknown => None,
            })
        })
        .await?;
    let Some(client) = client else {
        budgets::count_failure(&state, subjects).await?;
        return Ok(invalid_client());
    };
    let ttl = state.settings.access_token_ttl.as_secs() as i64;
    let role = match client.role {
        ClientRole::Operator => Role::Operator,
        ClientRole::Partner => Role::Partner,
    };
    let mut claims = state.tokens.claims(client.client_id, role, state.clock.real_now(), ttl);
    claims.partner_id = client.partner_id;
    let access_token = state.tokens.sign(&claims).map_err(Error::internal)?;
    Ok(token_response(TokenResponse {
        access_token: access_token.into(),
        token_type: "Bearer".into(),
        expires_in: ttl,
        refresh_token: None,
    }))
}

fn client_actor(client: &ApiClientRow) -> Actor {
    match client.role {
        ClientRole::Operator => Actor::signing_in("operator", None, &client.client_id),
        ClientRole::Partner => Actor::signing_in("partner", client.partner_id, &client.client_id),
    }
}

/// Passwords are what an attacker guesses, and checking one is expensive: a failure is
/// counted for the source and the user *before* the check, and given back when it succeeds.
/// The hash is fetched, the connection released, and the check run on the hashing pool.
async fn password_grant(
    state: web::Data<AppState>,
    request: TokenRequest,
    source: Subject,
) -> Result<HttpResponse, Error> {
    let (Some(username), Some(password)) = (request.username, request.password) else {
        return Ok(invalid_request("username and password are required."));
    };
    let name = crate::state::read(&state, move |conn, _| auth::user_for_sign_in(conn, &username)).await?;
    // A known user's budget is its own, however its name is written (and it is the one a
    // wrong current password at POST /v1/auth/password counts against).
    let user_subject = match &name {
        SignInName::User(user) => state.limits.sign_ins.subject(&format!("user-id:{}", user.id)),
        SignInName::Unknown { folded } => state.limits.sign_ins.subject(&format!("user:{folded}")),
    };
    let reservation = budgets::reserve(&state, vec![source, user_subject]).await?;
    let user = match name {
        SignInName::User(user) => Some(user),
        SignInName::Unknown { .. } => None,
    };
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    // Unknown users are checked against a dummy hash, so timing does not tell them apart.
    let verified = password::verify_off_workers(password, stored).await;
    reservation.settle(&state, !verified).await?;
    // A failure names the user it was for when there is one; never the typed name, which
    // is sometimes a password typed into the wrong field.
    let claimed = user.as_ref().map(|u| Actor::customer(u.id, u.tenant_id)).unwrap_or_else(Actor::anonymous);
    if let Some(user) = user.filter(|_| verified)
        && let Some(response) = issue_customer_tokens(&state, SignIn::New(user.id), "password").await?
    {
        return Ok(response);
    }
    record_sign_in(&state, claimed, "failure", "password").await?;
    Ok(invalid_grant())
}

async fn refresh_grant(
    state: web::Data<AppState>,
    request: TokenRequest,
    source: Subject,
) -> Result<HttpResponse, Error> {
    let Some(refresh_token) = request.refresh_token else {
        return Ok(invalid_request("refresh_token is required."));
    };
    budgets::refuse_when_spent(&state, std::slice::from_ref(&source)).await?;
    let presented = state.pepper.digest(SecretKind::RefreshToken, &refresh_token);
    match issue_customer_tokens(&state, SignIn::Rotate(presented), "refresh_token").await? {
        Some(response) => Ok(response),
        None => {
            budgets::count_failure(&state, vec![source]).await?;
            // The token presented is a secret: the record names no one.
            record_sign_in(&state, Actor::anonymous(), "failure", "refresh_token").await?;
            Ok(invalid_grant())
        }
    }
}

/// An access token and a new refresh token for a customer user, or `None` when the user or
/// the refresh token is not (or no longer) valid (see `app::auth::start_session`).
async fn issue_customer_tokens(
    state: &web::Data<AppState>,
    sign_in: SignIn,
    grant: &'static str,
) -> Result<Option<HttpResponse>, Error> {
    let refresh_token = new_secret(REFRESH_TOKEN_PREFIX);
    let digest = state.pepper.digest(SecretKind::RefreshToken, &refresh_token);
    let refresh_ttl = chrono::Duration::from_std(state.settings.refresh_token_ttl).map_err(Error::internal)?;
    let issued = crate::state::transaction(state, move |conn, now| {
        auth::start_session(conn, sign_in, &digest, refresh_ttl, now)
    })
    .await?;
    let Some((user, family)) = issued else { return Ok(None) };
    let ttl = state.settings.access_token_ttl.as_secs() as i64;
    let mut claims = state.tokens.claims(user.id.to_string(), Role::Customer, state.clock.real_now(), ttl);
    claims.tenant_id = Some(user.tenant_id);
    claims.admin = Some(user.admin);
    claims.sid = Some(family);
    let access_token = state.tokens.sign(&claims).map_err(Error::internal)?;
    let actor = Actor::customer(user.id, user.tenant_id);
    record_sign_in(state, actor, "success", grant).await?;
    Ok(Some(token_response(TokenResponse {
        access_token: access_token.into(),
        token_type: "Bearer".into(),
        expires_in: ttl,
        refresh_token: Some(refresh_token.into()),
    })))
}

/// A sign-in's audit record, whatever its outcome (`grant` names how it was tried).
async fn record_sign_in(state: &AppState, actor: Actor, outcome: &'static str, grant: &str) -> Result<(), Error> {
    let Some(audit) = crate::audit::current() else { return Ok(()) };
    let summary = format!("{grant} sign-in: {outcome}");
    let at = state.clock.real_now();
    state.autocommit(move |conn| Ok(audit.record_alone(conn, actor, outcome, &summary, at)?)).await
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
    let body = body.0;
    let digest = state.pepper.digest(SecretKind::ActivationToken, &body.activation_token);
    // Hash only for a live token (so unknown tokens cost nothing), and with no connection held.
    let check = digest.clone();
    crate::state::read(&state, move |conn, now| auth::check_activation(conn, &check, now)).await?;
    let hash = password::hash_off_workers(body.password).await?;
    let user = crate::state::transaction(&state, move |conn, now| auth::activate(conn, &digest, &hash, now)).await?;
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
    let (user_id, _) = authz::customer_self(&principal)?;
    let session = extract::bearer_claims(&req, &state).and_then(|claims| claims.sid);
    let ChangePassword { current_password, new_password } = body.0;
    let subject = state.limits.sign_ins.subject(&format!("user-id:{user_id}"));
    let reservation = budgets::reserve(&state, vec![subject]).await?;
    let stored = crate::state::read(&state, move |conn, _| auth::password_of(conn, user_id)).await?;
    let verified = password::verify_off_workers(current_password, stored).await;
    reservation.settle(&state, !verified).await?;
    if !verified {
        return Err(Error::new(Code::WrongPassword, "The current password is not right."));
    }
    let hash = password::hash_off_workers(new_password).await?;
    let ended =
        crate::state::transaction(&state, move |conn, now| auth::change_password(conn, user_id, &hash, session, now))
            .await?;
    if ended > 0 {
        state.learn_revocations().await?;
    }
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
    let request: RevokeRequest = match parse_oauth_body(&req, &body) {
        Ok(r) => r,
        Err(description) => return Ok(invalid_request(description)),
    };
    if let Err(description) = check_oauth_fields(&[&request.token, &request.token_type_hint]) {
        return Ok(invalid_request(description));
    }
    let Some(presented) = request.token else { return Ok(invalid_request("token is required.")) };
    let refresh =
        presented.starts_with(REFRESH_TOKEN_PREFIX).then(|| state.pepper.digest(SecretKind::RefreshToken, &presented));
    let access = state.tokens.verify(&presented);
    let revoked = crate::state::transaction(&state, move |conn, now| auth::revoke(conn, refresh, access, now)).await?;
    if revoked {
        state.learn_revocations().await?;
    }
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).finish())
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
