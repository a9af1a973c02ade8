//! The JSON shapes of distributors and reseller relationships (SPEC §13).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::{
    domain::statuses::ResellerStatus,
    store::{distributors::DistributorRow, resellers::ResellerRecord},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct DistributorView {
    pub id: Uuid,
    #[schema(example = "Northwind Distribution")]
    pub name: String,
    /// `false`: suspended — it cannot invite, allocate or receive batches; cards it already
    /// allocated are untouched.
    pub authorised: bool,
    pub created_at: DateTime<Utc>,
}

impl From<DistributorRow> for DistributorView {
    fn from(row: DistributorRow) -> Self {
        Self { id: row.id, name: row.name, authorised: row.authorised, created_at: row.created_at }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Northwind Distribution"}))]
pub struct CreateDistributor {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Default `true`.
    pub authorised: Option<bool>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"authorised": false}))]
pub struct UpdateDistributor {
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    pub authorised: Option<bool>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"partner_number": "4820193"}))]
pub struct InviteReseller {
    /// The partner's 7-digit partner number.
    #[validate(length(min = 1, max = 20, message = "is required"))]
    #[schema(max_length = 20)]
    pub partner_number: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResellerDistributor {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResellerPartner {
    pub id: Uuid,
    pub name: String,
    pub partner_number: String,
}

/// A reseller relationship between a distributor and a partner.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResellerRelationshipView {
    pub id: Uuid,
    pub distributor: ResellerDistributor,
    pub partner: ResellerPartner,
    /// Read from the clock: an invitation past `expires_at` is `expired`.
    pub status: ResellerStatus,
    pub created_at: DateTime<Utc>,
    /// When an unanswered invitation lapses.
    pub expires_at: DateTime<Utc>,
    /// The day it became active (`YYYY-MM-DD`).
    #[schema(value_type = Option<String>, format = Date)]
    pub since: Option<NaiveDate>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl ResellerRelationshipView {
    pub fn new(
        (row, (distributor_id, distributor), (partner_id, partner, number)): ResellerRecord,
        now: DateTime<Utc>,
    ) -> Self {
        let status = if row.status == ResellerStatus::Invited && row.expires_at <= now {
            ResellerStatus::Expired
        } else {
            row.status
        };
        Self {
            id: row.id,
            distributor: ResellerDistributor { id: distributor_id, name: distributor },
            partner: ResellerPartner { id: partner_id, name: partner, partner_number: number },
            status,
            created_at: row.created_at,
            expires_at: row.expires_at,
            since: row.since,
            ended_at: row.ended_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResellerQuery {
    pub status: Option<ResellerStatus>,
}
