//! The redemption wizard: attest, add keys, review, confirm, create the customer's account.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    catalogue::ProductView,
    extract::{Json, ListOf, Pagination},
    keys::KeyInput,
    responses::{Forbidden, MalformedBody, NotFound, NotJson, Unauthorized, ValidationFailed},
    subscriptions::SubscriptionView,
    tenants::{TenantView, UserView},
    transaction,
};
use crate::{
    AppState,
    app::redemptions::{self, Account, Entry, NewAccount, Review},
    auth::Principal,
    authz,
    domain::{product_key::ProductKey, statuses::RedemptionStatus},
    error::{ApiError, Problem},
    limits,
    store::redemptions::RedemptionRow,
};

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
    fn new((entry, key, product): &Entry) -> Self {
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
    fn new((row, entries): Review, now: DateTime<Utc>) -> Self {
        Self {
            id: row.id,
            status: redemptions::status_at(&row, now),
            keys: entries.iter().map(RedemptionEntry::new).collect(),
            totals: redemptions::totals(&entries)
                .into_iter()
                .map(|(product, seats, term_months)| ProductTotal { product: product.into(), seats, term_months })
                .collect(),
            expires_at: row.expires_at,
            created_at: row.created_at,
            tenant_id: row.tenant_id,
        }
    }
}

fn ttl(state: &AppState) -> Result<Duration, ApiError> {
    Duration::from_std(state.settings.redemption_ttl).map_err(ApiError::internal)
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"acknowledged": true}))]
pub struct CreateRedemption {
    /// "I understand that I am the right person to do this for my company."
    #[serde(default)]
    pub acknowledged: Option<bool>,
}

/// Start a redemption
///
/// The attestation step. Keys are added next; an untouched redemption expires after
/// `KEYPORT_REDEMPTION_TTL` (30 minutes by default) and releases its keys.
#[utoipa::path(
    tag = "redemptions",
    request_body = CreateRedemption,
    responses(
        (status = 201, description = "An open redemption", body = RedemptionView),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 415, response = NotJson),
        (status = 422, description = "`acknowledgement-required`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/redemptions")]
pub async fn create(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateRedemption>,
) -> Result<HttpResponse, ApiError> {
    let partner_id = authz::partner(&principal)?;
    let (acknowledged, ttl) = (body.0.acknowledged == Some(true), ttl(&state)?);
    let (review, now) =
        transaction(&state, move |conn, now| Ok((redemptions::open(conn, partner_id, acknowledged, ttl, now)?, now)))
            .await?;
    Ok(HttpResponse::Created().json(RedemptionView::new(review, now)))
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

/// List the partner's redemptions
#[utoipa::path(
    tag = "redemptions",
    params(RedemptionQuery, Pagination),
    responses(
        (status = 200, description = "One page of the caller's redemptions", body = ListOf<RedemptionSummary>),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = ValidationFailed),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/redemptions")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<RedemptionQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<RedemptionSummary>>, ApiError> {
    let partner_id = authz::partner(&principal)?;
    let (page, status) = (pagination.page()?, query.status);
    let (rows, now) =
        transaction(&state, move |conn, now| Ok((redemptions::list(conn, partner_id, status, page)?, now))).await?;
    let summary = |r: RedemptionRow| RedemptionSummary {
        id: r.id,
        status: redemptions::status_at(&r, now),
        expires_at: r.expires_at,
        created_at: r.created_at,
        tenant_id: r.tenant_id,
    };
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, summary)))
}

/// Review a redemption
///
/// Keys (masked), totals per product, status and expiry.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 200, description = "The redemption", body = RedemptionView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/redemptions/{id}")]
pub async fn get_one(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RedemptionView>, ApiError> {
    let (partner_id, id) = (authz::partner(&principal)?, *id);
    let (review, now) = transaction(&state, move |conn, now| {
        Ok(redemptions::get(conn, partner_id, id, now)?.map(|review| (review, now)))
    })
    .await??;
    Ok(web::Json(RedemptionView::new(review, now)))
}

/// Cancel a redemption
///
/// Releases its keys. Only an open or confirmed redemption can be cancelled.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 204, description = "Cancelled; keys released"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`redemption-not-open`: completed or cancelled already", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/redemptions/{id}")]
pub async fn cancel(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (partner_id, id) = (authz::partner(&principal)?, *id);
    transaction(&state, move |conn, now| redemptions::cancel(conn, partner_id, id, now)).await??;
    Ok(HttpResponse::NoContent().finish())
}

/// Add a product key
///
/// "Add another product key." The key is reserved for this redemption; adding a key it
/// already holds answers 200 with the same entry.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    request_body = KeyInput,
    responses(
        (status = 201, description = "Added and reserved", body = RedemptionEntry),
        (status = 200, description = "Already in this redemption", body = RedemptionEntry),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, description = "No such redemption; `key-not-found` (unknown or another partner's key)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-reserved`, `key-revoked`, `redemption-not-open`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 415, response = NotJson),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `too-many-keys`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/redemptions/{id}/keys")]
pub async fn add_key(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<KeyInput>,
) -> Result<HttpResponse, ApiError> {
    let (partner_id, id) = (authz::partner(&principal)?, *id);
    let subjects = vec![state.limits.key_lookups.subject(&principal.key())];
    let adding = async {
        let (digest, ttl) = (body.0.digest(&state.pepper)?, ttl(&state)?);
        let (entry, created) =
            transaction(&state, move |conn, now| redemptions::add_key(conn, partner_id, id, &digest, ttl, now))
                .await??;
        let entry = RedemptionEntry::new(&entry);
        Ok(if created { HttpResponse::Created().json(entry) } else { HttpResponse::Ok().json(entry) })
    };
    limits::guarded(&state, subjects, adding, limits::key_lookup_failed).await
}

/// Remove a product key
///
/// Releases the key while the redemption is open.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id"), ("entry_id" = Uuid, Path, description = "Entry id")),
    responses(
        (status = 204, description = "Removed; the key is available again"),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`redemption-not-open`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[delete("/v1/redemptions/{id}/keys/{entry_id}")]
pub async fn remove_key(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (partner_id, (id, entry_id), ttl) = (authz::partner(&principal)?, path.into_inner(), ttl(&state)?);
    transaction(&state, move |conn, now| redemptions::remove_key(conn, partner_id, id, entry_id, ttl, now)).await??;
    Ok(HttpResponse::NoContent().finish())
}

/// Confirm the keys
///
/// "Done adding product keys." Fixes the keys; keys of one product must share a term.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 200, description = "Confirmed", body = RedemptionView),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`redemption-not-open`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`no-keys`, `mixed-terms`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/redemptions/{id}/confirm")]
pub async fn confirm(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<RedemptionView>, ApiError> {
    let (partner_id, ttl, id) = (authz::partner(&principal)?, ttl(&state)?, *id);
    let (review, now) = transaction(&state, move |conn, now| {
        Ok(redemptions::confirm(conn, partner_id, id, ttl, now)?.map(|review| (review, now)))
    })
    .await??;
    Ok(web::Json(RedemptionView::new(review, now)))
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
    pub activation_token: String,
}

/// Create the customer's account
///
/// "Create my account." In one transaction: the tenant, one subscription per product
/// (seats summed), the admin user (tenant admin, with a licence on each new subscription),
/// the keys marked redeemed and the redemption completed.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    request_body = CreateAccount,
    responses(
        (status = 201, description = "Created", body = AccountCreated),
        (status = 400, response = MalformedBody),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, description = "`redemption-not-confirmed`, `domain-taken`, `user-exists`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 415, response = NotJson),
        (status = 422, description = "`country-not-supported`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/redemptions/{id}/account")]
pub async fn create_account(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<CreateAccount>,
) -> Result<HttpResponse, ApiError> {
    let partner_id = authz::partner(&principal)?;
    let CreateAccount { country, company_name, domain, admin } = body.0;
    let account = NewAccount {
        country,
        company_name,
        domain,
        admin_first_name: admin.first_name,
        admin_last_name: admin.last_name,
        admin_email: admin.email,
    };
    // Before anything is locked, so that a bad domain or market is told first.
    redemptions::check_account(&account)?;
    let (id, schedule, pepper) = (*id, state.settings.schedule(), state.pepper.clone());
    let (account, now) = transaction(&state, move |conn, now| {
        let made = redemptions::create_account(conn, &pepper, partner_id, id, account, &schedule, now)?;
        Ok(made.map(|account| (account, now)))
    })
    .await??;
    let Account { tenant, subscriptions, admin, activation_token } = account;
    let periods = state.settings.periods();
    let licenses = subscriptions.iter().map(|r| r.0.id).collect();
    Ok(HttpResponse::Created().json(AccountCreated {
        tenant: tenant.into(),
        subscriptions: subscriptions.into_iter().map(|r| SubscriptionView::new(r, now, periods)).collect(),
        admin_user: UserView::new(admin, licenses),
        activation_token,
    }))
}
