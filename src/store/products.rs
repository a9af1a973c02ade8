//! The product catalogue.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::products;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = products)]
pub struct ProductRow {
    pub id: Uuid,
    pub sku: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

pub fn list(conn: &mut PgConnection, page: super::Page) -> QueryResult<Vec<ProductRow>> {
    products::table
        .filter(products::id.gt(page.after_id()))
        .order(products::id)
        .limit(page.fetch())
        .select(ProductRow::as_select())
        .load(conn)
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<ProductRow>> {
    products::table.find(id).select(ProductRow::as_select()).first(conn).optional()
}

/// Inserts a product; `Ok(None)` when the SKU is taken.
pub fn insert(conn: &mut PgConnection, row: &ProductRow) -> QueryResult<Option<ProductRow>> {
    diesel::insert_into(products::table)
        .values(row)
        .on_conflict(products::sku)
        .do_nothing()
        .returning(ProductRow::as_returning())
        .get_result(conn)
        .optional()
}
