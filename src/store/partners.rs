//! Partners: reseller organisations and their programme status.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::partners;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partners)]
pub struct PartnerRow {
    pub id: Uuid,
    pub name: String,
    pub partner_number: String,
    pub cloud_essentials: bool,
    pub created_at: DateTime<Utc>,
}

/// Inserts a partner, drawing partner numbers from `numbers` until one is free.
pub fn insert(
    conn: &mut PgConnection,
    mut row: PartnerRow,
    mut numbers: impl FnMut() -> String,
) -> QueryResult<PartnerRow> {
    loop {
        row.partner_number = numbers();
        // A savepoint keeps the outer transaction usable after a clash on the number.
        let attempt = conn.transaction(|conn| {
            super::Prepared(diesel::insert_into(partners::table).values(&row).returning(PartnerRow::as_returning()))
                .get_result(conn)
        });
        match attempt {
            Err(e) if super::violates(&e, "partners_partner_number_key") => continue,
            other => return other,
        }
    }
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<PartnerRow>> {
    partners::table.find(id).select(PartnerRow::as_select()).first(conn).optional()
}

pub fn find_by_number(conn: &mut PgConnection, number: &str) -> QueryResult<Option<PartnerRow>> {
    partners::table.filter(partners::partner_number.eq(number)).select(PartnerRow::as_select()).first(conn).optional()
}

pub fn list(conn: &mut PgConnection, page: super::Page) -> QueryResult<Vec<PartnerRow>> {
    partners::table
        .filter(partners::id.gt(page.after_id()))
        .order(partners::id)
        .limit(page.fetch())
        .select(PartnerRow::as_select())
        .load(conn)
}

/// Fields a `PATCH` may change; `None` leaves a field alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = partners)]
pub struct PartnerChanges {
    pub name: Option<String>,
    pub cloud_essentials: Option<bool>,
}

pub fn update(conn: &mut PgConnection, id: Uuid, changes: &PartnerChanges) -> QueryResult<Option<PartnerRow>> {
    if changes.name.is_none() && changes.cloud_essentials.is_none() {
        return get(conn, id);
    }
    super::Prepared(diesel::update(partners::table.find(id)).set(changes).returning(PartnerRow::as_returning()))
        .get_result(conn)
        .optional()
}
