//! Notification inboxes: one row per event and inbox, delivered at most once.

use crate::domain::statuses::EventKind;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::{
    db::schema::notifications,
    domain::events::{Event, Inbox},
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: Uuid,
    pub recipient_partner_id: Option<Uuid>,
    pub recipient_tenant_id: Option<Uuid>,
    pub event: EventKind,
    pub event_key: String,
    pub tenant_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub offer_id: Option<Uuid>,
    pub days_before: Option<i32>,
    pub message: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    pub recipient_distributor_id: Option<Uuid>,
    pub reseller_relationship_id: Option<Uuid>,
    pub key_order_id: Option<Uuid>,
    pub allocation_id: Option<Uuid>,
    pub product_id: Option<Uuid>,
    pub quantity: Option<i32>,
    pub will_renew: Option<bool>,
}

/// Puts several events, each in its inboxes, in one statement; an inbox that already holds
/// one is left alone. Returns the notifications made now.
pub fn insert(
    conn: &mut PgConnection,
    events: &[(&Event, &[Inbox])],
    now: DateTime<Utc>,
) -> QueryResult<Vec<NotificationRow>> {
    let rows: Vec<NotificationRow> = events
        .iter()
        .flat_map(|(event, inboxes)| inboxes.iter().map(move |inbox| (*event, inbox)))
        .map(|(event, inbox)| NotificationRow {
            id: Uuid::now_v7(),
            recipient_partner_id: match inbox {
                Inbox::Partner(id) => Some(*id),
                _ => None,
            },
            recipient_tenant_id: match inbox {
                Inbox::Tenant(id) => Some(*id),
                _ => None,
            },
            recipient_distributor_id: match inbox {
                Inbox::Distributor(id) => Some(*id),
                _ => None,
            },
            reseller_relationship_id: event.chain.reseller_relationship_id,
            key_order_id: event.chain.key_order_id,
            allocation_id: event.chain.allocation_id,
            product_id: event.chain.product_id,
            quantity: event.chain.quantity,
            will_renew: event.will_renew,
            event: event.kind,
            event_key: event.key.clone(),
            tenant_id: event.tenant_id,
            subscription_id: event.subscription_id,
            offer_id: event.offer_id,
            days_before: event.days_before,
            message: event.message.clone(),
            created_at: now,
            read_at: None,
        })
        .collect();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // Both partial unique indexes (per partner, per tenant) make a second delivery a no-op.
    let mut fresh = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(super::ROWS_PER_INSERT) {
        fresh.extend(
            diesel::insert_into(notifications::table)
                .values(chunk)
                .on_conflict_do_nothing()
                .returning(NotificationRow::as_returning())
                .get_results(conn)?,
        );
    }
    Ok(fresh)
}

/// A purged tenant's inbox goes, and other inboxes stop pointing at its pending offers
/// (which go next).
pub fn delete_of_tenant(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<()> {
    use crate::db::schema::delegated_admin_offers as offers;
    let pending = offers::table
        .filter(offers::tenant_id.eq(tenant_id))
        .filter(offers::status.eq(crate::domain::statuses::OfferStatus::Pending))
        .select(offers::id.nullable());
    diesel::update(notifications::table.filter(notifications::offer_id.eq_any(pending)))
        .set(notifications::offer_id.eq(None::<Uuid>))
        .execute(conn)?;
    diesel::delete(notifications::table.filter(notifications::recipient_tenant_id.eq(tenant_id)))
        .execute(conn)
        .map(|_| ())
}

diesel::define_sql_function! {
    /// PostgreSQL's `COALESCE` of a timestamp and a fallback.
    fn coalesce(
        value: diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
        fallback: diesel::sql_types::Timestamptz,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>;
}

/// Filters of an inbox listing.
#[derive(Debug, Clone)]
pub struct InboxFilter {
    pub inbox: Inbox,
    pub event: Option<EventKind>,
    pub unread: Option<bool>,
}

pub fn list(conn: &mut PgConnection, filter: &InboxFilter, page: super::Page) -> QueryResult<Vec<NotificationRow>> {
    let mut query = notifications::table
        .filter(notifications::id.gt(page.after_id()))
        .order(notifications::id)
        .limit(page.fetch())
        .select(NotificationRow::as_select())
        .into_boxed();
    query = match filter.inbox {
        Inbox::Partner(id) => query.filter(notifications::recipient_partner_id.eq(id)),
        Inbox::Tenant(id) => query.filter(notifications::recipient_tenant_id.eq(id)),
        Inbox::Distributor(id) => query.filter(notifications::recipient_distributor_id.eq(id)),
    };
    if let Some(event) = filter.event {
        query = query.filter(notifications::event.eq(event));
    }
    match filter.unread {
        Some(true) => query = query.filter(notifications::read_at.is_null()),
        Some(false) => query = query.filter(notifications::read_at.is_not_null()),
        None => {}
    }
    query.load(conn)
}

/// Marks a notification of `inbox` read (keeping the first time it was read).
pub fn mark_read(
    conn: &mut PgConnection,
    id: Uuid,
    inbox: Inbox,
    now: DateTime<Utc>,
) -> QueryResult<Option<NotificationRow>> {
    let mut query = diesel::update(notifications::table).filter(notifications::id.eq(id)).into_boxed();
    query = match inbox {
        Inbox::Partner(p) => query.filter(notifications::recipient_partner_id.eq(p)),
        Inbox::Tenant(t) => query.filter(notifications::recipient_tenant_id.eq(t)),
        Inbox::Distributor(d) => query.filter(notifications::recipient_distributor_id.eq(d)),
    };
    super::Prepared(
        query
            .set(notifications::read_at.eq(coalesce(notifications::read_at, now)))
            .returning(NotificationRow::as_returning()),
    )
    .get_result(conn)
    .optional()
}
