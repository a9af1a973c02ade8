//! The subscription lifecycle the sweeper drives: renewal notices, expiry, disabling,
//! deletion and the purge of a tenant's data.

use chrono::{DateTime, Utc};
use diesel::PgConnection;

use crate::{
    domain::{
        events::{self, Inbox, SubscriptionSubject},
        lifecycle::Periods,
        notices::{self, LifecycleEvent},
        statuses::NoticeOutcome,
    },
    store::{notifications, products, subscriptions, subscriptions::SubscriptionRow, tenants},
};

/// What one batch of lifecycle work did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LifecycleCounts {
    pub claimed: usize,
    pub notices_sent: u64,
    pub notices_skipped: u64,
    pub expired: u64,
    pub disabled: u64,
    pub deleted: u64,
    pub tenants_purged: u64,
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
    let company = tenants::get(conn, subscription.tenant_id, tenants::TenantScope::All)?
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
    notifications::deliver(conn, &make(&subject), &subscription_inboxes(subscription), now)?;
    Ok(())
}

/// Does what is due for up to `limit` subscriptions and schedules their next look. Every
/// notice and event is recorded under a unique key first and announced only when that
/// record is new, so racing sweepers announce each exactly once.
pub fn advance(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    periods: Periods,
    notice_days: &[u32],
    limit: i64,
) -> diesel::QueryResult<LifecycleCounts> {
    let mut counts = LifecycleCounts::default();
    let due = subscriptions::claim_due(conn, now, limit)?;
    counts.claimed = due.len();
    let mut deleted_in = Vec::new();
    for subscription in &due {
        if subscription.superseded_by.is_none() {
            send_notices(conn, subscription, now, notice_days, &mut counts)?;
            step_through_lifecycle(conn, subscription, now, periods, &mut counts, &mut deleted_in)?;
        }
        let next = match subscription.superseded_by {
            Some(_) => None,
            None => notices::next_check(subscription.ends_at, now, periods, notice_days),
        };
        subscriptions::set_next_event(conn, subscription.id, next)?;
    }
    // Tenants are purged last and in id order, so two sweepers never wait on each other's
    // tenants in opposite orders.
    deleted_in.sort();
    deleted_in.dedup();
    for tenant in deleted_in {
        if !subscriptions::tenant_has_live_subscription(conn, tenant, now, periods)?
            && tenants::purge(conn, tenant, now)?
        {
            counts.tenants_purged += 1;
        }
    }
    Ok(counts)
}

fn send_notices(
    conn: &mut PgConnection,
    subscription: &SubscriptionRow,
    now: DateTime<Utc>,
    notice_days: &[u32],
    counts: &mut LifecycleCounts,
) -> diesel::QueryResult<()> {
    let (id, ends_at) = (subscription.id, subscription.ends_at);
    let recorded: Vec<u32> =
        subscriptions::recorded_notices(conn, id, ends_at)?.into_iter().map(|d| d as u32).collect();
    let plan = notices::renewal_notices_due(ends_at, now, notice_days, &recorded);
    for days in plan.skip {
        if subscriptions::record_notice(conn, id, ends_at, days as i32, NoticeOutcome::Skipped, now)? {
            counts.notices_skipped += 1;
        }
    }
    if let Some(days) = plan.send
        && subscriptions::record_notice(conn, id, ends_at, days as i32, NoticeOutcome::Sent, now)?
    {
        announce(conn, subscription, now, |s| events::renewal_notice(s, days))?;
        counts.notices_sent += 1;
    }
    Ok(())
}

fn step_through_lifecycle(
    conn: &mut PgConnection,
    subscription: &SubscriptionRow,
    now: DateTime<Utc>,
    periods: Periods,
    counts: &mut LifecycleCounts,
    deleted_in: &mut Vec<uuid::Uuid>,
) -> diesel::QueryResult<()> {
    let (id, ends_at) = (subscription.id, subscription.ends_at);
    let recorded = subscriptions::recorded_events(conn, id, ends_at)?;
    for step in notices::lifecycle_events_due(ends_at, now, periods, &recorded) {
        if !subscriptions::record_event(conn, id, ends_at, step, now)? {
            continue;
        }
        announce(conn, subscription, now, |s| events::lifecycle(s, step))?;
        match step {
            LifecycleEvent::Expired => counts.expired += 1,
            LifecycleEvent::Disabled => counts.disabled += 1,
            LifecycleEvent::Deleted => {
                counts.deleted += 1;
                deleted_in.push(subscription.tenant_id);
            }
        }
    }
    Ok(())
}
