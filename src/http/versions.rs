//! `Keyport-Version` (SPEC §14): the version a request speaks — its header, else the
//! version pinned on the API client its token came from, else the current one — and its
//! answer rendered in that version (`views::versions`), named in `Keyport-Version`, with
//! `Deprecation`, `Sunset` and a `Link` to the changelog when the version has a sunset
//! date. It runs outside idempotency, so a kept answer is replayed in its caller's version.

use std::future::{Ready, ready};

use actix_web::{
    FromRequest, HttpMessage, HttpRequest,
    body::{BoxBody, MessageBody, to_bytes},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::header::{self, HeaderValue},
    middleware::Next,
    web,
};

use crate::{
    domain::versions::{ApiVersion, CURRENT},
    error::{Code, Error},
    http::extract::bearer_claims,
    state::AppState,
    views::versions as shapes,
};

pub const HEADER: &str = "keyport-version";

/// Where the changelog is served (`Link` of a deprecated version's answers).
pub const CHANGELOG_PATH: &str = "/changelog";

/// Whether the path's answers are versioned: the API's operations, but for OAuth's own
/// (token and revocation speak RFC 6749 and 7009, whatever the version; a version header
/// there is accepted and ignored) and the documents outside `/v1`.
pub fn versioned(path: &str) -> bool {
    path.starts_with("/v1/") && !matches!(path, "/v1/auth/token" | "/v1/auth/revoke")
}

/// The version the request's API client is pinned to, when a token of one came.
fn pinned(req: &ServiceRequest) -> Option<ApiVersion> {
    if !req.headers().contains_key(header::AUTHORIZATION) {
        return None;
    }
    let state = req.app_data::<web::Data<AppState>>()?;
    bearer_claims(req.request(), state)?.ver.as_deref().and_then(ApiVersion::parse)
}

/// The 400 for a version this service does not speak, naming the ones it does.
fn unsupported(named: &HeaderValue) -> Error {
    let shown: String = match named.to_str() {
        Ok(text) => text.chars().take(40).collect(),
        Err(_) => "(not text)".into(),
    };
    Error::new(
        Code::UnsupportedApiVersion,
        format!(
            "Keyport-Version {shown:?} is not a version of this API; it speaks {} (GET /v1/versions).",
            ApiVersion::names().join(", ")
        ),
    )
}

/// Middleware: negotiates the version and renders the answer in it.
pub async fn negotiate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Two headers naming versions name none: which one is meant cannot be told.
    let mut values = req.headers().get_all(HEADER);
    let named = values.next().map(|v| {
        let parsed = v.to_str().ok().and_then(ApiVersion::parse).filter(|_| values.next().is_none());
        (parsed, v.clone())
    });
    let version = match named {
        Some((Some(version), _)) => version,
        Some((None, value)) if versioned(req.path()) => {
            let mut refused = req.error_response(unsupported(&value));
            stamp(refused.headers_mut(), CURRENT);
            return Ok(refused);
        }
        _ => pinned(&req).unwrap_or(CURRENT),
    };
    req.extensions_mut().insert(version);
    let method = req.method().clone();
    // (Inner middleware answers its refusals as responses, so they pass here and are
    // stamped; holding a clone of the request to answer an `Err` would break actix, which
    // needs the request uniquely owned further in.)
    let mut response = next.call(req).await?.map_into_boxed_body();
    // Which operation answered is asked only when a version's shapes may differ.
    let route = match shapes::differs(version) {
        true => {
            super::routes::known().and_then(|routes| routes.find(&method, response.request().match_info().as_str()))
        }
        false => None,
    };
    if response.status().is_success()
        && let Some(route) =
            route.map(|r| r.template.as_str()).filter(|r| shapes::rewrites_answer(version, method.as_str(), r))
    {
        response = rewritten(response, version, method.as_str(), route).await?;
    }
    stamp(response.headers_mut(), version);
    Ok(response)
}

/// The answer's JSON body turned into `version`'s shape.
async fn rewritten(
    response: ServiceResponse<BoxBody>,
    version: ApiVersion,
    method: &str,
    route: &str,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let (req, res) = response.into_parts();
    let (res, body) = res.into_parts();
    let bytes = to_bytes(body).await.map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        // Not JSON (a CSV, say): no version shapes it.
        return Ok(ServiceResponse::new(req, res.set_body(BoxBody::new(bytes))));
    };
    shapes::answer_at(version, method, route, &mut value);
    let body = serde_json::to_vec(&value).map_err(actix_web::error::ErrorInternalServerError)?;
    let mut res = res.set_body(BoxBody::new(body));
    res.headers_mut().remove(header::CONTENT_LENGTH);
    Ok(ServiceResponse::new(req, res))
}

/// `Keyport-Version`, and for a version with a sunset date `Deprecation` (RFC 9745, the
/// date its successor was released), `Sunset` (RFC 8594) and a `Link` to the changelog.
fn stamp(headers: &mut header::HeaderMap, version: ApiVersion) {
    headers.insert(header::HeaderName::from_static(HEADER), HeaderValue::from_static(version.as_str()));
    let release = version.release();
    let (Some(sunset), Some(deprecated)) = (release.sunset, release.deprecated) else { return };
    let midnight = |date: chrono::NaiveDate| date.and_time(chrono::NaiveTime::MIN).and_utc();
    let values = [
        ("deprecation", format!("@{}", midnight(deprecated).timestamp())),
        ("sunset", midnight(sunset).format("%a, %d %b %Y %H:%M:%S GMT").to_string()),
        ("link", format!("<{CHANGELOG_PATH}>; rel=\"deprecation\"; type=\"text/markdown\"")),
    ];
    for (name, value) in values {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(header::HeaderName::from_static(name), value);
        }
    }
}

/// The version the request speaks, for handlers that keep it (a webhook endpoint's).
pub struct RequestVersion(pub ApiVersion);

impl FromRequest for RequestVersion {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestVersion(req.extensions().get::<ApiVersion>().copied().unwrap_or(CURRENT))))
    }
}
