//! Distributors: authorised suppliers of product-key cards to resellers (SPEC §13).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::distributors;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = distributors)]
pub struct DistributorRow {
    pub id: Uuid,
    pub name: String,
    pub authorised: bool,
    pub created_at: DateTime<Utc>,
}

/// The unique constraint on names.
pub const NAME_KEY: &str = "distributors_name_key";

pub fn insert(conn: &mut PgConnection, row: &DistributorRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(distributors::table).values(row)).execute(conn).map(|_| ())
}

/// The distributor of this name, made (with `row`) when none has it; two callers naming a
/// new one at once get the same.
pub fn find_or_insert(conn: &mut PgConnection, row: &DistributorRow) -> QueryResult<DistributorRow> {
    diesel::insert_into(distributors::table).values(row).on_conflict(distributors::name).do_nothing().execute(conn)?;
    distributors::table.filter(distributors::name.eq(&row.name)).select(DistributorRow::as_select()).first(conn)
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<DistributorRow>> {
    distributors::table.find(id).select(DistributorRow::as_select()).first(conn).optional()
}

/// The distributor, locked against a concurrent change of its authorisation.
pub fn lock(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<DistributorRow>> {
    distributors::table.find(id).select(DistributorRow::as_select()).for_share().first(conn).optional()
}

pub fn list(conn: &mut PgConnection, page: super::Page) -> QueryResult<Vec<DistributorRow>> {
    distributors::table
        .filter(distributors::id.gt(page.after_id()))
        .order(distributors::id)
        .limit(page.fetch())
        .select(DistributorRow::as_select())
        .load(conn)
}

/// Fields a `PATCH` may change; `None` leaves a field alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = distributors)]
pub struct DistributorChanges {
    pub name: Option<String>,
    pub authorised: Option<bool>,
}

pub fn update(conn: &mut PgConnection, id: Uuid, changes: &DistributorChanges) -> QueryResult<Option<DistributorRow>> {
    if changes.name.is_none() && changes.authorised.is_none() {
        return get(conn, id);
    }
    diesel::update(distributors::table.find(id))
        .set(changes)
        .returning(DistributorRow::as_returning())
        .get_result(conn)
        .optional()
}
