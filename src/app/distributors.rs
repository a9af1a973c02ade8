//! Distributors (SPEC §13): registered and authorised (or suspended) by the operator.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz,
    error::{Code, Error},
    store::{
        self, Page,
        distributors::{self, DistributorChanges, DistributorRow},
    },
    views::distributors::{CreateDistributor, UpdateDistributor},
};

fn name_taken(e: diesel::result::Error) -> Error {
    match store::violates(&e, distributors::NAME_KEY) {
        true => Error::new(Code::DistributorExists, "A distributor with this name exists."),
        false => e.into(),
    }
}

pub fn create(
    conn: &mut PgConnection,
    principal: &Principal,
    request: CreateDistributor,
    now: DateTime<Utc>,
) -> Result<DistributorRow, Error> {
    authz::operator(principal)?;
    let row = DistributorRow {
        id: Uuid::now_v7(),
        name: request.name,
        authorised: request.authorised.unwrap_or(true),
        created_at: now,
    };
    distributors::insert(conn, &row).map_err(name_taken)?;
    crate::audit::note("distributor", row.id, None, None);
    Ok(row)
}

pub fn list(conn: &mut PgConnection, principal: &Principal, page: Page) -> Result<Vec<DistributorRow>, Error> {
    authz::operator(principal)?;
    Ok(distributors::list(conn, page)?)
}

/// The operator, or the distributor itself; 404 for anyone else.
pub fn get(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<DistributorRow, Error> {
    authz::distributor_record(principal, id)?;
    distributors::get(conn, id)?.ok_or_else(|| Error::not_found("distributor"))
}

/// The operator renames a distributor or suspends (`authorised: false`) or restores it.
pub fn update(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    request: UpdateDistributor,
) -> Result<DistributorRow, Error> {
    authz::distributor_record(principal, id)?;
    authz::operator(principal)?;
    let changes = DistributorChanges { name: request.name, authorised: request.authorised };
    let row = distributors::update(conn, id, &changes).map_err(name_taken)?;
    crate::audit::note("distributor", id, None, None);
    row.ok_or_else(|| Error::not_found("distributor"))
}
