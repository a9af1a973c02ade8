//! Offer and relationship expiry, shared by the sweeper and by requests that meet an offer
//! or relationship past its time.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    domain::events::{self, Inbox},
    store::{delegation, notifications, tenants},
};

/// Expires pending offers past their time (of one partner and tenant, or all) and tells
/// each partner; returns how many. Claimed rows and the per-inbox event key make this
/// exactly once however many callers race.
pub fn expire_offers(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    pair: Option<(Uuid, Uuid)>,
    limit: i64,
) -> diesel::QueryResult<usize> {
    let due = delegation::due_offers(conn, now, pair, limit)?;
    for offer in &due {
        delegation::decide_offer(conn, offer.id, "expired", now)?;
        let company =
            tenants::get(conn, offer.tenant_id, tenants::TenantScope::All)?.map(|t| t.company_name).unwrap_or_default();
        let event = events::offer_ended("expired", offer.id, offer.tenant_id, &company);
        notifications::deliver(conn, &event, &[Inbox::Partner(offer.partner_id)], now)?;
    }
    Ok(due.len())
}
