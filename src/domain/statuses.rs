//! The closed sets the service stores and shows: statuses, kinds and methods, as types.
//! Their text — in the database and in JSON alike — is given once, in `store/mapping.rs`;
//! a stored value outside a set is an error, never a default.

use diesel::{AsExpression, FromSqlRow, sql_types::Text};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Who an API client acts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum ClientRole {
    Operator,
    Partner,
    Distributor,
}

/// Where a redemption stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum RedemptionStatus {
    /// Keys may be added and removed.
    Open,
    /// Keys are fixed; the account can be created.
    Confirmed,
    /// The account was created.
    Completed,
    /// Untouched for too long: its keys went back.
    Expired,
    /// Cancelled by the partner: its keys went back.
    Cancelled,
}

/// Where a product key stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum KeyStatus {
    /// On a distributor's shelf: inert until allocated to a partner.
    InStock,
    Available,
    Reserved,
    Redeemed,
    Revoked,
}

/// Whether a tenant's data is still there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum TenantStatus {
    Active,
    /// Every subscription ended long ago and the tenant's data was purged.
    DataDeleted,
}

/// Who bills the customer for a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum Billing {
    /// The partner bills the customer (prepaid product keys).
    Partner,
    /// The platform bills the customer.
    Direct,
}

/// Where a delegated-admin offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum OfferStatus {
    Pending,
    Accepted,
    Declined,
    Revoked,
    /// Unanswered for 90 days.
    Expired,
}

/// Where a delegated-admin relationship stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum RelationshipStatus {
    Active,
    /// Reached `ends_at`.
    Expired,
    /// Ended early by the tenant or the partner.
    Terminated,
}

/// What became of a renewal notice that fell due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum NoticeOutcome {
    Sent,
    /// A nearer notice fell due at the same time and was sent instead.
    Skipped,
}

/// How a subscription was renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum RenewalMethod {
    ProductKey,
    DirectBilling,
    /// A direct-billed subscription renewed by itself at its end.
    Auto,
}

/// Where a reseller relationship between a distributor and a partner stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum ResellerStatus {
    /// Sent by the distributor, not yet answered (it lapses after 30 days).
    Invited,
    /// Accepted: the partner may receive the distributor's cards.
    Active,
    Declined,
    /// Ended by either side.
    Ended,
    /// Lapsed unanswered.
    Expired,
}

/// Where a partner's order of key cards stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum OrderStatus {
    Open,
    /// Allocations reached the ordered quantity.
    Fulfilled,
    Rejected,
    Cancelled,
}

/// What happened to a card, as the custody ledger records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum MovementKind {
    Minted,
    Allocated,
    Returned,
    Reserved,
    Released,
    Redeemed,
    Revoked,
}

/// Who holds a card (or where it went): the platform (retail, or cards minted straight to a
/// partner), a distributor, a partner, a partner's redemption, a customer's tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = Text)]
pub enum HolderKind {
    Platform,
    Distributor,
    Partner,
    Redemption,
    Tenant,
}

/// What an event in an inbox is about (shown as its name, e.g. `subscription.expired`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Text)]
pub enum EventKind {
    RenewalNotice,
    SubscriptionExpired,
    SubscriptionDisabled,
    SubscriptionDeleted,
    SubscriptionRenewed,
    SubscriptionReactivated,
    SubscriptionSuperseded,
    OfferCreated,
    OfferAccepted,
    OfferDeclined,
    OfferExpired,
    RelationshipTerminated,
    RelationshipExpiring,
    RelationshipExpired,
    RelationshipExtended,
    PartnerOfRecordAdded,
    PartnerOfRecordRemoved,
    WebhookEndpointDisabled,
    TenantCreated,
    RedemptionCompleted,
    ResellerInvited,
    ResellerAccepted,
    ResellerDeclined,
    ResellerEnded,
    KeysAllocated,
    KeysRevoked,
    KeysReturned,
    KeysRedeemed,
    OrderPlaced,
    OrderFulfilled,
    OrderRejected,
    StockLow,
    SubscriptionCancelled,
}
