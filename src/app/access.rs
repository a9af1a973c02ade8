//! Access (SPEC §11): what an application asks at sign-in — who is this, and may they use
//! this product now? Answers follow the clock at every instant, sweeps or not.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz::{self, Action, TenantAccess},
    domain::lifecycle::{Entitlement, Periods, SubscriptionStatus},
    error::Error,
    store::{
        scopes::TenantScope,
        tenants::{self, TenantRow},
        users::{self, Licence, UserRow},
    },
};

fn entitlement(licence: Licence, periods: Periods, now: DateTime<Utc>) -> Entitlement {
    let (subscription_id, ends_at, superseded_by, product_id, sku, name) = licence;
    let status = periods.status(ends_at, superseded_by.is_some(), now);
    Entitlement {
        subscription_id,
        product: (product_id, sku, name),
        status,
        usable: matches!(status, SubscriptionStatus::Active | SubscriptionStatus::Expired),
        usable_until: superseded_by.is_none().then(|| periods.grace_ends_at(ends_at)),
    }
}

/// The signed-in customer user: itself, its tenant and its licences.
pub fn me(conn: &mut PgConnection, principal: &Principal) -> Result<(UserRow, TenantRow, Vec<Uuid>), Error> {
    let (user_id, tenant_id) = authz::customer_self(principal)?;
    let user = users::get_in_tenant(conn, tenant_id, user_id)?.ok_or_else(authz::gone_user)?;
    let tenant = tenants::get(conn, tenant_id, TenantScope::All)?.ok_or_else(authz::gone_user)?;
    let licences = users::licenses_of(conn, &[user_id])?.into_iter().map(|(_, s)| s).collect();
    Ok((user, tenant, licences))
}

/// The signed-in customer user's entitlements, from one query.
pub fn my_entitlements(
    conn: &mut PgConnection,
    principal: &Principal,
    periods: Periods,
    now: DateTime<Utc>,
) -> Result<Vec<Entitlement>, Error> {
    let (user_id, tenant_id) = authz::customer_self(principal)?;
    let licences = users::entitlements(conn, user_id, tenant_id)?.ok_or_else(authz::gone_user)?;
    Ok(licences.into_iter().map(|l| entitlement(l, periods, now)).collect())
}

/// A user's entitlements, for who administers the tenant (its admins, a delegated admin).
pub fn user_entitlements(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    periods: Periods,
    now: DateTime<Utc>,
) -> Result<Vec<Entitlement>, Error> {
    let access = authz::tenant(conn, principal, tenant_id, now)?;
    // A user may always ask about itself.
    if !matches!(access, TenantAccess::Customer { user_id: own, .. } if own == user_id) {
        access.may(Action::ReadDirectory)?;
    }
    let licences = users::entitlements(conn, user_id, tenant_id)?.ok_or_else(|| Error::not_found("user"))?;
    Ok(licences.into_iter().map(|l| entitlement(l, periods, now)).collect())
}
