//! Subscriptions with their time-derived status.

use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    catalogue::ProductView,
    extract::{Json, ListOf, Pagination},
    keys::{self as keys_api, KeyInput},
    transaction,
};
use crate::{
    AppState,
    auth::{Principal, secrets::SecretKind},
    authz,
    domain::{
        events::{self, Inbox},
        lifecycle::{Periods, SubscriptionStatus},
    },
    error::{ApiError, Code, Problem},
    limits,
    store::{
        keys, notifications, partners,
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

/// The subscription as the caller sees it, with the caller's access to its tenant.
pub fn visible(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(SubscriptionRecord, authz::TenantAccess), ApiError> {
    let record = seen(conn, principal, id, now)?;
    let access = authz::tenant(conn, principal, record.0.tenant_id, now)?;
    Ok((record, access))
}

/// As [`visible`], for a change to the subscription: its tenant is locked against a purge
/// and refuses changes once its data is deleted.
pub fn changeable(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(SubscriptionRecord, authz::TenantAccess), ApiError> {
    let record = seen(conn, principal, id, now)?;
    let access = authz::tenant_to_change(conn, principal, record.0.tenant_id, now)?;
    Ok((record, access))
}

fn seen(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<SubscriptionRecord, ApiError> {
    let scope = authz::scope(conn, principal, now)?;
    subscriptions::get(conn, id, scope)?.ok_or_else(|| ApiError::not_found("subscription"))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"partner_number": "4820193"}))]
pub struct PartnerOfRecordInput {
    /// The 7-digit partner-of-record number the partner gave the customer.
    #[validate(length(min = 1, max = 20, message = "must be 1 to 20 characters"))]
    #[schema(min_length = 1, max_length = 20)]
    pub partner_number: String,
}

/// Tells a partner it was named or removed as partner of record.
fn notify_partner_of_record(
    conn: &mut PgConnection,
    change: &'static str,
    partner: Uuid,
    record: &SubscriptionRecord,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let tenant = tenants::get(conn, record.0.tenant_id, tenants::TenantScope::All)?
        .ok_or_else(|| ApiError::not_found("tenant"))?;
    let event =
        events::partner_of_record(change, Uuid::now_v7(), tenant.id, record.0.id, &tenant.company_name, &record.1.name);
    notifications::deliver(conn, &event, &[Inbox::Partner(partner)], now)?;
    Ok(())
}

/// Name the partner of record
///
/// Only the customer's administrators name (or change) the partner of record, never a
/// partner. The partner named is notified, and so is one it replaces.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body = PartnerOfRecordInput,
    responses(
        (status = 200, description = "The subscription with its partner of record", body = SubscriptionView),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`unknown-partner-number`, `validation-failed`", body = Problem, content_type = PROBLEM),
        (status = 429, description = "`rate-limited`: too many unknown partner numbers from this caller; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
    security(("bearer" = [])),
)]
#[put("/v1/subscriptions/{id}/partner-of-record")]
pub async fn set_partner_of_record(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<PartnerOfRecordInput>,
) -> Result<web::Json<SubscriptionView>, ApiError> {
    let id = *id;
    let number = body.0.partner_number;
    let periods = state.settings.periods();
    // Unknown numbers count against the caller's budget, so the endpoint is no oracle for
    // the partner numbers that exist.
    let subjects = vec![state.limits.partner_numbers.subject(&principal.key())];
    let naming = transaction(&state, move |conn, now| {
        let (_, access) = changeable(conn, &principal, id, now)?;
        access.tenant_admin()?;
        // Locked, so that concurrent changes each see the partner they replace.
        subscriptions::lock(conn, id)?;
        let record = subscriptions::get(conn, id, tenants::TenantScope::All)?
            .ok_or_else(|| ApiError::not_found("subscription"))?;
        let partner = partners::find_by_number(conn, number.trim())?.ok_or_else(|| {
            ApiError::new(Code::UnknownPartnerNumber, "No partner has this partner-of-record number.")
        })?;
        let previous = record.0.partner_of_record_id;
        if previous != Some(partner.id) {
            subscriptions::set_partner_of_record(conn, id, Some(partner.id))?;
            if let Some(previous) = previous {
                notify_partner_of_record(conn, "removed", previous, &record, now)?;
            }
            notify_partner_of_record(conn, "added", partner.id, &record, now)?;
        }
        let record = subscriptions::get(conn, id, tenants::TenantScope::All)?
            .ok_or_else(|| ApiError::not_found("subscription"))?;
        Ok((record, now))
    });
    let unknown = |r: &Result<_, ApiError>| matches!(r, Err(e) if e.code == Code::UnknownPartnerNumber);
    let (record, now) = limits::guarded(&state, subjects, naming, unknown).await?;
    Ok(web::Json(SubscriptionView::new(record, now, periods)))
}

/// Remove the partner of record
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 204, description = "Removed (or there was none); the partner is notified"),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a tenant administrator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/subscriptions/{id}/partner-of-record")]
pub async fn remove_partner_of_record(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = *id;
    transaction(&state, move |conn, now| {
        let (_, access) = changeable(conn, &principal, id, now)?;
        access.tenant_admin()?;
        subscriptions::lock(conn, id)?;
        let record = subscriptions::get(conn, id, tenants::TenantScope::All)?
            .ok_or_else(|| ApiError::not_found("subscription"))?;
        if let Some(previous) = record.0.partner_of_record_id {
            subscriptions::set_partner_of_record(conn, id, None)?;
            notify_partner_of_record(conn, "removed", previous, &record, now)?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add seats with another key
///
/// Redeems another key of the same product on the subscription: its seats are added until
/// the current end date (the key's term does not extend it). Tenant administrators may use
/// any partner's key; a delegated admin its own.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id")),
    request_body = KeyInput,
    responses(
        (status = 200, description = "The subscription with its new seats", body = SubscriptionView),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller; `key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-reserved`, `key-revoked`, `subscription-inactive`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `product-mismatch`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/subscriptions/{id}/keys")]
pub async fn add_seats(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<KeyInput>,
) -> Result<web::Json<SubscriptionView>, ApiError> {
    let who = principal.key();
    let subjects = vec![state.limits.key_lookups.subject(&who)];
    limits::guarded(
        &state,
        subjects,
        async {
            let key = body.0.parse()?;
            let digest = state.pepper.digest(SecretKind::ProductKey, key.canonical());
            let periods = state.settings.periods();
            let id = *id;
            let (record, now) = transaction(&state, move |conn, now| {
                let (_, access) = changeable(conn, &principal, id, now)?;
                access.administer()?;
                let owner = match access {
                    authz::TenantAccess::Partner { partner_id, .. } => Some(partner_id),
                    _ => None,
                };
                let subscription = subscriptions::lock(conn, id)?.ok_or_else(|| ApiError::not_found("subscription"))?;
                let status = periods.status(subscription.ends_at, subscription.superseded_by.is_some(), now);
                if !matches!(status, SubscriptionStatus::Active | SubscriptionStatus::Expired) {
                    return Err(ApiError::new(
                        Code::SubscriptionInactive,
                        format!("The subscription is {}: renew it before adding seats.", status.as_str()),
                    ));
                }
                let (key, _) = keys::find_by_digest(conn, &digest, owner)?
                    .ok_or_else(|| ApiError::new(Code::KeyNotFound, "No such product key."))?;
                if key.product_id != subscription.product_id {
                    return Err(ApiError::new(
                        Code::ProductMismatch,
                        "The key is for another product than the subscription.",
                    ));
                }
                if !keys::redeem_available(conn, key.id, id, now)? {
                    return Err(keys_api::refusal(conn, key.id)?);
                }
                subscriptions::add_seats(conn, id, key.seats)?;
                let record = subscriptions::get(conn, id, tenants::TenantScope::All)?
                    .ok_or_else(|| ApiError::not_found("subscription"))?;
                Ok((record, now))
            })
            .await?;
            Ok(web::Json(SubscriptionView::new(record, now, periods)))
        },
        limits::key_lookup_failed,
    )
    .await
}
