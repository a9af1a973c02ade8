//! The sandbox clock: in sandbox mode the operator moves "now" forward for every instance.

use actix_web::{FromRequest, HttpRequest, get, post, web};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::{PROBLEM, extract::Json, transaction};
use crate::{
    AppState,
    auth::Principal,
    authz,
    error::{ApiError, Code, Problem},
    store::sandbox,
};

/// How far the sandbox clock may move in total: 100 years.
pub const MAX_OFFSET_SECONDS: i64 = 36_525 * 86_400;

#[derive(Debug, Serialize, ToSchema)]
pub struct SandboxClock {
    /// The service's "now": real time plus the offset.
    pub now: DateTime<Utc>,
    /// How far the clock has been moved forward, in seconds.
    pub offset_seconds: i64,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"days": 30, "hours": 6}))]
pub struct Advance {
    /// Whole days to move forward (0–3650).
    #[validate(range(min = 0, max = 3650, message = "must be between 0 and 3650"))]
    pub days: i64,
    /// Extra hours (0–23).
    #[validate(range(min = 0, max = 23, message = "must be between 0 and 23"))]
    pub hours: Option<i64>,
}

/// Sandbox paths exist only in sandbox mode; elsewhere they answer 404 to everyone. Then
/// they are for the operator.
fn sandbox_operator(state: &AppState, principal: Option<Principal>) -> Result<(), ApiError> {
    if !state.clock.is_sandbox() {
        return Err(ApiError::new(
            Code::NotFound,
            "The sandbox clock exists only in sandbox mode (KEYPORT_SANDBOX=true).",
        ));
    }
    authz::operator(&principal.ok_or_else(ApiError::unauthorized)?)
}

/// Read the sandbox clock
#[utoipa::path(
    tag = "sandbox",
    responses(
        (status = 200, description = "The service's \"now\"", body = SandboxClock),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "Not in sandbox mode", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[get("/v1/sandbox/clock")]
pub async fn clock(
    state: web::Data<AppState>,
    principal: Option<Principal>,
) -> Result<web::Json<SandboxClock>, ApiError> {
    sandbox_operator(&state, principal)?;
    let read =
        transaction(&state, |conn, now| Ok(SandboxClock { now, offset_seconds: sandbox::offset_seconds(conn)? }))
            .await?;
    Ok(web::Json(read))
}

/// Move the sandbox clock forward
///
/// Every instance on the database sees the new "now" at once; every time rule (redemption
/// expiry, offers, relationships, subscription status, notices, purge) follows it. Access
/// tokens keep real time. The clock only moves forward. Run `POST /v1/jobs/sweep` to have
/// what fell due happen right away rather than at the next background sweep.
#[utoipa::path(
    tag = "sandbox",
    request_body = Advance,
    responses(
        (status = 200, description = "The new \"now\"", body = SandboxClock),
        (status = 400, description = "Malformed body", body = Problem, content_type = PROBLEM),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 404, description = "Not in sandbox mode", body = Problem, content_type = PROBLEM),
        (status = 415, description = "Not JSON", body = Problem, content_type = PROBLEM),
        (status = 422, description = "`validation-failed`, also when the clock would move more than 100 years in total", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/sandbox/clock/advance")]
pub async fn advance(
    state: web::Data<AppState>,
    principal: Option<Principal>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<web::Json<SandboxClock>, ApiError> {
    sandbox_operator(&state, principal)?;
    // The body is read only in sandbox mode, so that elsewhere the path is simply absent.
    let Json(body) = Json::<Advance>::from_request(&req, &mut payload.into_inner()).await?;
    let step = Duration::days(body.days) + Duration::hours(body.hours.unwrap_or(0));
    if step <= Duration::zero() {
        return Err(ApiError::invalid("days", "move the clock forward by at least an hour"));
    }
    let moved = transaction(&state, move |conn, now| {
        let offset_seconds = sandbox::advance(conn, step.num_seconds(), MAX_OFFSET_SECONDS)?.ok_or_else(|| {
            ApiError::invalid("days", "the sandbox clock moves at most 100 years in total (36525 days)")
        })?;
        // `now` was read before the move.
        Ok(SandboxClock { now: now + step, offset_seconds })
    })
    .await?;
    Ok(web::Json(moved))
}
