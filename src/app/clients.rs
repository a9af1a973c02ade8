//! API clients of partners and distributors: created with a secret shown once, listed,
//! revoked (the database revokes their tokens with them).

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::secrets::{CLIENT_SECRET_PREFIX, Pepper, SecretKind, new_secret, random_bytes},
    domain::{statuses::ClientRole, versions::CURRENT},
    error::Error,
    store::{
        Page,
        clients::{self, ApiClientRow, ClientChange, ClientOwner},
        distributors, partners,
    },
};

/// The owner exists (else 404).
fn existing(conn: &mut PgConnection, owner: ClientOwner) -> Result<(), Error> {
    let found = match owner {
        ClientOwner::Partner(id) => partners::get(conn, id)?.is_some(),
        ClientOwner::Distributor(id) => distributors::get(conn, id)?.is_some(),
    };
    match (found, owner) {
        (true, _) => Ok(()),
        (false, ClientOwner::Partner(_)) => Err(Error::not_found("partner")),
        (false, ClientOwner::Distributor(_)) => Err(Error::not_found("distributor")),
    }
}

/// A new client and its secret (stored as a keyed digest only).
pub fn create(
    conn: &mut PgConnection,
    pepper: &Pepper,
    owner: ClientOwner,
    name: Option<String>,
    now: DateTime<Utc>,
) -> Result<(ApiClientRow, String), Error> {
    existing(conn, owner)?;
    let secret = new_secret(CLIENT_SECRET_PREFIX);
    let (role, partner_id, distributor_id) = match owner {
        ClientOwner::Partner(id) => (ClientRole::Partner, Some(id), None),
        ClientOwner::Distributor(id) => (ClientRole::Distributor, None, Some(id)),
    };
    let row = ApiClientRow {
        id: Uuid::now_v7(),
        client_id: format!("kpc_{}", hex::encode(random_bytes(10))),
        secret_digest: pepper.digest(SecretKind::ClientSecret, &secret),
        role,
        partner_id,
        name,
        created_at: now,
        revoked_at: None,
        distributor_id,
        previous_secret_digest: None,
        previous_secret_expires_at: None,
        api_version: CURRENT,
    };
    clients::insert(conn, &row)?;
    Ok((row, secret))
}

/// The longest a rotated-out secret may keep signing in.
pub const MAX_OVERLAP_HOURS: i64 = 168;

/// A new secret for an owner's live client, shown once; the previous one keeps signing in
/// for `overlap_hours` on the service's clock (0: not at all), so an integration switches
/// with no downtime. A revoked client stays revoked (404, as for one that never was).
pub fn rotate_secret(
    conn: &mut PgConnection,
    pepper: &Pepper,
    owner: ClientOwner,
    client_id: &str,
    overlap_hours: i64,
    now: DateTime<Utc>,
) -> Result<(ApiClientRow, String), Error> {
    existing(conn, owner)?;
    let secret = new_secret(CLIENT_SECRET_PREFIX);
    let digest = pepper.digest(SecretKind::ClientSecret, &secret);
    let until = now + chrono::Duration::hours(overlap_hours.clamp(0, MAX_OVERLAP_HOURS));
    let row = clients::rotate_secret(conn, owner, client_id, &digest, until)?
        .ok_or_else(|| Error::not_found("API client"))?;
    crate::audit::note("api-client", &row.client_id, None, row.partner_id);
    Ok((row, secret))
}

/// Renames an owner's live client or moves its version pin (its next token speaks it).
pub fn update(
    conn: &mut PgConnection,
    owner: ClientOwner,
    client_id: &str,
    change: ClientChange,
) -> Result<ApiClientRow, Error> {
    existing(conn, owner)?;
    let row = clients::update(conn, owner, client_id, &change)?.ok_or_else(|| Error::not_found("API client"))?;
    crate::audit::note("api-client", &row.client_id, None, row.partner_id);
    Ok(row)
}

pub fn list(conn: &mut PgConnection, owner: ClientOwner, page: Page) -> Result<Vec<ApiClientRow>, Error> {
    existing(conn, owner)?;
    Ok(clients::list_for(conn, owner, page)?)
}

/// Revokes an owner's live client.
pub fn revoke(conn: &mut PgConnection, owner: ClientOwner, client_id: &str, now: DateTime<Utc>) -> Result<(), Error> {
    if clients::revoke(conn, owner, client_id, now)? { Ok(()) } else { Err(Error::not_found("API client")) }
}
