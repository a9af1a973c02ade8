//! The subscription lifecycle the sweeper drives: renewal notices, expiry, disabling,
//! deletion and the purge of a tenant's data.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    domain::{
        events::{self, Inbox, SubscriptionSubject},
        lifecycle::Periods,
        notices::{self, LifecycleEvent},
        statuses::{Billing, NoticeOutcome},
    },
    store::{subscriptions, subscriptions::SubscriptionRow},
};

/// What one batch of lifecycle work did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LifecycleCounts {
    pub claimed: usize,
    /// Direct-billed terms renewed by themselves (one per term added).
    pub auto_renewed: u64,
    pub notices_sent: u64,
    pub notices_skipped: u64,
    pub expired: u64,
    pub disabled: u64,
    pub deleted: u64,
    pub tenants_purged: u64,
}

/// Does what is due for up to `limit` subscriptions and schedules their next look, in a
/// fixed number of statements per batch however large it is. Every notice and event is
/// recorded under a unique key first and announced only when that record is new, so
/// racing sweepers announce each exactly once.
pub fn advance(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    periods: Periods,
    notice_days: &[u32],
    limit: i64,
) -> diesel::QueryResult<LifecycleCounts> {
    let mut counts = LifecycleCounts::default();
    let mut due = subscriptions::claim_due(conn, now, limit)?;
    counts.claimed = due.len();
    if due.is_empty() {
        return Ok(counts);
    }
    // Terms that renew themselves do so first: what follows sees their new end.
    counts.auto_renewed = super::direct_billing::renew_automatically(conn, &mut due, now)?.len() as u64;
    let live: Vec<&SubscriptionRow> = due.iter().filter(|s| s.superseded_by.is_none()).collect();
    let ids: Vec<Uuid> = live.iter().map(|s| s.id).collect();
    let (notice_plan, event_plan) = plan(conn, &live, &ids, now, periods, notice_days)?;

    let notices_now = subscriptions::record_notices(conn, &notice_plan, now)?;
    let events_now = subscriptions::record_events(conn, &event_plan, now)?;
    let names: HashMap<Uuid, (String, String)> = if notices_now.is_empty() && events_now.is_empty() {
        HashMap::new()
    } else {
        subscriptions::names_of(conn, &ids)?
            .into_iter()
            .map(|(id, company, product)| (id, (company, product)))
            .collect()
    };
    let by_id: HashMap<Uuid, &SubscriptionRow> = live.iter().map(|s| (s.id, *s)).collect();
    let mut announcements = Vec::new();
    for (id, _, days, outcome) in &notices_now {
        match outcome {
            NoticeOutcome::Skipped => counts.notices_skipped += 1,
            NoticeOutcome::Sent => {
                counts.notices_sent += 1;
                announcements.push((by_id[id], Announcement::Notice(*days as u32)));
            }
        }
    }
    let mut deleted_in = Vec::new();
    for (id, step) in &events_now {
        let subscription = by_id[id];
        match step {
            LifecycleEvent::Expired => counts.expired += 1,
            LifecycleEvent::Disabled => counts.disabled += 1,
            LifecycleEvent::Deleted => {
                counts.deleted += 1;
                deleted_in.push(subscription.tenant_id);
            }
        }
        announcements.push((subscription, Announcement::Step(*step)));
    }
    deliver_all(conn, &announcements, &names, now)?;

    let next: Vec<(Uuid, Option<DateTime<Utc>>)> = due
        .iter()
        .map(|s| match s.superseded_by {
            Some(_) => (s.id, None),
            None => (s.id, notices::next_check(s.ends_at, now, periods, notice_days)),
        })
        .collect();
    subscriptions::set_next_events(conn, &next)?;

    // Tenants are purged last and in id order, so two sweepers never wait on each other's
    // tenants in opposite orders.
    deleted_in.sort();
    deleted_in.dedup();
    for tenant in deleted_in {
        if !subscriptions::tenant_has_live_subscription(conn, tenant, now, periods)?
            && super::tenants::purge(conn, tenant, now)?
        {
            counts.tenants_purged += 1;
        }
    }
    Ok(counts)
}

/// What a claimed subscription has to announce.
enum Announcement {
    Notice(u32),
    Step(LifecycleEvent),
}

/// The notices and lifecycle events due for the live claimed subscriptions and not yet
/// recorded for their current term.
fn plan(
    conn: &mut PgConnection,
    live: &[&SubscriptionRow],
    ids: &[Uuid],
    now: DateTime<Utc>,
    periods: Periods,
    notice_days: &[u32],
) -> diesel::QueryResult<(Vec<subscriptions::NoticeRecord>, Vec<subscriptions::EventRecord>)> {
    let mut recorded_notices: HashMap<(Uuid, DateTime<Utc>), Vec<u32>> = HashMap::new();
    for (id, ends_at, days) in subscriptions::notices_of(conn, ids)? {
        recorded_notices.entry((id, ends_at)).or_default().push(days as u32);
    }
    let mut recorded_events: HashMap<(Uuid, DateTime<Utc>), Vec<LifecycleEvent>> = HashMap::new();
    for (id, ends_at, event) in subscriptions::events_of(conn, ids)? {
        recorded_events.entry((id, ends_at)).or_default().push(event);
    }
    let (mut notice_plan, mut event_plan) = (Vec::new(), Vec::new());
    for s in live {
        let key = (s.id, s.ends_at);
        let done = recorded_notices.get(&key).map(Vec::as_slice).unwrap_or_default();
        let due = notices::renewal_notices_due(s.ends_at, now, notice_days, done);
        notice_plan.extend(due.skip.into_iter().map(|d| (s.id, s.ends_at, d as i32, NoticeOutcome::Skipped)));
        notice_plan.extend(due.send.map(|d| (s.id, s.ends_at, d as i32, NoticeOutcome::Sent)));
        let done = recorded_events.get(&key).map(Vec::as_slice).unwrap_or_default();
        event_plan.extend(
            notices::lifecycle_events_due(s.ends_at, now, periods, done).into_iter().map(|e| (s.id, s.ends_at, e)),
        );
    }
    Ok((notice_plan, event_plan))
}

/// Delivers every announcement of a batch in one statement.
fn deliver_all(
    conn: &mut PgConnection,
    announcements: &[(&SubscriptionRow, Announcement)],
    names: &HashMap<Uuid, (String, String)>,
    now: DateTime<Utc>,
) -> diesel::QueryResult<()> {
    let built: Vec<(events::Event, Vec<Inbox>)> = announcements
        .iter()
        .map(|(s, what)| {
            let (company, product) = names.get(&s.id).map(|(c, p)| (c.as_str(), p.as_str())).unwrap_or_default();
            let subject = SubscriptionSubject {
                subscription_id: s.id,
                tenant_id: s.tenant_id,
                company_name: company,
                product_name: product,
                ends_at: s.ends_at,
            };
            let event = match what {
                Announcement::Notice(days) => {
                    events::renewal_notice(&subject, *days, s.billing == Billing::Direct && s.auto_renew)
                }
                Announcement::Step(step) => events::lifecycle(&subject, *step),
            };
            (event, super::notify::subscription_inboxes(s))
        })
        .collect();
    let refs: Vec<(&events::Event, &[Inbox])> = built.iter().map(|(e, i)| (e, i.as_slice())).collect();
    super::notify::deliver_many(conn, &refs, now)?;
    Ok(())
}
