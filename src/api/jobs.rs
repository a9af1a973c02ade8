//! On-demand background jobs for operators.

use actix_web::{post, web};

use super::PROBLEM;
use crate::{
    AppState,
    auth::Principal,
    authz,
    error::{ApiError, Problem},
    jobs::{self, SweepReport},
};

/// Run the sweeper now
///
/// Expires what is due (the same pass the background sweeper makes every
/// `KEYPORT_SWEEP_INTERVAL`) and answers with what it did. Safe to call from several
/// instances at once.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "What the sweep did", body = SweepReport),
        (status = 401, description = "No valid token", body = Problem, content_type = PROBLEM),
        (status = 403, description = "Not the operator", body = Problem, content_type = PROBLEM),
        (status = 503, description = "Database unavailable", body = Problem, content_type = PROBLEM),
    ),
    security(("bearer" = [])),
)]
#[post("/v1/jobs/sweep")]
pub async fn sweep(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<SweepReport>, ApiError> {
    authz::operator(&principal)?;
    let state = state.clone();
    let report = web::block(move || jobs::sweep_now(&state)).await?.map_err(ApiError::unavailable)?;
    Ok(web::Json(report))
}
