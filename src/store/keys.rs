//! Key batches and product keys (stored as keyed digest + last five characters).

use crate::domain::statuses::{HolderKind, KeyStatus, MovementKind};
use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use super::{
    movements::{self, Mover},
    products::ProductRow,
};
use crate::db::schema::{key_batches, product_keys, products};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = key_batches)]
pub struct KeyBatchRow {
    pub id: Uuid,
    pub product_id: Uuid,
    /// None for a retail batch.
    pub partner_id: Option<Uuid>,
    pub seats_per_key: i32,
    pub term_months: i32,
    pub quantity: i32,
    pub imported: bool,
    pub created_at: DateTime<Utc>,
    /// `partner` or `retail`.
    pub channel: String,
    /// The distributor whose stock it was minted to (None: straight to a partner, or retail).
    pub distributor_id: Option<Uuid>,
    /// Its number among the platform's batches: the first six digits of its cards' serials.
    pub number: i32,
}

pub const PARTNER: &str = "partner";
pub const RETAIL: &str = "retail";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = product_keys)]
pub struct KeyRow {
    pub id: Uuid,
    pub last_five: String,
    pub product_id: Uuid,
    /// None for a retail key.
    pub partner_id: Option<Uuid>,
    pub batch_id: Uuid,
    pub seats: i32,
    pub term_months: i32,
    pub status: KeyStatus,
    pub redemption_id: Option<Uuid>,
    pub redeemed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Printed on the card: its batch's number, then its position.
    pub serial: i64,
    /// The distributor it was minted to, if any (it stays the card's distributor).
    pub distributor_id: Option<Uuid>,
    pub allocation_id: Option<Uuid>,
}

/// A stored key's digest, display suffix and serial.
pub struct KeyDigest {
    pub digest: Vec<u8>,
    pub last_five: String,
    pub serial: i64,
}

/// The next batch number (six digits; the sequence refuses a millionth batch).
pub fn next_batch_number(conn: &mut PgConnection) -> QueryResult<i32> {
    diesel::define_sql_function! { fn nextval(sequence: diesel::sql_types::Text) -> diesel::sql_types::BigInt; }
    diesel::select(nextval("key_batch_numbers")).get_result::<i64>(conn).map(|n| n as i32)
}

/// Of `digests`, the ones already stored.
pub fn existing_digests(conn: &mut PgConnection, digests: &[Vec<u8>]) -> QueryResult<Vec<Vec<u8>>> {
    product_keys::table.filter(product_keys::digest.eq_any(digests)).select(product_keys::digest).load(conn)
}

/// The unique index on key digests: an import of a key known already (also by a concurrent
/// import) fails with it.
pub const DIGEST_KEY: &str = "product_keys_digest_key";

/// Inserts the batch, then its keys with one `COPY` (the bulk path, several times an
/// `INSERT`'s speed), then their `minted` movements with one `INSERT … SELECT`; returns how
/// many keys were stored. A distributor's cards go into its stock (`in_stock`), a partner's
/// are `available`. Keys go in digest order, so two concurrent imports of overlapping keys
/// wait for each other instead of deadlocking; the second fails with [`DIGEST_KEY`].
pub fn insert_batch(
    conn: &mut PgConnection,
    batch: &KeyBatchRow,
    mut keys: Vec<KeyDigest>,
    mover: Mover,
) -> QueryResult<usize> {
    super::Prepared(diesel::insert_into(key_batches::table).values(batch)).execute(conn)?;
    keys.sort_unstable_by(|a, b| a.digest.cmp(&b.digest));
    use product_keys as k;
    let columns = (
        k::id,
        k::digest,
        k::last_five,
        k::serial,
        k::product_id,
        k::partner_id,
        k::distributor_id,
        k::batch_id,
        k::seats,
        k::term_months,
        k::status,
        k::created_at,
    );
    let status = if batch.distributor_id.is_some() { KeyStatus::InStock } else { KeyStatus::Available };
    let or_null = |id: Option<Uuid>| id.map_or_else(|| "\\N".to_string(), |p| p.to_string());
    // COPY's text format: tab-separated, bytea as \\x-hex; no value here holds a tab,
    // a newline or a backslash of its own.
    let (fixed, created_at) = (
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            batch.product_id,
            or_null(batch.partner_id),
            or_null(batch.distributor_id),
            batch.id,
            batch.seats_per_key,
            batch.term_months,
            status.as_str()
        ),
        batch.created_at.to_rfc3339(),
    );
    let stored = diesel::copy_from(product_keys::table)
        .from_raw_data(columns, |out: &mut dyn std::io::Write| {
            for key in &keys {
                writeln!(
                    out,
                    "{}\t\\\\x{}\t{}\t{}\t{fixed}\t{created_at}",
                    Uuid::now_v7(),
                    hex::encode(&key.digest),
                    key.last_five,
                    key.serial
                )
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
            }
            QueryResult::Ok(())
        })
        .execute(conn)?;
    let (to_kind, to_id) = match (batch.distributor_id, batch.partner_id) {
        (Some(d), _) => (HolderKind::Distributor, Some(d)),
        (None, Some(p)) => (HolderKind::Partner, Some(p)),
        (None, None) => (HolderKind::Platform, None),
    };
    diesel::sql_query(format!(
        "INSERT INTO key_movements ({}) \
         SELECT keyport_uuid_v7($6), id, serial, 'minted', NULL, NULL, $2, $3, NULL, NULL, $4, $5, $6 \
         FROM product_keys WHERE batch_id = $1",
        movements::COLUMNS
    ))
    .bind::<SqlUuid, _>(batch.id)
    .bind::<Text, _>(to_kind)
    .bind::<Nullable<SqlUuid>, _>(to_id)
    .bind::<Text, _>(mover.role)
    .bind::<Nullable<SqlUuid>, _>(mover.id)
    .bind::<Timestamptz, _>(batch.created_at)
    .execute(conn)?;
    Ok(stored)
}

pub fn get_batch(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<KeyBatchRow>> {
    key_batches::table.find(id).select(KeyBatchRow::as_select()).first(conn).optional()
}

/// Whose keys and batches a caller reads: every one (the operator), a partner's (those it
/// holds), a distributor's (those minted to it, wherever they are now).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KeyScope {
    #[default]
    All,
    Partner(Uuid),
    Distributor(Uuid),
}

pub fn list_batches(conn: &mut PgConnection, scope: KeyScope, page: super::Page) -> QueryResult<Vec<KeyBatchRow>> {
    let query = key_batches::table
        .filter(key_batches::id.gt(page.after_id()))
        .order(key_batches::id)
        .limit(page.fetch())
        .select(KeyBatchRow::as_select())
        .into_boxed();
    match scope {
        KeyScope::All => query,
        KeyScope::Partner(p) => query.filter(key_batches::partner_id.eq(p)),
        KeyScope::Distributor(d) => query.filter(key_batches::distributor_id.eq(d)),
    }
    .load(conn)
}

/// Filters of a key list; `scope` is the caller's.
#[derive(Debug, Default)]
pub struct KeyFilter {
    pub scope: KeyScope,
    pub serial: Option<i64>,
    pub status: Option<KeyStatus>,
    pub product_id: Option<Uuid>,
    pub batch_id: Option<Uuid>,
    /// `Some(true)`: retail keys only; `Some(false)`: partner keys only.
    pub retail: Option<bool>,
}

pub fn list(conn: &mut PgConnection, filter: &KeyFilter, page: super::Page) -> QueryResult<Vec<(KeyRow, ProductRow)>> {
    let mut query = product_keys::table
        .inner_join(products::table)
        .filter(product_keys::id.gt(page.after_id()))
        .order(product_keys::id)
        .limit(page.fetch())
        .select((KeyRow::as_select(), ProductRow::as_select()))
        .into_boxed();
    query = match filter.scope {
        KeyScope::All => query,
        KeyScope::Partner(p) => query.filter(product_keys::partner_id.eq(p)),
        KeyScope::Distributor(d) => query.filter(product_keys::distributor_id.eq(d)),
    };
    if let Some(serial) = filter.serial {
        query = query.filter(product_keys::serial.eq(serial));
    }
    if let Some(status) = &filter.status {
        query = query.filter(product_keys::status.eq(*status));
    }
    if let Some(product) = filter.product_id {
        query = query.filter(product_keys::product_id.eq(product));
    }
    if let Some(batch) = filter.batch_id {
        query = query.filter(product_keys::batch_id.eq(batch));
    }
    let retail = product_keys::partner_id.is_null().and(product_keys::distributor_id.is_null());
    match filter.retail {
        Some(true) => query = query.filter(retail),
        Some(false) => query = query.filter(diesel::dsl::not(retail)),
        None => {}
    }
    query.load(conn)
}

/// Whose keys a look-up may find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHolder {
    /// Any key (the operator).
    Anyone,
    /// The keys a partner holds.
    Partner(Uuid),
    /// Retail keys, the only ones a customer may use.
    Retail,
}

/// The key with this digest, if `holder` may find it.
pub fn find_by_digest(
    conn: &mut PgConnection,
    digest: &[u8],
    holder: KeyHolder,
) -> QueryResult<Option<(KeyRow, ProductRow)>> {
    let query = product_keys::table
        .inner_join(products::table)
        .filter(product_keys::digest.eq(digest))
        .select((KeyRow::as_select(), ProductRow::as_select()));
    match holder {
        KeyHolder::Anyone => query.first(conn),
        KeyHolder::Partner(partner) => query.filter(product_keys::partner_id.eq(partner)).first(conn),
        // Cards in a distributor's stock have no partner either, and are not retail keys.
        KeyHolder::Retail => {
            query.filter(product_keys::partner_id.is_null()).filter(product_keys::distributor_id.is_null()).first(conn)
        }
    }
    .optional()
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<(KeyRow, ProductRow)>> {
    product_keys::table
        .inner_join(products::table)
        .filter(product_keys::id.eq(id))
        .select((KeyRow::as_select(), ProductRow::as_select()))
        .first(conn)
        .optional()
}

/// Changes keys with `change` (an `UPDATE product_keys k … FROM product_keys old WHERE
/// old.id = k.id AND …` whose `RETURNING` lists `k.id, k.serial` and the movement's
/// `from_kind, from_id, to_kind, to_id, allocation_id, redemption_id`) and records one
/// movement of `kind` for each changed key, in one statement; returns how many moved.
/// `$1`–`$4` of the statement are the movement's kind, the mover's role and id, and `now`.
pub(crate) fn move_keys(change: &str) -> String {
    format!(
        "WITH moved AS ({change}) \
         INSERT INTO key_movements ({}) \
         SELECT keyport_uuid_v7(m.at), id, serial, $1, from_kind, from_id, to_kind, to_id, allocation_id, redemption_id, \
                $2, $3, m.at FROM moved, LATERAL (SELECT {} AS at) m",
        movements::COLUMNS,
        movements::moved_at("$4")
    )
}

/// A key's holder as the ledger names it, from its old row (`old`).
pub(crate) const OLD_HOLDER: &str = "CASE WHEN old.partner_id IS NOT NULL THEN 'partner' \
     WHEN old.distributor_id IS NOT NULL THEN 'distributor' ELSE 'platform' END AS from_kind, \
     coalesce(old.partner_id, old.distributor_id) AS from_id";

fn moving(
    change: &str,
    kind: MovementKind,
    mover: Mover,
    now: DateTime<Utc>,
) -> diesel::query_builder::BoxedSqlQuery<'static, diesel::pg::Pg, diesel::query_builder::SqlQuery> {
    diesel::sql_query(move_keys(change))
        .into_boxed()
        .bind::<Text, _>(kind)
        .bind::<Text, _>(mover.role)
        .bind::<Nullable<SqlUuid>, _>(mover.id)
        .bind::<Timestamptz, _>(now)
}

/// Reserves an available key for a redemption; false when it was not available.
pub fn reserve(
    conn: &mut PgConnection,
    key_id: Uuid,
    redemption_id: Uuid,
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    moving(
        "UPDATE product_keys k SET status = 'reserved', redemption_id = $5 FROM product_keys old \
         WHERE old.id = k.id AND k.id = $6 AND k.status = 'available' \
         RETURNING k.id, k.serial, 'partner' AS from_kind, k.partner_id AS from_id, 'redemption' AS to_kind, \
                   $5 AS to_id, NULL::uuid AS allocation_id, $5 AS redemption_id",
        MovementKind::Reserved,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(redemption_id)
    .bind::<SqlUuid, _>(key_id)
    .execute(conn)
    .map(|n| n == 1)
}

/// Locks the keys a redemption holds, in serial order (the order every move of cards locks
/// them in), so that what the redemption holds cannot change until the transaction ends;
/// returns how many.
pub fn lock_reserved(conn: &mut PgConnection, redemption_id: Uuid) -> QueryResult<usize> {
    product_keys::table
        .filter(product_keys::redemption_id.eq(redemption_id))
        .filter(product_keys::status.eq(KeyStatus::Reserved))
        .order(product_keys::serial)
        .select(product_keys::id)
        .for_update()
        .load::<Uuid>(conn)
        .map(|ids| ids.len())
}

/// Puts reserved keys back on the shelf: one key, or every key a redemption holds.
pub fn release(
    conn: &mut PgConnection,
    redemption_id: Uuid,
    key_id: Option<Uuid>,
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    moving(
        "UPDATE product_keys k SET status = 'available', redemption_id = NULL FROM product_keys old \
         WHERE old.id = k.id AND k.redemption_id = $5 AND k.status = 'reserved' AND ($6::uuid IS NULL OR k.id = $6) \
         RETURNING k.id, k.serial, 'redemption' AS from_kind, $5 AS from_id, 'partner' AS to_kind, \
                   k.partner_id AS to_id, NULL::uuid AS allocation_id, $5 AS redemption_id",
        MovementKind::Released,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(redemption_id)
    .bind::<Nullable<SqlUuid>, _>(key_id)
    .execute(conn)
}

/// Marks the keys of one product that a redemption holds as redeemed into a subscription.
pub fn redeem_reserved(
    conn: &mut PgConnection,
    redemption_id: Uuid,
    product_id: Uuid,
    subscription_id: Uuid,
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    moving(
        "UPDATE product_keys k SET status = 'redeemed', redeemed_at = $4, subscription_id = $7 \
         FROM product_keys old, subscriptions s \
         WHERE old.id = k.id AND s.id = $7 AND k.redemption_id = $5 AND k.product_id = $6 AND k.status = 'reserved' \
         RETURNING k.id, k.serial, 'redemption' AS from_kind, $5 AS from_id, 'tenant' AS to_kind, \
                   s.tenant_id AS to_id, NULL::uuid AS allocation_id, $5 AS redemption_id",
        MovementKind::Redeemed,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(redemption_id)
    .bind::<SqlUuid, _>(product_id)
    .bind::<SqlUuid, _>(subscription_id)
    .execute(conn)
}

/// Redeems an available key straight into a subscription; false when it was not available.
pub fn redeem_available(
    conn: &mut PgConnection,
    key_id: Uuid,
    subscription_id: Uuid,
    mover: Mover,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    moving(
        &format!(
            "UPDATE product_keys k SET status = 'redeemed', redeemed_at = $4, subscription_id = $6 \
             FROM product_keys old, subscriptions s \
             WHERE old.id = k.id AND s.id = $6 AND k.id = $5 AND k.status = 'available' \
             RETURNING k.id, k.serial, {OLD_HOLDER}, 'tenant' AS to_kind, s.tenant_id AS to_id, \
                       NULL::uuid AS allocation_id, NULL::uuid AS redemption_id"
        ),
        MovementKind::Redeemed,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(key_id)
    .bind::<SqlUuid, _>(subscription_id)
    .execute(conn)
    .map(|n| n == 1)
}

/// Revokes a key that is available or in a distributor's stock; false otherwise.
pub fn revoke(conn: &mut PgConnection, key_id: Uuid, mover: Mover, now: DateTime<Utc>) -> QueryResult<bool> {
    moving(
        &format!(
            "UPDATE product_keys k SET status = 'revoked' FROM product_keys old \
             WHERE old.id = k.id AND k.id = $5 AND k.status IN ('available', 'in_stock') \
             RETURNING k.id, k.serial, {OLD_HOLDER}, NULL::text AS to_kind, NULL::uuid AS to_id, \
                       NULL::uuid AS allocation_id, NULL::uuid AS redemption_id"
        ),
        MovementKind::Revoked,
        mover,
        now,
    )
    .bind::<SqlUuid, _>(key_id)
    .execute(conn)
    .map(|n| n == 1)
}

/// A retail key (no partner) by its digest, locked for its redemption (its row only: other
/// keys of the product stay free), with its product.
pub fn lock_retail(conn: &mut PgConnection, digest: &[u8]) -> QueryResult<Option<(KeyRow, ProductRow)>> {
    let key: Option<KeyRow> = product_keys::table
        .filter(product_keys::digest.eq(digest))
        .filter(product_keys::partner_id.is_null())
        .filter(product_keys::distributor_id.is_null())
        .select(KeyRow::as_select())
        .for_update()
        .first(conn)
        .optional()?;
    let Some(key) = key else { return Ok(None) };
    let product = products::table.find(key.product_id).select(ProductRow::as_select()).first(conn)?;
    Ok(Some((key, product)))
}
