//! The JSON shapes of catalogue: request bodies (validated where JSON is read) and views.

use crate::store::products::ProductRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductView {
    pub id: Uuid,
    #[schema(example = "M365-BUSINESS-STANDARD")]
    pub sku: String,
    #[schema(example = "Microsoft 365 Business Standard")]
    pub name: String,
}

impl From<ProductRow> for ProductView {
    fn from(row: ProductRow) -> Self {
        Self { id: row.id, sku: row.sku, name: row.name }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"sku": "TEAMS-ESSENTIALS", "name": "Microsoft Teams Essentials"}))]
pub struct CreateProduct {
    /// Upper-case letters, digits and hyphens.
    #[validate(custom(function = "sku_format"))]
    #[schema(min_length = 2, max_length = 64)]
    pub sku: String,
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
}

fn sku_format(sku: &str) -> Result<(), validator::ValidationError> {
    crate::domain::formats::SKU.check(sku)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    #[schema(example = "GR")]
    pub code: String,
    #[schema(example = "Greece")]
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountryList {
    pub data: Vec<Country>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DomainAvailability {
    #[schema(example = "contoso")]
    pub name: String,
    pub available: bool,
}
