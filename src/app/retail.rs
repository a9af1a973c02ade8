//! Retail keys (SPEC §11): a customer without a partner signs up with a key it bought,
//! and adds more keys to its own tenant. Partner keys never work here, retail keys never
//! in a partner's redemption: both answer `key-not-found`, so neither is an oracle.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::{
    Schedule,
    keys::{not_found, refusal},
    redemptions::{NewAccount, check_account, count_account, new_account, open_subscription, open_tenant},
};
use crate::store::redemptions::Account;
use crate::{
    auth::{Principal, secrets::Pepper},
    authz,
    domain::events::{self, Inbox},
    error::Error,
    metrics::COUNTERS,
    state::AppState,
    store::{
        keys::{self, KeyRow},
        products::ProductRow,
        subscriptions::{self, SubscriptionRecord, SubscriptionRow},
    },
    views::redemptions::SignUp,
};

/// The retail key with this digest, locked, while it can still be redeemed.
fn available_retail_key(conn: &mut PgConnection, digest: &[u8]) -> Result<(KeyRow, ProductRow), Error> {
    let (key, product) = keys::lock_retail(conn, digest)?.ok_or_else(not_found)?;
    if key.status != crate::domain::statuses::KeyStatus::Available {
        return Err(refusal(conn, key.id)?);
    }
    Ok((key, product))
}

/// Sign-up: one retail key becomes a tenant, its subscription and its first admin (with a
/// licence), in the caller's one transaction.
pub fn sign_up(
    conn: &mut PgConnection,
    pepper: &Pepper,
    digest: &[u8],
    account: NewAccount,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<Account, Error> {
    let country = check_account(&account)?;
    let (key, product) = available_retail_key(conn, digest)?;
    let (tenant, admin, activation_token) = open_tenant(conn, pepper, None, account, country, now)?;
    let subscription = open_subscription(conn, tenant.id, key.product_id, key.seats, key.term_months, schedule, now)?;
    subscriptions::assign_license(conn, subscription.id, admin.id, now)?;
    let mover = crate::store::movements::Mover { role: "customer", id: Some(admin.id) };
    if !keys::redeem_available(conn, key.id, subscription.id, mover, now)? {
        return Err(refusal(conn, key.id)?);
    }
    let created = events::tenant_created(tenant.id, &tenant.company_name, "its own administrator (retail key)");
    super::notify::deliver(conn, &created, &[Inbox::Tenant(tenant.id)], now)?;
    let subscriptions = vec![(subscription, product, None, 1)];
    Ok(Account { keys_redeemed: 1, tenant, subscriptions, admin, activation_token })
}

/// A tenant admin redeems a retail key into its tenant: more seats until the current end
/// on the live subscription of the key's product, or a new subscription when there is
/// none. Returns the subscription and the seats added.
pub fn redeem_into_tenant(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    digest: &[u8],
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<(SubscriptionRecord, i32), Error> {
    authz::tenant_to_change(conn, principal, tenant_id, now)?.tenant_admin()?;
    let (key, _) = available_retail_key(conn, digest)?;
    let usable_after = now - chrono::Days::new(schedule.periods.grace_days.into());
    let subscription: SubscriptionRow =
        match subscriptions::lock_live_of_product(conn, tenant_id, key.product_id, usable_after)? {
            Some(live) => {
                subscriptions::add_seats(conn, live.id, key.seats)?;
                live
            }
            None => open_subscription(conn, tenant_id, key.product_id, key.seats, key.term_months, schedule, now)?,
        };
    if !keys::redeem_available(conn, key.id, subscription.id, super::stock::mover(principal), now)? {
        return Err(refusal(conn, key.id)?);
    }
    crate::audit::note("subscription", subscription.id, Some(tenant_id), None);
    let record = subscriptions::get(conn, subscription.id, crate::store::scopes::TenantScope::All)?
        .ok_or_else(|| Error::not_found("subscription"))?;
    Ok((record, key.seats))
}

/// Sign-up with a typed retail key, behind the failure budget of key look-ups of the
/// caller's address (`source`); returns the account and the instant it was made.
pub async fn sign_up_by_key(
    state: &AppState,
    source: &str,
    request: SignUp,
) -> Result<(Account, DateTime<Utc>), Error> {
    let SignUp { key, country, company_name, domain, admin } = request;
    let account = new_account(country, company_name, domain, admin);
    check_account(&account)?;
    let (schedule, pepper) = (state.settings.schedule(), state.pepper.clone());
    let made = super::keys::looked_up(state, &format!("source:{source}"), &key, async |digest| {
        state.transaction(move |conn, now| Ok((sign_up(conn, &pepper, &digest, account, &schedule, now)?, now))).await
    })
    .await?;
    count_account(&made.0);
    Ok(made)
}

/// A tenant admin redeems a typed retail key into its tenant, behind its failure budget of
/// key look-ups; returns the subscription, the seats added and the instant.
pub async fn redeem_typed_key(
    state: &AppState,
    principal: &Principal,
    tenant_id: Uuid,
    key: &str,
) -> Result<(SubscriptionRecord, i32, DateTime<Utc>), Error> {
    let schedule = state.settings.schedule();
    let principal_ = principal.clone();
    let (record, added, now) = super::keys::looked_up(state, &principal.key(), key, async |digest| {
        state
            .transaction(move |conn, now| {
                let (record, added) = redeem_into_tenant(conn, &principal_, tenant_id, &digest, &schedule, now)?;
                Ok((record, added, now))
            })
            .await
    })
    .await?;
    COUNTERS.keys_redeemed.inc();
    Ok((record, added, now))
}
