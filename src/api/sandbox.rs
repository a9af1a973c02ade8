//! The sandbox clock: in sandbox mode the operator moves "now" forward for every instance.

use actix_web::{FromRequest, HttpRequest, get, post, web};
use chrono::Duration;

use crate::views::sandbox::{Advance, SandboxClock};
use crate::{
    app::sandbox,
    auth::Principal,
    authz,
    error::{Code, Error},
    http::problem::Problem,
    state::AppState,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::{Forbidden, NotFound},
    state::read,
    state::transaction,
};

/// Sandbox paths exist only in sandbox mode; elsewhere they answer 404 to everyone. Then
/// they are for the operator.
fn sandbox_operator(state: &AppState, principal: Result<Principal, Error>) -> Result<(), Error> {
    if !state.clock.is_sandbox() {
        return Err(Error::new(
            Code::NotFound,
            "The sandbox clock exists only in sandbox mode (KEYPORT_SANDBOX=true).",
        ));
    }
    authz::operator(&principal?)
}

/// Read the sandbox clock
///
/// The service's "now" and how far it was moved; only in sandbox mode (404 elsewhere), for the
/// operator.
#[utoipa::path(
    tag = "sandbox",
    responses(
        (status = 404, response = NotFound),
        (status = 200, description = "The service's \"now\"", body = SandboxClock),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/sandbox/clock")]
pub async fn clock(
    state: web::Data<AppState>,
    principal: Result<Principal, Error>,
) -> Result<web::Json<SandboxClock>, Error> {
    sandbox_operator(&state, principal)?;
    let (now, offset_seconds) = read(&state, sandbox::read).await?;
    Ok(web::Json(SandboxClock { now, offset_seconds }))
}

/// Move the sandbox clock forward
///
/// Moves the service's "now" forward for every instance at once (never back): expiries,
/// notices and the sweeper follow it; access tokens keep real time.
#[utoipa::path(
    tag = "sandbox",
    request_body = Advance,
    responses(
        (status = 404, response = NotFound),
        (status = 200, description = "The new \"now\"", body = SandboxClock),
        (status = 403, response = Forbidden),
        (status = 422, description = "`validation-failed`, also when the clock would move more than 100 years in total", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/sandbox/clock/advance")]
pub async fn advance(
    state: web::Data<AppState>,
    principal: Result<Principal, Error>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<web::Json<SandboxClock>, Error> {
    sandbox_operator(&state, principal)?;
    // The body is read only in sandbox mode, so that elsewhere the path is simply absent.
    let Json(body) = Json::<Advance>::from_request(&req, &mut payload.into_inner()).await?;
    let step = Duration::days(body.days) + Duration::hours(body.hours.unwrap_or(0));
    let (now, offset_seconds) = transaction(&state, move |conn, now| sandbox::advance(conn, step, now)).await?;
    Ok(web::Json(SandboxClock { now, offset_seconds }))
}
