//! A distributor's stock and the cards that leave it (SPEC §13): allocations to partners,
//! returns, revocations, stock reports and low-stock alerts. Every statement that moves
//! cards moves them all at once, on conditions (`status = 'in_stock'`, …), and records their
//! movements in the same statement, so two racing requests never move one card twice.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use super::{keys::move_keys, movements::Mover};
use crate::{
    db::schema::{allocations, key_returns, stock_alerts},
    domain::{
        serials::Serial,
        statuses::{KeyStatus, MovementKind},
    },
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = allocations)]
pub struct AllocationRow {
    pub id: Uuid,
    pub distributor_id: Uuid,
    pub partner_id: Uuid,
    pub product_id: Option<Uuid>,
    pub quantity: i32,
    pub first_serial: i64,
    pub last_serial: i64,
    pub order_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = key_returns)]
pub struct ReturnRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub distributor_id: Uuid,
    pub quantity: i32,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// What one statement moved: how many cards, their first and last serial, and their
/// product when they share one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, QueryableByName)]
pub struct Moved {
    #[diesel(sql_type = BigInt)]
    pub cards: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub first: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub last: Option<i64>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub product_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub distributor_id: Option<Uuid>,
}

impl Moved {
    /// What two statements of one request moved, together.
    pub fn and(self, other: Moved) -> Moved {
        let either = |a: Option<i64>, b: Option<i64>, pick: fn(i64, i64) -> i64| match (a, b) {
            (Some(a), Some(b)) => Some(pick(a, b)),
            (a, b) => a.or(b),
        };
        let same = |a: Option<Uuid>, b: Option<Uuid>, b_cards: i64| match (a, b) {
            (a, _) if b_cards == 0 => a,
            (a, b) if self.cards == 0 => b.or(a),
            (a, b) if a == b => a,
            _ => None,
        };
        Moved {
            cards: self.cards + other.cards,
            first: either(self.first, other.first, i64::min),
            last: either(self.last, other.last, i64::max),
            product_id: same(self.product_id, other.product_id, other.cards),
            distributor_id: same(self.distributor_id, other.distributor_id, other.cards),
        }
    }
}

/// Serial spans as the two arrays of bounds the statements take.
fn bounds(spans: &[(Serial, Serial)]) -> (Vec<i64>, Vec<i64>) {
    spans.iter().map(|(from, to)| (from.0, to.0)).unzip()
}

/// Sums up the moved cards (`moved` of [`move_keys`], plus their product and distributor).
fn summed(change: &str) -> String {
    let recorded = move_keys(change);
    // The ledger insert becomes a CTE too, and the statement answers what moved.
    let (with, insert) = recorded.split_once(") INSERT INTO").expect("a movement statement");
    format!(
        "{with}), logged AS (INSERT INTO{insert}) \
         SELECT count(*) AS cards, min(serial) AS first, max(serial) AS last, \
                CASE WHEN count(DISTINCT product_id) = 1 THEN min(product_id::text)::uuid END AS product_id, \
                CASE WHEN count(DISTINCT distributor_id) = 1 THEN min(distributor_id::text)::uuid END AS distributor_id \
         FROM moved"
    )
}

fn moving(
    change: &str,
    kind: MovementKind,
    mover: Mover,
    now: DateTime<Utc>,
) -> diesel::query_builder::BoxedSqlQuery<'static, diesel::pg::Pg, diesel::query_builder::SqlQuery> {
    diesel::sql_query(summed(change))
        .into_boxed()
        .bind::<Text, _>(kind)
        .bind::<Text, _>(mover.role)
        .bind::<Nullable<SqlUuid>, _>(mover.id)
        .bind::<Timestamptz, _>(now)
}

pub fn insert_allocation(conn: &mut PgConnection, row: &AllocationRow) -> QueryResult<()> {
    diesel::insert_into(allocations::table).values(row).execute(conn).map(|_| ())
}

/// Fills in what an allocation moved.
pub fn complete_allocation(conn: &mut PgConnection, id: Uuid, moved: &Moved) -> QueryResult<AllocationRow> {
    diesel::update(allocations::table.find(id))
        .set((
            allocations::quantity.eq(moved.cards as i32),
            allocations::first_serial.eq(moved.first.unwrap_or_default()),
            allocations::last_serial.eq(moved.last.unwrap_or_default()),
            allocations::product_id.eq(moved.product_id),
        ))
        .returning(AllocationRow::as_returning())
        .get_result(conn)
}

/// Moves the named cards that are in `distributor_id`'s stock to the partner (`available`,
/// allocation `allocation_id`).
pub fn allocate_serials(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    partner_id: Uuid,
    allocation_id: Uuid,
    spans: &[(Serial, Serial)],
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<Moved> {
    let (from, to) = bounds(spans);
    moving(
        "UPDATE product_keys k SET status = 'available', partner_id = $6, allocation_id = $7 \
         FROM (SELECT p.id FROM product_keys p, unnest($8::bigint[], $9::bigint[]) AS r(f, t) \
               WHERE p.serial BETWEEN r.f AND r.t AND p.distributor_id = $5 AND p.status = 'in_stock' \
               ORDER BY p.serial FOR UPDATE OF p) picked \
         WHERE k.id = picked.id \
         RETURNING k.id, k.serial, k.product_id, k.distributor_id, 'distributor' AS from_kind, $5 AS from_id, \
                   'partner' AS to_kind, $6 AS to_id, $7 AS allocation_id, NULL::uuid AS redemption_id",
        MovementKind::Allocated,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(distributor_id)
    .bind::<SqlUuid, _>(partner_id)
    .bind::<SqlUuid, _>(allocation_id)
    .bind::<Array<BigInt>, _>(from)
    .bind::<Array<BigInt>, _>(to)
    .get_result(conn)
}

/// Waits, for the rest of the transaction, until no other transaction allocates a quantity
/// of this product from this distributor (a transaction-level advisory lock).
pub fn take_turn(conn: &mut PgConnection, distributor_id: Uuid, product_id: Uuid) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1::text || $2::text, 7300))")
        .bind::<SqlUuid, _>(distributor_id)
        .bind::<SqlUuid, _>(product_id)
        .execute(conn)
        .map(|_| ())
}

/// Moves up to `quantity` of the distributor's oldest cards of a product in stock to the
/// partner, locking them in serial order (a card another transaction holds is waited for,
/// and passed over if it left stock meanwhile).
#[allow(clippy::too_many_arguments)]
pub fn allocate_quantity(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    partner_id: Uuid,
    allocation_id: Uuid,
    product_id: Uuid,
    quantity: i64,
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<Moved> {
    moving(
        "UPDATE product_keys k SET status = 'available', partner_id = $6, allocation_id = $7 \
         FROM (SELECT id FROM product_keys \
               WHERE distributor_id = $5 AND product_id = $8 AND status = 'in_stock' \
               ORDER BY serial LIMIT $9 FOR UPDATE) picked \
         WHERE k.id = picked.id \
         RETURNING k.id, k.serial, k.product_id, k.distributor_id, 'distributor' AS from_kind, $5 AS from_id, \
                   'partner' AS to_kind, $6 AS to_id, $7 AS allocation_id, NULL::uuid AS redemption_id",
        MovementKind::Allocated,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(distributor_id)
    .bind::<SqlUuid, _>(partner_id)
    .bind::<SqlUuid, _>(allocation_id)
    .bind::<SqlUuid, _>(product_id)
    .bind::<BigInt, _>(quantity)
    .get_result(conn)
}

/// The serials an allocation moved (to tell which named ones it did not).
pub fn serials_of_allocation(conn: &mut PgConnection, allocation_id: Uuid) -> QueryResult<Vec<i64>> {
    use crate::db::schema::product_keys;
    product_keys::table.filter(product_keys::allocation_id.eq(allocation_id)).select(product_keys::serial).load(conn)
}

/// Moves the partner's named cards that a distributor allocated and that are still
/// `available` back to that distributor's stock.
pub fn return_cards(
    conn: &mut PgConnection,
    partner_id: Uuid,
    spans: &[(Serial, Serial)],
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<Moved> {
    let (from, to) = bounds(spans);
    moving(
        "UPDATE product_keys k SET status = 'in_stock', partner_id = NULL, allocation_id = NULL \
         FROM unnest($6::bigint[], $7::bigint[]) AS r(f, t) \
         WHERE k.serial BETWEEN r.f AND r.t AND k.partner_id = $5 AND k.status = 'available' \
           AND k.distributor_id IS NOT NULL \
         RETURNING k.id, k.serial, k.product_id, k.distributor_id, 'partner' AS from_kind, $5 AS from_id, \
                   'distributor' AS to_kind, k.distributor_id AS to_id, NULL::uuid AS allocation_id, \
                   NULL::uuid AS redemption_id",
        MovementKind::Returned,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(partner_id)
    .bind::<Array<BigInt>, _>(from)
    .bind::<Array<BigInt>, _>(to)
    .get_result(conn)
}

/// The named serials that are the partner's and `available` from a distributor, locked:
/// what a return takes.
pub fn returnable(conn: &mut PgConnection, partner_id: Uuid, spans: &[(Serial, Serial)]) -> QueryResult<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = BigInt)]
        serial: i64,
    }
    let (from, to) = bounds(spans);
    // Locked, in serial order: what is found here is what the return then moves.
    diesel::sql_query(
        "SELECT k.serial FROM product_keys k, unnest($2::bigint[], $3::bigint[]) AS r(f, t) \
         WHERE k.serial BETWEEN r.f AND r.t AND k.partner_id = $1 AND k.status = 'available' \
           AND k.distributor_id IS NOT NULL \
         ORDER BY k.serial FOR UPDATE OF k",
    )
    .bind::<SqlUuid, _>(partner_id)
    .bind::<Array<BigInt>, _>(from)
    .bind::<Array<BigInt>, _>(to)
    .load::<Found>(conn)
    .map(|rows| rows.into_iter().map(|f| f.serial).collect())
}

pub fn insert_return(conn: &mut PgConnection, row: &ReturnRow) -> QueryResult<()> {
    diesel::insert_into(key_returns::table).values(row).execute(conn).map(|_| ())
}

/// Revokes every named card that is not redeemed or revoked (of `distributor_id`'s, when
/// given; of `batch_id`, when given instead of spans): a reserved one leaves its redemption.
/// Returns the holders (partner or distributor) of the revoked cards with their count.
pub fn revoke_cards(
    conn: &mut PgConnection,
    distributor_id: Option<Uuid>,
    spans: &[(Serial, Serial)],
    batch_id: Option<Uuid>,
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<Vec<Revoked>> {
    let (from, to) = bounds(spans);
    // The named cards are locked first, in serial order (as every move of cards locks them),
    // so the holder recorded is the one after any move this waited for; a reserved card's
    // entry leaves its redemption in the same statement.
    let change = "UPDATE product_keys k SET status = 'revoked', redemption_id = NULL FROM target old \
         WHERE old.id = k.id \
         RETURNING k.id, k.serial, k.product_id, old.partner_id AS holder_partner, old.distributor_id AS holder_distributor, \
                   CASE WHEN old.status = 'reserved' THEN 'redemption' WHEN old.partner_id IS NOT NULL THEN 'partner' \
                        WHEN old.distributor_id IS NOT NULL THEN 'distributor' ELSE 'platform' END AS from_kind, \
                   CASE WHEN old.status = 'reserved' THEN old.redemption_id \
                        ELSE coalesce(old.partner_id, old.distributor_id) END AS from_id, \
                   NULL::text AS to_kind, NULL::uuid AS to_id, NULL::uuid AS allocation_id, \
                   old.redemption_id AS redemption_id";
    let recorded = move_keys(change);
    let (with, insert) = recorded.split_once(") INSERT INTO").expect("a movement statement");
    let with = with.strip_prefix("WITH ").expect("a WITH statement");
    let named = match batch_id {
        Some(_) => "FROM product_keys p WHERE p.batch_id = $8",
        None => "FROM product_keys p, unnest($6::bigint[], $7::bigint[]) AS r(f, t) WHERE p.serial BETWEEN r.f AND r.t",
    };
    let statement = format!(
        "WITH target AS ( \
             SELECT p.id, p.status, p.partner_id, p.distributor_id, p.redemption_id {named} \
               AND p.status IN ('in_stock', 'available', 'reserved') AND ($5::uuid IS NULL OR p.distributor_id = $5) \
             ORDER BY p.serial FOR UPDATE OF p), \
         dropped AS (DELETE FROM redemption_keys e USING target t \
             WHERE t.status = 'reserved' AND e.redemption_id = t.redemption_id AND e.key_id = t.id), \
         {with}), logged AS (INSERT INTO{insert}) \
         SELECT holder_partner, CASE WHEN holder_partner IS NULL THEN holder_distributor END AS holder_distributor, \
                count(*) AS cards \
         FROM moved GROUP BY 1, 2"
    );
    diesel::sql_query(statement)
        .bind::<Text, _>(MovementKind::Revoked)
        .bind::<Text, _>(mover.role)
        .bind::<Nullable<SqlUuid>, _>(mover.id)
        .bind::<Timestamptz, _>(now)
        .bind::<Nullable<SqlUuid>, _>(distributor_id)
        .bind::<Array<BigInt>, _>(from)
        .bind::<Array<BigInt>, _>(to)
        .bind::<Nullable<SqlUuid>, _>(batch_id)
        .load(conn)
}

/// Cards one revocation took from one holder.
#[derive(Debug, Clone, QueryableByName)]
pub struct Revoked {
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub holder_partner: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub holder_distributor: Option<Uuid>,
    #[diesel(sql_type = BigInt)]
    pub cards: i64,
}

/// The named cards a revocation left alone: (serial, status), `not_found` for serials that
/// are no card (of the distributor's, when given).
pub fn not_revoked(
    conn: &mut PgConnection,
    distributor_id: Option<Uuid>,
    spans: &[(Serial, Serial)],
    limit: i64,
) -> QueryResult<Vec<(i64, String)>> {
    #[derive(QueryableByName)]
    struct Left {
        #[diesel(sql_type = BigInt)]
        serial: i64,
        #[diesel(sql_type = Text)]
        status: String,
    }
    let (from, to) = bounds(spans);
    diesel::sql_query(
        "SELECT s.serial, coalesce(k.status, 'not_found') AS status \
         FROM unnest($2::bigint[], $3::bigint[]) AS r(f, t), generate_series(r.f, r.t) AS s(serial) \
         LEFT JOIN product_keys k ON k.serial = s.serial AND ($1::uuid IS NULL OR k.distributor_id = $1) \
         WHERE k.status IS NULL OR k.status IN ('redeemed', 'revoked') \
         ORDER BY s.serial LIMIT $4",
    )
    .bind::<Nullable<SqlUuid>, _>(distributor_id)
    .bind::<Array<BigInt>, _>(from)
    .bind::<Array<BigInt>, _>(to)
    .bind::<BigInt, _>(limit)
    .load::<Left>(conn)
    .map(|rows| rows.into_iter().map(|l| (l.serial, l.status)).collect())
}

/// One product's line of a stock report: the product and its counts by status.
#[derive(Debug, Clone, QueryableByName)]
pub struct StockLine {
    #[diesel(sql_type = SqlUuid)]
    pub product_id: Uuid,
    #[diesel(sql_type = Text)]
    pub sku: String,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = BigInt)]
    pub in_stock: i64,
    #[diesel(sql_type = BigInt)]
    pub available: i64,
    #[diesel(sql_type = BigInt)]
    pub reserved: i64,
    #[diesel(sql_type = BigInt)]
    pub redeemed: i64,
    #[diesel(sql_type = BigInt)]
    pub revoked: i64,
}

/// The statement of a stock report over `column` (`distributor_id` or `partner_id`): one
/// index-only scan of the cards of that holder, counted by product and status, then the
/// few products' names.
pub fn stock_report_sql(column: &str) -> String {
    format!(
        "SELECT s.*, p.sku, p.name FROM ( \
             SELECT product_id, \
                    count(*) FILTER (WHERE status = 'in_stock') AS in_stock, \
                    count(*) FILTER (WHERE status = 'available') AS available, \
                    count(*) FILTER (WHERE status = 'reserved') AS reserved, \
                    count(*) FILTER (WHERE status = 'redeemed') AS redeemed, \
                    count(*) FILTER (WHERE status = 'revoked') AS revoked \
             FROM product_keys WHERE {column} = $1 GROUP BY product_id) s \
         JOIN products p ON p.id = s.product_id ORDER BY p.name, p.id"
    )
}

/// The cards minted to a distributor, by product and status.
pub fn distributor_stock(conn: &mut PgConnection, distributor_id: Uuid) -> QueryResult<Vec<StockLine>> {
    diesel::sql_query(stock_report_sql("distributor_id")).bind::<SqlUuid, _>(distributor_id).load(conn)
}

/// The cards a partner holds, by product and status.
pub fn partner_stock(conn: &mut PgConnection, partner_id: Uuid) -> QueryResult<Vec<StockLine>> {
    diesel::sql_query(stock_report_sql("partner_id")).bind::<SqlUuid, _>(partner_id).load(conn)
}

/// How many of a product's cards a distributor holds in stock now.
pub fn in_stock(conn: &mut PgConnection, distributor_id: Uuid, product_id: Uuid) -> QueryResult<i64> {
    use crate::db::schema::product_keys;
    product_keys::table
        .filter(product_keys::distributor_id.eq(distributor_id))
        .filter(product_keys::product_id.eq(product_id))
        .filter(product_keys::status.eq(KeyStatus::InStock))
        .count()
        .get_result(conn)
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = stock_alerts)]
pub struct AlertRow {
    pub distributor_id: Uuid,
    pub product_id: Uuid,
    pub threshold: i32,
    pub armed: bool,
    pub updated_at: DateTime<Utc>,
}

pub fn put_alert(conn: &mut PgConnection, row: &AlertRow) -> QueryResult<AlertRow> {
    diesel::insert_into(stock_alerts::table)
        .values(row)
        .on_conflict((stock_alerts::distributor_id, stock_alerts::product_id))
        .do_update()
        .set(row)
        .returning(AlertRow::as_returning())
        .get_result(conn)
}

/// The alert of a distributor's product, locked while its state is decided.
/// The products a distributor watches with a low-stock alert.
pub fn alerted_products(conn: &mut PgConnection, distributor_id: Uuid) -> QueryResult<Vec<Uuid>> {
    stock_alerts::table
        .filter(stock_alerts::distributor_id.eq(distributor_id))
        .select(stock_alerts::product_id)
        .load(conn)
}

pub fn lock_alert(conn: &mut PgConnection, distributor_id: Uuid, product_id: Uuid) -> QueryResult<Option<AlertRow>> {
    stock_alerts::table
        .find((distributor_id, product_id))
        .select(AlertRow::as_select())
        .for_update()
        .first(conn)
        .optional()
}

pub fn set_armed(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    product_id: Uuid,
    armed: bool,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(stock_alerts::table.find((distributor_id, product_id)))
        .set((stock_alerts::armed.eq(armed), stock_alerts::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Whose allocations and returns a list shows.
#[derive(Debug, Clone, Copy)]
pub enum ChainScope {
    All,
    Distributor(Uuid),
    Partner(Uuid),
}

pub fn list_allocations(
    conn: &mut PgConnection,
    scope: ChainScope,
    page: super::Page,
) -> QueryResult<Vec<AllocationRow>> {
    let query = allocations::table
        .filter(allocations::id.gt(page.after_id()))
        .order(allocations::id)
        .limit(page.fetch())
        .select(AllocationRow::as_select())
        .into_boxed();
    match scope {
        ChainScope::All => query,
        ChainScope::Distributor(d) => query.filter(allocations::distributor_id.eq(d)),
        ChainScope::Partner(p) => query.filter(allocations::partner_id.eq(p)),
    }
    .load(conn)
}

pub fn get_allocation(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<AllocationRow>> {
    allocations::table.find(id).select(AllocationRow::as_select()).first(conn).optional()
}

pub fn list_returns(conn: &mut PgConnection, scope: ChainScope, page: super::Page) -> QueryResult<Vec<ReturnRow>> {
    let query = key_returns::table
        .filter(key_returns::id.gt(page.after_id()))
        .order(key_returns::id)
        .limit(page.fetch())
        .select(ReturnRow::as_select())
        .into_boxed();
    match scope {
        ChainScope::All => query,
        ChainScope::Distributor(d) => query.filter(key_returns::distributor_id.eq(d)),
        ChainScope::Partner(p) => query.filter(key_returns::partner_id.eq(p)),
    }
    .load(conn)
}
