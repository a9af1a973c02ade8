//! The JSON shapes of cards on the move (SPEC §13): allocations, returns, revocations, stock
//! reports, low-stock alerts and the custody ledger.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::{
    domain::{
        serials::Serial,
        statuses::{HolderKind, MovementKind},
    },
    store::{
        movements::MovementRow,
        stock::{AlertRow, AllocationRow, ReturnRow, StockLine},
    },
    views::catalogue::ProductView,
};

/// Consecutive cards of one batch, `from` to `to` (12-digit serials).
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SerialRange {
    #[schema(example = "000042000001")]
    pub from: String,
    #[schema(example = "000042000100")]
    pub to: String,
}

/// Cards named by serials and ranges (at most 100 000 cards a request; a range stays in one
/// batch and runs forwards).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(examples(
    json!({"partner_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f03",
           "ranges": [{"from": "000042000001", "to": "000042000100"}]}),
    json!({"partner_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f03", "product_id": "01900000-0000-7000-8000-000000000002",
           "quantity": 100, "order_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f21"}),
))]
pub struct CreateAllocation {
    /// The reseller partner that receives the cards.
    pub partner_id: Uuid,
    /// Single cards.
    #[validate(length(max = 100_000, message = "names at most 100000 cards"))]
    #[schema(max_items = 100_000)]
    pub serials: Option<Vec<String>>,
    #[validate(length(max = 1000, message = "names at most 1000 ranges"))]
    #[schema(max_items = 1000)]
    pub ranges: Option<Vec<SerialRange>>,
    /// Instead of serials: this many cards of the product, oldest stock first.
    pub product_id: Option<Uuid>,
    #[validate(range(min = 1, max = 100_000, message = "must be 1 to 100000"))]
    #[schema(minimum = 1, maximum = 100_000)]
    pub quantity: Option<i64>,
    /// The partner's order this allocation fulfils (same partner and product).
    pub order_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AllocationView {
    pub id: Uuid,
    pub distributor_id: Uuid,
    pub partner_id: Uuid,
    /// The cards' product (null when they are of several).
    pub product_id: Option<Uuid>,
    pub quantity: i32,
    #[schema(example = "000042000001")]
    pub first_serial: String,
    #[schema(example = "000042000100")]
    pub last_serial: String,
    pub order_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<AllocationRow> for AllocationView {
    fn from(row: AllocationRow) -> Self {
        Self {
            id: row.id,
            distributor_id: row.distributor_id,
            partner_id: row.partner_id,
            product_id: row.product_id,
            quantity: row.quantity,
            first_serial: Serial(row.first_serial).to_string(),
            last_serial: Serial(row.last_serial).to_string(),
            order_id: row.order_id,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"ranges": [{"from": "000042000051", "to": "000042000100"}], "reason": "Overstock"}))]
pub struct CreateReturn {
    #[validate(length(max = 100_000, message = "names at most 100000 cards"))]
    #[schema(max_items = 100_000)]
    pub serials: Option<Vec<String>>,
    #[validate(length(max = 1000, message = "names at most 1000 ranges"))]
    #[schema(max_items = 1000)]
    pub ranges: Option<Vec<SerialRange>>,
    #[validate(length(max = 500, message = "is at most 500 characters"))]
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReturnView {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub distributor_id: Uuid,
    pub quantity: i32,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<ReturnRow> for ReturnView {
    fn from(row: ReturnRow) -> Self {
        Self {
            id: row.id,
            partner_id: row.partner_id,
            distributor_id: row.distributor_id,
            quantity: row.quantity,
            reason: row.reason,
            created_at: row.created_at,
        }
    }
}

/// Lost or stolen cards: by serials and ranges, or a whole batch.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"ranges": [{"from": "000042000001", "to": "000042000500"}], "reason": "Box lost in transit"}))]
pub struct CreateRevocation {
    #[validate(length(max = 100_000, message = "names at most 100000 cards"))]
    #[schema(max_items = 100_000)]
    pub serials: Option<Vec<String>>,
    #[validate(length(max = 1000, message = "names at most 1000 ranges"))]
    #[schema(max_items = 1000)]
    pub ranges: Option<Vec<SerialRange>>,
    pub batch_id: Option<Uuid>,
    #[validate(length(min = 1, max = 500, message = "must be 1 to 500 characters"))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// A named card a revocation left as it was.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkippedCard {
    pub serial: String,
    /// `redeemed`, `revoked`, or `not_found` (no such card, or not the caller's).
    #[schema(example = "redeemed")]
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevocationView {
    /// Cards revoked now.
    pub revoked: i64,
    /// Named cards left alone (at most 1000 listed).
    pub skipped: Vec<SkippedCard>,
}

impl RevocationView {
    pub fn new(revoked: i64, skipped: Vec<(i64, String)>) -> Self {
        let skipped =
            skipped.into_iter().map(|(s, status)| SkippedCard { serial: Serial(s).to_string(), status }).collect();
        Self { revoked, skipped }
    }
}

fn product(l: &StockLine) -> ProductView {
    ProductView { id: l.product_id, sku: l.sku.clone(), name: l.name.clone() }
}

/// A distributor's cards of one product.
#[derive(Debug, Serialize, ToSchema)]
pub struct DistributorStockView {
    pub product: ProductView,
    /// On its shelf.
    pub in_stock: i64,
    /// With a partner, not yet redeemed (available or reserved).
    pub allocated: i64,
    pub redeemed: i64,
    pub revoked: i64,
}

impl From<StockLine> for DistributorStockView {
    fn from(l: StockLine) -> Self {
        Self {
            product: product(&l),
            in_stock: l.in_stock,
            allocated: l.available + l.reserved,
            redeemed: l.redeemed,
            revoked: l.revoked,
        }
    }
}

/// A partner's cards of one product.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerStockView {
    pub product: ProductView,
    pub available: i64,
    /// Held by an open redemption.
    pub reserved: i64,
    pub redeemed: i64,
    pub revoked: i64,
}

impl From<StockLine> for PartnerStockView {
    fn from(l: StockLine) -> Self {
        Self {
            product: product(&l),
            available: l.available,
            reserved: l.reserved,
            redeemed: l.redeemed,
            revoked: l.revoked,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"threshold": 500}))]
pub struct PutAlert {
    /// One `stock.low` when the stock falls below this (again only after it has risen back).
    #[validate(range(min = 0, max = 1_000_000, message = "must be 0 to 1000000"))]
    #[schema(minimum = 0, maximum = 1_000_000)]
    pub threshold: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlertView {
    pub distributor_id: Uuid,
    pub product_id: Uuid,
    pub threshold: i32,
    /// Whether a fall below the threshold will send `stock.low` (it has not since the stock
    /// was last at or above it).
    pub armed: bool,
}

impl From<AlertRow> for AlertView {
    fn from(row: AlertRow) -> Self {
        Self {
            distributor_id: row.distributor_id,
            product_id: row.product_id,
            threshold: row.threshold,
            armed: row.armed,
        }
    }
}

/// Who held a card, or where it went.
#[derive(Debug, Serialize, ToSchema)]
pub struct Holder {
    pub kind: HolderKind,
    /// Null for the platform, and for a customer's tenant when a distributor reads.
    pub id: Option<Uuid>,
}

/// One entry of a card's custody ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovementView {
    pub id: Uuid,
    pub key_id: Uuid,
    #[schema(example = "000042000001")]
    pub serial: String,
    pub kind: MovementKind,
    pub from: Option<Holder>,
    pub to: Option<Holder>,
    pub allocation_id: Option<Uuid>,
    pub redemption_id: Option<Uuid>,
    /// Who moved it: `operator`, `distributor`, `partner`, `customer` or `system`.
    pub actor: MovementActor,
    pub at: DateTime<Utc>,
}

/// Who moved a card (`MovementActor.role`). A schema: the text is the ledger's.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum MoverRole {
    Operator,
    Distributor,
    Partner,
    Customer,
    System,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MovementActor {
    #[schema(value_type = MoverRole)]
    pub role: String,
    pub id: Option<Uuid>,
}

impl MovementView {
    /// A movement as the caller may read it: a distributor does not learn a redemption's
    /// tenant.
    pub fn new(row: MovementRow, hide_tenants: bool) -> Self {
        let holder = |kind: Option<HolderKind>, id: Option<Uuid>| {
            kind.map(|kind| Holder { kind, id: if hide_tenants && kind == HolderKind::Tenant { None } else { id } })
        };
        Self {
            id: row.id,
            key_id: row.key_id,
            serial: Serial(row.serial).to_string(),
            kind: row.kind,
            from: holder(row.from_kind, row.from_id),
            to: holder(row.to_kind, row.to_id),
            allocation_id: row.allocation_id,
            redemption_id: row.redemption_id,
            actor: MovementActor { role: row.actor_role, id: row.actor_id },
            at: row.at,
        }
    }
}
