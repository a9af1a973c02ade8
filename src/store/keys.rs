//! Key batches and product keys (stored as keyed digest + last five characters).

use crate::domain::statuses::KeyStatus;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::products::ProductRow;
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
}

/// A stored key's digest and display suffix.
pub struct KeyDigest {
    pub digest: Vec<u8>,
    pub last_five: String,
}

/// Of `digests`, the ones already stored.
pub fn existing_digests(conn: &mut PgConnection, digests: &[Vec<u8>]) -> QueryResult<Vec<Vec<u8>>> {
    product_keys::table.filter(product_keys::digest.eq_any(digests)).select(product_keys::digest).load(conn)
}

/// The unique index on key digests: an import of a key known already (also by a concurrent
/// import) fails with it.
pub const DIGEST_KEY: &str = "product_keys_digest_key";

/// Inserts the batch, then its keys with one `COPY` (the bulk path, several times an
/// `INSERT`'s speed); returns how many keys were
/// stored. Keys go in digest order, so two concurrent imports of overlapping keys wait for
/// each other instead of deadlocking; the second fails with [`DIGEST_KEY`].
pub fn insert_batch(conn: &mut PgConnection, batch: &KeyBatchRow, mut keys: Vec<KeyDigest>) -> QueryResult<usize> {
    super::Prepared(diesel::insert_into(key_batches::table).values(batch)).execute(conn)?;
    keys.sort_unstable_by(|a, b| a.digest.cmp(&b.digest));
    use product_keys as k;
    let columns = (
        k::id,
        k::digest,
        k::last_five,
        k::product_id,
        k::partner_id,
        k::batch_id,
        k::seats,
        k::term_months,
        k::status,
        k::created_at,
    );
    // COPY's text format: tab-separated, bytea as \\x-hex; no value here holds a tab,
    // a newline or a backslash of its own.
    let (fixed, created_at) = (
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            batch.product_id,
            batch.partner_id.map_or_else(|| "\\N".to_string(), |p| p.to_string()),
            batch.id,
            batch.seats_per_key,
            batch.term_months,
            KeyStatus::Available.as_str()
        ),
        batch.created_at.to_rfc3339(),
    );
    diesel::copy_from(product_keys::table)
        .from_raw_data(columns, |out: &mut dyn std::io::Write| {
            for key in &keys {
                writeln!(
                    out,
                    "{}\t\\\\x{}\t{}\t{fixed}\t{created_at}",
                    Uuid::now_v7(),
                    hex::encode(&key.digest),
                    key.last_five
                )
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
            }
            QueryResult::Ok(())
        })
        .execute(conn)
}

pub fn get_batch(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<KeyBatchRow>> {
    key_batches::table.find(id).select(KeyBatchRow::as_select()).first(conn).optional()
}

pub fn list_batches(
    conn: &mut PgConnection,
    partner: Option<Uuid>,
    page: super::Page,
) -> QueryResult<Vec<KeyBatchRow>> {
    let mut query = key_batches::table
        .filter(key_batches::id.gt(page.after_id()))
        .order(key_batches::id)
        .limit(page.fetch())
        .select(KeyBatchRow::as_select())
        .into_boxed();
    if let Some(partner) = partner {
        query = query.filter(key_batches::partner_id.eq(partner));
    }
    query.load(conn)
}

/// Filters of a key list; `partner` is the caller's scope (None for the operator).
#[derive(Debug, Default)]
pub struct KeyFilter {
    pub partner: Option<Uuid>,
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
    if let Some(partner) = filter.partner {
        query = query.filter(product_keys::partner_id.eq(partner));
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
    match filter.retail {
        Some(true) => query = query.filter(product_keys::partner_id.is_null()),
        Some(false) => query = query.filter(product_keys::partner_id.is_not_null()),
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
        KeyHolder::Retail => query.filter(product_keys::partner_id.is_null()).first(conn),
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

/// Reserves an available key for a redemption; false when it was not available.
pub fn reserve(conn: &mut PgConnection, key_id: Uuid, redemption_id: Uuid) -> QueryResult<bool> {
    super::Prepared(
        diesel::update(product_keys::table.find(key_id).filter(product_keys::status.eq(KeyStatus::Available)))
            .set((product_keys::status.eq(KeyStatus::Reserved), product_keys::redemption_id.eq(redemption_id))),
    )
    .execute(conn)
    .map(|n| n == 1)
}

/// Puts reserved keys back on the shelf: one key, or every key a redemption holds.
pub fn release(conn: &mut PgConnection, redemption_id: Uuid, key_id: Option<Uuid>) -> QueryResult<usize> {
    let mut query = diesel::update(product_keys::table)
        .filter(product_keys::redemption_id.eq(redemption_id))
        .filter(product_keys::status.eq(KeyStatus::Reserved))
        .into_boxed();
    if let Some(key_id) = key_id {
        query = query.filter(product_keys::id.eq(key_id));
    }
    super::Prepared(
        query.set((product_keys::status.eq(KeyStatus::Available), product_keys::redemption_id.eq(None::<Uuid>))),
    )
    .execute(conn)
}

/// Marks the keys of one product that a redemption holds as redeemed into a subscription.
pub fn redeem_reserved(
    conn: &mut PgConnection,
    redemption_id: Uuid,
    product_id: Uuid,
    subscription_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    super::Prepared(
        diesel::update(product_keys::table)
            .filter(product_keys::redemption_id.eq(redemption_id))
            .filter(product_keys::product_id.eq(product_id))
            .filter(product_keys::status.eq(KeyStatus::Reserved))
            .set((
                product_keys::status.eq(KeyStatus::Redeemed),
                product_keys::redeemed_at.eq(now),
                product_keys::subscription_id.eq(subscription_id),
            )),
    )
    .execute(conn)
}

/// Redeems an available key straight into a subscription; false when it was not available.
pub fn redeem_available(
    conn: &mut PgConnection,
    key_id: Uuid,
    subscription_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    super::Prepared(
        diesel::update(product_keys::table.find(key_id).filter(product_keys::status.eq(KeyStatus::Available))).set((
            product_keys::status.eq(KeyStatus::Redeemed),
            product_keys::redeemed_at.eq(now),
            product_keys::subscription_id.eq(subscription_id),
        )),
    )
    .execute(conn)
    .map(|n| n == 1)
}

/// Revokes an available key; false when it is not available.
pub fn revoke(conn: &mut PgConnection, key_id: Uuid) -> QueryResult<bool> {
    super::Prepared(
        diesel::update(product_keys::table.find(key_id).filter(product_keys::status.eq(KeyStatus::Available)))
            .set(product_keys::status.eq(KeyStatus::Revoked)),
    )
    .execute(conn)
    .map(|n| n == 1)
}

/// A retail key (no partner) by its digest, locked for its redemption (its row only: other
/// keys of the product stay free), with its product.
pub fn lock_retail(conn: &mut PgConnection, digest: &[u8]) -> QueryResult<Option<(KeyRow, ProductRow)>> {
    let key: Option<KeyRow> = product_keys::table
        .filter(product_keys::digest.eq(digest))
        .filter(product_keys::partner_id.is_null())
        .select(KeyRow::as_select())
        .for_update()
        .first(conn)
        .optional()?;
    let Some(key) = key else { return Ok(None) };
    let product = products::table.find(key.product_id).select(ProductRow::as_select()).first(conn)?;
    Ok(Some((key, product)))
}
