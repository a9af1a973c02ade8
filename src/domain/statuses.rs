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
}
