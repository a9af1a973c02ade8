//! The JSON shapes of notifications: request bodies (validated where JSON is read) and views.

use crate::store::notifications::NotificationRow;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationView {
    pub id: Uuid,
    /// `subscription.renewal_notice`, `delegated_admin_offer.created`, `partner_of_record.added`, …
    #[schema(example = "delegated_admin_offer.created", value_type = crate::views::webhooks::EventType)]
    pub event: String,
    pub tenant_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub offer_id: Option<Uuid>,
    /// For renewal notices: days left before the end date.
    pub days_before: Option<i32>,
    pub message: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    /// The distribution chain's events: the reseller relationship, order, allocation,
    /// product and number of cards they are about (null where they do not apply).
    pub reseller_relationship_id: Option<Uuid>,
    pub key_order_id: Option<Uuid>,
    pub allocation_id: Option<Uuid>,
    pub product_id: Option<Uuid>,
    pub quantity: Option<i32>,
    /// Renewal notices: whether the subscription renews by itself at its end (direct
    /// billing with `auto_renew`); null for other events.
    pub will_renew: Option<bool>,
}

impl From<NotificationRow> for NotificationView {
    fn from(row: NotificationRow) -> Self {
        Self {
            id: row.id,
            event: row.event.as_str().to_string(),
            tenant_id: row.tenant_id,
            subscription_id: row.subscription_id,
            offer_id: row.offer_id,
            days_before: row.days_before,
            message: row.message,
            created_at: row.created_at,
            read_at: row.read_at,
            reseller_relationship_id: row.reseller_relationship_id,
            key_order_id: row.key_order_id,
            allocation_id: row.allocation_id,
            product_id: row.product_id,
            quantity: row.quantity,
            will_renew: row.will_renew,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only this event.
    #[param(value_type = Option<crate::views::webhooks::EventType>)]
    pub event: Option<String>,
    /// `true`: only unread; `false`: only read.
    pub unread: Option<bool>,
}
