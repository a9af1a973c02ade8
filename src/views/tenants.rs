//! The JSON shapes of tenants: request bodies (validated where JSON is read) and views.

use crate::domain::statuses::TenantStatus;
use crate::store::tenants::TenantRow;
use crate::store::users::UserRow;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, ToSchema)]
pub struct TenantView {
    pub id: Uuid,
    #[schema(example = "Fabrikam Ltd")]
    pub company_name: String,
    #[schema(example = "GR")]
    pub country: String,
    /// The initial domain prefix; null once the tenant's data is deleted (the prefix is
    /// then free for a new tenant).
    #[schema(example = "fabrikam")]
    pub domain: Option<String>,
    pub status: TenantStatus,
    /// None for a tenant its customer created with a retail key.
    pub created_by_partner_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<TenantRow> for TenantView {
    fn from(row: TenantRow) -> Self {
        Self {
            id: row.id,
            company_name: row.company_name,
            country: row.country,
            domain: row.domain,
            status: row.status,
            created_by_partner_id: row.created_by_partner_id,
            created_at: row.created_at,
        }
    }
}

/// A person in a customer tenant.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    #[schema(example = "maria@fabrikam.example")]
    pub email: String,
    #[schema(example = "Maria")]
    pub first_name: String,
    #[schema(example = "Papadopoulou")]
    pub last_name: String,
    /// Tenant administrator.
    pub admin: bool,
    /// False until the user has set a password with the activation token.
    pub activated: bool,
    /// Subscriptions the user holds a licence on.
    pub licenses: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl UserView {
    pub fn new(row: UserRow, licenses: Vec<Uuid>) -> Self {
        Self {
            id: row.id,
            tenant_id: row.tenant_id,
            email: row.email,
            first_name: row.first_name,
            last_name: row.last_name,
            admin: row.admin,
            activated: row.password_hash.is_some(),
            licenses,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"company_name": "Fabrikam Hellas Ltd"}))]
pub struct UpdateTenant {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub company_name: Option<String>,
}
