//! Who may see and do what. Every handler asks here; none decides by itself.
//! Decisions read the database, so a change (a relationship ended, a user deleted, an admin
//! demoted) applies from the next request. Invisible objects answer 404 (no existence
//! oracle); visible but forbidden actions 403.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    domain::events::Inbox,
    domain::roles::{DelegatedRole, Roles},
    domain::statuses::TenantStatus,
    error::{Code, Error, TokenRefusal},
    store::{
        audit, delegation, delegation::DelegationScope, keys::KeyScope, scopes::TenantScope, stock::ChainScope,
        tenants, users, webhooks,
    },
};

/// Operator-only actions (registering partners, minting keys, running jobs).
pub fn operator(p: &Principal) -> Result<(), Error> {
    match p {
        Principal::Operator { .. } => Ok(()),
        _ => Err(Error::forbidden("Only the platform operator may do this.")),
    }
}

/// A signed-in customer user's own business (`/v1/me`); returns the user and its tenant.
pub fn customer_self(p: &Principal) -> Result<(Uuid, Uuid), Error> {
    match p {
        Principal::Customer { user_id, tenant_id, .. } => Ok((*user_id, *tenant_id)),
        _ => Err(Error::forbidden("Only a customer user has a /v1/me; partners read /v1/partners/me.")),
    }
}

/// Partner-only actions (redemptions, offers); returns the partner.
pub fn partner(p: &Principal) -> Result<Uuid, Error> {
    match p {
        Principal::Partner { partner_id, .. } => Ok(*partner_id),
        _ => Err(Error::forbidden("Only a partner may do this.")),
    }
}

/// Reads of keys and batches: the operator sees all, a partner the cards it holds, a
/// distributor the cards minted to it (wherever they are now); customers may not.
pub fn key_reader(p: &Principal) -> Result<KeyScope, Error> {
    match p {
        Principal::Operator { .. } => Ok(KeyScope::All),
        Principal::Partner { partner_id, .. } => Ok(KeyScope::Partner(*partner_id)),
        Principal::Distributor { distributor_id, .. } => Ok(KeyScope::Distributor(*distributor_id)),
        Principal::Customer { .. } => Err(Error::forbidden("Customers have no product keys.")),
    }
}

/// Distributor-only actions (inviting resellers, allocating cards); returns the distributor.
pub fn distributor(p: &Principal) -> Result<Uuid, Error> {
    match p {
        Principal::Distributor { distributor_id, .. } => Ok(*distributor_id),
        _ => Err(Error::forbidden("Only a distributor may do this.")),
    }
}

/// A distributor record and what hangs off it (its API clients, stock, alerts): the
/// operator and the distributor itself; anyone else is told it does not exist.
pub fn distributor_record(p: &Principal, distributor_id: Uuid) -> Result<(), Error> {
    match p {
        Principal::Operator { .. } => Ok(()),
        Principal::Distributor { distributor_id: own, .. } if *own == distributor_id => Ok(()),
        _ => Err(Error::not_found("distributor")),
    }
}

/// Whose part of the distribution chain (relationships, orders, allocations, returns) the
/// caller reads: the operator all, a distributor or a partner its own; customers none.
pub fn chain_scope(p: &Principal) -> Result<ChainScope, Error> {
    match p {
        Principal::Operator { .. } => Ok(ChainScope::All),
        Principal::Distributor { distributor_id, .. } => Ok(ChainScope::Distributor(*distributor_id)),
        Principal::Partner { partner_id, .. } => Ok(ChainScope::Partner(*partner_id)),
        Principal::Customer { .. } => Err(Error::forbidden("Customers have no part in the distribution chain.")),
    }
}

/// Whether something between `distributor_id` and `partner_id` is in `scope`.
pub fn sees_chain(scope: ChainScope, distributor_id: Uuid, partner_id: Uuid) -> bool {
    match scope {
        ChainScope::All => true,
        ChainScope::Distributor(d) => d == distributor_id,
        ChainScope::Partner(p) => p == partner_id,
    }
}

/// A partner record and what hangs off it (its API clients): the operator and the partner
/// itself; anyone else is told it does not exist.
pub fn partner_record(p: &Principal, partner_id: Uuid) -> Result<(), Error> {
    match p {
        Principal::Operator { .. } => Ok(()),
        Principal::Partner { partner_id: own, .. } if *own == partner_id => Ok(()),
        _ => Err(Error::not_found("partner")),
    }
}

/// A customer token stands for a user only while that user exists in a live tenant; the
/// admin flag is the user's current one, not the token's.
fn customer(conn: &mut PgConnection, user_id: Uuid, tenant_id: Uuid) -> Result<users::UserRow, Error> {
    users::get(conn, user_id)?.filter(|u| u.tenant_id == tenant_id).ok_or_else(gone_user)
}

/// 401 for the token of a user that is no more (deleted, or its tenant gone).
pub fn gone_user() -> Error {
    Error::invalid_token(TokenRefusal::UserGone, "The user of this token no longer exists.")
}

/// Which tenants the caller can see (SPEC §4).
pub fn scope(conn: &mut PgConnection, p: &Principal, now: DateTime<Utc>) -> Result<TenantScope, Error> {
    Ok(match p {
        Principal::Distributor { .. } => return Err(Error::forbidden("Distributors see no customer tenants.")),
        Principal::Operator { .. } => TenantScope::All,
        Principal::Partner { partner_id, .. } => TenantScope::Partner { partner_id: *partner_id, now },
        Principal::Customer { user_id, tenant_id, .. } => {
            customer(conn, *user_id, *tenant_id)?;
            TenantScope::Tenant(*tenant_id)
        }
    })
}

/// [`scope`] for reading one resource of a tenant, `what`: a distributor is answered as
/// any caller who cannot see it (404), not told the whole kind is closed to it.
pub fn scope_of_one(
    conn: &mut PgConnection,
    p: &Principal,
    now: DateTime<Utc>,
    what: &'static str,
) -> Result<TenantScope, Error> {
    match p {
        Principal::Distributor { .. } => Err(Error::not_found(what)),
        _ => scope(conn, p, now),
    }
}

/// What the caller is to one tenant it can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantAccess {
    /// The operator reads every tenant and administers none.
    Operator,
    /// A partner that sees the tenant, with the roles of its active relationship (none
    /// without one).
    Partner { partner_id: Uuid, roles: Roles },
    /// A user of the tenant.
    Customer { user_id: Uuid, admin: bool },
}

impl TenantAccess {
    /// The rights as text, kept with an idempotent answer about the tenant.
    pub fn snapshot(&self) -> String {
        match self {
            Self::Operator => "operator".into(),
            Self::Partner { roles, .. } => format!("partner:{}", roles.bits()),
            Self::Customer { admin: true, .. } => "customer:admin".into(),
            Self::Customer { admin: false, .. } => "customer:user".into(),
        }
    }

    /// Whether this access holds every right the `snapshot` held: a kept answer is replayed
    /// only while it does (a partner whose relationship ended, or an admin since demoted,
    /// is not handed the answer — its secrets among them — again).
    pub fn still_holds(&self, snapshot: &str) -> bool {
        match (self, snapshot.split_once(':')) {
            (Self::Operator, None) => snapshot == "operator",
            (Self::Partner { roles, .. }, Some(("partner", bits))) => {
                bits.parse().is_ok_and(|bits| roles.include(Roles::from_bits(bits)))
            }
            (Self::Customer { admin, .. }, Some(("customer", was))) => *admin || was == "user",
            _ => false,
        }
    }
}

/// What a caller does to a tenant's directory, as delegated administration sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ReadDirectory,
    ManageUsers,
    ManageAdmins,
    ManageLicenses,
    ManageBilling,
    ChangeSettings,
}

/// The role a delegated admin needs for each action, and the operations that are the
/// action: the one table of granular delegated administration (SPEC §9; the README shows
/// it). A tenant admin may do all of them; naming the partner of record is the
/// customer's alone and in no row.
pub const DELEGATED_ROLES: [(Action, DelegatedRole, &str); 6] = [
    (
        Action::ReadDirectory,
        DelegatedRole::DirectoryReader,
        "read the tenant's users (`GET …/users`, `GET …/users/{user_id}`); the tenant and its subscriptions are read by every partner that sees the tenant",
    ),
    (
        Action::ManageUsers,
        DelegatedRole::UserAdministrator,
        "create, change and delete users who are not admins (`POST …/users`, `PATCH` and `DELETE …/users/{user_id}`)",
    ),
    (
        Action::ManageAdmins,
        DelegatedRole::GlobalAdministrator,
        "the same for admin users, making a user an admin, and so the activation token of a new admin",
    ),
    (
        Action::ManageLicenses,
        DelegatedRole::LicenseAdministrator,
        "assign and free licences (`PUT`, `DELETE …/licenses/{subscription_id}`), add seats with a key (`POST /v1/subscriptions/{id}/keys`)",
    ),
    (
        Action::ManageBilling,
        DelegatedRole::BillingAdministrator,
        "renew by key or move to direct billing, read the renewals (`POST`, `GET /v1/subscriptions/{id}/renewals`) and turn automatic renewal on or off (`PATCH /v1/subscriptions/{id}`), where the partner is not the subscription's partner of record; cancel a direct-billed term in its first 7 days (`POST /v1/subscriptions/{id}/cancel`), which a partner of record without the role may not",
    ),
    (
        Action::ChangeSettings,
        DelegatedRole::GlobalAdministrator,
        "change the tenant's settings (`PATCH /v1/tenants/{id}`)",
    ),
];

impl Action {
    /// The role this action needs (from [`DELEGATED_ROLES`]).
    pub fn role(self) -> DelegatedRole {
        DELEGATED_ROLES
            .iter()
            .find(|(action, _, _)| *action == self)
            .map(|(_, role, _)| *role)
            .expect("every action has a row")
    }
}

/// The caller's access to a tenant; 404 when it cannot see it.
pub fn tenant(
    conn: &mut PgConnection,
    p: &Principal,
    tenant_id: Uuid,
    now: DateTime<Utc>,
) -> Result<TenantAccess, Error> {
    let not_found = || Error::not_found("tenant");
    match p {
        Principal::Distributor { .. } => Err(not_found()),
        Principal::Operator { .. } => {
            tenants::get(conn, tenant_id, TenantScope::All)?.ok_or_else(not_found)?;
            Ok(TenantAccess::Operator)
        }
        Principal::Partner { partner_id, .. } => {
            let scope = TenantScope::Partner { partner_id: *partner_id, now };
            tenants::get(conn, tenant_id, scope)?.ok_or_else(not_found)?;
            let roles =
                delegation::active_relationship(conn, *partner_id, tenant_id, now)?.map_or(Roles::none(), |r| r.roles);
            Ok(TenantAccess::Partner { partner_id: *partner_id, roles })
        }
        Principal::Customer { user_id, tenant_id: own, .. } => {
            // The user's row vouches for its tenant.
            let user = customer(conn, *user_id, *own)?;
            if *own != tenant_id {
                return Err(not_found());
            }
            Ok(TenantAccess::Customer { user_id: *user_id, admin: user.admin })
        }
    }
}

/// The caller's access to a tenant it is about to change: as [`tenant`], with the tenant
/// locked against a concurrent purge; a tenant whose data was deleted takes no changes
/// (409 `tenant-data-deleted`), whoever asks.
pub fn tenant_to_change(
    conn: &mut PgConnection,
    p: &Principal,
    tenant_id: Uuid,
    now: DateTime<Utc>,
) -> Result<TenantAccess, Error> {
    let access = tenant(conn, p, tenant_id, now)?;
    if tenants::lock_for_change(conn, tenant_id)? != Some(TenantStatus::Active) {
        return Err(Error::new(
            Code::TenantDataDeleted,
            "The tenant's data was deleted after its subscriptions ended; it takes no changes.",
        ));
    }
    Ok(access)
}

impl TenantAccess {
    /// Tenant administration (users, licences, seats, billing, settings): tenant admins,
    /// and partners whose active relationship holds the role the action needs.
    pub fn may(&self, action: Action) -> Result<(), Error> {
        match self {
            Self::Customer { admin: true, .. } => Ok(()),
            Self::Partner { roles, .. } if roles.covers(action.role()) => Ok(()),
            Self::Partner { roles, .. } if roles.is_empty() => Err(Error::new(
                Code::DelegatedAdminRequired,
                "Administering this tenant needs an active delegated-admin relationship.",
            )),
            Self::Partner { .. } => Err(Error::new(
                Code::DelegatedRoleRequired,
                format!("The delegated-admin relationship does not hold the role `{}` this needs.", action.role()),
            )),
            Self::Customer { admin: false, .. } => Err(Error::forbidden("Only tenant administrators may do this.")),
            Self::Operator => Err(Error::forbidden("The operator does not administer tenants.")),
        }
    }

    /// Decisions only the customer makes (partner of record, accepting offers): tenant admins.
    pub fn tenant_admin(&self) -> Result<Uuid, Error> {
        match self {
            Self::Customer { user_id, admin: true } => Ok(*user_id),
            Self::Customer { admin: false, .. } => Err(Error::forbidden("Only tenant administrators may do this.")),
            _ => Err(Error::forbidden("Only the customer's administrators may do this.")),
        }
    }

    /// Users a caller may read: administrators all, other users only themselves.
    pub fn reads_user(&self, user_id: Uuid) -> bool {
        match self {
            Self::Customer { user_id: own, admin: false } => *own == user_id,
            _ => true,
        }
    }
}

/// The inbox a caller reads: a partner's, or its tenant's for a tenant admin.
pub fn inbox(conn: &mut PgConnection, p: &Principal) -> Result<Inbox, Error> {
    match p {
        Principal::Partner { partner_id, .. } => Ok(Inbox::Partner(*partner_id)),
        Principal::Customer { user_id, tenant_id, .. } if customer(conn, *user_id, *tenant_id)?.admin => {
            Ok(Inbox::Tenant(*tenant_id))
        }
        Principal::Customer { .. } => {
            Err(Error::forbidden("Only tenant administrators read the tenant's notifications."))
        }
        Principal::Distributor { distributor_id, .. } => Ok(Inbox::Distributor(*distributor_id)),
        Principal::Operator { .. } => Err(Error::forbidden("The operator has no notification inbox.")),
    }
}

/// Whose webhook endpoints the caller manages: a partner its own (its inbox's events), a
/// tenant admin its tenant's, the operator every one (its own take every inbox's events).
pub fn webhook_owner(conn: &mut PgConnection, p: &Principal) -> Result<webhooks::Owner, Error> {
    Ok(match p {
        Principal::Operator { .. } => webhooks::Owner::All,
        Principal::Partner { partner_id, .. } => webhooks::Owner::Partner(*partner_id),
        Principal::Distributor { distributor_id, .. } => webhooks::Owner::Distributor(*distributor_id),
        Principal::Customer { user_id, tenant_id, .. } => {
            if !customer(conn, *user_id, *tenant_id)?.admin {
                return Err(Error::forbidden("Only tenant administrators manage the tenant's webhooks."));
            }
            webhooks::Owner::Tenant(*tenant_id)
        }
    })
}

/// Whose audit records the caller reads: the operator all, a partner its own and those on
/// tenants it administers, a tenant admin its tenant's.
pub fn audit_scope(conn: &mut PgConnection, p: &Principal, now: DateTime<Utc>) -> Result<audit::AuditScope, Error> {
    Ok(match p {
        Principal::Operator { .. } => audit::AuditScope::All,
        Principal::Partner { partner_id, .. } => audit::AuditScope::Partner { partner_id: *partner_id, now },
        Principal::Distributor { distributor_id, .. } => audit::AuditScope::Actor(*distributor_id),
        Principal::Customer { user_id, tenant_id, .. } => {
            if !customer(conn, *user_id, *tenant_id)?.admin {
                return Err(Error::forbidden("Only tenant administrators read the tenant's audit log."));
            }
            audit::AuditScope::Tenant(*tenant_id)
        }
    })
}

/// Whose offers and relationships the caller reads: a partner its own, a tenant admin its
/// tenant's, the operator all.
pub fn delegation_scope(conn: &mut PgConnection, principal: &Principal) -> Result<DelegationScope, Error> {
    Ok(match principal {
        Principal::Operator { .. } => DelegationScope::All,
        Principal::Partner { partner_id, .. } => DelegationScope::Partner(*partner_id),
        Principal::Distributor { .. } => {
            return Err(Error::forbidden("Distributors have no part in delegated administration."));
        }
        Principal::Customer { user_id, tenant_id, .. } => {
            if !customer(conn, *user_id, *tenant_id)?.admin {
                return Err(Error::forbidden("Only tenant administrators deal with delegated administration."));
            }
            DelegationScope::Tenant(*tenant_id)
        }
    })
}

/// Whether an offer or relationship between `partner_id` and `tenant_id` is in `scope`.
pub fn sees(scope: DelegationScope, partner_id: Uuid, tenant_id: Uuid) -> bool {
    match scope {
        DelegationScope::All => true,
        DelegationScope::Partner(p) => p == partner_id,
        DelegationScope::Tenant(t) => t == tenant_id,
    }
}

/// Only the customer's administrators answer an offer.
pub fn answers_offers(principal: &Principal) -> Result<(), Error> {
    match principal {
        Principal::Customer { .. } => Ok(()),
        _ => Err(Error::forbidden("Only the customer's administrators answer an offer.")),
    }
}

/// A relationship's terms (turning auto-extend off) are the customer's: only its
/// administrators change them (the scope has already vetted the admin).
pub fn changes_relationship_terms(principal: &Principal) -> Result<(), Error> {
    match principal {
        Principal::Customer { .. } => Ok(()),
        _ => Err(Error::forbidden("Only the customer's administrators change a relationship's terms.")),
    }
}

/// Ending a relationship: the tenant's administrators or the partner (who must see it
/// first), never the operator.
pub fn ends_relationships(principal: &Principal) -> Result<(), Error> {
    match principal {
        Principal::Operator { .. } | Principal::Distributor { .. } => {
            Err(Error::forbidden("Only the tenant or the partner ends a relationship."))
        }
        _ => Ok(()),
    }
}

/// A subscription's billing (renewing it, reading its renewals) is its partner of
/// record's, or a delegated admin's that holds `billing_administrator`.
fn bills(access: TenantAccess, partner_of_record: Option<Uuid>) -> Result<(), Error> {
    match access {
        TenantAccess::Partner { partner_id, .. } if partner_of_record == Some(partner_id) => Ok(()),
        TenantAccess::Partner { roles, .. } if roles.is_empty() => Err(Error::new(
            Code::DelegatedAdminRequired,
            "A subscription's billing is its partner of record's or a delegated admin's with `billing_administrator`.",
        )),
        _ => access.may(Action::ManageBilling),
    }
}

/// Who may renew how: by key only a partner that is partner of record or delegated admin
/// with `billing_administrator`; by direct billing also the tenant's administrators.
pub fn renews(access: TenantAccess, partner_of_record: Option<Uuid>, by_key: bool) -> Result<Option<Uuid>, Error> {
    match access {
        TenantAccess::Partner { partner_id, .. } => bills(access, partner_of_record).map(|()| Some(partner_id)),
        TenantAccess::Customer { admin: true, .. } if !by_key => Ok(None),
        _ if by_key => Err(Error::forbidden("Only the partner of record or a delegated admin renews with a key.")),
        _ => Err(Error::forbidden("Only tenant administrators and their partners renew.")),
    }
}

/// Turning a subscription's automatic renewal on or off: the tenant's administrators, and
/// the partners that bill it (partner of record, delegated `billing_administrator`).
pub fn sets_auto_renew(access: TenantAccess, partner_of_record: Option<Uuid>) -> Result<(), Error> {
    match access {
        TenantAccess::Partner { .. } => bills(access, partner_of_record),
        TenantAccess::Customer { admin: true, .. } => Ok(()),
        TenantAccess::Customer { admin: false, .. } => Err(Error::forbidden("Only tenant administrators may do this.")),
        TenantAccess::Operator => Err(Error::forbidden("The operator does not administer tenants.")),
    }
}

/// A subscription's renewals: read by the tenant's users and the operator, and by the
/// partners that may renew it.
pub fn reads_renewals(access: TenantAccess, partner_of_record: Option<Uuid>) -> Result<(), Error> {
    match access {
        TenantAccess::Partner { .. } => bills(access, partner_of_record),
        TenantAccess::Customer { .. } | TenantAccess::Operator => Ok(()),
    }
}

/// [`DELEGATED_ROLES`] as the README's Markdown table.
pub fn delegated_roles_table() -> String {
    let mut table = String::from("| role needed | lets a delegated admin |\n|---|---|\n");
    for (_, role, operations) in DELEGATED_ROLES {
        table.push_str(&format!("| `{role}` | {operations} |\n"));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_row() {
        let actions = [
            Action::ReadDirectory,
            Action::ManageUsers,
            Action::ManageAdmins,
            Action::ManageLicenses,
            Action::ManageBilling,
            Action::ChangeSettings,
        ];
        for action in actions {
            assert_eq!(DELEGATED_ROLES.iter().filter(|(a, _, _)| *a == action).count(), 1, "{action:?}");
        }
    }

    /// The README shows the table the code decides by, word for word.
    #[test]
    fn the_readme_shows_the_role_table() {
        let readme = include_str!("../README.md");
        let table = delegated_roles_table();
        assert!(readme.contains(&table), "README.md lacks the role table; paste:\n{table}");
    }
}
