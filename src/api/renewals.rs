//! Renewals: by product key (the partner keeps billing) or by moving to direct billing.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{
    PROBLEM,
    extract::{Json, ListOf, Pagination},
    keys::{self as keys_api, KeyInput},
    subscriptions::{changeable, visible},
    transaction,
};
use crate::{
    AppState,
    auth::{Principal, secrets::SecretKind},
    authz,
    domain::{
        events,
        lifecycle::{SubscriptionStatus, term_end},
        notices::next_check,
        product_key::ProductKey,
    },
    error::{ApiError, Code, Problem},
    jobs::lifecycle::announce,
    limits,
    store::{
        keys,
        subscriptions::{self, RenewalRow, SubscriptionRow, Term},
    },
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

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenewalMethod {
    ProductKey,
    DirectBilling,
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
            method: if row.method == "direct_billing" {
                RenewalMethod::DirectBilling
            } else {
                RenewalMethod::ProductKey
            },
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

/// Renewal ends where there is nothing left to renew.
fn renewable(status: SubscriptionStatus) -> Result<(), ApiError> {
    match status {
        SubscriptionStatus::Deleted => {
            Err(ApiError::new(Code::SubscriptionDeleted, "The subscription is deleted; there is nothing to renew."))
        }
        SubscriptionStatus::Superseded => Err(ApiError::new(
            Code::SubscriptionSuperseded,
            "The subscription was replaced by a direct-billing one; renew that one instead.",
        )),
        _ => Ok(()),
    }
}

struct Renewal<'a> {
    state: &'a AppState,
    subscription: SubscriptionRow,
    status: SubscriptionStatus,
    now: DateTime<Utc>,
}

impl Renewal<'_> {
    fn by_key(self, conn: &mut PgConnection, partner: Uuid, key: &ProductKey) -> Result<RenewalRow, ApiError> {
        let (s, now) = (&self.subscription, self.now);
        let digest = self.state.pepper.digest(SecretKind::ProductKey, key.canonical());
        let (key, _) = keys::find_by_digest(conn, &digest, Some(partner))?
            .ok_or_else(|| ApiError::new(Code::KeyNotFound, "No such product key."))?;
        if key.product_id != s.product_id {
            return Err(ApiError::new(Code::ProductMismatch, "The key is for another product than the subscription."));
        }
        let assigned = subscriptions::assigned_seats(conn, s.id)?;
        if i64::from(key.seats) < assigned {
            return Err(ApiError::new(
                Code::SeatsBelowAssigned,
                format!("The key has {} seats but {assigned} licences are assigned; free some first.", key.seats),
            ));
        }
        if !keys::redeem_available(conn, key.id, s.id, now)? {
            return Err(keys_api::refusal(conn, key.id)?);
        }
        // No day lost while the term runs or is in grace; a disabled one starts again now.
        let reactivated = self.status == SubscriptionStatus::Disabled;
        let starts_at = if reactivated { now } else { s.ends_at };
        let ends_at =
            term_end(starts_at, key.term_months as u32).ok_or_else(|| ApiError::internal("term out of range"))?;
        let settings = &self.state.settings;
        subscriptions::set_term(
            conn,
            s.id,
            &Term {
                starts_at: if reactivated { now } else { s.starts_at },
                ends_at,
                seats: key.seats,
                term_months: key.term_months,
                next_event_at: next_check(ends_at, now, settings.periods(), &settings.notice_days),
            },
        )?;
        let row = RenewalRow {
            id: Uuid::now_v7(),
            subscription_id: s.id,
            method: "product_key".into(),
            previous_ends_at: s.ends_at,
            starts_at,
            ends_at,
            seats: key.seats,
            key_id: Some(key.id),
            new_subscription_id: None,
            forfeited_days: None,
            reactivated,
            created_at: now,
        };
        subscriptions::insert_renewal(conn, &row)?;
        let renewed = SubscriptionRow { ends_at, ..s.clone() };
        let outcome = if reactivated { "reactivated" } else { "renewed" };
        announce(conn, &renewed, now, |subject| events::renewal(subject, outcome, row.id))?;
        Ok(row)
    }

    fn by_direct_billing(self, conn: &mut PgConnection) -> Result<RenewalRow, ApiError> {
        let (s, now) = (&self.subscription, self.now);
        let settings = &self.state.settings;
        let ends_at = term_end(now, s.term_months as u32).ok_or_else(|| ApiError::internal("term out of range"))?;
        let direct = SubscriptionRow {
            id: Uuid::now_v7(),
            billing: "direct".into(),
            starts_at: now,
            ends_at,
            superseded_by: None,
            created_at: now,
            next_event_at: next_check(ends_at, now, settings.periods(), &settings.notice_days),
            ..s.clone()
        };
        subscriptions::insert(conn, &direct)?;
        subscriptions::supersede(conn, s.id, direct.id)?;
        let forfeited_days = if s.ends_at > now { (s.ends_at - now).num_days() as i32 } else { 0 };
        let row = RenewalRow {
            id: Uuid::now_v7(),
            subscription_id: s.id,
            method: "direct_billing".into(),
            previous_ends_at: s.ends_at,
            starts_at: now,
            ends_at,
            seats: s.seats,
            key_id: None,
            new_subscription_id: Some(direct.id),
            forfeited_days: Some(forfeited_days),
            reactivated: self.status == SubscriptionStatus::Disabled,
            created_at: now,
        };
        subscriptions::insert_renewal(conn, &row)?;
        announce(conn, s, now, |subject| events::renewal(subject, "superseded", row.id))?;
        Ok(row)
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
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller; `key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`subscription-deleted`, `subscription-superseded`, `seats-below-assigned`, `key-already-redeemed`, `key-reserved`, `key-revoked`", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
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
    let who = principal.key();
    let subjects = vec![state.limits.key_lookups.subject(&who)];
    limits::guarded(
        &state,
        subjects,
        async {
            let key = match &body.0 {
                RenewalRequest::ProductKey { key } => Some(KeyInput { key: key.clone() }.parse()?),
                RenewalRequest::DirectBilling {} => None,
            };
            let id = *id;
            let app = state.clone();
            let row = transaction(&state, move |conn, now| {
                let (record, access) = changeable(conn, &principal, id, now)?;
                let partner = authz::renews(access, record.0.partner_of_record_id, key.is_some())?;
                let subscription = subscriptions::lock(conn, id)?.ok_or_else(|| ApiError::not_found("subscription"))?;
                let status =
                    app.settings.periods().status(subscription.ends_at, subscription.superseded_by.is_some(), now);
                renewable(status)?;
                let renewal = Renewal { state: &app, subscription, status, now };
                match (key, partner) {
                    (Some(key), Some(partner)) => renewal.by_key(conn, partner, &key),
                    (Some(_), None) => {
                        Err(ApiError::forbidden("Only the partner of record or a delegated admin renews with a key."))
                    }
                    (None, _) => renewal.by_direct_billing(conn),
                }
            })
            .await?;
            Ok(HttpResponse::Created().json(RenewalView::from(row)))
        },
        limits::key_lookup_failed,
    )
    .await
}

/// A subscription's renewals
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id"), Pagination),
    responses(
        (status = 200, description = "One page of renewals, oldest first", body = ListOf<RenewalView>),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed` (limit or cursor)", body = Problem, content_type = PROBLEM),
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
    let page = pagination.page()?;
    let id = *id;
    let rows = transaction(&state, move |conn, now| {
        visible(conn, &principal, id, now)?;
        Ok(subscriptions::renewals_of(conn, id, page)?)
    })
    .await?;
    let (rows, next) = page.finish(rows, |r| r.id);
    Ok(web::Json(ListOf::new(rows.into_iter().map(Into::into).collect(), next)))
}
