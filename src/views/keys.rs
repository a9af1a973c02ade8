//! The JSON shapes of keys: request bodies (validated where JSON is read) and views.

use crate::domain::product_key::ProductKey;
use crate::domain::{serials::Serial, statuses::KeyStatus};
use crate::store::keys::KeyBatchRow;
use crate::store::keys::KeyRow;
use crate::store::products::ProductRow;
use crate::views::catalogue::ProductView;
use crate::views::secret::ShownOnce;
use crate::views::{chunked, csv};
use actix_web::web::Bytes;
use chrono::{DateTime, Utc};
use futures_util::Stream;
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

/// Who redeems a batch's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KeyChannel {
    /// A partner, for its customers.
    Partner,
    /// A customer itself, without a partner.
    Retail,
}

impl KeyChannel {
    /// A key or batch with a partner or a distributor is the partner channel's.
    pub fn of(partner_id: Option<Uuid>, distributor_id: Option<Uuid>) -> Self {
        if partner_id.is_some() || distributor_id.is_some() { Self::Partner } else { Self::Retail }
    }
}

/// A product key as anyone but its first recipient sees it: masked.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyView {
    pub id: Uuid,
    /// Only the last five characters are kept.
    #[schema(example = "*****-*****-*****-*****-7QX9F")]
    pub key: String,
    pub product: ProductView,
    #[schema(example = 10)]
    pub seats: i32,
    #[schema(example = 12)]
    pub term_months: i32,
    /// The partner that holds it; none for a retail key or a card in a distributor's stock.
    pub partner_id: Option<Uuid>,
    /// The distributor it was minted to; none when minted straight to a partner or retail.
    pub distributor_id: Option<Uuid>,
    pub channel: KeyChannel,
    pub batch_id: Uuid,
    /// Printed on the card: the batch's number (6 digits), then its position (6 digits).
    #[schema(example = "000042000001")]
    pub serial: String,
    /// `in_stock`: on a distributor's shelf, inert until allocated to a partner.
    pub status: KeyStatus,
    pub created_at: DateTime<Utc>,
    pub redeemed_at: Option<DateTime<Utc>>,
}

impl KeyView {
    pub fn new(key: KeyRow, product: ProductRow) -> Self {
        Self {
            id: key.id,
            key: ProductKey::masked(&key.last_five),
            product: product.into(),
            seats: key.seats,
            term_months: key.term_months,
            partner_id: key.partner_id,
            distributor_id: key.distributor_id,
            channel: KeyChannel::of(key.partner_id, key.distributor_id),
            batch_id: key.batch_id,
            serial: Serial(key.serial).to_string(),
            status: key.status,
            created_at: key.created_at,
            redeemed_at: key.redeemed_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "product_id": "01900000-0000-7000-8000-000000000002",
    "partner_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01",
    "seats_per_key": 10, "term_months": 12, "quantity": 5
}))]
pub struct CreateKeyBatch {
    pub product_id: Uuid,
    /// The partner that receives the keys straight (it must have a reseller relationship
    /// with an authorised distributor); none for a retail batch or a distributor's stock.
    pub partner_id: Option<Uuid>,
    /// Mint into this authorised distributor's stock instead: the cards are `in_stock`,
    /// inert until it allocates them to a reseller.
    pub distributor_id: Option<Uuid>,
    /// `partner` (the default: keys a partner redeems for its customers) or `retail` (keys
    /// a customer redeems itself at `POST /v1/signup`; no `partner_id`).
    pub channel: Option<KeyChannel>,
    /// Seats each key adds (1–10 000).
    #[validate(range(min = 1, max = 10000, message = "must be between 1 and 10000"))]
    #[schema(minimum = 1, maximum = 10000)]
    pub seats_per_key: i32,
    /// Months of the subscription each key buys (1–60).
    #[validate(range(min = 1, max = 60, message = "must be between 1 and 60"))]
    #[schema(minimum = 1, maximum = 60)]
    pub term_months: i32,
    /// Mint this many fresh keys (1–100 000). Give either `quantity` or `keys`.
    #[validate(range(min = 1, max = 100000, message = "must be between 1 and 100000"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub quantity: Option<i32>,
    /// Import keys made elsewhere (each format- and checksum-checked), instead of `quantity`.
    #[validate(length(min = 1, max = 100000, message = "must hold 1 to 100000 keys"))]
    #[schema(min_items = 1, max_items = 100000)]
    pub keys: Option<Vec<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KeyBatchView {
    pub id: Uuid,
    pub product_id: Uuid,
    /// The partner it was minted to straight (none for a retail batch or a distributor's).
    pub partner_id: Option<Uuid>,
    /// The distributor whose stock it was minted to.
    pub distributor_id: Option<Uuid>,
    pub channel: KeyChannel,
    /// Its first and last cards' serials: `keys[i]` of the mint is `first_serial + i`.
    #[schema(example = "000042000001")]
    pub first_serial: String,
    #[schema(example = "000042000100")]
    pub last_serial: String,
    pub seats_per_key: i32,
    pub term_months: i32,
    pub quantity: i32,
    /// True when the keys were imported rather than minted here.
    pub imported: bool,
    pub created_at: DateTime<Utc>,
}

impl From<KeyBatchRow> for KeyBatchView {
    fn from(row: KeyBatchRow) -> Self {
        Self {
            id: row.id,
            product_id: row.product_id,
            partner_id: row.partner_id,
            distributor_id: row.distributor_id,
            channel: KeyChannel::of(row.partner_id, row.distributor_id),
            first_serial: Serial::of(row.number, 1).to_string(),
            last_serial: Serial::of(row.number, row.quantity as u64).to_string(),
            seats_per_key: row.seats_per_key,
            term_months: row.term_months,
            quantity: row.quantity,
            imported: row.imported,
            created_at: row.created_at,
        }
    }
}

/// A new batch with its keys in plain text: the only time they are ever shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewKeyBatch {
    #[serde(flatten)]
    pub batch: KeyBatchView,
    #[schema(value_type = Vec<String>, example = json!(["BCDFG-HJKMP-QRTVW-XY234-6789B"]))]
    pub keys: Vec<ShownOnce>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KeyQuery {
    pub status: Option<KeyStatus>,
    pub product_id: Option<Uuid>,
    pub batch_id: Option<Uuid>,
    /// Only partner keys, or only retail keys.
    pub channel: Option<KeyChannel>,
    /// The card with this serial (12 digits).
    #[param(pattern = "^[0-9]{12}$")]
    pub serial: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"key": "BCDFG-HJKMP-QRTVW-XY234-6789B"}))]
pub struct KeyInput {
    /// Case-insensitive; spaces and hyphens are ignored.
    #[validate(length(max = 200, message = "is too long to be a product key"))]
    #[schema(max_length = 200)]
    pub key: String,
}

impl NewKeyBatch {
    #[cfg(test)]
    pub fn new(batch: KeyBatchRow, keys: &[ProductKey]) -> Self {
        Self { batch: batch.into(), keys: keys.iter().map(|k| ShownOnce::new(k.to_string())).collect() }
    }
}

/// A new batch and its keys as JSON, the shape of [`NewKeyBatch`], written as it is sent.
pub fn new_batch_json(batch: KeyBatchRow, keys: Vec<ProductKey>) -> impl Stream<Item = Result<Bytes, Infallible>> {
    crate::views::secret::mark();
    let mut head = serde_json::to_vec(&KeyBatchView::from(batch)).expect("a batch serialises");
    head.pop(); // the batch's closing brace: its keys follow
    head.extend_from_slice(b",\"keys\":[");
    chunked::body(head, keys, b",", b"]}", |key, out| {
        serde_json::to_writer(out, &key.to_string()).expect("a key serialises")
    })
}

/// A new batch as CSV, `serial,key`, one row per card (the card printer's input); shown
/// once, written as it is sent.
pub fn batch_csv(batch: &KeyBatchRow, keys: Vec<ProductKey>) -> impl Stream<Item = Result<Bytes, Infallible>> + use<> {
    crate::views::secret::mark();
    let (number, mut card) = (batch.number, 0);
    chunked::body(csv::header(&["serial", "key"]), keys, b"", b"", move |key, out| {
        card += 1;
        csv::write_row(out, &[Serial::of(number, card).to_string(), key.to_string()]);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    async fn text(body: impl Stream<Item = Result<Bytes, Infallible>>) -> String {
        let chunks: Vec<_> = body.collect().await;
        chunks.into_iter().map(|c| String::from_utf8(c.unwrap().to_vec()).unwrap()).collect()
    }

    #[actix_web::test]
    async fn a_batch_written_in_chunks_is_the_documented_answer() {
        let made = Utc::now();
        let batch = || KeyBatchRow {
            id: Uuid::nil(),
            product_id: Uuid::nil(),
            partner_id: Some(Uuid::nil()),
            seats_per_key: 5,
            term_months: 12,
            quantity: 5000,
            imported: false,
            created_at: made,
            channel: "partner".into(),
            distributor_id: None,
            number: 42,
        };
        let keys: Vec<ProductKey> = (0..5000u32)
            .map(|i| ProductKey::from_random_body(std::array::from_fn(|j| ((i as usize * 7 + j) % 24) as u8)))
            .collect();
        let whole = serde_json::to_string(&NewKeyBatch::new(batch(), &keys)).unwrap();
        assert_eq!(text(new_batch_json(batch(), keys.clone())).await, whole);
        let csv = text(batch_csv(&batch(), keys.clone())).await;
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!((lines.len(), lines[0]), (5001, "serial,key"));
        assert_eq!(lines[5000], format!("{},{}", Serial::of(42, 5000), keys[4999]));
    }
}
