//! Events reach their inboxes and, in the same transaction, every webhook endpoint that
//! takes them (SPEC §10): one delivery per endpoint and event, its body the published
//! `WebhookEvent` type.

use chrono::{DateTime, Utc};
use diesel::{PgConnection, QueryResult};

use crate::{
    domain::events::{self, Event, Inbox, SubscriptionSubject},
    store::{
        notifications::{self, NotificationRow},
        products,
        subscriptions::SubscriptionRow,
        tenants,
        webhooks::{self, DeliveryRow},
    },
    views::webhooks::WebhookEvent,
};

/// Delivers `event` to each inbox (an inbox that already holds it is left alone) and to the
/// webhook endpoints that take it. Returns how many inboxes received it now.
pub fn deliver(conn: &mut PgConnection, event: &Event, inboxes: &[Inbox], now: DateTime<Utc>) -> QueryResult<usize> {
    deliver_many(conn, &[(event, inboxes)], now)
}

/// Delivers several events, each to its inboxes, in one statement, and their deliveries.
pub fn deliver_many(conn: &mut PgConnection, events: &[(&Event, &[Inbox])], now: DateTime<Utc>) -> QueryResult<usize> {
    let fresh = notifications::insert(conn, events, now)?;
    fan_out(conn, &fresh, now)?;
    Ok(fresh.len())
}

/// One delivery per enabled endpoint that takes each of these fresh notifications.
fn fan_out(conn: &mut PgConnection, fresh: &[NotificationRow], now: DateTime<Utc>) -> QueryResult<usize> {
    let endpoints = webhooks::endpoints_for(conn, fresh)?;
    let rows: Vec<DeliveryRow> = fresh
        .iter()
        .flat_map(|n| endpoints.iter().filter(|e| e.takes(n)).map(move |e| (e, n)))
        .map(|(e, n)| DeliveryRow::new(e.id, n.id, n.event.as_str(), body(&WebhookEvent::of_notification(n)), now))
        .collect();
    webhooks::insert_deliveries(conn, &rows)
}

/// The JSON a delivery POSTs.
pub fn body(event: &WebhookEvent) -> serde_json::Value {
    serde_json::to_value(event).expect("a webhook event serialises")
}

/// The inboxes a subscription event goes to: the tenant's and its partner of record's.
pub fn subscription_inboxes(subscription: &SubscriptionRow) -> Vec<Inbox> {
    let mut inboxes = vec![Inbox::Tenant(subscription.tenant_id)];
    inboxes.extend(subscription.partner_of_record_id.map(Inbox::Partner));
    inboxes
}

/// Delivers a subscription event built from the subscription's subject.
pub fn announce(
    conn: &mut PgConnection,
    subscription: &SubscriptionRow,
    now: DateTime<Utc>,
    make: impl FnOnce(&SubscriptionSubject) -> events::Event,
) -> diesel::QueryResult<()> {
    let company = tenants::get(conn, subscription.tenant_id, crate::store::scopes::TenantScope::All)?
        .map(|t| t.company_name)
        .unwrap_or_default();
    let product = products::get(conn, subscription.product_id)?.map(|p| p.name).unwrap_or_default();
    let subject = SubscriptionSubject {
        subscription_id: subscription.id,
        tenant_id: subscription.tenant_id,
        company_name: &company,
        product_name: &product,
        ends_at: subscription.ends_at,
    };
    deliver(conn, &make(&subject), &subscription_inboxes(subscription), now)?;
    Ok(())
}
