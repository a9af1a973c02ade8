//! The JSON shapes of key-card orders (SPEC §13).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::{domain::statuses::OrderStatus, store::orders::OrderRow};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"distributor_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f31",
    "product_id": "01900000-0000-7000-8000-000000000002", "quantity": 100, "reference": "PO-2026-118"}))]
pub struct CreateOrder {
    pub distributor_id: Uuid,
    pub product_id: Uuid,
    #[validate(range(min = 1, max = 100_000, message = "must be 1 to 100000"))]
    #[schema(minimum = 1, maximum = 100_000)]
    pub quantity: i32,
    /// The partner's own reference (a purchase order number).
    #[validate(length(max = 200, message = "is at most 200 characters"))]
    #[schema(max_length = 200)]
    pub reference: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Out of stock until March"}))]
pub struct RejectOrder {
    #[validate(length(min = 1, max = 500, message = "must be 1 to 500 characters"))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderView {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub distributor_id: Uuid,
    pub product_id: Uuid,
    pub quantity: i32,
    /// Cards allocated against it so far.
    pub allocated: i32,
    pub status: OrderStatus,
    pub reference: Option<String>,
    /// Why the distributor rejected it.
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<OrderRow> for OrderView {
    fn from(row: OrderRow) -> Self {
        Self {
            id: row.id,
            partner_id: row.partner_id,
            distributor_id: row.distributor_id,
            product_id: row.product_id,
            quantity: row.quantity,
            allocated: row.allocated,
            status: row.status,
            reference: row.reference,
            reason: row.reason,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrderQuery {
    pub status: Option<OrderStatus>,
}
