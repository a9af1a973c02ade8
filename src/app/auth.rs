//! Sign-in steps that touch the database: clients and users by their credentials, the
//! sessions (refresh-token families) of customer users, sign-out, and account activation.
//! Hashing and token signing stay with the caller, off the database connection.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::{jwt::Claims, revocations::subject},
    error::{Code, Error},
    store::{
        clients::{self, ApiClientRow},
        revocations,
        users::{self, RefreshOutcome, UserRow},
    },
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

/// Checks a client's secret (its digest) against the live client `client_id`.
pub fn client_by_secret(conn: &mut PgConnection, client_id: &str, digest: &[u8]) -> Result<ClientCheck, Error> {
    use subtle::ConstantTimeEq;
    Ok(match clients::find_live(conn, client_id)? {
        Some(c) if c.secret_digest.len() == digest.len() && bool::from(c.secret_digest.ct_eq(digest)) => {
            ClientCheck::Valid(c)
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

/// The signed-in user's password hash, to check the current password against.
pub fn password_of(conn: &mut PgConnection, user_id: Uuid) -> Result<Option<String>, Error> {
    Ok(users::get_for_session(conn, user_id)?.and_then(|u| u.password_hash))
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
