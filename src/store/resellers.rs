//! Reseller relationships between distributors and partners (SPEC §13).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::{
    db::schema::{distributors, partners, reseller_relationships as relationships},
    domain::statuses::ResellerStatus,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = relationships)]
pub struct ResellerRow {
    pub id: Uuid,
    pub distributor_id: Uuid,
    pub partner_id: Uuid,
    pub status: ResellerStatus,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub since: Option<NaiveDate>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// A relationship with the names of its two sides: (distributor id, name), (partner id,
/// name, number).
pub type ResellerRecord = (ResellerRow, (Uuid, String), (Uuid, String, String));

/// The unique index on the invited-or-active relationship of a pair.
pub const LIVE_KEY: &str = "reseller_relationships_live";

pub fn insert(conn: &mut PgConnection, row: &ResellerRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(relationships::table).values(row)).execute(conn).map(|_| ())
}

/// Relationships with their two sides' names, as [`ResellerRecord`]s.
macro_rules! records {
    () => {
        relationships::table.inner_join(distributors::table).inner_join(partners::table).select((
            ResellerRow::as_select(),
            (distributors::id, distributors::name),
            (partners::id, partners::name, partners::partner_number),
        ))
    };
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<ResellerRecord>> {
    records!().filter(relationships::id.eq(id)).first(conn).optional()
}

/// A relationship locked for a change of its status.
pub fn lock(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<ResellerRow>> {
    relationships::table.find(id).select(ResellerRow::as_select()).for_update().first(conn).optional()
}

/// Whose relationships a list shows.
#[derive(Debug, Clone, Copy)]
pub enum ResellerScope {
    All,
    Distributor(Uuid),
    Partner(Uuid),
}

pub fn list(
    conn: &mut PgConnection,
    scope: ResellerScope,
    status: Option<ResellerStatus>,
    page: super::Page,
) -> QueryResult<Vec<ResellerRecord>> {
    let mut query = records!()
        .filter(relationships::id.gt(page.after_id()))
        .order(relationships::id)
        .limit(page.fetch())
        .into_boxed();
    query = match scope {
        ResellerScope::All => query,
        ResellerScope::Distributor(id) => query.filter(relationships::distributor_id.eq(id)),
        ResellerScope::Partner(id) => query.filter(relationships::partner_id.eq(id)),
    };
    if let Some(status) = status {
        query = query.filter(relationships::status.eq(status));
    }
    query.load(conn)
}

/// Sets a relationship's status (with `since` when it becomes active, `ended_at` when it
/// ends).
pub fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: ResellerStatus,
    since: Option<NaiveDate>,
    ended_at: Option<DateTime<Utc>>,
) -> QueryResult<ResellerRow> {
    diesel::update(relationships::table.find(id))
        .set((relationships::status.eq(status), relationships::since.eq(since), relationships::ended_at.eq(ended_at)))
        .returning(ResellerRow::as_returning())
        .get_result(conn)
}

/// The active relationship between a distributor and a partner, locked `FOR SHARE` so it
/// cannot end while cards move under it.
pub fn active_between(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    partner_id: Uuid,
) -> QueryResult<Option<ResellerRow>> {
    relationships::table
        .filter(relationships::distributor_id.eq(distributor_id))
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::status.eq(ResellerStatus::Active))
        .select(ResellerRow::as_select())
        .for_share()
        .first(conn)
        .optional()
}

/// Whether the partner has an active relationship with an authorised distributor.
pub fn is_reseller(conn: &mut PgConnection, partner_id: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        relationships::table
            .inner_join(distributors::table)
            .filter(relationships::partner_id.eq(partner_id))
            .filter(relationships::status.eq(ResellerStatus::Active))
            .filter(distributors::authorised),
    ))
    .get_result(conn)
}

/// Each partner's `reseller` (SPEC §13): its oldest active relationship, as the
/// distributor's name and the date since.
pub fn resellers_of(conn: &mut PgConnection, partner_ids: &[Uuid]) -> QueryResult<HashMap<Uuid, (String, NaiveDate)>> {
    let rows: Vec<(Uuid, String, Option<NaiveDate>)> = relationships::table
        .inner_join(distributors::table)
        .filter(relationships::partner_id.eq_any(partner_ids))
        .filter(relationships::status.eq(ResellerStatus::Active))
        .order((relationships::partner_id, relationships::since, relationships::created_at))
        .select((relationships::partner_id, distributors::name, relationships::since))
        .load(conn)?;
    let mut first = HashMap::new();
    for (partner, name, since) in rows {
        if let Some(since) = since {
            first.entry(partner).or_insert((name, since));
        }
    }
    Ok(first)
}

/// Ends every active relationship of a partner; returns the ended ones.
pub fn end_all_of_partner(
    conn: &mut PgConnection,
    partner_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<Vec<ResellerRow>> {
    diesel::update(relationships::table)
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::status.eq(ResellerStatus::Active))
        .set((relationships::status.eq(ResellerStatus::Ended), relationships::ended_at.eq(now)))
        .returning(ResellerRow::as_returning())
        .get_results(conn)
}

/// Invitations past their time, up to `limit`, expired now; returns them.
/// The invitation between the two, if its time has passed and the sweeper has not yet
/// marked it, expires now (so that a new one may be sent).
pub fn expire_between(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    partner_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::update(
        relationships::table
            .filter(relationships::distributor_id.eq(distributor_id))
            .filter(relationships::partner_id.eq(partner_id))
            .filter(relationships::status.eq(ResellerStatus::Invited))
            .filter(relationships::expires_at.le(now)),
    )
    .set((relationships::status.eq(ResellerStatus::Expired), relationships::ended_at.eq(now)))
    .execute(conn)
}

pub fn expire_due(conn: &mut PgConnection, now: DateTime<Utc>, limit: i64) -> QueryResult<Vec<ResellerRow>> {
    let due: Vec<Uuid> = relationships::table
        .filter(relationships::status.eq(ResellerStatus::Invited))
        .filter(relationships::expires_at.le(now))
        .order(relationships::expires_at)
        .limit(limit)
        .select(relationships::id)
        .for_update()
        .skip_locked()
        .load(conn)?;
    diesel::update(relationships::table.filter(relationships::id.eq_any(due)))
        .set((relationships::status.eq(ResellerStatus::Expired), relationships::ended_at.eq(now)))
        .returning(ResellerRow::as_returning())
        .get_results(conn)
}
