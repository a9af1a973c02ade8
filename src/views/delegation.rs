//! The JSON shapes of delegation: request bodies (validated where JSON is read) and views.

use crate::domain::roles::DelegatedRole;
use crate::domain::statuses::OfferStatus;
use crate::domain::statuses::RelationshipStatus;
use crate::store::delegation::OfferRow;
use crate::store::delegation::RelationshipRow;
use crate::store::partners::PartnerRow;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferView {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub tenant_id: Uuid,
    pub message: String,
    /// Read from the clock: a pending offer past `expires_at` is `expired`.
    pub status: OfferStatus,
    /// Length of the relationship the offer proposes.
    pub duration_days: i32,
    /// What the relationship will allow, once accepted (each role implies `directory_reader`).
    pub roles: Vec<DelegatedRole>,
    /// Whether the relationship will extend itself by 180 days at its end.
    pub auto_extend: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl OfferView {
    pub fn new(row: OfferRow, now: DateTime<Utc>) -> Self {
        Self {
            status: row.status_at(now),
            id: row.id,
            partner_id: row.partner_id,
            tenant_id: row.tenant_id,
            message: row.message,
            duration_days: row.duration_days,
            roles: row.roles.granted(),
            auto_extend: row.auto_extend,
            created_at: row.created_at,
            expires_at: row.expires_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RelationshipPartner {
    pub id: Uuid,
    pub name: String,
    pub partner_number: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RelationshipView {
    pub id: Uuid,
    pub partner: RelationshipPartner,
    pub tenant_id: Uuid,
    /// Read from the clock: an active relationship past `ends_at` is `expired` (unless it
    /// extends itself).
    pub status: RelationshipStatus,
    /// What the partner may do in the tenant (each role implies `directory_reader`).
    pub roles: Vec<DelegatedRole>,
    /// Whether it extends itself by 180 days at `ends_at`; a tenant administrator may turn
    /// this off.
    pub auto_extend: bool,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl RelationshipView {
    pub fn new(row: RelationshipRow, partner: PartnerRow, now: DateTime<Utc>) -> Self {
        let status = row.status_at(now);
        Self {
            id: row.id,
            partner: RelationshipPartner { id: partner.id, name: partner.name, partner_number: partner.partner_number },
            tenant_id: row.tenant_id,
            status,
            roles: row.roles.granted(),
            auto_extend: row.auto_extend,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "tenant_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01",
    "message": "We would like to manage your users and licences for you.",
    "duration_days": 365,
    "roles": ["user_administrator", "license_administrator"],
    "auto_extend": true
}))]
pub struct CreateOffer {
    pub tenant_id: Uuid,
    /// Shown to the customer with the offer.
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    #[schema(min_length = 1, max_length = 2000)]
    pub message: String,
    /// Length of the relationship once accepted, 1–730 days (default 730).
    #[validate(range(min = 1, max = 730, message = "must be between 1 and 730"))]
    #[schema(minimum = 1, maximum = 730)]
    pub duration_days: Option<i32>,
    /// What the relationship will allow (at least one role). Omitted:
    /// `user_administrator`, `license_administrator`, `billing_administrator`.
    #[validate(length(min = 1, max = 5, message = "must name 1 to 5 roles"))]
    #[schema(min_items = 1, max_items = 5)]
    pub roles: Option<Vec<DelegatedRole>>,
    /// Extend the relationship by 180 days at its end, until the customer turns this off
    /// (default false; not with `global_administrator`: 422 `auto-extend-not-allowed`).
    pub auto_extend: Option<bool>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"auto_extend": false}))]
pub struct UpdateRelationship {
    /// `false` stops the relationship from extending itself: it ends at `ends_at`, with
    /// expiry notices 30, 7 and 1 days before. Only the partner's offer turns it on.
    pub auto_extend: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfferQuery {
    pub status: Option<OfferStatus>,
}
