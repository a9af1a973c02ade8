//! Granular delegated administration (SPEC §9): the roles a customer grants a partner in a
//! relationship, and what each covers.

use diesel::{
    AsExpression, FromSqlRow,
    sql_types::{Array, Nullable, Text},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A role of a delegated-admin relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DelegatedRole {
    /// Read the tenant, its users, licences and subscriptions.
    DirectoryReader,
    /// Create, update and delete non-admin users.
    UserAdministrator,
    /// Assign and free licences; add seats with a key.
    LicenseAdministrator,
    /// Renew by key, move to direct billing.
    BillingAdministrator,
    /// Everything a tenant admin can do except naming the partner of record.
    GlobalAdministrator,
}

impl DelegatedRole {
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The roles of a relationship or an offer. Every role implies `directory_reader`;
/// `global_administrator` implies every role. Empty means no relationship at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, AsExpression, FromSqlRow)]
#[diesel(sql_type = Array<Nullable<Text>>)]
pub struct Roles(u8);

impl Roles {
    /// What an offer grants when it names no roles: enough to run a customer's users,
    /// licences and renewals, never global.
    pub const DEFAULT: [DelegatedRole; 3] =
        [DelegatedRole::UserAdministrator, DelegatedRole::LicenseAdministrator, DelegatedRole::BillingAdministrator];

    pub fn of(roles: &[DelegatedRole]) -> Self {
        Self(roles.iter().fold(0, |bits, role| bits | role.bit()))
    }

    /// No relationship: nothing granted.
    pub fn none() -> Self {
        Self(0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Granted as such, not merely implied by another role.
    pub fn contains(self, role: DelegatedRole) -> bool {
        self.0 & role.bit() != 0
    }

    /// The granted roles, in catalogue order.
    pub fn granted(self) -> Vec<DelegatedRole> {
        DelegatedRole::ALL.iter().copied().filter(|r| self.contains(*r)).collect()
    }

    /// Whether these roles grant everything `earlier` granted.
    pub fn include(self, earlier: Roles) -> bool {
        self.0 & earlier.0 == earlier.0
    }

    /// The roles as one number (for a snapshot kept as text) and back; unknown bits are dropped.
    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn from_bits(bits: u8) -> Self {
        Self::of(&DelegatedRole::ALL.iter().copied().filter(|r| bits & r.bit() != 0).collect::<Vec<_>>())
    }

    /// Whether these roles allow what `needed` allows.
    pub fn covers(self, needed: DelegatedRole) -> bool {
        !self.is_empty()
            && (needed == DelegatedRole::DirectoryReader
                || self.contains(needed)
                || self.contains(DelegatedRole::GlobalAdministrator))
    }
}

#[cfg(test)]
mod tests {
    use super::{DelegatedRole::*, *};

    #[test]
    fn every_role_reads_the_directory_and_global_covers_all() {
        for role in DelegatedRole::ALL {
            assert!(Roles::of(&[*role]).covers(DirectoryReader), "{role}");
            assert!(Roles::of(&[GlobalAdministrator]).covers(*role), "{role}");
        }
        let default = Roles::of(&Roles::DEFAULT);
        assert!(default.covers(UserAdministrator) && default.covers(BillingAdministrator));
        assert!(!default.covers(GlobalAdministrator));
        assert!(!Roles::of(&[UserAdministrator]).covers(LicenseAdministrator));
    }

    #[test]
    fn no_relationship_covers_nothing() {
        assert!(!Roles::none().covers(DirectoryReader));
        assert!(Roles::none().granted().is_empty());
    }

    #[test]
    fn granted_in_catalogue_order_without_repeats() {
        let roles = Roles::of(&[BillingAdministrator, UserAdministrator, BillingAdministrator]);
        assert_eq!(roles.granted(), vec![UserAdministrator, BillingAdministrator]);
    }
}
