//! The JSON shapes of partners: request bodies (validated where JSON is read) and views.

use crate::domain::versions::ApiVersion;
use crate::store::{clients::ApiClientRow, partners::PartnerRow};
use crate::views::secret::ShownOnce;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A reseller relationship with an authorised distributor: what lets a partner sell.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reseller {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    #[schema(example = "Northwind Distribution")]
    pub distributor: String,
    /// `YYYY-MM-DD`.
    #[schema(value_type = String, format = Date, example = "2025-03-01")]
    pub since: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerView {
    pub id: Uuid,
    #[schema(example = "Contoso IT Services")]
    pub name: String,
    /// The partner-of-record number customers type in: 7 digits.
    #[schema(example = "4820193")]
    pub partner_number: String,
    /// Its oldest active reseller relationship (`GET /v1/reseller-relationships` lists them
    /// all); null when it has none, and then it receives no cards.
    pub reseller: Option<Reseller>,
    /// Enrolled in Cloud Essentials (may offer delegated administration).
    pub cloud_essentials: bool,
    pub created_at: DateTime<Utc>,
}

impl From<(PartnerRow, Option<(String, NaiveDate)>)> for PartnerView {
    /// A partner with its `reseller`: the distributor and date of its oldest active reseller
    /// relationship.
    fn from((row, reseller): (PartnerRow, Option<(String, NaiveDate)>)) -> Self {
        let reseller = reseller.map(|(distributor, since)| Reseller { distributor, since });
        Self {
            id: row.id,
            name: row.name,
            partner_number: row.partner_number,
            reseller,
            cloud_essentials: row.cloud_essentials,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Contoso IT Services",
    "reseller": {"distributor": "Northwind Distribution", "since": "2025-03-01"},
    "cloud_essentials": true
}))]
pub struct CreatePartner {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(nested)]
    pub reseller: Option<Reseller>,
    #[serde(default)]
    pub cloud_essentials: bool,
}

/// A field that may be absent (leave alone), `null` (clear) or a value (set).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"cloud_essentials": true}))]
pub struct UpdatePartner {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    /// `null` ends the reseller relationship.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Reseller>)]
    pub reseller: Option<Option<Reseller>>,
    pub cloud_essentials: Option<bool>,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "billing integration"}))]
pub struct CreateApiClient {
    /// What the client is for.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
}

/// A new API client; the secret is shown here once and never again.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewApiClient {
    #[schema(example = "kpc_5f1c0e7a9b2d4c6e8a10")]
    pub client_id: String,
    #[schema(value_type = String)]
    pub client_secret: ShownOnce,
    pub name: Option<String>,
    /// The API version its requests speak when they name none: the current one.
    pub api_version: ApiVersion,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiClientView {
    pub client_id: String,
    pub name: Option<String>,
    /// The API version its requests speak when they send no `Keyport-Version`.
    pub api_version: ApiVersion,
    pub created_at: DateTime<Utc>,
}

/// A change to an API client.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"api_version": "2026-12-06"}))]
pub struct UpdateApiClient {
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    /// The version its requests speak when they send no `Keyport-Version` (`GET
    /// /v1/versions`), from its next access token on.
    pub api_version: Option<ApiVersion>,
}

/// How long the secret being replaced keeps signing in.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"previous_valid_for_hours": 24}))]
pub struct RotateSecret {
    /// Hours the previous secret keeps signing in on every instance (0–168, default 24; 0:
    /// it stops at once). Tokens already issued run out within their lifetime either way.
    #[validate(range(min = 0, max = 168, message = "must be between 0 and 168"))]
    #[schema(minimum = 0, maximum = 168)]
    pub previous_valid_for_hours: Option<i64>,
}

impl RotateSecret {
    pub fn overlap_hours(&self) -> i64 {
        self.previous_valid_for_hours.unwrap_or(24)
    }
}

/// A client's new secret, shown here once and never again.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecret {
    #[schema(example = "kpc_5f1c0e7a9b2d4c6e8a10")]
    pub client_id: String,
    #[schema(value_type = String)]
    pub client_secret: ShownOnce,
    /// Until when the previous secret still signs in.
    pub previous_secret_expires_at: DateTime<Utc>,
}

impl RotatedSecret {
    pub fn new(row: ApiClientRow, secret: String) -> Self {
        let until = row.previous_secret_expires_at.unwrap_or(row.created_at);
        Self { client_id: row.client_id, client_secret: secret.into(), previous_secret_expires_at: until }
    }
}

impl NewApiClient {
    pub fn new(row: ApiClientRow, secret: String) -> Self {
        Self {
            client_id: row.client_id,
            client_secret: secret.into(),
            name: row.name,
            api_version: row.api_version,
            created_at: row.created_at,
        }
    }
}

impl From<ApiClientRow> for ApiClientView {
    fn from(row: ApiClientRow) -> Self {
        Self { client_id: row.client_id, name: row.name, api_version: row.api_version, created_at: row.created_at }
    }
}
