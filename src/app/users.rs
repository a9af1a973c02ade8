//! A tenant's users and their licences, administered by tenant admins and delegated admins.

use chrono::{DateTime, Days, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::{
        Principal,
        secrets::{ACTIVATION_TOKEN_PREFIX, Pepper, SecretKind, new_secret},
    },
    authz::{self, Action, TenantAccess},
    domain::lifecycle::{Periods, SubscriptionStatus},
    error::{Code, Error},
    store::{
        self, Page, subscriptions,
        users::{self, UserChanges, UserRow},
    },
    views::users::{CreateUser, UpdateUser},
};

/// Days an activation token stays valid.
pub const ACTIVATION_DAYS: u64 = 7;

/// A user with the subscriptions it holds licences on.
pub type UserWithLicenses = (UserRow, Vec<Uuid>);

/// Who a new user is.
pub struct NewUser {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub admin: bool,
    /// A licence on this subscription of the tenant right away.
    pub license: Option<Uuid>,
}

/// Creates a single-use activation token for a user with these rights (`admin`); returns it
/// in plain text (stored as a digest).
pub fn issue_activation_token(
    conn: &mut PgConnection,
    pepper: &Pepper,
    user: &UserRow,
    now: DateTime<Utc>,
) -> Result<String, Error> {
    let token = new_secret(ACTIVATION_TOKEN_PREFIX);
    let digest = pepper.digest(SecretKind::ActivationToken, &token);
    users::insert_activation_token(conn, &digest, (user.id, user.admin), now + Days::new(ACTIVATION_DAYS), now)?;
    Ok(token)
}

/// Assigns a licence on a subscription of `tenant_id` to a user, never past its seats: the
/// subscription row is locked while its assignments are counted. Returns false when the
/// user already held one.
pub fn assign_license(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    subscription_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
    periods: Periods,
) -> Result<bool, Error> {
    let subscription = subscriptions::lock(conn, subscription_id)?
        .filter(|s| s.tenant_id == tenant_id)
        .ok_or_else(|| Error::not_found("subscription in this tenant"))?;
    let status = periods.status(subscription.ends_at, subscription.superseded_by.is_some(), now);
    if !matches!(status, SubscriptionStatus::Active | SubscriptionStatus::Expired) {
        return Err(Error::new(
            Code::SubscriptionInactive,
            format!("The subscription is {status}: no new licences can be assigned."),
        ));
    }
    if subscriptions::has_license(conn, subscription_id, user_id)? {
        return Ok(false);
    }
    let assigned = subscriptions::assigned_seats(conn, subscription_id)?;
    if assigned >= i64::from(subscription.seats) {
        return Err(Error::new(
            Code::NoLicensesAvailable,
            format!("All {} seats are assigned; free one or add seats with another key.", subscription.seats),
        ));
    }
    subscriptions::assign_license(conn, subscription_id, user_id, now)?;
    Ok(true)
}

/// Inserts a user; a taken e-mail address is `user-exists`.
pub fn insert(conn: &mut PgConnection, row: &UserRow) -> Result<(), Error> {
    users::insert(conn, row).map_err(user_exists)
}

fn user_exists(e: diesel::result::Error) -> Error {
    if store::violates(&e, users::EMAIL_KEY) {
        Error::new(Code::UserExists, "A user with this e-mail address already exists.")
    } else {
        e.into()
    }
}

/// A user of a tenant the caller may change, locked against a concurrent deletion while
/// its licences and fields change, with the caller's access (to decide what it may do).
fn changeable_user(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(TenantAccess, UserRow), Error> {
    let access = authz::tenant_to_change(conn, principal, tenant_id, now)?;
    // Who may change nothing here is refused before anything about the user shows.
    access.may(Action::ReadDirectory)?;
    let row = users::lock_in_tenant(conn, tenant_id, user_id)?.ok_or_else(|| Error::not_found("user"))?;
    Ok((access, row))
}

/// Managing an admin user (or making one) needs more than managing a plain user.
fn user_action(admin: bool) -> Action {
    if admin { Action::ManageAdmins } else { Action::ManageUsers }
}

/// The user with the subscriptions it holds licences on.
pub fn with_licenses(conn: &mut PgConnection, row: UserRow) -> Result<UserWithLicenses, Error> {
    let licenses = users::licenses_of(conn, &[row.id])?.into_iter().map(|(_, s)| s).collect();
    Ok((row, licenses))
}

/// Adds a user (with a licence right away, if asked) and its activation token.
pub fn create(
    conn: &mut PgConnection,
    principal: &Principal,
    pepper: &Pepper,
    tenant_id: Uuid,
    user: NewUser,
    periods: Periods,
    now: DateTime<Utc>,
) -> Result<(UserWithLicenses, String), Error> {
    let access = authz::tenant_to_change(conn, principal, tenant_id, now)?;
    access.may(user_action(user.admin))?;
    if user.license.is_some() {
        access.may(Action::ManageLicenses)?;
    }
    let license = user.license;
    if let Some(subscription_id) = license {
        // The subscription before the new address, as an import takes them, so the two
        // never wait on each other in a circle.
        subscriptions::lock(conn, subscription_id)?;
    }
    let row = UserRow {
        id: Uuid::now_v7(),
        tenant_id,
        email: user.email,
        first_name: user.first_name,
        last_name: user.last_name,
        admin: user.admin,
        password_hash: None,
        created_at: now,
    };
    insert(conn, &row)?;
    crate::audit::note("user", row.id, Some(tenant_id), None);
    if let Some(subscription_id) = license {
        assign_license(conn, tenant_id, subscription_id, row.id, now, periods)?;
    }
    let activation_token = issue_activation_token(conn, pepper, &row, now)?;
    Ok((with_licenses(conn, row)?, activation_token))
}

/// A tenant's users: all for who administers it, only themselves for other users.
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<UserWithLicenses>, Error> {
    let access = authz::tenant(conn, principal, tenant_id, now)?;
    let only = match access {
        TenantAccess::Customer { user_id, admin: false } => Some(user_id),
        _ => {
            access.may(Action::ReadDirectory)?;
            None
        }
    };
    let rows = users::list(conn, tenant_id, only, page)?;
    let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
    let licenses = users::licenses_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|u| {
            let held = licenses.iter().filter(|(user, _)| *user == u.id).map(|(_, s)| *s).collect();
            (u, held)
        })
        .collect())
}

/// Every user of the tenant with its licences' SKUs, for an export (by who may list them).
pub fn export(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(Vec<UserWithLicenses>, std::collections::HashMap<Uuid, String>), Error> {
    let mut all = Vec::new();
    let mut page = Page { limit: 1000, after: None };
    loop {
        let mut rows = list(conn, principal, tenant_id, page, now)?;
        let more = rows.len() as i64 > page.limit;
        rows.truncate(page.limit as usize);
        page.after = rows.last().map(|(u, _)| u.id);
        all.extend(rows);
        if !more {
            break;
        }
    }
    let skus = subscriptions::for_tenant(conn, tenant_id)?.into_iter().map(|r| (r.0.id, r.1.sku)).collect();
    Ok((all, skus))
}

pub fn get(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<UserWithLicenses, Error> {
    let access = authz::tenant(conn, principal, tenant_id, now)?;
    if !matches!(access, TenantAccess::Customer { admin: false, .. }) {
        access.may(Action::ReadDirectory)?;
    }
    let row = users::get_in_tenant(conn, tenant_id, user_id)?
        .filter(|u| access.reads_user(u.id))
        .ok_or_else(|| Error::not_found("user"))?;
    with_licenses(conn, row)
}

/// Fails with `last-admin` when `user_id` is the tenant's only administrator.
fn keep_an_admin(conn: &mut PgConnection, tenant_id: Uuid, user_id: Uuid) -> Result<(), Error> {
    let admins = users::lock_admins(conn, tenant_id)?;
    if admins == [user_id] {
        return Err(Error::new(Code::LastAdmin, "This is the tenant's only administrator; name another first."));
    }
    Ok(())
}

/// Changes a user's fields; the last administrator keeps its rights. When its rights grow,
/// its outstanding activation tokens are voided: whoever holds one was given it for the
/// user as it was.
pub fn update(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    changes: UserChanges,
    now: DateTime<Utc>,
) -> Result<UserWithLicenses, Error> {
    let (access, row) = changeable_user(conn, principal, tenant_id, user_id, now)?;
    access.may(user_action(row.admin || changes.admin == Some(true)))?;
    if row.admin && changes.admin == Some(false) {
        keep_an_admin(conn, tenant_id, user_id)?;
    }
    let promoted = !row.admin && changes.admin == Some(true);
    let row = users::update(conn, user_id, &changes).map_err(user_exists)?;
    if promoted {
        users::void_activation_tokens(conn, user_id, now)?;
    }
    with_licenses(conn, row)
}

/// A fresh activation token for a user who has not set a password yet (the old one is
/// voided), by who may manage that user; returns it and when it expires.
pub fn reissue_activation(
    conn: &mut PgConnection,
    principal: &Principal,
    pepper: &Pepper,
    tenant_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), Error> {
    let (access, row) = changeable_user(conn, principal, tenant_id, user_id, now)?;
    access.may(user_action(row.admin))?;
    if row.password_hash.is_some() {
        return Err(Error::new(
            Code::UserActivated,
            "The user has set a password; it signs in with it (and changes it at POST /v1/auth/password).",
        ));
    }
    users::void_activation_tokens(conn, user_id, now)?;
    let token = issue_activation_token(conn, pepper, &row, now)?;
    Ok((token, now + Days::new(ACTIVATION_DAYS)))
}

/// Deletes a user (its licences and tokens go with it); not the last administrator.
pub fn delete(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let (access, row) = changeable_user(conn, principal, tenant_id, user_id, now)?;
    access.may(user_action(row.admin))?;
    if row.admin {
        keep_an_admin(conn, tenant_id, user_id)?;
    }
    Ok(users::delete(conn, user_id)?)
}

/// Gives a user a licence; false when it held one already.
pub fn assign(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    subscription_id: Uuid,
    periods: Periods,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    changeable_user(conn, principal, tenant_id, user_id, now)?.0.may(Action::ManageLicenses)?;
    assign_license(conn, tenant_id, subscription_id, user_id, now, periods)
}

pub fn free(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    user_id: Uuid,
    subscription_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    changeable_user(conn, principal, tenant_id, user_id, now)?.0.may(Action::ManageLicenses)?;
    if subscriptions::free_license(conn, subscription_id, user_id)? { Ok(()) } else { Err(Error::not_found("licence")) }
}

impl From<CreateUser> for NewUser {
    fn from(request: CreateUser) -> Self {
        let CreateUser { email, first_name, last_name, admin, license_subscription_id } = request;
        NewUser { email, first_name, last_name, admin, license: license_subscription_id }
    }
}

impl From<UpdateUser> for UserChanges {
    fn from(request: UpdateUser) -> Self {
        let UpdateUser { email, first_name, last_name, admin } = request;
        UserChanges { email, first_name, last_name, admin }
    }
}
