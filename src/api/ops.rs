//! Liveness, readiness and metrics for whoever runs the service.

use actix_web::{HttpResponse, get, web};

use crate::views::ops::Health;
use crate::{auth::Principal, authz, error::Error, http::problem::Problem, http::telemetry::Metrics, state::AppState};
use crate::{http::PROBLEM, http::responses::Forbidden};

/// Liveness
///
/// Answers 200 while the process serves, whatever the database does: for liveness probes.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "The process is serving", body = Health)),
    security(()),
)]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok".into() })
}

/// Readiness: a writable primary reachable and migrations applied
///
/// 200 only while a writable primary answers and every migration is applied; 503 with
/// `Retry-After` during a failover. For load balancers and orchestration.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "No writable database (unreachable, or a standby during a failover) or migrations pending; see `Retry-After`",
            body = Problem, content_type = PROBLEM, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ),
    security(()),
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Health>, Error> {
    crate::app::readiness::check(&state).await?;
    Ok(web::Json(Health { status: "ready".into() }))
}

/// Prometheus metrics
///
/// For the operator only: the counters tell business volumes (keys minted and redeemed,
/// tenants created). Prometheus signs in itself (its `oauth2` scrape setting, with an
/// operator API client); or set `KEYPORT_METRICS_BIND` and scrape that address instead,
/// where the same text is served without a token, off the public port.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus text exposition format", body = String, content_type = "text/plain",
            example = "# TYPE keyport_http_requests_total counter\nkeyport_http_requests_total{method=\"GET\",route=\"/v1/partners/me\",status=\"200\"} 1\n"),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/metrics")]
pub async fn metrics(
    principal: Principal,
    counters: web::Data<Metrics>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Error> {
    authz::operator(&principal)?;
    Ok(exposition(&counters, &state))
}

/// The metrics listener's one answer (`KEYPORT_METRICS_BIND`): no token, since only the
/// scraper reaches that address.
pub async fn metrics_for_scraper(counters: web::Data<Metrics>, state: web::Data<AppState>) -> HttpResponse {
    exposition(&counters, &state)
}

fn exposition(counters: &Metrics, state: &AppState) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(counters.render(&state.pool))
}
