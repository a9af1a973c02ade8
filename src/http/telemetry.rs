//! Request ids, request logging and Prometheus metrics for every request.

use std::{
    borrow::Cow,
    time::{Duration, Instant},
};

use actix_web::{
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
};
use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder};
use uuid::Uuid;

use crate::{auth::principal::PrincipalKind, metrics::COUNTERS};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// A caller's id is kept when it is short and printable; otherwise a fresh one is made.
fn accepted_request_id(req: &ServiceRequest) -> String {
    req.headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_string)
        .unwrap_or_else(|| Uuid::now_v7().to_string())
}

/// The database pool, as seen at each scrape.
struct PoolGauges {
    size: IntGauge,
    connections: IntGauge,
    idle: IntGauge,
    in_use: IntGauge,
}

/// The service's Prometheus metrics.
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: PoolGauges,
}

impl Metrics {
    /// One answered request: its count and its latency.
    pub fn record(&self, method: &str, route: &str, status: actix_web::http::StatusCode, elapsed: Duration) {
        self.requests.with_label_values(&[method, route, status.as_str()]).inc();
        let class = match status.as_u16() / 100 {
            2 => "2xx",
            3 => "3xx",
            4 => "4xx",
            5 => "5xx",
            _ => "1xx",
        };
        self.latency.with_label_values(&[method, route, class]).observe(elapsed.as_secs_f64());
    }

    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("keyport_http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new("keyport_http_request_duration_seconds", "Time to answer a request"),
            &["method", "route", "status_class"],
        )
        .expect("valid metric");
        registry.register(Box::new(requests.clone())).expect("registered once");
        registry.register(Box::new(latency.clone())).expect("registered once");
        let gauge = |name: &str, help: &str| {
            let gauge = IntGauge::new(name, help).expect("valid metric");
            registry.register(Box::new(gauge.clone())).expect("registered once");
            gauge
        };
        let pool = PoolGauges {
            size: gauge("keyport_db_pool_size", "Connections the pool may hold"),
            connections: gauge("keyport_db_pool_connections", "Connections the pool holds"),
            idle: gauge("keyport_db_pool_idle_connections", "Connections waiting in the pool"),
            in_use: gauge("keyport_db_pool_in_use_connections", "Connections lent out to work"),
        };
        let c = &*COUNTERS;
        let shared: [Box<dyn prometheus::core::Collector>; 14] = [
            Box::new(c.keys_minted.clone()),
            Box::new(c.keys_redeemed.clone()),
            Box::new(c.keys_revoked.clone()),
            Box::new(c.tenants_created.clone()),
            Box::new(c.renewals.clone()),
            Box::new(c.notices_sent.clone()),
            Box::new(c.sweeps.clone()),
            Box::new(c.sweep_seconds.clone()),
            Box::new(c.sweep_items.clone()),
            Box::new(c.webhook_attempts.clone()),
            Box::new(c.webhook_attempt_seconds.clone()),
            Box::new(c.budget_rejections.clone()),
            Box::new(c.pool_wait_seconds.clone()),
            Box::new(c.pool_timeouts.clone()),
        ];
        for collector in shared {
            registry.register(collector).expect("registered once");
        }
        Self { registry, requests, latency, pool }
    }

    /// The text exposition format, the pool's gauges read now.
    pub fn render(&self, pool: &crate::db::PgPool) -> String {
        let state = pool.state();
        let (connections, idle) = (i64::from(state.connections), i64::from(state.idle_connections));
        self.pool.size.set(i64::from(pool.max_size()));
        self.pool.connections.set(connections);
        self.pool.idle.set(idle);
        self.pool.in_use.set(connections - idle);
        TextEncoder::new().encode_to_string(&self.registry.gather()).unwrap_or_default()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// The method as a metric label: the standard methods by name, anything invented `other`,
/// so that no request can add label values.
fn method_label(method: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The route template that answered, for labels: from the document's operations, else (a
/// path no operation has: the documents, Swagger UI, an unknown path) from the router.
fn route_of(req: &actix_web::HttpRequest) -> Cow<'static, str> {
    let documented = super::routes::known().and_then(|routes| routes.find(req.method(), req.match_info().as_str()));
    match documented {
        Some(route) => Cow::Borrowed(route.template.as_str()),
        None => req.match_pattern().map_or(Cow::Borrowed("unmatched"), Cow::Owned),
    }
}

/// Middleware: assigns the request id, logs the request and records its metrics.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let id = accepted_request_id(&req);
    let metrics = req.app_data::<actix_web::web::Data<Metrics>>().cloned();
    let method = method_label(req.method());
    let started = Instant::now();

    let mut response = crate::error::REQUEST_ID.scope(id.clone(), next.call(req)).await?;

    let route = route_of(response.request());
    let status = response.status();
    let elapsed = started.elapsed();
    if let Some(metrics) = metrics {
        metrics.record(method, &route, status, elapsed);
    }
    // One line per request, built by the subscriber only when it keeps it: the route's
    // template and the caller's kind, never a token or a secret.
    let principal =
        actix_web::HttpMessage::extensions(response.request()).get::<PrincipalKind>().map_or("anonymous", |k| k.0);
    tracing::info!(request_id = %id, method, route = &*route, path = response.request().path(), status = status.as_u16(),
        ms = elapsed.as_millis() as u64, principal, "request");
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(response)
}
