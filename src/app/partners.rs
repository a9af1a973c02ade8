//! Partners, their programme status, and the API clients they sign in with.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use rand::Rng;
use uuid::Uuid;

use crate::{
    auth::secrets::{CLIENT_SECRET_PREFIX, Pepper, SecretKind, new_secret, random_bytes},
    domain::statuses::ClientRole,
    error::Error,
    store::{
        Page,
        clients::{self, ApiClientRow},
        partners::{self, PartnerChanges, PartnerRow},
    },
};

/// Who a new partner is: its partner number is drawn here.
pub struct NewPartner {
    pub name: String,
    pub reseller: Option<(String, chrono::NaiveDate)>,
    pub cloud_essentials: bool,
}

fn new_partner_number() -> String {
    rand::rng().random_range(1_000_000..=9_999_999).to_string()
}

/// Registers a partner under a fresh 7-digit partner number (drawn again on a clash).
pub fn create(conn: &mut PgConnection, partner: NewPartner, now: DateTime<Utc>) -> Result<PartnerRow, Error> {
    let (reseller_distributor, reseller_since) = partner.reseller.unzip();
    let row = PartnerRow {
        id: Uuid::now_v7(),
        name: partner.name,
        partner_number: String::new(),
        reseller_distributor,
        reseller_since,
        cloud_essentials: partner.cloud_essentials,
        created_at: now,
    };
    let row = partners::insert(conn, row, new_partner_number)?;
    crate::audit::note("partner", row.id, None, Some(row.id));
    Ok(row)
}

pub fn list(conn: &mut PgConnection, page: Page) -> Result<Vec<PartnerRow>, Error> {
    Ok(partners::list(conn, page)?)
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> Result<PartnerRow, Error> {
    partners::get(conn, id)?.ok_or_else(|| Error::not_found("partner"))
}

pub fn update(conn: &mut PgConnection, id: Uuid, changes: &PartnerChanges) -> Result<PartnerRow, Error> {
    partners::update(conn, id, changes)?.ok_or_else(|| Error::not_found("partner"))
}

/// A new client of a partner and its secret (stored as a keyed digest only).
pub fn create_client(
    conn: &mut PgConnection,
    pepper: &Pepper,
    partner_id: Uuid,
    name: Option<String>,
    now: DateTime<Utc>,
) -> Result<(ApiClientRow, String), Error> {
    get(conn, partner_id)?;
    let secret = new_secret(CLIENT_SECRET_PREFIX);
    let row = ApiClientRow {
        id: Uuid::now_v7(),
        client_id: format!("kpc_{}", hex::encode(random_bytes(10))),
        secret_digest: pepper.digest(SecretKind::ClientSecret, &secret),
        role: ClientRole::Partner,
        partner_id: Some(partner_id),
        name,
        created_at: now,
        revoked_at: None,
    };
    clients::insert(conn, &row)?;
    Ok((row, secret))
}

pub fn list_clients(conn: &mut PgConnection, partner_id: Uuid, page: Page) -> Result<Vec<ApiClientRow>, Error> {
    get(conn, partner_id)?;
    Ok(clients::list_for_partner(conn, partner_id, page)?)
}

/// Revokes a partner's live client (the database revokes its tokens with it).
pub fn revoke_client(
    conn: &mut PgConnection,
    partner_id: Uuid,
    client_id: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if clients::revoke(conn, partner_id, client_id, now)? { Ok(()) } else { Err(Error::not_found("API client")) }
}
