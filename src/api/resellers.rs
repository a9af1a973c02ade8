//! Reseller relationships between distributors and partners (SPEC §13).

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::Utc;
use uuid::Uuid;

use crate::views::distributors::{InviteReseller, ResellerQuery, ResellerRelationshipView};
use crate::{
    app::{budgets, resellers},
    auth::Principal,
    error::{Code, Error},
    http::{PROBLEM, extract::Json, problem::Problem, responses::Forbidden},
    state::{AppState, read, transaction},
    store::resellers::ResellerRecord,
    views::pages::{ListOf, Pagination},
};

type Answer = Result<web::Json<ResellerRelationshipView>, Error>;

fn view((record, now): (ResellerRecord, chrono::DateTime<Utc>)) -> web::Json<ResellerRelationshipView> {
    web::Json(ResellerRelationshipView::new(record, now))
}

/// Invite a partner to resell
///
/// A distributor invites a partner by its partner number; the invitation lapses after 30
/// days unanswered. Unknown numbers count against the caller's failure budget.
#[utoipa::path(
    tag = "reseller relationships",
    request_body = InviteReseller,
    responses(
        (status = 201, description = "Invited", body = ResellerRelationshipView),
        (status = 403, description = "`forbidden` (not a distributor), `distributor-not-authorised`", body = Problem, content_type = PROBLEM),
        (status = 409, description = "`relationship-exists`: an invitation or an active relationship between the two", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`unknown-partner-number`, `validation-failed`", body = Problem, content_type = PROBLEM),
        (status = 429, description = "`rate-limited`: too many unknown partner numbers; see `Retry-After`", body = Problem, content_type = PROBLEM,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
)]
#[post("/v1/reseller-relationships")]
pub async fn invite(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<InviteReseller>,
) -> Result<HttpResponse, Error> {
    let subjects = vec![state.limits.partner_numbers.subject(&principal.key())];
    let inviting = transaction(&state, move |conn, now| {
        Ok((resellers::invite(conn, &principal, &body.0.partner_number, now)?, now))
    });
    let unknown = |r: &Result<_, Error>| matches!(r, Err(e) if e.code == Code::UnknownPartnerNumber);
    let (record, now) = budgets::guarded(&state, subjects, inviting, unknown).await?;
    Ok(HttpResponse::Created().json(ResellerRelationshipView::new(record, now)))
}

/// List reseller relationships
///
/// A distributor's and a partner's own; the operator's all.
#[utoipa::path(
    tag = "reseller relationships",
    params(ResellerQuery, Pagination),
    responses((status = 200, description = "One page of relationships", body = ListOf<ResellerRelationshipView>), (status = 403, response = Forbidden)),
)]
#[get("/v1/reseller-relationships")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<ResellerQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<ResellerRelationshipView>>, Error> {
    let (page, status) = (pagination.page()?, query.status);
    let (rows, now) =
        read(&state, move |conn, now| Ok((resellers::list(conn, &principal, status, page)?, now))).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.0.id, |r| ResellerRelationshipView::new(r, now))))
}

/// Read a reseller relationship
///
/// The distributor and the partner of a relationship see it; the operator sees all.
#[utoipa::path(
    tag = "reseller relationships",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses((status = 200, description = "The relationship", body = ResellerRelationshipView), (status = 403, response = Forbidden)),
)]
#[get("/v1/reseller-relationships/{id}")]
pub async fn get_one(state: web::Data<AppState>, principal: Principal, id: web::Path<Uuid>) -> Answer {
    let id = *id;
    Ok(view(read(&state, move |conn, now| Ok((resellers::get(conn, &principal, id)?, now))).await?))
}

/// Accept an invitation
///
/// The partner's answer: the relationship is `active` from today, and the distributor may
/// allocate cards to it.
#[utoipa::path(
    tag = "reseller relationships",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 200, description = "Active", body = ResellerRelationshipView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`relationship-not-invited`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/reseller-relationships/{id}/accept")]
pub async fn accept(state: web::Data<AppState>, principal: Principal, id: web::Path<Uuid>) -> Answer {
    let id = *id;
    Ok(view(
        transaction(&state, move |conn, now| Ok((resellers::answer(conn, &principal, id, true, now)?, now))).await?,
    ))
}

/// Decline an invitation
///
/// The invited partner declines an invitation; the distributor is notified.
#[utoipa::path(
    tag = "reseller relationships",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 200, description = "Declined", body = ResellerRelationshipView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`relationship-not-invited`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/reseller-relationships/{id}/decline")]
pub async fn decline(state: web::Data<AppState>, principal: Principal, id: web::Path<Uuid>) -> Answer {
    let id = *id;
    Ok(view(
        transaction(&state, move |conn, now| Ok((resellers::answer(conn, &principal, id, false, now)?, now))).await?,
    ))
}

/// End a reseller relationship
///
/// Either side ends an active relationship; the other hears of it. Cards already
/// allocated stay with the partner.
#[utoipa::path(
    tag = "reseller relationships",
    params(("id" = Uuid, Path, description = "Relationship id")),
    responses(
        (status = 200, description = "Ended", body = ResellerRelationshipView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`relationship-not-active`", body = Problem, content_type = PROBLEM),
    ),
)]
#[delete("/v1/reseller-relationships/{id}")]
pub async fn end(state: web::Data<AppState>, principal: Principal, id: web::Path<Uuid>) -> Answer {
    let id = *id;
    Ok(view(transaction(&state, move |conn, now| Ok((resellers::end(conn, &principal, id, now)?, now))).await?))
}
