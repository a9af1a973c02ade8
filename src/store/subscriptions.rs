//! Subscriptions: what a tenant bought, for how long, and how many seats are in use.

use chrono::{DateTime, Days, Utc};
use diesel::{dsl::exists, prelude::*};
use uuid::Uuid;

use super::{partners::PartnerRow, products::ProductRow, tenants::TenantScope};
use crate::{
    db::schema::{license_assignments, partners, products, subscriptions, tenants},
    domain::lifecycle::{Periods, SubscriptionStatus},
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subscriptions)]
pub struct SubscriptionRow {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub product_id: Uuid,
    pub seats: i32,
    pub billing: String,
    pub term_months: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub partner_of_record_id: Option<Uuid>,
    pub superseded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// A subscription as read: with its product, partner of record and seats in use.
pub type SubscriptionRecord = (SubscriptionRow, ProductRow, Option<PartnerRow>, i64);

pub fn insert(conn: &mut PgConnection, row: &SubscriptionRow) -> QueryResult<()> {
    diesel::insert_into(subscriptions::table).values(row).execute(conn).map(|_| ())
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
        TenantScope::Partner(partner) => {
            // Visible tenant: created by the partner or with the partner on any subscription.
            let por = diesel::alias!(subscriptions as por);
            query.filter(exists(
                tenants::table.filter(tenants::id.eq(subscriptions::tenant_id)).filter(
                    tenants::created_by_partner_id.eq(partner).or(exists(
                        por.filter(por.field(subscriptions::tenant_id).eq(tenants::id))
                            .filter(por.field(subscriptions::partner_of_record_id).eq(partner)),
                    )),
                ),
            ))
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
