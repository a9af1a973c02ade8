//! Subscriptions with their time-derived status.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{
    PROBLEM,
    catalogue::ProductView,
    extract::{ListOf, Pagination},
    transaction,
};
use crate::{
    AppState,
    auth::Principal,
    authz,
    domain::lifecycle::{Periods, SubscriptionStatus},
    error::{ApiError, Problem},
    store::{
        subscriptions::{self, SubscriptionFilter, SubscriptionRecord},
        tenants,
    },
};

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Billing {
    /// The partner bills the customer (prepaid product keys).
    Partner,
    /// The platform bills the customer.
    Direct,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerOfRecord {
    pub partner_id: Uuid,
    #[schema(example = "4820193")]
    pub partner_number: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub product: ProductView,
    #[schema(example = 25)]
    pub seats: i32,
    /// Licences assigned to users.
    #[schema(example = 1)]
    pub assigned_seats: i64,
    pub billing: Billing,
    /// Derived from `ends_at` and the clock at the moment of reading.
    pub status: SubscriptionStatus,
    #[schema(example = 12)]
    pub term_months: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// End of the grace period: usable until then, disabled after.
    pub grace_ends_at: DateTime<Utc>,
    /// The tenant's data is deleted after this instant.
    pub data_retained_until: DateTime<Utc>,
    pub partner_of_record: Option<PartnerOfRecord>,
    pub superseded_by: Option<Uuid>,
}

impl SubscriptionView {
    pub fn new(record: SubscriptionRecord, now: DateTime<Utc>, periods: Periods) -> Self {
        let (row, product, partner, assigned_seats) = record;
        Self {
            id: row.id,
            tenant_id: row.tenant_id,
            product: product.into(),
            seats: row.seats,
            assigned_seats,
            billing: if row.billing == "direct" { Billing::Direct } else { Billing::Partner },
            status: periods.status(row.ends_at, row.superseded_by.is_some(), now),
            term_months: row.term_months,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            grace_ends_at: periods.grace_ends_at(row.ends_at),
            data_retained_until: periods.data_retained_until(row.ends_at),
            partner_of_record: partner.map(|p| PartnerOfRecord {
                partner_id: p.id,
                partner_number: p.partner_number,
                name: p.name,
            }),
            superseded_by: row.superseded_by,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubscriptionQuery {
    pub tenant_id: Option<Uuid>,
    /// Filters by the status at this moment (computed from dates, not from a stored flag).
    pub status: Option<SubscriptionStatus>,
}

/// List the subscriptions the caller can see
#[utoipa::path(
    tag = "subscriptions",
    params(SubscriptionQuery, Pagination),
    responses(
        (status = 200, description = "One page of subscriptions of visible tenants", body = ListOf<SubscriptionView>),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "`tenant_id` names no tenant visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (a filter, limit or cursor)", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/subscriptions")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<SubscriptionQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<SubscriptionView>>, ApiError> {
    let (tenant_id, status) = (query.tenant_id, query.status);
    let page = pagination.page()?;
    let periods = state.settings.periods();
    let (rows, now) = transaction(&state, move |conn, now| {
        let filter = SubscriptionFilter { scope: authz::scope(conn, &principal, now)?, tenant_id, status };
        // Filtering by a tenant the caller cannot see is answered like reading it: 404.
        if let Some(tenant_id) = filter.tenant_id {
            tenants::get(conn, tenant_id, filter.scope)?.ok_or_else(|| ApiError::not_found("tenant"))?;
        }
        Ok((subscriptions::list(conn, filter, now, periods, page)?, now))
    })
    .await?;
    let (rows, next) = page.finish(rows, |r| r.0.id);
    let views = rows.into_iter().map(|r| SubscriptionView::new(r, now, periods)).collect();
    Ok(web::Json(ListOf::new(views, next)))
}

/// Read a subscription
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription", body = SubscriptionView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/subscriptions/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<SubscriptionView>, ApiError> {
    let periods = state.settings.periods();
    let id = *id;
    let (record, now) = transaction(&state, move |conn, now| {
        let scope = authz::scope(conn, &principal, now)?;
        Ok((subscriptions::get(conn, id, scope)?, now))
    })
    .await?;
    let record = record.ok_or_else(|| ApiError::not_found("subscription"))?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}
