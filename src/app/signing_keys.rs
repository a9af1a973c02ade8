//! The keys that sign access tokens, rotated from the command line (SPEC §14): a new key
//! signs on every instance at once (each reloads on the database's notice), the keys it
//! replaces keep verifying until every token they signed has run out, then retire by
//! themselves.

use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, PgConnection};

use crate::{
    auth::{jwt::KeyPair, secrets::random_bytes},
    error::Error,
    store::secrets::{self, SigningKeyRow},
};

/// A signing key as `keyport keys list` shows it.
pub struct KeyState {
    pub kid: String,
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
    /// The key that signs now.
    pub signing: bool,
}

/// Makes a new key the one that signs; the keys that signed before verify for `overlap`
/// (the longest access-token lifetime and its leeway), then retire by themselves. One
/// rotation at a time (the start-up lock). The new key's id.
pub fn rotate(conn: &mut PgConnection, overlap: Duration, now: DateTime<Utc>) -> Result<String, Error> {
    let pair = KeyPair::from_seed(random_bytes(32).try_into().expect("32 bytes"));
    conn.transaction(|conn| {
        secrets::lock_bootstrap(conn)?;
        secrets::retire_unretired(conn, now + overlap)?;
        let row = SigningKeyRow {
            kid: pair.kid.clone(),
            private_der: pair.private_der.clone(),
            public_key: pair.public_key.clone(),
            created_at: now,
        };
        secrets::insert_signing_key(conn, &row)
    })?;
    Ok(pair.kid)
}

/// Every key, newest first, with whether it signs.
pub fn list(conn: &mut PgConnection, now: DateTime<Utc>) -> Result<Vec<KeyState>, Error> {
    let signing = secrets::live_signing_keys(conn, now)?.into_iter().next().map(|k| k.kid);
    Ok(secrets::all_signing_keys(conn)?
        .into_iter()
        .map(|(kid, created_at, retired_at)| KeyState {
            signing: signing.as_deref() == Some(kid.as_str()),
            kid,
            created_at,
            retired_at,
        })
        .collect())
}

/// Retires a key now (its tokens are refused from the next request on every instance);
/// never the one that signs — rotate first.
pub fn retire(conn: &mut PgConnection, kid: &str, now: DateTime<Utc>) -> Result<(), Error> {
    conn.transaction(|conn| {
        secrets::lock_bootstrap(conn)?;
        let signing = secrets::live_signing_keys(conn, now)?.into_iter().next().map(|k| k.kid);
        if signing.as_deref() == Some(kid) {
            return Err(Error::forbidden("this key signs now: rotate first (`keyport keys rotate`)"));
        }
        if !secrets::retire(conn, kid, now)? {
            return Err(Error::not_found("signing key"));
        }
        Ok(())
    })
}
