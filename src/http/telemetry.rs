//! Request ids, request logging and Prometheus metrics for every request.

use std::time::Instant;

use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
};
use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder};
use uuid::Uuid;

use crate::auth::principal::PrincipalKind;

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

/// The service's Prometheus metrics.
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("keyport_http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new("keyport_http_request_duration_seconds", "Time to answer a request"),
            &["method", "route"],
        )
        .expect("valid metric");
        registry.register(Box::new(requests.clone())).expect("registered once");
        registry.register(Box::new(latency.clone())).expect("registered once");
        Self { registry, requests, latency }
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
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

/// Middleware: assigns the request id, logs the request and records its metrics.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, Error> {
    let id = accepted_request_id(&req);
    let metrics = req.app_data::<actix_web::web::Data<Metrics>>().cloned();
    let method = method_label(req.method());
    let started = Instant::now();

    let mut response = crate::error::REQUEST_ID.scope(id.clone(), next.call(req)).await?;

    let route = response.request().match_pattern().unwrap_or_else(|| "unmatched".to_string());
    let status = response.status();
    let elapsed = started.elapsed();
    if let Some(metrics) = metrics {
        metrics.requests.with_label_values(&[method, &route, status.as_str()]).inc();
        metrics.latency.with_label_values(&[method, &route]).observe(elapsed.as_secs_f64());
    }
    // One line per request, built by the subscriber only when it keeps it: the route's
    // template and the caller's kind, never a token or a secret.
    let principal =
        actix_web::HttpMessage::extensions(response.request()).get::<PrincipalKind>().map_or("anonymous", |k| k.0);
    tracing::info!(request_id = %id, method, route, path = response.request().path(), status = status.as_u16(),
        ms = elapsed.as_millis() as u64, principal, "request");
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(response)
}
