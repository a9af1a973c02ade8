//! Subscriptions: what a caller sees of them, their partner of record, and more seats by
//! another key.

use crate::store::keys::KeyHolder;
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::keys as key_rules;
use crate::{
    auth::Principal,
    authz::{self, Action, TenantAccess},
    domain::{
        events::{self, Inbox},
        lifecycle::{Periods, SubscriptionStatus},
    },
    error::{Code, Error},
    metrics::COUNTERS,
    state::AppState,
    store::{
        Page, keys, partners,
        scopes::TenantScope,
        subscriptions::{self, SubscriptionFilter, SubscriptionRecord},
        tenants,
    },
};

/// The subscriptions the caller can see, optionally of one tenant (404 when the caller
/// cannot see that tenant) or in one status at `now`.
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Option<Uuid>,
    status: Option<SubscriptionStatus>,
    periods: Periods,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<SubscriptionRecord>, Error> {
    let filter = SubscriptionFilter { scope: authz::scope(conn, principal, now)?, tenant_id, status };
    if let Some(tenant_id) = tenant_id {
        tenants::get(conn, tenant_id, filter.scope)?.ok_or_else(|| Error::not_found("tenant"))?;
    }
    Ok(subscriptions::list(conn, filter, now, periods, page)?)
}

fn seen(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SubscriptionRecord, Error> {
    let scope = authz::scope_of_one(conn, principal, now, "subscription")?;
    subscriptions::get(conn, id, scope)?.ok_or_else(|| Error::not_found("subscription"))
}

/// The subscription as the caller sees it (404 otherwise).
pub fn get(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SubscriptionRecord, Error> {
    seen(conn, principal, id, now)
}

/// The subscription as the caller sees it, with the caller's access to its tenant.
pub fn visible(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(SubscriptionRecord, TenantAccess), Error> {
    let record = seen(conn, principal, id, now)?;
    let access = authz::tenant(conn, principal, record.0.tenant_id, now)?;
    Ok((record, access))
}

/// As [`visible`], for a change to the subscription: its tenant is locked against a purge
/// and refuses changes once its data is deleted.
pub fn changeable(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(SubscriptionRecord, TenantAccess), Error> {
    let record = seen(conn, principal, id, now)?;
    let access = authz::tenant_to_change(conn, principal, record.0.tenant_id, now)?;
    crate::audit::note("subscription", id, Some(record.0.tenant_id), None);
    Ok((record, access))
}

fn reread(conn: &mut PgConnection, id: Uuid) -> Result<SubscriptionRecord, Error> {
    subscriptions::get(conn, id, TenantScope::All)?.ok_or_else(|| Error::not_found("subscription"))
}

/// Tells a partner it was named (`added`) or removed as partner of record.
fn notify_partner_of_record(
    conn: &mut PgConnection,
    added: bool,
    partner: Uuid,
    record: &SubscriptionRecord,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let tenant = tenants::get(conn, record.0.tenant_id, TenantScope::All)?.ok_or_else(|| Error::not_found("tenant"))?;
    let event =
        events::partner_of_record(added, Uuid::now_v7(), tenant.id, record.0.id, &tenant.company_name, &record.1.name);
    super::notify::deliver(conn, &event, &[Inbox::Partner(partner)], now)?;
    Ok(())
}

/// A tenant admin names the subscription's partner of record by its number; the partner
/// named and the one it replaces are told.
pub fn set_partner_of_record(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    number: &str,
    now: DateTime<Utc>,
) -> Result<SubscriptionRecord, Error> {
    let (_, access) = changeable(conn, principal, id, now)?;
    access.tenant_admin()?;
    // Locked, so that concurrent changes each see the partner they replace.
    subscriptions::lock(conn, id)?;
    let record = reread(conn, id)?;
    let partner = partners::find_by_number(conn, number.trim())?
        .ok_or_else(|| Error::new(Code::UnknownPartnerNumber, "No partner has this partner-of-record number."))?;
    let previous = record.0.partner_of_record_id;
    if previous != Some(partner.id) {
        subscriptions::set_partner_of_record(conn, id, Some(partner.id))?;
        if let Some(previous) = previous {
            notify_partner_of_record(conn, false, previous, &record, now)?;
        }
        notify_partner_of_record(conn, true, partner.id, &record, now)?;
    }
    reread(conn, id)
}

/// A tenant admin removes the partner of record, which is told.
pub fn remove_partner_of_record(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let (_, access) = changeable(conn, principal, id, now)?;
    access.tenant_admin()?;
    subscriptions::lock(conn, id)?;
    let record = reread(conn, id)?;
    if let Some(previous) = record.0.partner_of_record_id {
        subscriptions::set_partner_of_record(conn, id, None)?;
        notify_partner_of_record(conn, false, previous, &record, now)?;
    }
    Ok(())
}

/// Redeems another key of the same product on a live subscription: its seats are added
/// until the current end. A delegated admin uses its own keys, a tenant admin retail keys
/// (SPEC §11): any other key is not found, whatever its product.
pub fn add_seats(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    digest: &[u8],
    periods: Periods,
    now: DateTime<Utc>,
) -> Result<SubscriptionRecord, Error> {
    let (_, access) = changeable(conn, principal, id, now)?;
    access.may(Action::ManageLicenses)?;
    let owner = match access {
        TenantAccess::Partner { partner_id, .. } => KeyHolder::Partner(partner_id),
        _ => KeyHolder::Retail,
    };
    let subscription = subscriptions::lock(conn, id)?.ok_or_else(|| Error::not_found("subscription"))?;
    let status = periods.status(subscription.ends_at, subscription.superseded_by.is_some(), now);
    if !matches!(status, SubscriptionStatus::Active | SubscriptionStatus::Expired) {
        return Err(Error::new(
            Code::SubscriptionInactive,
            format!("The subscription is {status}: renew it before adding seats."),
        ));
    }
    let (key, _) = key_rules::find(conn, digest, owner)?;
    if key.product_id != subscription.product_id {
        return Err(Error::new(Code::ProductMismatch, "The key is for another product than the subscription."));
    }
    if !keys::redeem_available(conn, key.id, id, super::stock::mover(principal), now)? {
        return Err(key_rules::refusal(conn, key.id)?);
    }
    super::stock::announce_redeemed(conn, &[key.distributor_id], &format!("key:{}", key.id), now)?;
    subscriptions::add_seats(conn, id, key.seats)?;
    reread(conn, id)
}

/// More seats with a typed key, behind the caller's failure budget of key look-ups; returns
/// the subscription and the instant.
pub async fn add_seats_with(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    key: &str,
) -> Result<(SubscriptionRecord, DateTime<Utc>), Error> {
    let periods = state.settings.periods();
    let added = super::keys::looked_up(state, &principal.key(), key, async |digest| {
        let principal = principal.clone();
        state.transaction(move |conn, now| Ok((add_seats(conn, &principal, id, &digest, periods, now)?, now))).await
    })
    .await?;
    COUNTERS.keys_redeemed.inc();
    Ok(added)
}
