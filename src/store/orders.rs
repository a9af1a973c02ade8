//! Orders of key cards: a partner asks a distributor for a quantity of a product; the
//! distributor fulfils it with allocations (SPEC §13).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::stock::ChainScope;
use crate::{db::schema::key_orders as orders, domain::statuses::OrderStatus};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub distributor_id: Uuid,
    pub product_id: Uuid,
    pub quantity: i32,
    pub allocated: i32,
    pub status: OrderStatus,
    pub reference: Option<String>,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn insert(conn: &mut PgConnection, row: &OrderRow) -> QueryResult<()> {
    diesel::insert_into(orders::table).values(row).execute(conn).map(|_| ())
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<OrderRow>> {
    orders::table.find(id).select(OrderRow::as_select()).first(conn).optional()
}

/// An order locked while it changes (an allocation against it, a rejection, a cancel).
pub fn lock(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<OrderRow>> {
    orders::table.find(id).select(OrderRow::as_select()).for_update().first(conn).optional()
}

pub fn list(
    conn: &mut PgConnection,
    scope: ChainScope,
    status: Option<OrderStatus>,
    page: super::Page,
) -> QueryResult<Vec<OrderRow>> {
    let mut query = orders::table
        .filter(orders::id.gt(page.after_id()))
        .order(orders::id)
        .limit(page.fetch())
        .select(OrderRow::as_select())
        .into_boxed();
    query = match scope {
        ChainScope::All => query,
        ChainScope::Distributor(d) => query.filter(orders::distributor_id.eq(d)),
        ChainScope::Partner(p) => query.filter(orders::partner_id.eq(p)),
    };
    if let Some(status) = status {
        query = query.filter(orders::status.eq(status));
    }
    query.load(conn)
}

/// Sets an order's status (and the reason of a rejection).
pub fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: OrderStatus,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> QueryResult<OrderRow> {
    diesel::update(orders::table.find(id))
        .set((orders::status.eq(status), orders::reason.eq(reason), orders::updated_at.eq(now)))
        .returning(OrderRow::as_returning())
        .get_result(conn)
}

/// Counts cards allocated against an order; it is `fulfilled` once they reach its quantity.
pub fn add_allocated(conn: &mut PgConnection, id: Uuid, cards: i32, now: DateTime<Utc>) -> QueryResult<OrderRow> {
    diesel::sql_query(
        "UPDATE key_orders SET allocated = allocated + $2, updated_at = $3, \
                status = CASE WHEN allocated + $2 >= quantity THEN 'fulfilled' ELSE status END \
         WHERE id = $1 RETURNING *",
    )
    .bind::<diesel::sql_types::Uuid, _>(id)
    .bind::<diesel::sql_types::Integer, _>(cards)
    .bind::<diesel::sql_types::Timestamptz, _>(now)
    .get_result::<OrderByName>(conn)
    .map(|o| o.0)
}

/// [`OrderRow`] read from a raw statement.
struct OrderByName(OrderRow);

impl diesel::deserialize::QueryableByName<diesel::pg::Pg> for OrderByName {
    fn build<'a>(row: &impl diesel::row::NamedRow<'a, diesel::pg::Pg>) -> diesel::deserialize::Result<Self> {
        use diesel::row::NamedRow;
        use diesel::sql_types::{Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid};
        Ok(OrderByName(OrderRow {
            id: NamedRow::get::<SqlUuid, _>(row, "id")?,
            partner_id: NamedRow::get::<SqlUuid, _>(row, "partner_id")?,
            distributor_id: NamedRow::get::<SqlUuid, _>(row, "distributor_id")?,
            product_id: NamedRow::get::<SqlUuid, _>(row, "product_id")?,
            quantity: NamedRow::get::<Integer, _>(row, "quantity")?,
            allocated: NamedRow::get::<Integer, _>(row, "allocated")?,
            status: NamedRow::get::<Text, _>(row, "status")?,
            reference: NamedRow::get::<Nullable<Text>, _>(row, "reference")?,
            reason: NamedRow::get::<Nullable<Text>, _>(row, "reason")?,
            created_at: NamedRow::get::<Timestamptz, _>(row, "created_at")?,
            updated_at: NamedRow::get::<Timestamptz, _>(row, "updated_at")?,
        }))
    }
}
