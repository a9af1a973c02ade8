//! Redemptions (the partner's wizard) and the keys they hold.

use crate::domain::statuses::RedemptionStatus;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{
    keys::KeyRow, products::ProductRow, subscriptions::SubscriptionRecord, tenants::TenantRow, users::UserRow,
};
use crate::db::schema::{product_keys, products, redemption_keys, redemptions};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = redemptions)]
pub struct RedemptionRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub status: RedemptionStatus,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub tenant_id: Option<Uuid>,
}

impl RedemptionRow {
    /// Open or confirmed: still holding keys, still able to expire.
    pub fn is_live(&self) -> bool {
        matches!(self.status, RedemptionStatus::Open | RedemptionStatus::Confirmed)
    }

    /// The status shown at `now`: one past its time reads as expired even before the sweep
    /// gets to it.
    pub fn status_at(&self, now: DateTime<Utc>) -> RedemptionStatus {
        if self.is_live() && self.expires_at <= now { RedemptionStatus::Expired } else { self.status }
    }
}

/// A key of a redemption, with its product.
pub type Entry = (EntryRow, KeyRow, ProductRow);

/// A redemption as the review page shows it.
pub type Review = (RedemptionRow, Vec<Entry>);

/// What the account step made.
pub struct Account {
    /// Keys redeemed into its subscriptions.
    pub keys_redeemed: u64,
    pub tenant: TenantRow,
    pub subscriptions: Vec<SubscriptionRecord>,
    pub admin: UserRow,
    pub activation_token: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = redemption_keys)]
pub struct EntryRow {
    pub id: Uuid,
    pub redemption_id: Uuid,
    pub key_id: Uuid,
    pub created_at: DateTime<Utc>,
}

pub fn insert(conn: &mut PgConnection, row: &RedemptionRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(redemptions::table).values(row)).execute(conn).map(|_| ())
}

/// The partner's redemption, locked for the rest of the transaction.
pub fn lock(conn: &mut PgConnection, id: Uuid, partner_id: Uuid) -> QueryResult<Option<RedemptionRow>> {
    redemptions::table
        .find(id)
        .filter(redemptions::partner_id.eq(partner_id))
        .select(RedemptionRow::as_select())
        .for_update()
        .first(conn)
        .optional()
}

pub fn list(
    conn: &mut PgConnection,
    partner_id: Uuid,
    status: Option<RedemptionStatus>,
    page: super::Page,
) -> QueryResult<Vec<RedemptionRow>> {
    let mut query = redemptions::table
        .filter(redemptions::partner_id.eq(partner_id))
        .filter(redemptions::id.gt(page.after_id()))
        .order(redemptions::id)
        .limit(page.fetch())
        .select(RedemptionRow::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(redemptions::status.eq(status));
    }
    query.load(conn)
}

/// Sets the status and the expiry (a touch moves the expiry; a final status keeps it).
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    status: RedemptionStatus,
    expires_at: DateTime<Utc>,
    tenant_id: Option<Uuid>,
) -> QueryResult<RedemptionRow> {
    super::Prepared(
        diesel::update(redemptions::table.find(id))
            .set((
                redemptions::status.eq(status),
                redemptions::expires_at.eq(expires_at),
                redemptions::tenant_id.eq(tenant_id),
            ))
            .returning(RedemptionRow::as_returning()),
    )
    .get_result(conn)
}

/// The keys a redemption holds, in the order they were added.
pub fn entries(conn: &mut PgConnection, redemption_id: Uuid) -> QueryResult<Vec<(EntryRow, KeyRow, ProductRow)>> {
    redemption_keys::table
        .inner_join(product_keys::table.inner_join(products::table))
        .filter(redemption_keys::redemption_id.eq(redemption_id))
        .order(redemption_keys::id)
        .select((EntryRow::as_select(), KeyRow::as_select(), ProductRow::as_select()))
        .load(conn)
}

/// The entries of a redemption (at most a few dozen), in the order they were added.
pub fn entry_rows(conn: &mut PgConnection, redemption_id: Uuid) -> QueryResult<Vec<EntryRow>> {
    redemption_keys::table
        .filter(redemption_keys::redemption_id.eq(redemption_id))
        .order(redemption_keys::id)
        .select(EntryRow::as_select())
        .load(conn)
}

pub fn insert_entry(conn: &mut PgConnection, row: &EntryRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(redemption_keys::table).values(row)).execute(conn).map(|_| ())
}

/// Removes an entry; returns the key it held.
pub fn delete_entry(conn: &mut PgConnection, redemption_id: Uuid, entry_id: Uuid) -> QueryResult<Option<Uuid>> {
    diesel::delete(
        redemption_keys::table
            .filter(redemption_keys::redemption_id.eq(redemption_id))
            .filter(redemption_keys::id.eq(entry_id)),
    )
    .returning(redemption_keys::key_id)
    .get_result(conn)
    .optional()
}

/// Ends a live redemption without an account: its keys go back on the shelf.
pub fn close(
    conn: &mut PgConnection,
    row: &RedemptionRow,
    status: RedemptionStatus,
    mover: super::movements::Mover,
    now: DateTime<Utc>,
) -> QueryResult<RedemptionRow> {
    super::keys::release(conn, row.id, None, mover, now)?;
    update(conn, row.id, status, row.expires_at, None)
}

/// Expires up to `limit` live redemptions whose time ran out, skipping any another
/// transaction holds; returns how many.
pub fn expire_due(conn: &mut PgConnection, now: DateTime<Utc>, limit: i64) -> QueryResult<usize> {
    let due: Vec<RedemptionRow> = redemptions::table
        .filter(redemptions::status.eq_any([RedemptionStatus::Open, RedemptionStatus::Confirmed]))
        .filter(redemptions::expires_at.le(now))
        .order(redemptions::expires_at)
        .limit(limit)
        .select(RedemptionRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)?;
    for row in &due {
        close(conn, row, RedemptionStatus::Expired, super::movements::Mover::SYSTEM, now)?;
    }
    Ok(due.len())
}
