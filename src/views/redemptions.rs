//! The JSON shapes of redemptions: request bodies (validated where JSON is read) and views.

use crate::domain::lifecycle::Periods;
use crate::domain::product_key::ProductKey;
use crate::domain::statuses::RedemptionStatus;
use crate::store::products::ProductRow;
use crate::store::redemptions::Account;
use crate::store::redemptions::Entry;
use crate::store::redemptions::Review;
use crate::views::catalogue::ProductView;
use crate::views::secret::ShownOnce;
use crate::views::subscriptions::SubscriptionView;
use crate::views::tenants::TenantView;
use crate::views::tenants::UserView;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

/// One key in a redemption (masked).
#[derive(Debug, Serialize, ToSchema)]
pub struct RedemptionEntry {
    /// Entry id, for removing the key again.
    pub id: Uuid,
    #[schema(example = "*****-*****-*****-*****-7QX9F")]
    pub key: String,
    pub product: ProductView,
    #[schema(example = 10)]
    pub seats: i32,
    #[schema(example = 12)]
    pub term_months: i32,
}

impl RedemptionEntry {
    pub fn new((entry, key, product): &Entry) -> Self {
        Self {
            id: entry.id,
            key: ProductKey::masked(&key.last_five),
            product: product.clone().into(),
            seats: key.seats,
            term_months: key.term_months,
        }
    }
}

/// Seats per product (and term) that the account step will turn into subscriptions.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductTotal {
    pub product: ProductView,
    #[schema(example = 25)]
    pub seats: i64,
    #[schema(example = 12)]
    pub term_months: i32,
}

/// The review page: "Is everything OK?".
#[derive(Debug, Serialize, ToSchema)]
pub struct RedemptionView {
    pub id: Uuid,
    pub status: RedemptionStatus,
    pub keys: Vec<RedemptionEntry>,
    pub totals: Vec<ProductTotal>,
    /// When an open or confirmed redemption expires unless touched again (each change
    /// moves it forward).
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    /// The tenant created from it, once completed.
    pub tenant_id: Option<Uuid>,
}

impl RedemptionView {
    pub fn new((row, entries): Review, now: DateTime<Utc>) -> Self {
        Self {
            id: row.id,
            status: row.status_at(now),
            keys: entries.iter().map(RedemptionEntry::new).collect(),
            totals: totals(&entries)
                .into_iter()
                .map(|(product, seats, term_months)| ProductTotal { product: product.into(), seats, term_months })
                .collect(),
            expires_at: row.expires_at,
            created_at: row.created_at,
            tenant_id: row.tenant_id,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"acknowledged": true}))]
pub struct CreateRedemption {
    /// "I understand that I am the right person to do this for my company."
    #[serde(default)]
    pub acknowledged: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RedemptionQuery {
    pub status: Option<RedemptionStatus>,
}

/// A redemption in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct RedemptionSummary {
    pub id: Uuid,
    pub status: RedemptionStatus,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub tenant_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminInput {
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    #[schema(example = "Maria")]
    pub first_name: String,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    #[schema(example = "Papadopoulou")]
    pub last_name: String,
    #[validate(email(message = "must be an e-mail address"), length(max = 254, message = "is too long"))]
    #[schema(max_length = 254)]
    #[schema(example = "maria@fabrikam.example")]
    pub email: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "country": "GR", "company_name": "Fabrikam Ltd", "domain": "fabrikam",
    "admin": {"first_name": "Maria", "last_name": "Papadopoulou", "email": "maria@fabrikam.example"}
}))]
pub struct CreateAccount {
    /// ISO 3166-1 alpha-2 code of a supported market (`GET /v1/countries`).
    #[validate(length(min = 2, max = 2, message = "must be an ISO 3166-1 alpha-2 code such as GR"))]
    #[schema(min_length = 2, max_length = 2)]
    pub country: String,
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub company_name: String,
    /// Initial domain prefix: lower-case letters, digits and hyphens (not first or last), 3–63.
    #[validate(length(min = 3, max = 63, message = "must be 3 to 63 characters"))]
    #[schema(min_length = 3, max_length = 63)]
    pub domain: String,
    #[validate(nested)]
    pub admin: AdminInput,
}

/// The new customer: tenant, subscriptions and first admin.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountCreated {
    pub tenant: TenantView,
    pub subscriptions: Vec<SubscriptionView>,
    pub admin_user: UserView,
    /// Hand to the admin: `POST /v1/auth/activate` sets the password (valid 7 days, once).
    #[schema(value_type = String)]
    pub activation_token: ShownOnce,
}

impl AccountCreated {
    pub fn new(account: Account, now: DateTime<Utc>, periods: Periods) -> Self {
        let Account { tenant, subscriptions, admin, activation_token, .. } = account;
        let licenses = subscriptions.iter().map(|r| r.0.id).collect();
        Self {
            tenant: tenant.into(),
            subscriptions: subscriptions.into_iter().map(|r| SubscriptionView::new(r, now, periods)).collect(),
            admin_user: UserView::new(admin, licenses),
            activation_token: activation_token.into(),
        }
    }
}

/// A customer without a partner signs up with a retail key.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "key": "BCDFG-HJKMP-QRTVW-XY234-6789B", "country": "GR", "company_name": "Fabrikam Ltd",
    "domain": "fabrikam",
    "admin": {"first_name": "Maria", "last_name": "Papadopoulou", "email": "maria@fabrikam.example"}
}))]
pub struct SignUp {
    /// A retail product key (case-insensitive; spaces and hyphens are ignored).
    #[validate(length(max = 200, message = "is too long to be a product key"))]
    #[schema(max_length = 200)]
    pub key: String,
    /// ISO 3166-1 alpha-2 code of a supported market (`GET /v1/countries`).
    #[validate(length(min = 2, max = 2, message = "must be an ISO 3166-1 alpha-2 code such as GR"))]
    #[schema(min_length = 2, max_length = 2)]
    pub country: String,
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub company_name: String,
    /// Initial domain prefix: lower-case letters, digits and hyphens (not first or last), 3–63.
    #[validate(length(min = 3, max = 63, message = "must be 3 to 63 characters"))]
    #[schema(min_length = 3, max_length = 63)]
    pub domain: String,
    #[validate(nested)]
    pub admin: AdminInput,
}

/// A retail key redeemed into a tenant.
#[derive(Debug, Serialize, ToSchema)]
pub struct TenantKeyRedeemed {
    /// The subscription that grew, or the new one.
    pub subscription: SubscriptionView,
    pub added_seats: i32,
}

/// Seats per product and term: what the account step will turn into subscriptions.
fn totals(entries: &[Entry]) -> Vec<(ProductRow, i64, i32)> {
    let mut sums: std::collections::BTreeMap<(Uuid, i32), (ProductRow, i64)> = std::collections::BTreeMap::new();
    for (_, key, product) in entries {
        let slot = sums.entry((product.id, key.term_months)).or_insert_with(|| (product.clone(), 0));
        slot.1 += i64::from(key.seats);
    }
    sums.into_iter().map(|((_, term_months), (product, seats))| (product, seats, term_months)).collect()
}
