//! Delegated-administration offers and the relationships they become.

use crate::domain::{
    roles::Roles,
    statuses::{NoticeOutcome, OfferStatus, RelationshipStatus},
};
use chrono::{DateTime, Utc};
use diesel::{prelude::*, sql_types::Bool};
use uuid::Uuid;

use super::partners::PartnerRow;
use crate::db::schema::{
    delegated_admin_offers as offers, delegated_admin_relationships as relationships, partners, relationship_notices,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = offers)]
pub struct OfferRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub tenant_id: Uuid,
    pub message: String,
    pub status: OfferStatus,
    pub duration_days: i32,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub roles: Roles,
    pub auto_extend: bool,
}

impl OfferRow {
    /// Pending and not yet past its expiry.
    pub fn is_pending(&self, now: DateTime<Utc>) -> bool {
        self.status == OfferStatus::Pending && self.expires_at > now
    }

    /// The status at `now`: a pending offer past its expiry is expired, swept or not.
    pub fn status_at(&self, now: DateTime<Utc>) -> OfferStatus {
        if self.status == OfferStatus::Pending && !self.is_pending(now) { OfferStatus::Expired } else { self.status }
    }
}

/// The unique index that allows one pending offer per partner and tenant.
pub const ONE_PENDING: &str = "delegated_admin_offers_one_pending";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = relationships)]
pub struct RelationshipRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub tenant_id: Uuid,
    pub offer_id: Uuid,
    pub status: RelationshipStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub terminated_at: Option<DateTime<Utc>>,
    pub roles: Roles,
    pub auto_extend: bool,
    /// When the sweeper next looks at it (a notice, its end or its extension).
    pub next_event_at: Option<DateTime<Utc>>,
}

impl RelationshipRow {
    /// Active and not yet past its end; one that extends itself stays active at its end
    /// (the sweeper moves the end on).
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        self.status == RelationshipStatus::Active && (self.ends_at > now || self.auto_extend)
    }

    /// The status at `now`: an active relationship past its end is expired, swept or not.
    pub fn status_at(&self, now: DateTime<Utc>) -> RelationshipStatus {
        if self.status == RelationshipStatus::Active && !self.is_active(now) {
            RelationshipStatus::Expired
        } else {
            self.status
        }
    }
}

/// Whose offers and relationships a caller sees.
#[derive(Debug, Clone, Copy)]
pub enum DelegationScope {
    All,
    Partner(Uuid),
    Tenant(Uuid),
}

pub fn insert_offer(conn: &mut PgConnection, row: &OfferRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(offers::table).values(row)).execute(conn).map(|_| ())
}

pub fn lock_offer(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<OfferRow>> {
    offers::table.find(id).select(OfferRow::as_select()).for_update().first(conn).optional()
}

pub fn get_offer(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<OfferRow>> {
    offers::table.find(id).select(OfferRow::as_select()).first(conn).optional()
}

/// Moves a pending offer to `status`; `None` when it was no longer pending.
pub fn decide_offer(
    conn: &mut PgConnection,
    id: Uuid,
    status: OfferStatus,
    now: DateTime<Utc>,
) -> QueryResult<Option<OfferRow>> {
    super::Prepared(
        diesel::update(offers::table.find(id).filter(offers::status.eq(OfferStatus::Pending)))
            .set((offers::status.eq(status), offers::decided_at.eq(now)))
            .returning(OfferRow::as_returning()),
    )
    .get_result(conn)
    .optional()
}

/// Pending offers past their expiry (optionally of one partner and tenant), claimed
/// without waiting on rows another transaction holds.
pub fn due_offers(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    pair: Option<(Uuid, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<OfferRow>> {
    let (partner, tenant) = pair.unzip();
    offers::table
        .filter(offers::status.eq(OfferStatus::Pending))
        .filter(offers::expires_at.le(now))
        .filter(offers::partner_id.nullable().eq(partner).or(partner.is_none().into_sql::<Bool>()))
        .filter(offers::tenant_id.nullable().eq(tenant).or(tenant.is_none().into_sql::<Bool>()))
        .order(offers::expires_at)
        .limit(limit)
        .select(OfferRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)
}

pub fn pending_offer_exists(
    conn: &mut PgConnection,
    partner: Uuid,
    tenant: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        offers::table
            .filter(offers::partner_id.eq(partner))
            .filter(offers::tenant_id.eq(tenant))
            .filter(offers::status.eq(OfferStatus::Pending))
            .filter(offers::expires_at.gt(now)),
    ))
    .get_result(conn)
}

pub fn list_offers(
    conn: &mut PgConnection,
    scope: DelegationScope,
    status: Option<OfferStatus>,
    now: DateTime<Utc>,
    page: super::Page,
) -> QueryResult<Vec<OfferRow>> {
    let mut query = offers::table
        .filter(offers::id.gt(page.after_id()))
        .order(offers::id)
        .limit(page.fetch())
        .select(OfferRow::as_select())
        .into_boxed();
    query = match scope {
        DelegationScope::All => query,
        DelegationScope::Partner(p) => query.filter(offers::partner_id.eq(p)),
        DelegationScope::Tenant(t) => query.filter(offers::tenant_id.eq(t)),
    };
    // `pending` and `expired` are read from the clock, like the view shows them.
    query = match status {
        None => query,
        Some(OfferStatus::Pending) => {
            query.filter(offers::status.eq(OfferStatus::Pending)).filter(offers::expires_at.gt(now))
        }
        Some(OfferStatus::Expired) => query.filter(
            offers::status
                .eq(OfferStatus::Expired)
                .or(offers::status.eq(OfferStatus::Pending).and(offers::expires_at.le(now))),
        ),
        Some(other) => query.filter(offers::status.eq(other)),
    };
    query.load(conn)
}

/// The live relationship between a partner and a tenant, if any.
pub fn active_relationship(
    conn: &mut PgConnection,
    partner: Uuid,
    tenant: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<Option<RelationshipRow>> {
    relationships::table
        .filter(relationships::partner_id.eq(partner))
        .filter(relationships::tenant_id.eq(tenant))
        .filter(relationships::status.eq(RelationshipStatus::Active))
        .filter(relationships::ends_at.gt(now).or(relationships::auto_extend))
        .select(RelationshipRow::as_select())
        .first(conn)
        .optional()
}

/// The unique index that allows one active relationship per partner and tenant.
pub const ONE_ACTIVE: &str = "delegated_admin_relationships_one_active";

pub fn insert_relationship(conn: &mut PgConnection, row: &RelationshipRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(relationships::table).values(row)).execute(conn).map(|_| ())
}

/// Live relationships with something due at `now` (a notice, the end, an extension),
/// optionally of one partner and tenant, claimed without waiting on rows another
/// transaction holds.
pub fn claim_due_relationships(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    pair: Option<(Uuid, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<RelationshipRow>> {
    let (partner, tenant) = pair.unzip();
    relationships::table
        .filter(relationships::next_event_at.le(now))
        .filter(relationships::status.eq(RelationshipStatus::Active))
        .filter(relationships::partner_id.nullable().eq(partner).or(partner.is_none().into_sql::<Bool>()))
        .filter(relationships::tenant_id.nullable().eq(tenant).or(tenant.is_none().into_sql::<Bool>()))
        .order(relationships::next_event_at)
        .limit(limit)
        .select(RelationshipRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)
}

/// Moves a relationship's end (an extension, or auto-extend turned off) and its next look.
pub fn set_term(
    conn: &mut PgConnection,
    id: Uuid,
    ends_at: DateTime<Utc>,
    auto_extend: bool,
    next_event_at: Option<DateTime<Utc>>,
) -> QueryResult<RelationshipRow> {
    super::Prepared(
        diesel::update(relationships::table.find(id))
            .set((
                relationships::ends_at.eq(ends_at),
                relationships::auto_extend.eq(auto_extend),
                relationships::next_event_at.eq(next_event_at),
            ))
            .returning(RelationshipRow::as_returning()),
    )
    .get_result(conn)
}

pub fn set_next_event(conn: &mut PgConnection, id: Uuid, at: Option<DateTime<Utc>>) -> QueryResult<()> {
    super::Prepared(diesel::update(relationships::table.find(id)).set(relationships::next_event_at.eq(at)))
        .execute(conn)
        .map(|_| ())
}

pub fn expire(conn: &mut PgConnection, id: Uuid) -> QueryResult<()> {
    super::Prepared(diesel::update(relationships::table.find(id)).set((
        relationships::status.eq(RelationshipStatus::Expired),
        relationships::next_event_at.eq(None::<DateTime<Utc>>),
    )))
    .execute(conn)
    .map(|_| ())
}

/// Expiry notices recorded (sent or skipped) for one term of a relationship.
pub fn recorded_notices(conn: &mut PgConnection, id: Uuid, ends_at: DateTime<Utc>) -> QueryResult<Vec<i32>> {
    relationship_notices::table
        .filter(relationship_notices::relationship_id.eq(id))
        .filter(relationship_notices::ends_at.eq(ends_at))
        .select(relationship_notices::days_before)
        .load(conn)
}

/// Records a notice; false when it was recorded before (by this or another sweeper).
pub fn record_notice(
    conn: &mut PgConnection,
    id: Uuid,
    ends_at: DateTime<Utc>,
    days_before: i32,
    outcome: NoticeOutcome,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    super::Prepared(
        diesel::insert_into(relationship_notices::table)
            .values((
                relationship_notices::relationship_id.eq(id),
                relationship_notices::ends_at.eq(ends_at),
                relationship_notices::days_before.eq(days_before),
                relationship_notices::status.eq(outcome),
                relationship_notices::created_at.eq(now),
            ))
            .on_conflict_do_nothing(),
    )
    .execute(conn)
    .map(|n| n == 1)
}

pub fn lock_relationship(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<RelationshipRow>> {
    relationships::table.find(id).select(RelationshipRow::as_select()).for_update().first(conn).optional()
}

pub fn terminate(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<RelationshipRow> {
    super::Prepared(
        diesel::update(relationships::table.find(id))
            .set((relationships::status.eq(RelationshipStatus::Terminated), relationships::terminated_at.eq(now)))
            .returning(RelationshipRow::as_returning()),
    )
    .get_result(conn)
}

pub fn get_relationship(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<(RelationshipRow, PartnerRow)>> {
    relationships::table
        .inner_join(partners::table)
        .filter(relationships::id.eq(id))
        .select((RelationshipRow::as_select(), PartnerRow::as_select()))
        .first(conn)
        .optional()
}

pub fn list_relationships(
    conn: &mut PgConnection,
    scope: DelegationScope,
    page: super::Page,
) -> QueryResult<Vec<(RelationshipRow, PartnerRow)>> {
    let mut query = relationships::table
        .inner_join(partners::table)
        .filter(relationships::id.gt(page.after_id()))
        .order(relationships::id)
        .limit(page.fetch())
        .select((RelationshipRow::as_select(), PartnerRow::as_select()))
        .into_boxed();
    query = match scope {
        DelegationScope::All => query,
        DelegationScope::Partner(p) => query.filter(relationships::partner_id.eq(p)),
        DelegationScope::Tenant(t) => query.filter(relationships::tenant_id.eq(t)),
    };
    query.load(conn)
}

/// A purged tenant's offers still pending and its relationships (with their notices).
pub fn delete_of_tenant(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<()> {
    diesel::delete(
        offers::table.filter(offers::tenant_id.eq(tenant_id)).filter(offers::status.eq(OfferStatus::Pending)),
    )
    .execute(conn)?;
    let of_tenant = relationships::table.filter(relationships::tenant_id.eq(tenant_id));
    diesel::delete(
        relationship_notices::table
            .filter(relationship_notices::relationship_id.eq_any(of_tenant.select(relationships::id))),
    )
    .execute(conn)?;
    diesel::delete(of_tenant).execute(conn).map(|_| ())
}
