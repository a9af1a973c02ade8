//! Liveness, readiness and metrics for whoever runs the service.

use actix_web::{HttpResponse, get, web};

use super::PROBLEM;
use crate::views::ops::Health;
use crate::{
    AppState, db,
    error::{ApiError, Problem},
    http::telemetry::Metrics,
};

/// Liveness
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
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    let state = state.clone();
    let current = web::block(move || -> Result<bool, ApiError> {
        let mut conn = state.pool.get()?;
        // A demoted primary still answers reads: readiness is being able to write.
        if !db::writable(&mut conn)? {
            return Err(ApiError::unavailable("the database is read-only (a standby, or a primary being demoted)"));
        }
        Ok(db::migrations_current(&mut conn))
    })
    .await??;
    if current {
        Ok(web::Json(Health { status: "ready".into() }))
    } else {
        Err(ApiError::unavailable("migrations pending"))
    }
}

/// Prometheus metrics
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format", body = String, content_type = "text/plain",
        example = "# TYPE keyport_http_requests_total counter\nkeyport_http_requests_total{method=\"GET\",route=\"/v1/partners/me\",status=\"200\"} 1\n")),
    security(()),
)]
#[get("/metrics")]
pub async fn metrics(metrics: web::Data<Metrics>, state: web::Data<crate::AppState>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(metrics.render(&state.pool))
}
