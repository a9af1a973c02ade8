//! The redemption wizard: attest, add keys, review, confirm, create the customer's account.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    Committed, PROBLEM,
    catalogue::{ProductView, supported_country},
    extract::{Json, ListOf, Pagination},
    keys::KeyInput,
    subscriptions::SubscriptionView,
    tenants::{TenantView, UserView},
    transaction,
};
use crate::{
    AppState,
    auth::{Principal, secrets::SecretKind},
    authz,
    domain::{lifecycle::term_end, notices::next_check, product_key::ProductKey, tenant_domain},
    error::{ApiError, Code, Problem},
    limits,
    store::{
        self,
        keys::{self, KeyRow},
        products::ProductRow,
        redemptions::{self, EntryRow, RedemptionRow},
        subscriptions::{self as subscription_store, SubscriptionRow},
        tenants::{self as tenant_store, TenantRow},
        users::{self, UserRow},
    },
};

/// Keys one redemption may hold.
pub const MAX_KEYS: i64 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RedemptionStatus {
    /// Keys may be added and removed.
    Open,
    /// Keys are fixed; the account can be created.
    Confirmed,
    /// The account was created and the keys redeemed.
    Completed,
    /// Untouched for too long: keys released.
    Expired,
    /// Cancelled by the partner: keys released.
    Cancelled,
}

impl RedemptionStatus {
    fn parse(s: &str) -> Self {
        match s {
            "confirmed" => Self::Confirmed,
            "completed" => Self::Completed,
            "expired" => Self::Expired,
            "cancelled" => Self::Cancelled,
            _ => Self::Open,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Confirmed => "confirmed",
            Self::Completed => "completed",
            Self::Expired => "expired",
            Self::Cancelled => "cancelled",
        }
    }
}

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
    fn new(entry: &EntryRow, key: &KeyRow, product: &ProductRow) -> Self {
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

fn totals(entries: &[(EntryRow, KeyRow, ProductRow)]) -> Vec<ProductTotal> {
    let mut sums: BTreeMap<(Uuid, i32), (ProductRow, i64)> = BTreeMap::new();
    for (_, key, product) in entries {
        let slot = sums.entry((product.id, key.term_months)).or_insert_with(|| (product.clone(), 0));
        slot.1 += i64::from(key.seats);
    }
    sums.into_iter()
        .map(|((_, term_months), (product, seats))| ProductTotal { product: product.into(), seats, term_months })
        .collect()
}

fn view(conn: &mut PgConnection, row: RedemptionRow) -> Result<RedemptionView, ApiError> {
    let entries = redemptions::entries(conn, row.id)?;
    Ok(RedemptionView {
        id: row.id,
        status: RedemptionStatus::parse(&row.status),
        keys: entries.iter().map(|(e, k, p)| RedemptionEntry::new(e, k, p)).collect(),
        totals: totals(&entries),
        expires_at: row.expires_at,
        created_at: row.created_at,
        tenant_id: row.tenant_id,
    })
}

fn expired() -> ApiError {
    ApiError::new(
        Code::RedemptionExpired,
        "The redemption expired after a period without activity and its keys were released; start a new one.",
    )
}

fn not_open() -> ApiError {
    ApiError::new(Code::RedemptionNotOpen, "Keys can be added or removed only while the redemption is open.")
}

/// The caller's redemption, locked; one whose time ran out is expired here (its keys
/// released, kept after commit) and answered with 410.
fn lock_live(
    conn: &mut PgConnection,
    id: Uuid,
    partner_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<RedemptionRow>, ApiError> {
    let row = redemptions::lock(conn, id, partner_id)?.ok_or_else(|| ApiError::not_found("redemption"))?;
    if row.is_live() && row.expires_at <= now {
        redemptions::close(conn, &row, "expired")?;
        return Ok(Err(expired()));
    }
    if row.status == "expired" {
        return Ok(Err(expired()));
    }
    Ok(Ok(row))
}

/// Like [`lock_live`], for changes that only an open redemption accepts.
fn lock_open(
    conn: &mut PgConnection,
    id: Uuid,
    partner_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<RedemptionRow>, ApiError> {
    match lock_live(conn, id, partner_id, now)? {
        Ok(row) if row.status != "open" => Err(not_open()),
        other => Ok(other),
    }
}

/// Unwraps a live redemption or leaves the closure with the committed outcome.
macro_rules! live_or_return {
    ($e:expr) => {
        match $e? {
            Ok(row) => row,
            Err(answer) => return Ok(Err(answer)),
        }
    };
}

fn ttl(state: &AppState) -> Result<chrono::Duration, ApiError> {
    chrono::Duration::from_std(state.settings.redemption_ttl).map_err(ApiError::internal)
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
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
    if body.0.acknowledged != Some(true) {
        return Err(ApiError::new(
            Code::AcknowledgementRequired,
            "Confirm that you are the right person to do this for your company: send acknowledged: true.",
        ));
    }
    let ttl = ttl(&state)?;
    let view = transaction(&state, move |conn, now| {
        let row = RedemptionRow {
            id: Uuid::now_v7(),
            partner_id,
            status: "open".into(),
            created_at: now,
            expires_at: now + ttl,
            tenant_id: None,
        };
        redemptions::insert(conn, &row)?;
        view(conn, row)
    })
    .await?;
    Ok(HttpResponse::Created().json(view))
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (a filter, limit or cursor)", body = Problem, content_type = PROBLEM),
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
    let page = pagination.page()?;
    let status = query.status.map(RedemptionStatus::as_str);
    let (rows, now) =
        transaction(&state, move |conn, now| Ok((redemptions::list(conn, partner_id, status, page)?, now))).await?;
    let (rows, next) = page.finish(rows, |r| r.id);
    let data = rows
        .into_iter()
        .map(|r| RedemptionSummary {
            id: r.id,
            // A redemption past its time reads as expired even before the sweep gets to it.
            status: if r.is_live() && r.expires_at <= now {
                RedemptionStatus::Expired
            } else {
                RedemptionStatus::parse(&r.status)
            },
            expires_at: r.expires_at,
            created_at: r.created_at,
            tenant_id: r.tenant_id,
        })
        .collect();
    Ok(web::Json(ListOf::new(data, next)))
}

/// Review a redemption
///
/// Keys (masked), totals per product, status and expiry.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 200, description = "The redemption", body = RedemptionView),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such redemption of the caller's", body = Problem, content_type = PROBLEM),
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
    let partner_id = authz::partner(&principal)?;
    let id = *id;
    let view = transaction(&state, move |conn, now| {
        let row = live_or_return!(lock_live(conn, id, partner_id, now));
        Ok(Ok(view(conn, row)?))
    })
    .await??;
    Ok(web::Json(view))
}

/// Cancel a redemption
///
/// Releases its keys. Only an open or confirmed redemption can be cancelled.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id")),
    responses(
        (status = 204, description = "Cancelled; keys released"),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such redemption of the caller's", body = Problem, content_type = PROBLEM),
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
    let partner_id = authz::partner(&principal)?;
    let id = *id;
    transaction(&state, move |conn, now| {
        let row = live_or_return!(lock_live(conn, id, partner_id, now));
        if !row.is_live() {
            return Err(ApiError::new(Code::RedemptionNotOpen, "The redemption is already completed or cancelled."));
        }
        redemptions::close(conn, &row, "cancelled")?;
        Ok(Ok(()))
    })
    .await??;
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such redemption; `key-not-found` (unknown or another partner's key)", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`key-already-redeemed`, `key-reserved`, `key-revoked`, `redemption-not-open`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
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
    let partner_id = authz::partner(&principal)?;
    let who = principal.key();
    let subjects = vec![state.limits.key_lookups.subject(&who)];
    limits::guarded(
        &state,
        subjects,
        async {
            let key = body.0.parse()?;
            let digest = state.pepper.digest(SecretKind::ProductKey, key.canonical());
            let ttl = ttl(&state)?;
            let id = *id;
            let (entry, created) = transaction(&state, move |conn, now| {
                live_or_return!(lock_open(conn, id, partner_id, now));
                let (key, product) = keys::find_by_digest(conn, &digest, Some(partner_id))?
                    .ok_or_else(|| ApiError::new(Code::KeyNotFound, "No such product key."))?;
                if let Some(entry) = redemptions::entry_for_key(conn, id, key.id)? {
                    return Ok(Ok((RedemptionEntry::new(&entry, &key, &product), false)));
                }
                if redemptions::count_entries(conn, id)? >= MAX_KEYS {
                    return Err(ApiError::new(
                        Code::TooManyKeys,
                        format!("A redemption holds at most {MAX_KEYS} keys."),
                    ));
                }
                // The conditional update is the one place a key is claimed: of concurrent claims
                // exactly one finds it available.
                if !keys::reserve(conn, key.id, id)? {
                    return Err(super::keys::refusal(conn, key.id)?);
                }
                let entry = EntryRow { id: Uuid::now_v7(), redemption_id: id, key_id: key.id, created_at: now };
                redemptions::insert_entry(conn, &entry)?;
                redemptions::update(conn, id, "open", now + ttl, None)?;
                Ok(Ok((RedemptionEntry::new(&entry, &key, &product), true)))
            })
            .await??;
            Ok(if created { HttpResponse::Created().json(entry) } else { HttpResponse::Ok().json(entry) })
        },
        limits::key_lookup_failed,
    )
    .await
}

/// Remove a product key
///
/// Releases the key while the redemption is open.
#[utoipa::path(
    tag = "redemptions",
    params(("id" = Uuid, Path, description = "Redemption id"), ("entry_id" = Uuid, Path, description = "Entry id")),
    responses(
        (status = 204, description = "Removed; the key is available again"),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such redemption or entry", body = Problem, content_type = PROBLEM),
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
    let partner_id = authz::partner(&principal)?;
    let (id, entry_id) = path.into_inner();
    let ttl = ttl(&state)?;
    transaction(&state, move |conn, now| {
        live_or_return!(lock_open(conn, id, partner_id, now));
        let key_id = redemptions::delete_entry(conn, id, entry_id)?
            .ok_or_else(|| ApiError::not_found("key in this redemption"))?;
        keys::release(conn, id, Some(key_id))?;
        redemptions::update(conn, id, "open", now + ttl, None)?;
        Ok(Ok(()))
    })
    .await??;
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
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such redemption of the caller's", body = Problem, content_type = PROBLEM),
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
    let partner_id = authz::partner(&principal)?;
    let ttl = ttl(&state)?;
    let id = *id;
    let view = transaction(&state, move |conn, now| {
        live_or_return!(lock_open(conn, id, partner_id, now));
        let entries = redemptions::entries(conn, id)?;
        if entries.is_empty() {
            return Err(ApiError::new(Code::NoKeys, "Add at least one product key before confirming."));
        }
        let mut terms: BTreeMap<Uuid, (String, i32)> = BTreeMap::new();
        for (_, key, product) in &entries {
            let (name, term) = terms.entry(product.id).or_insert((product.name.clone(), key.term_months));
            if *term != key.term_months {
                return Err(ApiError::new(
                    Code::MixedTerms,
                    format!("The keys for {name} have different terms; redeem each term separately."),
                ));
            }
        }
        let row = redemptions::update(conn, id, "confirmed", now + ttl, None)?;
        Ok(Ok(view(conn, row)?))
    })
    .await??;
    Ok(web::Json(view))
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not a partner", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such redemption of the caller's", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`redemption-not-confirmed`, `domain-taken`, `user-exists`", body = Problem, content_type = PROBLEM),
        (status = 410, description = "`redemption-expired`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
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
    let body = body.0;
    if let Some(problem) = tenant_domain::domain_problem(&body.domain) {
        return Err(ApiError::invalid("domain", problem));
    }
    let country = supported_country(&body.country)?;
    let periods = state.settings.periods();
    let notice_days = state.settings.notice_days.clone();
    let id = *id;
    let app = state.clone();
    let (tenant, records, admin, activation_token, now) = transaction(&state, move |conn, now| {
        let row = live_or_return!(lock_live(conn, id, partner_id, now));
        if row.status != "confirmed" {
            return Err(ApiError::new(
                Code::RedemptionNotConfirmed,
                "Confirm the keys (POST …/confirm) before creating the account.",
            ));
        }
        let tenant = TenantRow {
            id: Uuid::now_v7(),
            company_name: body.company_name,
            country,
            domain: Some(body.domain.clone()),
            status: "active".into(),
            created_by_partner_id: partner_id,
            created_at: now,
        };
        tenant_store::insert(conn, &tenant).map_err(|e| {
            if store::violates(&e, tenant_store::DOMAIN_KEY) {
                ApiError::new(Code::DomainTaken, format!("The domain {} is already taken.", body.domain))
            } else {
                e.into()
            }
        })?;
        let admin = UserRow {
            id: Uuid::now_v7(),
            tenant_id: tenant.id,
            email: body.admin.email,
            first_name: body.admin.first_name,
            last_name: body.admin.last_name,
            admin: true,
            password_hash: None,
            created_at: now,
        };
        users::insert(conn, &admin).map_err(super::users::user_exists)?;
        let activation_token = super::users::issue_activation_token(conn, &app, admin.id, now)?;
        // One subscription per product; confirm made sure a product's keys share a term.
        let mut per_product: BTreeMap<Uuid, (i32, i32)> = BTreeMap::new();
        for (_, key, _) in redemptions::entries(conn, id)? {
            let slot = per_product.entry(key.product_id).or_insert((0, key.term_months));
            slot.0 += key.seats;
        }
        for (product_id, (seats, term_months)) in per_product {
            let ends_at = term_end(now, term_months as u32).ok_or_else(|| ApiError::internal("term out of range"))?;
            let subscription = SubscriptionRow {
                id: Uuid::now_v7(),
                tenant_id: tenant.id,
                product_id,
                seats,
                billing: "partner".into(),
                term_months,
                starts_at: now,
                ends_at,
                partner_of_record_id: None,
                superseded_by: None,
                created_at: now,
                next_event_at: next_check(ends_at, now, periods, &notice_days),
            };
            subscription_store::insert(conn, &subscription)?;
            subscription_store::assign_license(conn, subscription.id, admin.id, now)?;
            keys::redeem_reserved(conn, id, product_id, subscription.id, now)?;
        }
        redemptions::update(conn, id, "completed", row.expires_at, Some(tenant.id))?;
        let records = subscription_store::for_tenant(conn, tenant.id)?;
        Ok(Ok((tenant, records, admin, activation_token, now)))
    })
    .await??;
    let records_ids = records.iter().map(|r| r.0.id).collect();
    Ok(HttpResponse::Created().json(AccountCreated {
        tenant: tenant.into(),
        subscriptions: records.into_iter().map(|r| SubscriptionView::new(r, now, periods)).collect(),
        admin_user: UserView::new(admin, records_ids),
        activation_token,
    }))
}
