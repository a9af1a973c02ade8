//! On-demand background jobs for operators.

use actix_web::{post, web};

use crate::http::responses::{Forbidden, Unavailable};
use crate::{
    app::audit,
    app::sweep::{self as sweeper, SweepReport},
    app::webhooks::DeliveryReport,
    auth::Principal,
    authz,
    error::Error,
    state::AppState,
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
        (status = 403, response = Forbidden),
        (status = 503, response = Unavailable),
    ),
)]
#[post("/v1/jobs/sweep")]
pub async fn sweep(state: web::Data<AppState>, principal: Principal) -> Result<web::Json<SweepReport>, Error> {
    Ok(web::Json(sweeper::on_demand(&state, &principal).await?))
}

/// Deliver due webhooks now
///
/// One pass of the delivery worker (each `keyport serve` runs one every
/// `KEYPORT_WEBHOOK_INTERVAL`): claims the deliveries due at the service's "now", POSTs
/// them and records each answer. Safe to call from several instances at once.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "What the pass did", body = DeliveryReport),
        (status = 403, response = Forbidden),
        (status = 503, response = Unavailable),
    ),
)]
#[post("/v1/jobs/deliver-webhooks")]
pub async fn deliver_webhooks(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<DeliveryReport>, Error> {
    authz::operator(&principal)?;
    let report = crate::jobs::webhooks::deliver_due(&state).await?;
    audit::record_job_run(&state, format!("{report:?}")).await?;
    Ok(web::Json(report))
}
