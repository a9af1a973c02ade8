//! The JSON shapes of renewals: request bodies (validated where JSON is read) and views.

use crate::domain::statuses::RenewalMethod;
use crate::store::subscriptions::RenewalRow;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// How a subscription is renewed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum RenewalRequest {
    /// With another prepaid key of the same product (partner of record or delegated admin).
    /// The new term starts at the end date while the subscription is active or expired,
    /// or now when it is disabled (reactivation); the seats become the key's.
    ProductKey {
        #[schema(example = "BCDFG-HJKMP-QRTVW-XY234-6789B")]
        key: String,
    },
    /// The platform bills the customer from now on: a new `direct` subscription (same
    /// product and seats, starting now) replaces this one, which becomes `superseded`.
    DirectBilling {},
}

impl Validate for RenewalRequest {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        match self {
            Self::ProductKey { key } => super::keys::KeyInput { key: key.clone() }.validate(),
            Self::DirectBilling {} => Ok(()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RenewalView {
    pub id: Uuid,
    pub method: RenewalMethod,
    pub subscription_id: Uuid,
    pub previous_ends_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Direct billing: the subscription that replaced this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_subscription_id: Option<Uuid>,
    /// Direct billing: whole days of the old term given up by switching early.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forfeited_days: Option<i32>,
    /// A disabled subscription brought back.
    pub reactivated: bool,
    pub created_at: DateTime<Utc>,
}

impl From<RenewalRow> for RenewalView {
    fn from(row: RenewalRow) -> Self {
        Self {
            id: row.id,
            method: row.method,
            subscription_id: row.subscription_id,
            previous_ends_at: row.previous_ends_at,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            new_subscription_id: row.new_subscription_id,
            forfeited_days: row.forfeited_days,
            reactivated: row.reactivated,
            created_at: row.created_at,
        }
    }
}
