//! Renewals: by product key (the partner keeps billing) or by moving to direct billing.

use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use crate::views::renewals::{RenewalRequest, RenewalView};
use crate::{app::renewals, auth::Principal, error::Error, http::problem::Problem, state::AppState};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    state::read,
    views::pages::{ListOf, Pagination},
};

/// Renew a subscription
///
/// `{"method": "product_key", "key": …}`: the partner of record or a delegated admin with
/// `billing_administrator` redeems another key of the same product. While the subscription is `active` or
/// `expired` the new term starts at its end date (no day lost); when `disabled` it starts
/// now (reactivation). The seats become the key's.
///
/// `{"method": "direct_billing"}`: a tenant administrator, the partner of record or a
/// delegated admin with `billing_administrator` moves the customer to the platform's billing. A new subscription
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
        (status = 403, description = "`delegated-admin-required` (no relationship), `delegated-role-required` (the relationship lacks the role; `detail` names it), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 404, description = "No such subscription visible to the caller; `key-not-found`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`subscription-deleted`, `subscription-superseded`, `seats-below-assigned`, `key-already-redeemed`, `key-reserved`, `key-revoked`", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`invalid-key-format`, `invalid-key-checksum`, `product-mismatch`, `validation-failed`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/subscriptions/{id}/renewals")]
pub async fn renew(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: Json<RenewalRequest>,
) -> Result<HttpResponse, Error> {
    let row = renewals::renew_as_asked(&state, &principal, *id, body.0).await?;
    Ok(HttpResponse::Created().json(RenewalView::from(row)))
}

/// A subscription's renewals
///
/// Read by the tenant's users, the operator, the subscription's partner of record and a
/// delegated admin with `billing_administrator`.
#[utoipa::path(
    tag = "subscriptions",
    params(("id" = Uuid, Path, description = "Subscription id"), Pagination),
    responses(
        (status = 200, description = "One page of renewals, oldest first", body = ListOf<RenewalView>),
        (status = 403, description = "`delegated-admin-required` (another partner without a relationship), `delegated-role-required` (the relationship lacks `billing_administrator`)", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/subscriptions/{id}/renewals")]
pub async fn list_renewals(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<RenewalView>>, Error> {
    let (page, id) = (pagination.page()?, *id);
    let rows = read(&state, move |conn, now| renewals::list(conn, &principal, id, page, now)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}
