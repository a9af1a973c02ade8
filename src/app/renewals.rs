//! Renewals: by another product key (the partner keeps billing) or by moving the customer
//! to direct billing (a new subscription replaces the old one).

use crate::store::keys::KeyHolder;
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::{
    Schedule, keys as key_rules,
    notify::announce,
    subscriptions::{changeable, visible},
};
use crate::{
    auth::Principal,
    authz,
    domain::{
        events::{self, RenewalOutcome},
        lifecycle::{SubscriptionStatus, term_end},
        notices::next_check,
        statuses::{Billing, RenewalMethod},
    },
    error::{Code, Error},
    metrics::COUNTERS,
    state::AppState,
    store::{
        Page, keys,
        subscriptions::{self, RenewalRow, SubscriptionRow, Term},
    },
    views::renewals::RenewalRequest,
};

/// Renewal ends where there is nothing left to renew.
fn renewable(status: SubscriptionStatus) -> Result<(), Error> {
    match status {
        SubscriptionStatus::Deleted => {
            Err(Error::new(Code::SubscriptionDeleted, "The subscription is deleted; there is nothing to renew."))
        }
        SubscriptionStatus::Superseded => Err(Error::new(
            Code::SubscriptionSuperseded,
            "The subscription was replaced by a direct-billing one; renew that one instead.",
        )),
        _ => Ok(()),
    }
}

/// Renews a subscription: with a key (its keyed digest) by the partner of record or a
/// delegated admin, or — without — by moving to direct billing (also the tenant admin).
pub fn renew(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    key: Option<Vec<u8>>,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<RenewalRow, Error> {
    let (record, access) = changeable(conn, principal, id, now)?;
    let partner = authz::renews(access, record.0.partner_of_record_id, key.is_some())?;
    let subscription = subscriptions::lock(conn, id)?.ok_or_else(|| Error::not_found("subscription"))?;
    let status = schedule.periods.status(subscription.ends_at, subscription.superseded_by.is_some(), now);
    renewable(status)?;
    match (key, partner) {
        (Some(digest), Some(partner)) => by_key(conn, &subscription, status, partner, &digest, schedule, now),
        (Some(_), None) => Err(Error::forbidden("Only the partner of record or a delegated admin renews with a key.")),
        (None, _) => by_direct_billing(conn, &subscription, status, schedule, now),
    }
}

/// While the term runs or is in grace the new term starts at its end (no day lost); a
/// disabled subscription starts again now. The seats become the key's.
fn by_key(
    conn: &mut PgConnection,
    s: &SubscriptionRow,
    status: SubscriptionStatus,
    partner: Uuid,
    digest: &[u8],
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<RenewalRow, Error> {
    let (key, _) = key_rules::find(conn, digest, KeyHolder::Partner(partner))?;
    if key.product_id != s.product_id {
        return Err(Error::new(Code::ProductMismatch, "The key is for another product than the subscription."));
    }
    let assigned = subscriptions::assigned_seats(conn, s.id)?;
    if i64::from(key.seats) < assigned {
        return Err(Error::new(
            Code::SeatsBelowAssigned,
            format!("The key has {} seats but {assigned} licences are assigned; free some first.", key.seats),
        ));
    }
    let mover = crate::store::movements::Mover { role: "partner", id: Some(partner) };
    if !keys::redeem_available(conn, key.id, s.id, mover, now)? {
        return Err(key_rules::refusal(conn, key.id)?);
    }
    super::stock::announce_redeemed(conn, &[key.distributor_id], &format!("key:{}", key.id), now)?;
    let reactivated = status == SubscriptionStatus::Disabled;
    let starts_at = if reactivated { now } else { s.ends_at };
    let ends_at = term_end(starts_at, key.term_months as u32).ok_or_else(|| Error::internal("term out of range"))?;
    let term = Term {
        starts_at: if reactivated { now } else { s.starts_at },
        term_starts_at: starts_at,
        // The key prepays the new term: the partner bills it, and it ends unless renewed.
        billing: Billing::Partner,
        auto_renew: false,
        ends_at,
        seats: key.seats,
        term_months: key.term_months,
        next_event_at: next_check(ends_at, now, schedule.periods, &schedule.notice_days),
    };
    subscriptions::set_term(conn, s.id, &term)?;
    let row = RenewalRow {
        id: Uuid::now_v7(),
        subscription_id: s.id,
        method: RenewalMethod::ProductKey,
        previous_ends_at: s.ends_at,
        starts_at,
        ends_at,
        seats: key.seats,
        key_id: Some(key.id),
        new_subscription_id: None,
        forfeited_days: None,
        reactivated,
        created_at: now,
    };
    subscriptions::insert_renewal(conn, &row)?;
    let renewed = SubscriptionRow { ends_at, ..s.clone() };
    let outcome = if reactivated { RenewalOutcome::Reactivated } else { RenewalOutcome::Renewed };
    announce(conn, &renewed, now, |subject| events::renewal(subject, outcome, row.id))?;
    Ok(row)
}

/// A new direct-billing subscription (same product and seats, starting now) replaces this
/// one; licences and the partner of record move across; the days given up are reported.
fn by_direct_billing(
    conn: &mut PgConnection,
    s: &SubscriptionRow,
    status: SubscriptionStatus,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<RenewalRow, Error> {
    let ends_at = term_end(now, s.term_months as u32).ok_or_else(|| Error::internal("term out of range"))?;
    let direct = SubscriptionRow {
        id: Uuid::now_v7(),
        billing: Billing::Direct,
        starts_at: now,
        ends_at,
        superseded_by: None,
        created_at: now,
        next_event_at: next_check(ends_at, now, schedule.periods, &schedule.notice_days),
        // Direct billing renews itself unless turned off (SPEC §15).
        auto_renew: true,
        term_starts_at: now,
        ..s.clone()
    };
    subscriptions::insert(conn, &direct)?;
    subscriptions::supersede(conn, s.id, direct.id)?;
    let forfeited_days = if s.ends_at > now { (s.ends_at - now).num_days() as i32 } else { 0 };
    let row = RenewalRow {
        id: Uuid::now_v7(),
        subscription_id: s.id,
        method: RenewalMethod::DirectBilling,
        previous_ends_at: s.ends_at,
        starts_at: now,
        ends_at,
        seats: s.seats,
        key_id: None,
        new_subscription_id: Some(direct.id),
        forfeited_days: Some(forfeited_days),
        reactivated: status == SubscriptionStatus::Disabled,
        created_at: now,
    };
    subscriptions::insert_renewal(conn, &row)?;
    announce(conn, s, now, |subject| events::renewal(subject, RenewalOutcome::Superseded, row.id))?;
    Ok(row)
}

/// The renewals of a subscription the caller can see.
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<RenewalRow>, Error> {
    let (record, access) = visible(conn, principal, id, now)?;
    authz::reads_renewals(access, record.0.partner_of_record_id)?;
    Ok(subscriptions::renewals_of(conn, id, page)?)
}

/// Renews as asked: by a typed key (behind the caller's failure budget of key look-ups) or
/// by moving to direct billing.
pub async fn renew_as_asked(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    request: RenewalRequest,
) -> Result<RenewalRow, Error> {
    let schedule = state.settings.schedule();
    let by = |key: Option<Vec<u8>>| {
        let principal = principal.clone();
        state.transaction(move |conn, now| renew(conn, &principal, id, key, &schedule, now))
    };
    let (row, method) = match request {
        RenewalRequest::ProductKey { key } => {
            let row =
                super::keys::looked_up(state, &principal.key(), &key, async |digest| by(Some(digest)).await).await?;
            COUNTERS.keys_redeemed.inc();
            (row, "product_key")
        }
        RenewalRequest::DirectBilling {} => (by(None).await?, "direct_billing"),
    };
    COUNTERS.renewals.with_label_values(&[method]).inc();
    Ok(row)
}
