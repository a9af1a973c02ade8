//! Signing in and out (RFC 6749, RFC 7009), account activation and password changes: the
//! use cases, over the shared state (each needs several steps: a failure budget, a check
//! off the workers, a transaction, an audit record), and their database steps. Passwords
//! are hashed and checked with no connection held.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    audit::Actor,
    auth::{
        Principal,
        jwt::{Claims, Role},
        password,
        revocations::subject,
        secrets::{REFRESH_TOKEN_PREFIX, SecretKind, new_secret},
    },
    authz,
    domain::statuses::ClientRole,
    error::{Code, Error},
    limits::Subject,
    state::AppState,
    store::{
        clients::{self, ApiClientRow},
        revocations,
        users::{self, RefreshOutcome, UserRow},
    },
    views::auth::{ChangePassword, OAuthError, TokenRequest, TokenResponse},
};

/// What a client-credentials sign-in presented.
pub enum ClientCheck {
    /// A live client and its secret.
    Valid(ApiClientRow),
    /// A live client with another secret.
    WrongSecret(ApiClientRow),
    /// No live client of that id (the id may be anything typed, a secret even).
    Unknown,
}

/// Checks a client's secret (its digest) against the live client `client_id`: its current
/// secret, or the one before its last rotation while that still signs in at `now`.
pub fn client_by_secret(
    conn: &mut PgConnection,
    client_id: &str,
    digest: &[u8],
    now: impl FnOnce(&mut PgConnection) -> diesel::QueryResult<DateTime<Utc>>,
) -> Result<ClientCheck, Error> {
    use subtle::ConstantTimeEq;
    let same = |stored: &[u8]| stored.len() == digest.len() && bool::from(stored.ct_eq(digest));
    Ok(match clients::find_live(conn, client_id)? {
        Some(c) if same(&c.secret_digest) => ClientCheck::Valid(c),
        Some(c) if c.previous_secret_digest.as_deref().is_some_and(same) => {
            // The clock is read only for a previous secret: the common sign-in stays one trip.
            let now = now(conn)?;
            if c.previous_secret_expires_at.is_some_and(|until| until > now) {
                ClientCheck::Valid(c)
            } else {
                ClientCheck::WrongSecret(c)
            }
        }
        Some(c) => ClientCheck::WrongSecret(c),
        None => ClientCheck::Unknown,
    })
}

/// Whom a password sign-in is for: the user who signs in with `email` (any case) while its
/// tenant's data exists, else the address folded as the unique index folds it — so a
/// failure budget keyed by either cannot be sidestepped by writing the name another way.
pub enum SignInName {
    User(UserRow),
    Unknown { folded: String },
}

pub fn user_for_sign_in(conn: &mut PgConnection, email: &str) -> Result<SignInName, Error> {
    Ok(match users::find_for_sign_in(conn, email)? {
        Some(user) => SignInName::User(user),
        None => SignInName::Unknown { folded: users::fold_email(conn, email)? },
    })
}

/// How a customer gets tokens: a new sign-in of a user whose password was checked, or a
/// refresh token (its keyed digest) rotated within its family.
pub enum SignIn {
    New(Uuid),
    Rotate(Vec<u8>),
}

/// Starts or continues a session: spends the presented refresh token (when rotating), locks
/// the user against deletion and stores the new refresh token's digest — one transaction,
/// so a concurrent replay of the old token finds the new one and revokes the family with it.
/// Returns the user and the session (family), or `None` when the user or the token is not
/// (or no longer) valid.
pub fn start_session(
    conn: &mut PgConnection,
    sign_in: SignIn,
    new_token_digest: &[u8],
    refresh_ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Option<(UserRow, Uuid)>, Error> {
    let (user_id, family) = match sign_in {
        SignIn::New(user_id) => (user_id, Uuid::now_v7()),
        SignIn::Rotate(presented) => match users::spend_refresh_token(conn, &presented, now)? {
            RefreshOutcome::Rotate { family_id, user_id } => (user_id, family_id),
            RefreshOutcome::Reused | RefreshOutcome::Invalid => return Ok(None),
        },
    };
    let Some(user) = users::get_for_session(conn, user_id)? else { return Ok(None) };
    users::insert_refresh_token(conn, new_token_digest, family, user.id, now + refresh_ttl, now)?;
    Ok(Some((user, family)))
}

/// Sign-out (RFC 7009): a refresh token (its digest) ends its session; an access token is
/// revoked itself, and a customer's ends its session too. Returns whether anything was.
pub fn revoke(
    conn: &mut PgConnection,
    refresh: Option<Vec<u8>>,
    access: Option<Claims>,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let mut subjects = Vec::new();
    if let Some(digest) = refresh
        && let Some(family) = users::revoke_family_of(conn, &digest, now)?
    {
        subjects.push(subject::session(family));
    }
    if let Some(claims) = access {
        subjects.push(subject::token(&claims.jti));
        if let Some(family) = claims.sid {
            users::revoke_family(conn, family, now)?;
            subjects.push(subject::session(family));
        }
    }
    if !subjects.is_empty() {
        revocations::insert(conn, &subjects)?;
    }
    Ok(!subjects.is_empty())
}

/// The signed-in user's password hash, to check the current password against (a plain
/// read: it runs inline, where waiting for a row lock must not happen).
pub fn password_of(conn: &mut PgConnection, user_id: Uuid) -> Result<Option<String>, Error> {
    Ok(users::get(conn, user_id)?.and_then(|u| u.password_hash))
}

/// Sets a new password and ends the user's other sessions (refresh tokens and the access
/// tokens issued with them); the session asking (`keep`) goes on.
pub fn change_password(
    conn: &mut PgConnection,
    user_id: Uuid,
    hash: &str,
    keep: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    users::set_password(conn, user_id, hash)?;
    let ended = users::revoke_other_families(conn, user_id, keep, now)?;
    if !ended.is_empty() {
        let subjects: Vec<_> = ended.iter().map(|family| subject::session(*family)).collect();
        revocations::insert(conn, &subjects)?;
    }
    Ok(ended.len())
}

fn invalid_activation() -> Error {
    Error::new(Code::InvalidActivationToken, "The activation token is unknown, used or expired.")
}

/// Fails unless the activation token (its digest) is unused and unexpired: checked before
/// the password is hashed, so unknown tokens cost nothing.
pub fn check_activation(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> Result<(), Error> {
    if users::activation_token_live(conn, digest, now)? { Ok(()) } else { Err(invalid_activation()) }
}

/// Spends the activation token and sets the user's password hash. A token is honoured only
/// while its user's rights are no more than when it was issued (one issued to a plain user
/// never activates an administrator). The user is locked first, as a change of its rights
/// locks it before voiding its tokens, so the two never cross.
pub fn activate(conn: &mut PgConnection, digest: &[u8], hash: &str, now: DateTime<Utc>) -> Result<UserRow, Error> {
    let user_id = users::activation_token_user(conn, digest, now)?.ok_or_else(invalid_activation)?;
    let user = users::lock(conn, user_id)?.ok_or_else(invalid_activation)?;
    let (spent_by, issued_to_admin) =
        users::spend_activation_token(conn, digest, now)?.ok_or_else(invalid_activation)?;
    if spent_by != user.id || (user.admin && !issued_to_admin) {
        return Err(invalid_activation());
    }
    users::set_password(conn, user_id, hash)?;
    users::get(conn, user_id)?.ok_or_else(|| Error::not_found("user"))
}

/// A token request's answer: the tokens, or why not in OAuth's words (RFC 6749 §5.2). Every
/// unauthenticated token request counts against its `source`'s budget as well.
pub async fn sign_in(
    state: &AppState,
    request: TokenRequest,
    source: &str,
) -> Result<Result<TokenResponse, OAuthError>, Error> {
    let source = state.limits.sources.subject(source);
    let TokenRequest { grant_type, client_id, client_secret, username, password, refresh_token, .. } = request;
    match (grant_type.as_deref(), client_id, client_secret, username, password, refresh_token) {
        (Some("client_credentials"), Some(id), Some(secret), ..) => client_credentials(state, id, secret, source).await,
        (Some("client_credentials"), ..) => {
            Ok(Err(OAuthError::invalid_request("client_id and client_secret are required.")))
        }
        (Some("password"), _, _, Some(username), Some(password), _) => {
            password_grant(state, username, password, source).await
        }
        (Some("password"), ..) => Ok(Err(OAuthError::invalid_request("username and password are required."))),
        (Some("refresh_token"), .., Some(token)) => refresh_grant(state, token, source).await,
        (Some("refresh_token"), ..) => Ok(Err(OAuthError::invalid_request("refresh_token is required."))),
        (Some(_), ..) => Ok(Err(OAuthError::unsupported_grant_type())),
        (None, ..) => Ok(Err(OAuthError::invalid_request("grant_type is required."))),
    }
}

/// Client secrets are 256 random bits and checked by a digest comparison: the check runs,
/// a failure is counted after it, and a spent budget refuses every attempt, right or wrong.
async fn client_credentials(
    state: &AppState,
    client_id: String,
    secret: String,
    source: Subject,
) -> Result<Result<TokenResponse, OAuthError>, Error> {
    let subjects = vec![state.limits.sign_ins.subject(&format!("client:{client_id}")), source];
    super::budgets::refuse_when_spent(state, &subjects).await?;
    let digest = state.pepper.digest(SecretKind::ClientSecret, &secret);
    // The look-up and its audit record take one trip to the database (and may run inline:
    // audit records are rows no one locks).
    let (audit, at, clock) = (crate::audit::current(), state.clock.real_now(), state.clock.clone());
    let client = state
        .lock_free(move |conn| {
            let check = client_by_secret(conn, &client_id, &digest, |conn| clock.now(conn))?;
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
        super::budgets::count_failure(state, subjects).await?;
        return Ok(Err(OAuthError::invalid_client()));
    };
    let ttl = state.settings.access_token_ttl.as_secs() as i64;
    let role = match client.role {
        ClientRole::Operator => Role::Operator,
        ClientRole::Partner => Role::Partner,
        ClientRole::Distributor => Role::Distributor,
    };
    let mut claims = state.tokens.claims(client.client_id, role, state.clock.real_now(), ttl);
    claims.partner_id = client.partner_id;
    claims.distributor_id = client.distributor_id;
    claims.ver = Some(client.api_version.as_str().to_string());
    let access_token = state.tokens.sign(&claims).map_err(Error::internal)?;
    Ok(Ok(TokenResponse::bearer(access_token, ttl, None)))
}

fn client_actor(client: &ApiClientRow) -> Actor {
    match client.role {
        ClientRole::Operator => Actor::signing_in("operator", None, &client.client_id),
        ClientRole::Partner => Actor::signing_in("partner", client.partner_id, &client.client_id),
        ClientRole::Distributor => Actor::signing_in("distributor", client.distributor_id, &client.client_id),
    }
}

/// Passwords are what an attacker guesses, and checking one is expensive: a failure is
/// counted for the source and the user *before* the check, and given back when it succeeds.
/// The hash is fetched, the connection released, and the check run on the hashing pool.
async fn password_grant(
    state: &AppState,
    username: String,
    password: String,
    source: Subject,
) -> Result<Result<TokenResponse, OAuthError>, Error> {
    let name = state.read(move |conn, _| user_for_sign_in(conn, &username)).await?;
    // A known user's budget is its own, however its name is written (and it is the one a
    // wrong current password at POST /v1/auth/password counts against).
    let (user_subject, user) = match name {
        SignInName::User(user) => (user_budget(state, user.id), Some(user)),
        SignInName::Unknown { folded } => (state.limits.sign_ins.subject(&format!("user:{folded}")), None),
    };
    let reservation = super::budgets::reserve(state, vec![source, user_subject]).await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    // Unknown users are checked against a dummy hash, so timing does not tell them apart.
    let verified = password::verify_off_workers(password, stored).await;
    reservation.settle(state, !verified).await?;
    // A failure names the user it was for when there is one; never the typed name, which
    // is sometimes a password typed into the wrong field.
    let claimed = user.as_ref().map(|u| Actor::customer(u.id, u.tenant_id)).unwrap_or_else(Actor::anonymous);
    if let Some(user) = user.filter(|_| verified)
        && let Some(tokens) = customer_tokens(state, SignIn::New(user.id), "password").await?
    {
        return Ok(Ok(tokens));
    }
    record_sign_in(state, claimed, "failure", "password").await?;
    Ok(Err(OAuthError::invalid_grant()))
}

/// A user's own failure budget (sign-ins and password changes).
fn user_budget(state: &AppState, user_id: Uuid) -> Subject {
    state.limits.sign_ins.subject(&format!("user-id:{user_id}"))
}

async fn refresh_grant(
    state: &AppState,
    token: String,
    source: Subject,
) -> Result<Result<TokenResponse, OAuthError>, Error> {
    super::budgets::refuse_when_spent(state, std::slice::from_ref(&source)).await?;
    let presented = state.pepper.digest(SecretKind::RefreshToken, &token);
    match customer_tokens(state, SignIn::Rotate(presented), "refresh_token").await? {
        Some(tokens) => Ok(Ok(tokens)),
        None => {
            super::budgets::count_failure(state, vec![source]).await?;
            // The token presented is a secret: the record names no one.
            record_sign_in(state, Actor::anonymous(), "failure", "refresh_token").await?;
            Ok(Err(OAuthError::invalid_grant()))
        }
    }
}

/// An access token and a new refresh token for a customer user, or `None` when the user or
/// the refresh token is not (or no longer) valid (see [`start_session`]).
async fn customer_tokens(
    state: &AppState,
    sign_in: SignIn,
    grant: &'static str,
) -> Result<Option<TokenResponse>, Error> {
    let refresh_token = new_secret(REFRESH_TOKEN_PREFIX);
    let digest = state.pepper.digest(SecretKind::RefreshToken, &refresh_token);
    let refresh_ttl = Duration::from_std(state.settings.refresh_token_ttl).map_err(Error::internal)?;
    let issued = state.transaction(move |conn, now| start_session(conn, sign_in, &digest, refresh_ttl, now)).await?;
    let Some((user, family)) = issued else { return Ok(None) };
    let ttl = state.settings.access_token_ttl.as_secs() as i64;
    let mut claims = state.tokens.claims(user.id.to_string(), Role::Customer, state.clock.real_now(), ttl);
    claims.tenant_id = Some(user.tenant_id);
    claims.admin = Some(user.admin);
    claims.sid = Some(family);
    let access_token = state.tokens.sign(&claims).map_err(Error::internal)?;
    record_sign_in(state, Actor::customer(user.id, user.tenant_id), "success", grant).await?;
    Ok(Some(TokenResponse::bearer(access_token, ttl, Some(refresh_token))))
}

/// A sign-in's audit record, whatever its outcome (`grant` names how it was tried).
async fn record_sign_in(state: &AppState, actor: Actor, outcome: &'static str, grant: &str) -> Result<(), Error> {
    let Some(audit) = crate::audit::current() else { return Ok(()) };
    let summary = format!("{grant} sign-in: {outcome}");
    let at = state.clock.real_now();
    state.autocommit(move |conn| Ok(audit.record_alone(conn, actor, outcome, &summary, at)?)).await
}

/// Sets the password of a user created with an activation token. The password is hashed
/// only for a live token (unknown tokens cost nothing) and with no connection held.
pub async fn activate_account(state: &AppState, token: String, new_password: String) -> Result<UserRow, Error> {
    let digest = state.pepper.digest(SecretKind::ActivationToken, &token);
    let check = digest.clone();
    state.read(move |conn, now| check_activation(conn, &check, now)).await?;
    let hash = password::hash_off_workers(new_password).await?;
    state.transaction(move |conn, now| activate(conn, &digest, &hash, now)).await
}

/// A signed-in customer changes its password: the current one is checked against the
/// user's failure budget; the user's other sessions (`session` goes on) end on every
/// instance before this answers.
pub async fn change_own_password(
    state: &AppState,
    principal: &Principal,
    session: Option<Uuid>,
    change: ChangePassword,
) -> Result<(), Error> {
    let (user_id, _) = authz::customer_self(principal)?;
    let ChangePassword { current_password, new_password } = change;
    let reservation = super::budgets::reserve(state, vec![user_budget(state, user_id)]).await?;
    let stored = state.read(move |conn, _| password_of(conn, user_id)).await?;
    let verified = password::verify_off_workers(current_password, stored).await;
    reservation.settle(state, !verified).await?;
    if !verified {
        return Err(Error::new(Code::WrongPassword, "The current password is not right."));
    }
    let hash = password::hash_off_workers(new_password).await?;
    let ended = state.transaction(move |conn, now| change_password(conn, user_id, &hash, session, now)).await?;
    if ended > 0 {
        state.learn_revocations().await?;
    }
    Ok(())
}

/// Sign-out (RFC 7009): the presented token (refresh or access) stops working on every
/// instance before this answers; an unknown one changes nothing.
pub async fn sign_out(state: &AppState, presented: String) -> Result<(), Error> {
    let refresh =
        presented.starts_with(REFRESH_TOKEN_PREFIX).then(|| state.pepper.digest(SecretKind::RefreshToken, &presented));
    let access = state.tokens.verify(&presented).ok();
    if state.transaction(move |conn, now| revoke(conn, refresh, access, now)).await? {
        state.learn_revocations().await?;
    }
    Ok(())
}
