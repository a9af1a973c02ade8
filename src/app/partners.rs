//! Partners and their programme status. A partner's `reseller` is derived from its reseller
//! relationships (SPEC §13); the operator may still set it the older way, which records a
//! relationship with the authorised distributor of that name.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::PgConnection;
use rand::Rng;
use uuid::Uuid;

use crate::{
    error::{Error, FieldError},
    store::{
        Page,
        partners::{self, PartnerChanges, PartnerRow},
        resellers,
    },
    views::partners::{CreatePartner, UpdatePartner},
};

/// A partner with its `reseller`: the distributor and date of its oldest active relationship.
pub type PartnerRecord = (PartnerRow, Option<(String, NaiveDate)>);

/// Who a new partner is: its partner number is drawn here.
pub struct NewPartner {
    pub name: String,
    pub reseller: Option<(String, NaiveDate)>,
    pub cloud_essentials: bool,
}

fn new_partner_number() -> String {
    rand::rng().random_range(1_000_000..=9_999_999).to_string()
}

fn with_resellers(conn: &mut PgConnection, rows: Vec<PartnerRow>) -> Result<Vec<PartnerRecord>, Error> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut resellers: HashMap<Uuid, (String, NaiveDate)> = resellers::resellers_of(conn, &ids)?;
    Ok(rows.into_iter().map(|r| (resellers.remove(&r.id), r)).map(|(reseller, r)| (r, reseller)).collect())
}

fn record(conn: &mut PgConnection, row: PartnerRow) -> Result<PartnerRecord, Error> {
    Ok(with_resellers(conn, vec![row])?.remove(0))
}

/// Registers a partner under a fresh 7-digit partner number (drawn again on a clash).
pub fn create(conn: &mut PgConnection, partner: NewPartner, now: DateTime<Utc>) -> Result<PartnerRecord, Error> {
    let row = PartnerRow {
        id: Uuid::now_v7(),
        name: partner.name,
        partner_number: String::new(),
        cloud_essentials: partner.cloud_essentials,
        created_at: now,
    };
    let row = partners::insert(conn, row, new_partner_number)?;
    crate::audit::note("partner", row.id, None, Some(row.id));
    if let Some((distributor, since)) = partner.reseller {
        super::resellers::record_legacy(conn, row.id, &distributor, since, now)?;
    }
    record(conn, row)
}

pub fn list(conn: &mut PgConnection, page: Page) -> Result<Vec<PartnerRecord>, Error> {
    let rows = partners::list(conn, page)?;
    with_resellers(conn, rows)
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> Result<PartnerRecord, Error> {
    let row = partners::get(conn, id)?.ok_or_else(|| Error::not_found("partner"))?;
    record(conn, row)
}

/// Changes a partner; `reseller` given records a relationship the older way, `null` ends
/// every relationship of the partner.
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    request: UpdatePartner,
    now: DateTime<Utc>,
) -> Result<PartnerRecord, Error> {
    if let Some(Some(reseller)) = &request.reseller {
        crate::http::extract::validate(reseller).map_err(|e| {
            Error::validation(
                e.errors.into_iter().map(|f| FieldError { field: format!("reseller.{}", f.field), ..f }).collect(),
            )
        })?;
    }
    let changes = PartnerChanges { name: request.name, cloud_essentials: request.cloud_essentials };
    let row = partners::update(conn, id, &changes)?.ok_or_else(|| Error::not_found("partner"))?;
    match request.reseller {
        Some(Some(r)) => super::resellers::record_legacy(conn, id, &r.distributor, r.since, now)?,
        Some(None) => super::resellers::end_all_of_partner(conn, &row, now)?,
        None => {}
    }
    record(conn, row)
}

impl From<CreatePartner> for NewPartner {
    fn from(request: CreatePartner) -> Self {
        let CreatePartner { name, reseller, cloud_essentials } = request;
        NewPartner { name, reseller: reseller.map(|r| (r.distributor, r.since)), cloud_essentials }
    }
}
