//! The text of every closed set the service stores (see `domain::statuses`): one table per
//! type, used for the database columns (a value outside the table is an error) and for
//! messages. JSON derives the same names (`snake_case`); a test holds the two together.

use diesel::{
    deserialize::{self, FromSql},
    pg::{Pg, PgValue},
    serialize::{self, Output, ToSql},
    sql_types::{Array, Nullable, Text},
};

use crate::domain::{
    lifecycle::SubscriptionStatus,
    notices::LifecycleEvent,
    roles::{DelegatedRole, Roles},
    statuses::{
        Billing, ClientRole, EventKind, HolderKind, KeyStatus, MovementKind, NoticeOutcome, OfferStatus, OrderStatus,
        RedemptionStatus, RelationshipStatus, RenewalMethod, ResellerStatus, TenantStatus,
    },
    versions::ApiVersion,
};

/// An unknown stored value.
#[derive(Debug)]
struct UnknownValue(&'static str, String);

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is not a {}", self.1, self.0)
    }
}

impl std::error::Error for UnknownValue {}

/// `as_str`, `ALL` and `parse` for a closed set, from its table.
macro_rules! names {
    ($ty:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text,)+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// As [`names`], and stored as text.
macro_rules! column {
    ($ty:ident { $($table:tt)+ }) => {
        names!($ty { $($table)+ });

        impl ToSql<Text, Pg> for $ty {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl FromSql<Text, Pg> for $ty {
            fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<Text, Pg>>::from_sql(value)?;
                $ty::parse(&text).ok_or_else(|| UnknownValue(stringify!($ty), text).into())
            }
        }
    };
}

column!(ApiVersion { V2026_11_24 = "2026-11-24", V2026_12_06 = "2026-12-06" });
column!(ClientRole { Operator = "operator", Partner = "partner", Distributor = "distributor" });
column!(RedemptionStatus {
    Open = "open",
    Confirmed = "confirmed",
    Completed = "completed",
    Expired = "expired",
    Cancelled = "cancelled",
});
column!(KeyStatus {
    InStock = "in_stock",
    Available = "available",
    Reserved = "reserved",
    Redeemed = "redeemed",
    Revoked = "revoked",
});
column!(ResellerStatus {
    Invited = "invited",
    Active = "active",
    Declined = "declined",
    Ended = "ended",
    Expired = "expired",
});
column!(OrderStatus { Open = "open", Fulfilled = "fulfilled", Rejected = "rejected", Cancelled = "cancelled" });
column!(MovementKind {
    Minted = "minted",
    Allocated = "allocated",
    Returned = "returned",
    Reserved = "reserved",
    Released = "released",
    Redeemed = "redeemed",
    Revoked = "revoked",
});
column!(HolderKind {
    Platform = "platform",
    Distributor = "distributor",
    Partner = "partner",
    Redemption = "redemption",
    Tenant = "tenant",
});
column!(TenantStatus { Active = "active", DataDeleted = "data_deleted" });
column!(Billing { Partner = "partner", Direct = "direct" });
column!(OfferStatus {
    Pending = "pending",
    Accepted = "accepted",
    Declined = "declined",
    Revoked = "revoked",
    Expired = "expired",
});
column!(RelationshipStatus { Active = "active", Expired = "expired", Terminated = "terminated" });
column!(NoticeOutcome { Sent = "sent", Skipped = "skipped" });
column!(RenewalMethod { ProductKey = "product_key", DirectBilling = "direct_billing", Auto = "auto" });
column!(LifecycleEvent { Expired = "expired", Disabled = "disabled", Deleted = "deleted" });
column!(EventKind {
    RenewalNotice = "subscription.renewal_notice",
    SubscriptionExpired = "subscription.expired",
    SubscriptionDisabled = "subscription.disabled",
    SubscriptionDeleted = "subscription.deleted",
    SubscriptionRenewed = "subscription.renewed",
    SubscriptionReactivated = "subscription.reactivated",
    SubscriptionSuperseded = "subscription.superseded",
    OfferCreated = "delegated_admin_offer.created",
    OfferAccepted = "delegated_admin_offer.accepted",
    OfferDeclined = "delegated_admin_offer.declined",
    OfferExpired = "delegated_admin_offer.expired",
    RelationshipTerminated = "delegated_admin_relationship.terminated",
    RelationshipExpiring = "delegated_admin_relationship.expiring",
    RelationshipExpired = "delegated_admin_relationship.expired",
    RelationshipExtended = "delegated_admin_relationship.extended",
    PartnerOfRecordAdded = "partner_of_record.added",
    PartnerOfRecordRemoved = "partner_of_record.removed",
    WebhookEndpointDisabled = "webhook_endpoint.disabled",
    TenantCreated = "tenant.created",
    RedemptionCompleted = "redemption.completed",
    ResellerInvited = "reseller_relationship.invited",
    ResellerAccepted = "reseller_relationship.accepted",
    ResellerDeclined = "reseller_relationship.declined",
    ResellerEnded = "reseller_relationship.ended",
    KeysAllocated = "keys.allocated",
    KeysRevoked = "keys.revoked",
    KeysReturned = "keys.returned",
    KeysRedeemed = "keys.redeemed",
    OrderPlaced = "key_order.placed",
    OrderFulfilled = "key_order.fulfilled",
    OrderRejected = "key_order.rejected",
    StockLow = "stock.low",
    SubscriptionCancelled = "subscription.cancelled",
});
names!(DelegatedRole {
    DirectoryReader = "directory_reader",
    UserAdministrator = "user_administrator",
    LicenseAdministrator = "license_administrator",
    BillingAdministrator = "billing_administrator",
    GlobalAdministrator = "global_administrator",
});

/// Roles are stored as an array of role names (checked by the table's constraint).
impl ToSql<Array<Nullable<Text>>, Pg> for Roles {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        let names: Vec<Option<&str>> = self.granted().into_iter().map(|r| Some(r.as_str())).collect();
        <Vec<Option<&str>> as ToSql<Array<Nullable<Text>>, Pg>>::to_sql(&names, &mut out.reborrow())
    }
}

impl FromSql<Array<Nullable<Text>>, Pg> for Roles {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        let names = <Vec<Option<String>> as FromSql<Array<Nullable<Text>>, Pg>>::from_sql(value)?;
        let roles = names
            .into_iter()
            .map(|name| {
                let name = name.unwrap_or_default();
                DelegatedRole::parse(&name).ok_or(UnknownValue("DelegatedRole", name))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Roles::of(&roles))
    }
}

names!(SubscriptionStatus {
    Active = "active",
    Expired = "expired",
    Disabled = "disabled",
    Deleted = "deleted",
    Superseded = "superseded",
});

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON shows each value by the same name the database stores.
    fn same_names<T: serde::Serialize + Copy>(all: &[T], name: impl Fn(T) -> &'static str) {
        for value in all {
            assert_eq!(serde_json::to_value(value).unwrap(), name(*value));
        }
    }

    #[test]
    fn json_and_database_agree() {
        same_names(ClientRole::ALL, ClientRole::as_str);
        same_names(ApiVersion::ALL, ApiVersion::as_str);
        same_names(RedemptionStatus::ALL, RedemptionStatus::as_str);
        same_names(KeyStatus::ALL, KeyStatus::as_str);
        same_names(TenantStatus::ALL, TenantStatus::as_str);
        same_names(Billing::ALL, Billing::as_str);
        same_names(OfferStatus::ALL, OfferStatus::as_str);
        same_names(RelationshipStatus::ALL, RelationshipStatus::as_str);
        same_names(NoticeOutcome::ALL, NoticeOutcome::as_str);
        same_names(RenewalMethod::ALL, RenewalMethod::as_str);
        same_names(SubscriptionStatus::ALL, SubscriptionStatus::as_str);
        same_names(DelegatedRole::ALL, DelegatedRole::as_str);
        same_names(ResellerStatus::ALL, ResellerStatus::as_str);
        same_names(OrderStatus::ALL, OrderStatus::as_str);
        same_names(MovementKind::ALL, MovementKind::as_str);
        same_names(HolderKind::ALL, HolderKind::as_str);
    }

    /// The database's CHECK constraint on notification events lists exactly these.
    #[test]
    fn every_event_kind_is_allowed_by_the_migrations() {
        let migrations: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
            .unwrap()
            .map(|d| std::fs::read_to_string(d.unwrap().path().join("up.sql")).unwrap_or_default())
            .collect();
        for kind in EventKind::ALL {
            assert!(migrations.contains(&format!("'{}'", kind.as_str())), "{kind} is not in the CHECK constraint");
        }
    }

    #[test]
    fn unknown_text_is_no_value() {
        assert_eq!(KeyStatus::parse("reserved"), Some(KeyStatus::Reserved));
        assert_eq!(KeyStatus::parse("Reserved"), None);
        assert_eq!(EventKind::parse("subscription.expired"), Some(EventKind::SubscriptionExpired));
    }
}
