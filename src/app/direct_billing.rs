//! Direct billing that renews itself (SPEC §15): the automatic renewal at a term's end,
//! turning it on or off, and cancelling a term within 7 days of its start.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::{
    Schedule,
    notify::{announce, subscription_inboxes},
    subscriptions::changeable,
};
use crate::{
    auth::Principal,
    authz::{self, Action},
    domain::{
        events::{self, Inbox, RenewalOutcome, SubscriptionSubject},
        lifecycle::{SubscriptionStatus, automatic_terms, cancellable_until, term_end},
        notices::next_check,
        statuses::{Billing, RenewalMethod},
    },
    error::{Code, Error},
    store::{
        scopes::TenantScope,
        subscriptions::{self, RenewalRow, SubscriptionRecord, SubscriptionRow},
    },
};

/// Renews every subscription of `due` that renews itself and whose term has ended: one
/// renewal per term added, each starting where the last ended (several after a downtime
/// longer than a term), each announced as `subscription.renewed`. The rows must be locked
/// by the caller's transaction, which records the renewals with the new end dates — so
/// however many sweepers or requests race, a term is renewed once. The rows are updated in
/// place; their `next_event_at` is the caller's to set.
pub fn renew_automatically(
    conn: &mut PgConnection,
    due: &mut [SubscriptionRow],
    now: DateTime<Utc>,
) -> diesel::QueryResult<Vec<RenewalRow>> {
    let mut renewals = Vec::new();
    let mut terms = Vec::new();
    let mut renewed = Vec::new();
    for s in due.iter_mut().filter(|s| s.billing == Billing::Direct && s.auto_renew && s.superseded_by.is_none()) {
        let added = automatic_terms(s.ends_at, s.term_months as u32, now);
        let Some(&(last_start, last_end)) = added.last() else { continue };
        renewals.extend(added.into_iter().map(|(starts_at, ends_at)| RenewalRow {
            id: Uuid::now_v7(),
            subscription_id: s.id,
            method: RenewalMethod::Auto,
            previous_ends_at: starts_at,
            starts_at,
            ends_at,
            seats: s.seats,
            key_id: None,
            new_subscription_id: None,
            forfeited_days: None,
            reactivated: false,
            created_at: now,
        }));
        (s.ends_at, s.term_starts_at) = (last_end, last_start);
        terms.push((s.id, last_end, last_start));
        renewed.push(s.clone());
    }
    if renewals.is_empty() {
        return Ok(renewals);
    }
    subscriptions::set_terms(conn, &terms)?;
    subscriptions::insert_renewals(conn, &renewals)?;
    let ids: Vec<Uuid> = renewed.iter().map(|s| s.id).collect();
    let names: std::collections::HashMap<Uuid, (String, String)> = subscriptions::names_of(conn, &ids)?
        .into_iter()
        .map(|(id, company, product)| (id, (company, product)))
        .collect();
    let built: Vec<(events::Event, Vec<Inbox>)> = renewals
        .iter()
        .filter_map(|r| {
            let s = renewed.iter().find(|s| s.id == r.subscription_id)?;
            let (company, product) = names.get(&s.id).map(|(c, p)| (c.as_str(), p.as_str())).unwrap_or_default();
            let subject = SubscriptionSubject {
                subscription_id: s.id,
                tenant_id: s.tenant_id,
                company_name: company,
                product_name: product,
                ends_at: r.ends_at,
            };
            Some((events::renewal(&subject, RenewalOutcome::Renewed, r.id), subscription_inboxes(s)))
        })
        .collect();
    let refs: Vec<(&events::Event, &[Inbox])> = built.iter().map(|(e, i)| (e, i.as_slice())).collect();
    super::notify::deliver_many(conn, &refs, now)?;
    Ok(renewals)
}

/// Nothing is billed any more: deleted, or replaced by a direct-billing subscription.
fn still_billed(status: SubscriptionStatus) -> Result<(), Error> {
    match status {
        SubscriptionStatus::Deleted => {
            Err(Error::new(Code::SubscriptionDeleted, "The subscription is deleted; nothing is billed any more."))
        }
        SubscriptionStatus::Superseded => Err(Error::new(
            Code::SubscriptionSuperseded,
            "The subscription was replaced by a direct-billing one; change that one instead.",
        )),
        _ => Ok(()),
    }
}

/// The subscription locked for a billing change, its due automatic renewal made first: it
/// fell due while `auto_renew` was on, so a change made since cannot undo it (whether the
/// sweeper came first or not, the outcome is the same).
fn locked_and_current(
    conn: &mut PgConnection,
    id: Uuid,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<SubscriptionRow, Error> {
    let mut s = subscriptions::lock(conn, id)?.ok_or_else(|| Error::not_found("subscription"))?;
    // Renewed first, judged after: a term that renewed itself is not deleted, whatever its
    // old end says.
    renew_if_due(conn, &mut s, schedule, now)?;
    still_billed(schedule.periods.status(s.ends_at, s.superseded_by.is_some(), now))?;
    Ok(s)
}

/// One locked subscription's automatic renewal, if due, and its sweeper's next look.
fn renew_if_due(
    conn: &mut PgConnection,
    s: &mut SubscriptionRow,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> diesel::QueryResult<()> {
    if renew_automatically(conn, std::slice::from_mut(s), now)?.is_empty() {
        return Ok(());
    }
    let next = next_check(s.ends_at, now, schedule.periods, &schedule.notice_days);
    subscriptions::set_next_events(conn, &[(s.id, next)])
}

fn reread(conn: &mut PgConnection, id: Uuid) -> Result<SubscriptionRecord, Error> {
    subscriptions::get(conn, id, TenantScope::All)?.ok_or_else(|| Error::not_found("subscription"))
}

/// Turns a direct-billed subscription's automatic renewal on or off: its tenant's admins,
/// its partner of record, or a delegated admin with `billing_administrator`. A key-billed
/// subscription never renews itself (422 `auto-renew-not-available`; turning it off is no
/// change). Turned on in grace, the subscription renews at once from its end (no day lost);
/// once disabled it starts again only by a renewal (409 `subscription-inactive`). `None`
/// changes nothing (but is authorised and checked as a change).
pub fn set_auto_renew(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    on: Option<bool>,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<SubscriptionRecord, Error> {
    let (record, access) = changeable(conn, principal, id, now)?;
    authz::sets_auto_renew(access, record.0.partner_of_record_id)?;
    let mut s = locked_and_current(conn, id, schedule, now)?;
    let Some(on) = on else { return reread(conn, id) };
    if s.billing != Billing::Direct {
        return match on {
            true => Err(Error::new(
                Code::AutoRenewNotAvailable,
                "A key-billed subscription does not renew itself: its prepaid term ends unless renewed with a key.",
            )),
            false => reread(conn, id),
        };
    }
    if on && !s.auto_renew {
        let status = schedule.periods.status(s.ends_at, false, now);
        if status == SubscriptionStatus::Disabled {
            return Err(Error::new(
                Code::SubscriptionInactive,
                "The subscription is disabled: renew it (`method: direct_billing`) to start a new term now.",
            ));
        }
        s.auto_renew = true;
        subscriptions::set_auto_renew(conn, id, true)?;
        // Ended but in grace: it renews from its end now, as the sweeper would have.
        renew_if_due(conn, &mut s, schedule, now)?;
    } else if !on && s.auto_renew {
        subscriptions::set_auto_renew(conn, id, false)?;
    }
    reread(conn, id)
}

/// Cancels a direct-billed term within 7 days of its start (a new subscription, a switch
/// to direct billing or an automatic renewal): the term ends now, it no longer renews
/// itself, and the whole days left are refunded. The tenant's admins or a delegated admin
/// with `billing_administrator` only. Returns the subscription and the days refunded.
pub fn cancel(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<(SubscriptionRecord, i64), Error> {
    let (_, access) = changeable(conn, principal, id, now)?;
    access.may(Action::ManageBilling)?;
    let s = locked_and_current(conn, id, schedule, now)?;
    if s.billing != Billing::Direct {
        return Err(Error::new(
            Code::CancellationNotAvailable,
            "A key-billed subscription is prepaid: its term cannot be cancelled for a refund.",
        ));
    }
    if s.ends_at <= now {
        return Err(Error::new(
            Code::CancellationWindowClosed,
            "The term has already ended; nothing is left to cancel.",
        ));
    }
    // A term cut short was cancelled already. (Its end, not the clock, says so: a
    // concurrent cancellation may have read an earlier "now" before it waited for the lock.)
    if term_end(s.term_starts_at, s.term_months as u32) != Some(s.ends_at) {
        return Err(Error::new(
            Code::CancellationWindowClosed,
            "The term was cancelled already; nothing is left to cancel.",
        ));
    }
    // Refunds are of a term that has begun (never of one still ahead).
    if s.term_starts_at > now {
        return Err(Error::new(Code::CancellationWindowClosed, "The current term has not begun; nothing to refund."));
    }
    let until = cancellable_until(s.term_starts_at);
    if now > until {
        return Err(Error::new(
            Code::CancellationWindowClosed,
            format!(
                "A term may be cancelled within 7 days of its start; this one began {} (the window closed {}). Turn \
                 `auto_renew` off to let it end.",
                s.term_starts_at.format("%Y-%m-%d %H:%M UTC"),
                until.format("%Y-%m-%d %H:%M UTC")
            ),
        ));
    }
    let refund_days = (s.ends_at - now).num_days();
    // The lifecycle runs from now: the sweeper announces the expiry at once.
    subscriptions::end_term(conn, id, now, Some(now))?;
    let ended = SubscriptionRow { ends_at: now, auto_renew: false, ..s };
    announce(conn, &ended, now, |subject| events::cancelled(subject, refund_days))?;
    Ok((reread(conn, id)?, refund_days))
}
