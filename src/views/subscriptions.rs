//! The JSON shapes of subscriptions: request bodies (validated where JSON is read) and views.

use crate::domain::lifecycle::Periods;
use crate::domain::lifecycle::{SubscriptionStatus, cancellable_until};
use crate::domain::statuses::Billing;
use crate::store::subscriptions::SubscriptionRecord;
use crate::views::catalogue::ProductView;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerOfRecord {
    pub partner_id: Uuid,
    #[schema(example = "4820193")]
    pub partner_number: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub product: ProductView,
    #[schema(example = 25)]
    pub seats: i32,
    /// Licences assigned to users.
    #[schema(example = 1)]
    pub assigned_seats: i64,
    pub billing: Billing,
    /// Derived from `ends_at` and the clock at the moment of reading.
    pub status: SubscriptionStatus,
    #[schema(example = 12)]
    pub term_months: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// End of the grace period: usable until then, disabled after.
    pub grace_ends_at: DateTime<Utc>,
    /// The tenant's data is deleted after this instant.
    pub data_retained_until: DateTime<Utc>,
    pub partner_of_record: Option<PartnerOfRecord>,
    pub superseded_by: Option<Uuid>,
    /// Direct billing: renews itself for another term at `ends_at` (SPEC §15). Always
    /// `false` for key-billed subscriptions, whose prepaid term ends unless renewed by key.
    pub auto_renew: bool,
    /// Direct billing: until when the current term may be cancelled for a refund (7 days
    /// after it began); null when it may not (key-billed, ended, or the window closed).
    pub cancellable_until: Option<DateTime<Utc>>,
}

/// A direct-billed term cancelled within its window.
#[derive(Debug, Serialize, ToSchema)]
pub struct CancelledSubscription {
    // The subscription, its term now ended (no doc comment: a flattened field's description
    // would sit beside its `$ref`).
    #[serde(flatten)]
    pub subscription: SubscriptionView,
    /// Whole days of the term that were left, and are refunded.
    #[schema(example = 364)]
    pub refund_days: i64,
}

/// A change to a subscription.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"auto_renew": false}))]
pub struct UpdateSubscription {
    /// Direct billing only: whether it renews itself at its end (422
    /// `auto-renew-not-available` for a key-billed subscription; `false` is no change there).
    pub auto_renew: Option<bool>,
}

impl SubscriptionView {
    pub fn new(record: SubscriptionRecord, now: DateTime<Utc>, periods: Periods) -> Self {
        let (row, product, partner, assigned_seats) = record;
        Self {
            id: row.id,
            tenant_id: row.tenant_id,
            product: product.into(),
            seats: row.seats,
            assigned_seats,
            billing: row.billing,
            status: periods.status(row.ends_at, row.superseded_by.is_some(), now),
            term_months: row.term_months,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            grace_ends_at: periods.grace_ends_at(row.ends_at),
            data_retained_until: periods.data_retained_until(row.ends_at),
            partner_of_record: partner.map(|p| PartnerOfRecord {
                partner_id: p.id,
                partner_number: p.partner_number,
                name: p.name,
            }),
            superseded_by: row.superseded_by,
            auto_renew: row.auto_renew,
            cancellable_until: (row.billing == Billing::Direct && row.superseded_by.is_none() && row.ends_at > now)
                .then(|| cancellable_until(row.term_starts_at))
                .filter(|until| *until >= now),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubscriptionQuery {
    pub tenant_id: Option<Uuid>,
    /// Filters by the status at this moment (computed from dates, not from a stored flag).
    pub status: Option<SubscriptionStatus>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"partner_number": "4820193"}))]
pub struct PartnerOfRecordInput {
    /// The 7-digit partner-of-record number the partner gave the customer.
    #[validate(custom(function = "partner_number_format"))]
    #[schema(min_length = 7, max_length = 7)]
    pub partner_number: String,
}

fn partner_number_format(number: &str) -> Result<(), validator::ValidationError> {
    crate::domain::formats::PARTNER_NUMBER.check(number)
}
