//! Subscriptions: what a tenant bought, for how long, and how many seats are in use.

use crate::domain::{
    notices::LifecycleEvent,
    statuses::{Billing, NoticeOutcome, RenewalMethod},
};
use chrono::{DateTime, Days, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::{partners::PartnerRow, products::ProductRow, scopes::TenantScope};
use crate::{
    db::schema::{
        license_assignments, partners, products, renewal_notices, renewals, subscription_events, subscriptions, tenants,
    },
    domain::lifecycle::{Periods, SubscriptionStatus},
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subscriptions)]
pub struct SubscriptionRow {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub product_id: Uuid,
    pub seats: i32,
    pub billing: Billing,
    pub term_months: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub partner_of_record_id: Option<Uuid>,
    pub superseded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// When the sweeper next has something to do for it; `None` once nothing is left.
    pub next_event_at: Option<DateTime<Utc>>,
    /// Direct billing only: renews itself at its end (SPEC §15).
    pub auto_renew: bool,
    /// When the current term began (its cancellation window opens then).
    pub term_starts_at: DateTime<Utc>,
}

/// A subscription as read: with its product, partner of record and seats in use.
pub type SubscriptionRecord = (SubscriptionRow, ProductRow, Option<PartnerRow>, i64);

pub fn insert(conn: &mut PgConnection, row: &SubscriptionRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(subscriptions::table).values(row)).execute(conn).map(|_| ())
}

/// Filters of a subscription list.
#[derive(Debug, Clone, Copy)]
pub struct SubscriptionFilter {
    pub scope: TenantScope,
    pub tenant_id: Option<Uuid>,
    pub status: Option<SubscriptionStatus>,
}

/// Subscriptions joined with their product and partner of record, filters still to come.
type Boxed = diesel::dsl::IntoBoxed<
    'static,
    diesel::dsl::LeftJoin<diesel::dsl::InnerJoin<subscriptions::table, products::table>, partners::table>,
    diesel::pg::Pg,
>;

/// Restricts to subscriptions of tenants within the scope.
fn scoped(scope: TenantScope) -> Boxed {
    let query = subscriptions::table.inner_join(products::table).left_join(partners::table).into_boxed();
    match scope {
        TenantScope::All => query,
        TenantScope::Tenant(id) => query.filter(subscriptions::tenant_id.eq(id)),
        TenantScope::Partner { partner_id, now } => {
            query.filter(super::scopes::PartnerSees::tenant("subscriptions.tenant_id", partner_id, now))
        }
    }
}

/// Status as a date range on `ends_at`, so the filter is right whether or not a sweep ran.
fn with_status(query: Boxed, status: SubscriptionStatus, now: DateTime<Utc>, periods: Periods) -> Boxed {
    let grace_start = now - Days::new(periods.grace_days.into());
    let retention_start = now - Days::new(periods.retention_days.into());
    let live = |query: Boxed| query.filter(subscriptions::superseded_by.is_null());
    match status {
        SubscriptionStatus::Superseded => query.filter(subscriptions::superseded_by.is_not_null()),
        SubscriptionStatus::Active => live(query).filter(subscriptions::ends_at.gt(now)),
        SubscriptionStatus::Expired => {
            live(query).filter(subscriptions::ends_at.le(now)).filter(subscriptions::ends_at.gt(grace_start))
        }
        SubscriptionStatus::Disabled => live(query)
            .filter(subscriptions::ends_at.le(grace_start))
            .filter(subscriptions::ends_at.gt(retention_start)),
        SubscriptionStatus::Deleted => live(query).filter(subscriptions::ends_at.le(retention_start)),
    }
}

/// One round trip: the subscriptions with product, partner of record and seats in use.
fn load_records(conn: &mut PgConnection, query: Boxed) -> QueryResult<Vec<SubscriptionRecord>> {
    let assigned = license_assignments::table
        .filter(license_assignments::subscription_id.eq(subscriptions::id))
        .count()
        .single_value();
    let rows: Vec<(SubscriptionRow, ProductRow, Option<PartnerRow>, Option<i64>)> = query
        .select((SubscriptionRow::as_select(), ProductRow::as_select(), Option::<PartnerRow>::as_select(), assigned))
        .load(conn)?;
    Ok(rows.into_iter().map(|(s, p, por, n)| (s, p, por, n.unwrap_or(0))).collect())
}

pub fn list(
    conn: &mut PgConnection,
    filter: SubscriptionFilter,
    now: DateTime<Utc>,
    periods: Periods,
    page: super::Page,
) -> QueryResult<Vec<SubscriptionRecord>> {
    let mut query =
        scoped(filter.scope).filter(subscriptions::id.gt(page.after_id())).order(subscriptions::id).limit(page.fetch());
    if let Some(tenant) = filter.tenant_id {
        query = query.filter(subscriptions::tenant_id.eq(tenant));
    }
    if let Some(status) = filter.status {
        query = with_status(query, status, now, periods);
    }
    load_records(conn, query)
}

pub fn get(conn: &mut PgConnection, id: Uuid, scope: TenantScope) -> QueryResult<Option<SubscriptionRecord>> {
    let query = scoped(scope).filter(subscriptions::id.eq(id));
    Ok(load_records(conn, query)?.pop())
}

pub fn for_tenant(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<Vec<SubscriptionRecord>> {
    let query = scoped(TenantScope::Tenant(tenant_id)).order(subscriptions::id);
    load_records(conn, query)
}

pub fn assign_license(
    conn: &mut PgConnection,
    subscription_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(license_assignments::table)
        .values((
            license_assignments::subscription_id.eq(subscription_id),
            license_assignments::user_id.eq(user_id),
            license_assignments::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .map(|_| ())
}

/// The subscription row, locked: seat counts and changes to it are decided under this lock.
pub fn lock(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<SubscriptionRow>> {
    subscriptions::table.find(id).select(SubscriptionRow::as_select()).for_update().first(conn).optional()
}

pub fn assigned_seats(conn: &mut PgConnection, id: Uuid) -> QueryResult<i64> {
    license_assignments::table.filter(license_assignments::subscription_id.eq(id)).count().get_result(conn)
}

pub fn has_license(conn: &mut PgConnection, subscription_id: Uuid, user_id: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        license_assignments::table
            .filter(license_assignments::subscription_id.eq(subscription_id))
            .filter(license_assignments::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

/// Frees a licence; false when the user held none on that subscription.
pub fn free_license(conn: &mut PgConnection, subscription_id: Uuid, user_id: Uuid) -> QueryResult<bool> {
    diesel::delete(
        license_assignments::table
            .filter(license_assignments::subscription_id.eq(subscription_id))
            .filter(license_assignments::user_id.eq(user_id)),
    )
    .execute(conn)
    .map(|n| n == 1)
}

pub fn set_partner_of_record(conn: &mut PgConnection, id: Uuid, partner: Option<Uuid>) -> QueryResult<()> {
    super::Prepared(diesel::update(subscriptions::table.find(id)).set(subscriptions::partner_of_record_id.eq(partner)))
        .execute(conn)
        .map(|_| ())
}

pub fn add_seats(conn: &mut PgConnection, id: Uuid, seats: i32) -> QueryResult<()> {
    super::Prepared(
        diesel::update(subscriptions::table.find(id)).set(subscriptions::seats.eq(subscriptions::seats + seats)),
    )
    .execute(conn)
    .map(|_| ())
}

/// Of the tenant's subscriptions, does any name `partner` its partner of record?
pub fn partner_of_record_in_tenant(conn: &mut PgConnection, tenant_id: Uuid, partner: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        subscriptions::table
            .filter(subscriptions::tenant_id.eq(tenant_id))
            .filter(subscriptions::partner_of_record_id.eq(partner)),
    ))
    .get_result(conn)
}

/// Subscriptions with sweeper work due at `now`, claimed without waiting on rows another
/// sweeper holds (an index range on `next_event_at`, not a scan).
pub fn claim_due(conn: &mut PgConnection, now: DateTime<Utc>, limit: i64) -> QueryResult<Vec<SubscriptionRow>> {
    subscriptions::table
        .filter(subscriptions::next_event_at.le(now))
        .order(subscriptions::next_event_at)
        .limit(limit)
        .select(SubscriptionRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)
}

/// The tenant's name and the product's, for the messages of claimed subscriptions.
pub fn names_of(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, String, String)>> {
    subscriptions::table
        .inner_join(tenants::table)
        .inner_join(products::table)
        .filter(subscriptions::id.eq_any(ids))
        .select((subscriptions::id, tenants::company_name, products::name))
        .load(conn)
}

/// Notices recorded (sent or skipped) for claimed subscriptions, of any term.
pub fn notices_of(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, DateTime<Utc>, i32)>> {
    renewal_notices::table
        .filter(renewal_notices::subscription_id.eq_any(ids))
        .select((renewal_notices::subscription_id, renewal_notices::ends_at, renewal_notices::days_before))
        .load(conn)
}

/// Lifecycle events recorded for claimed subscriptions, of any term.
pub fn events_of(conn: &mut PgConnection, ids: &[Uuid]) -> QueryResult<Vec<(Uuid, DateTime<Utc>, LifecycleEvent)>> {
    subscription_events::table
        .filter(subscription_events::subscription_id.eq_any(ids))
        .select((subscription_events::subscription_id, subscription_events::ends_at, subscription_events::event))
        .load(conn)
}

/// A notice to record: `(subscription, term end, days before, sent or skipped)`.
pub type NoticeRecord = (Uuid, DateTime<Utc>, i32, NoticeOutcome);

/// Records notices in one statement; returns those recorded now (not before), so each is
/// announced exactly once however many sweepers race.
pub fn record_notices(
    conn: &mut PgConnection,
    notices: &[NoticeRecord],
    now: DateTime<Utc>,
) -> QueryResult<Vec<NoticeRecord>> {
    if notices.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<_> = notices
        .iter()
        .map(|(id, ends_at, days, status)| {
            (
                renewal_notices::subscription_id.eq(*id),
                renewal_notices::ends_at.eq(*ends_at),
                renewal_notices::days_before.eq(*days),
                renewal_notices::status.eq(*status),
                renewal_notices::created_at.eq(now),
            )
        })
        .collect();
    diesel::insert_into(renewal_notices::table)
        .values(rows)
        .on_conflict_do_nothing()
        .returning((
            renewal_notices::subscription_id,
            renewal_notices::ends_at,
            renewal_notices::days_before,
            renewal_notices::status,
        ))
        .get_results(conn)
}

/// A lifecycle event to record: `(subscription, term end, event)`.
pub type EventRecord = (Uuid, DateTime<Utc>, LifecycleEvent);

/// Records lifecycle events in one statement; returns those recorded now.
pub fn record_events(
    conn: &mut PgConnection,
    events: &[EventRecord],
    now: DateTime<Utc>,
) -> QueryResult<Vec<(Uuid, LifecycleEvent)>> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<_> = events
        .iter()
        .map(|(id, ends_at, event)| {
            (
                subscription_events::subscription_id.eq(*id),
                subscription_events::ends_at.eq(*ends_at),
                subscription_events::event.eq(*event),
                subscription_events::created_at.eq(now),
            )
        })
        .collect();
    diesel::insert_into(subscription_events::table)
        .values(rows)
        .on_conflict_do_nothing()
        .returning((subscription_events::subscription_id, subscription_events::event))
        .get_results(conn)
}

/// Sets when the sweeper next looks at each subscription, in one statement.
pub fn set_next_events(conn: &mut PgConnection, next: &[(Uuid, Option<DateTime<Utc>>)]) -> QueryResult<()> {
    use diesel::sql_types::{Array, Nullable, Timestamptz, Uuid as SqlUuid};
    if next.is_empty() {
        return Ok(());
    }
    let (ids, at): (Vec<Uuid>, Vec<Option<DateTime<Utc>>>) = next.iter().copied().unzip();
    diesel::sql_query(
        "UPDATE subscriptions SET next_event_at = v.at \
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE subscriptions.id = v.id",
    )
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Array<Nullable<Timestamptz>>, _>(at)
    .execute(conn)
    .map(|_| ())
}

/// Does the tenant keep a subscription that is neither deleted nor superseded?
pub fn tenant_has_live_subscription(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    now: DateTime<Utc>,
    periods: Periods,
) -> QueryResult<bool> {
    let retention_start = now - Days::new(periods.retention_days.into());
    diesel::select(diesel::dsl::exists(
        subscriptions::table
            .filter(subscriptions::tenant_id.eq(tenant_id))
            .filter(subscriptions::superseded_by.is_null())
            .filter(subscriptions::ends_at.gt(retention_start)),
    ))
    .get_result(conn)
}

/// A new term (or reactivation): the end date, seats and term of the renewal.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = subscriptions)]
pub struct Term {
    pub starts_at: DateTime<Utc>,
    pub term_starts_at: DateTime<Utc>,
    /// A key prepays the term: the partner bills it, and it does not renew itself.
    pub billing: Billing,
    pub auto_renew: bool,
    pub ends_at: DateTime<Utc>,
    pub seats: i32,
    pub term_months: i32,
    pub next_event_at: Option<DateTime<Utc>>,
}

pub fn set_term(conn: &mut PgConnection, id: Uuid, term: &Term) -> QueryResult<()> {
    super::Prepared(diesel::update(subscriptions::table.find(id)).set(term)).execute(conn).map(|_| ())
}

/// Replaces a subscription by `new`: licences and partner of record move across, and the
/// old one has nothing left to do.
pub fn supersede(conn: &mut PgConnection, old: Uuid, new: Uuid) -> QueryResult<()> {
    super::Prepared(
        diesel::update(license_assignments::table.filter(license_assignments::subscription_id.eq(old)))
            .set(license_assignments::subscription_id.eq(new)),
    )
    .execute(conn)?;
    super::Prepared(
        diesel::update(subscriptions::table.find(old))
            .set((subscriptions::superseded_by.eq(new), subscriptions::next_event_at.eq(None::<DateTime<Utc>>))),
    )
    .execute(conn)
    .map(|_| ())
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = renewals)]
pub struct RenewalRow {
    pub id: Uuid,
    pub subscription_id: Uuid,
    pub method: RenewalMethod,
    pub previous_ends_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub seats: i32,
    pub key_id: Option<Uuid>,
    pub new_subscription_id: Option<Uuid>,
    pub forfeited_days: Option<i32>,
    pub reactivated: bool,
    pub created_at: DateTime<Utc>,
}

pub fn insert_renewal(conn: &mut PgConnection, row: &RenewalRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(renewals::table).values(row)).execute(conn).map(|_| ())
}

/// Records several renewals in one statement.
pub fn insert_renewals(conn: &mut PgConnection, rows: &[RenewalRow]) -> QueryResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    for chunk in rows.chunks(super::ROWS_PER_INSERT) {
        diesel::insert_into(renewals::table).values(chunk).execute(conn)?;
    }
    Ok(())
}

/// Moves the end (and the current term's start) of several subscriptions, in one statement.
pub fn set_terms(conn: &mut PgConnection, terms: &[(Uuid, DateTime<Utc>, DateTime<Utc>)]) -> QueryResult<()> {
    use diesel::sql_types::{Array, Timestamptz, Uuid as SqlUuid};
    if terms.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = terms.iter().map(|t| t.0).collect();
    let ends: Vec<DateTime<Utc>> = terms.iter().map(|t| t.1).collect();
    let starts: Vec<DateTime<Utc>> = terms.iter().map(|t| t.2).collect();
    diesel::sql_query(
        "UPDATE subscriptions SET ends_at = v.ends_at, term_starts_at = v.term_starts_at \
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(id, ends_at, term_starts_at) \
         WHERE subscriptions.id = v.id",
    )
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Array<Timestamptz>, _>(ends)
    .bind::<Array<Timestamptz>, _>(starts)
    .execute(conn)
    .map(|_| ())
}

pub fn set_auto_renew(conn: &mut PgConnection, id: Uuid, on: bool) -> QueryResult<()> {
    super::Prepared(diesel::update(subscriptions::table.find(id)).set(subscriptions::auto_renew.eq(on)))
        .execute(conn)
        .map(|_| ())
}

/// Ends the current term at `now` and stops it renewing itself.
pub fn end_term(
    conn: &mut PgConnection,
    id: Uuid,
    now: DateTime<Utc>,
    next_event_at: Option<DateTime<Utc>>,
) -> QueryResult<()> {
    super::Prepared(diesel::update(subscriptions::table.find(id)).set((
        subscriptions::ends_at.eq(now),
        subscriptions::auto_renew.eq(false),
        subscriptions::next_event_at.eq(next_event_at),
    )))
    .execute(conn)
    .map(|_| ())
}

pub fn renewals_of(conn: &mut PgConnection, id: Uuid, page: super::Page) -> QueryResult<Vec<RenewalRow>> {
    renewals::table
        .filter(renewals::subscription_id.eq(id))
        .filter(renewals::id.gt(page.after_id()))
        .order(renewals::id)
        .limit(page.fetch())
        .select(RenewalRow::as_select())
        .load(conn)
}

/// The tenant's subscription of `product_id` still in use (not replaced, its grace not
/// over at `usable_after`), locked; the latest ending one when there are several.
pub fn lock_live_of_product(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    product_id: Uuid,
    usable_after: DateTime<Utc>,
) -> QueryResult<Option<SubscriptionRow>> {
    subscriptions::table
        .filter(subscriptions::tenant_id.eq(tenant_id))
        .filter(subscriptions::product_id.eq(product_id))
        .filter(subscriptions::superseded_by.is_null())
        .filter(subscriptions::ends_at.gt(usable_after))
        .order(subscriptions::ends_at.desc())
        .select(SubscriptionRow::as_select())
        .for_update()
        .first(conn)
        .optional()
}
