//! Renewals: by product key (the partner keeps billing) or by moving to direct billing.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    extract::{Json, ListOf, Pagination},
    keys::KeyInput,
    responses::{MalformedBody, NotFound, NotJson, Unauthorized, ValidationFailed},
    transaction,
};
use crate::{
    AppState,
    app::renewals,
    auth::Principal,
    domain::statuses::RenewalMethod,
    error::{ApiError, Problem},
    limits,
    store::subscriptions::RenewalRow,
};

/// How a subscription is renewed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum RenewalRequest {
    /// With another prepaid key of the same product (partner of record or delegated admin).
    /// The new term starts at the end date while the subscription is active or expired,
    /// or now when it is disabled (reactivation); the seats become the key's.
    ProductKey {
        #[schema(example = "BCDFG-HJKMP-QRTVW-XY234-6789B")]
        key: String,
    },
    /// The platform bills the customer from now on: a new `direct` subscription (same
    /// product and seats, starting now) replaces this one, which becomes `superseded`.
    DirectBilling {},
}

impl Validate for RenewalRequest {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        match self {
            Self::ProductKey { key } => KeyInput { key: key.clone() }.validate(),
            Self::DirectBilling {} => Ok(()),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RenewalView {
    pub id: Uuid,
    pub method: RenewalMethod,
    pub subscription_id: Uuid,
    pub previous_ends_at: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Direct billing: the subscription that replaced this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_subscription_id: Option<Uuid>,
    /// Direct billing: whole days of the old term given up by switching early.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forfeited_days: Option<i32>,
    /// A disabled subscription brought back.
    pub reactivated: bool,
    pub created_at: DateTime<Utc>,
}

impl From<RenewalRow> for RenewalView {
    fn from(row: RenewalRow) -> Self {
        Self {
            id: row.id,
            method: row.method,
            subscription_id: row.subscription_id,
            previous_ends_at: row.previous_ends_at,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            new_subscription_id: row.new_subscription_id,
            forfeited_days: row.forfeited_days,
            reactivated: row.reactivated,
            created_at: row.created_at,
        }
    }
}

/// Renew a subscription
///
/// `{"method": "product_key", "key": …}`: the partner of record or a delegated admin
/// redeems another key of the same product. While the subscription is `active` or
/// `expired` the new term starts at its end date (no day lost); when `disabled` it starts
/// now (reactivation). The seats become the key's.
///
/// `{"method": "direct_billing"}`: a tenant administrator, the partner of record or a
/// delegated admin moves the customer to the platform's billing. A new subscription
/// (billing `direct`, same product and seats, starting now) replaces this one, which
/// becomes `superseded`; licences and the partner of record move across. `forfeited_days`
/// reports the whole days of the old term given up — renew shortly before the end date.
///
/// A renewal starts a fresh schedule of renewal notices.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body(content = RenewalRequest, examples(
        ("product_key" = (value = json!({"method": "product_key", "key": "BCDFG-HJKMP-QRTVW-XY234-6789B"}))),
        ("direct_billing" = (value = json!({"method": "direct_billing"}))),
    )),
    responses(
        (status = 201, description = "Renewed", body = RenewalView),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller; `key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`subscription-deleted`, `subscription-superseded`, `seats-below-assigned`, `key-already-redeemed`, `key-reserved`, `key-revoked`", body = Problem, content_type = PROBLEM),
        (status = 415, response = NotJson),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `product-mismatch`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/subscriptions/{id}/renewals")]
pub async fn renew(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<RenewalRequest>,
) -> Result<HttpResponse, ApiError> {
    let subjects = vec![state.limits.key_lookups.subject(&principal.key())];
    let renewing = async {
        let key = match &body.0 {
            RenewalRequest::ProductKey { key } => Some(KeyInput { key: key.clone() }.digest(&state.pepper)?),
            RenewalRequest::DirectBilling {} => None,
        };
        let (id, schedule) = (*id, state.settings.schedule());
        let row =
            transaction(&state, move |conn, now| renewals::renew(conn, &principal, id, key, &schedule, now)).await?;
        Ok(HttpResponse::Created().json(RenewalView::from(row)))
    };
    limits::guarded(&state, subjects, renewing, limits::key_lookup_failed).await
}

/// A subscription's renewals
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id"), Pagination),
    responses(
        (status = 200, description = "One page of renewals, oldest first", body = ListOf<RenewalView>),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/subscriptions/{id}/renewals")]
pub async fn list_renewals(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<RenewalView>>, ApiError> {
    let (page, id) = (pagination.page()?, *id);
    let rows = transaction(&state, move |conn, now| renewals::list(conn, &principal, id, page, now)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}
