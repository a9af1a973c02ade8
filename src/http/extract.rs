//! Request extractors whose every failure is a problem document: JSON bodies (validated),
//! pagination, path and query errors.

use std::{
    future::{Future, Ready, ready},
    pin::Pin,
};

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, error::QueryPayloadError, http::header, web};
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::{
    auth::{
        Principal,
        jwt::{Claims, Refusal},
    },
    error::{Code, Error, FieldError, TokenRefusal},
    state::AppState,
};

/// Largest accepted request body (a 100 000-key import fits).
pub const BODY_LIMIT: usize = 8 * 1024 * 1024;

/// A JSON body that was well-formed, of the right shape (unknown fields rejected) and valid.
pub struct Json<T>(pub T);

/// `application/json` or any `+json` type; a missing content type counts as JSON.
pub fn is_json(req: &HttpRequest) -> bool {
    match req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(value) => {
            let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
        }
    }
}

/// Reads the body up to [`BODY_LIMIT`].
pub async fn read_body(payload: &mut Payload) -> Result<web::Bytes, Error> {
    use futures_util::StreamExt;
    let mut body = web::BytesMut::new();
    let mut stream = payload.take();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Error::new(Code::MalformedRequest, "The request body could not be read."))?;
        if body.len() + chunk.len() > BODY_LIMIT {
            return Err(Error::new(
                Code::PayloadTooLarge,
                format!("Request bodies are limited to {} bytes.", BODY_LIMIT),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Turns a JSON body into `T`, naming the field at fault when the shape is wrong.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    refuse_nul_strings(body)?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(Code::MalformedRequest, "The request body is empty; send a JSON object."));
    }
    // serde would read a struct from an array too; the API speaks objects only.
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok() {
        return Err(Error::invalid("body", "must be a JSON object"));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        let path = e.path().to_string();
        let field = if path == "." { "body".to_string() } else { path };
        if !(inner.is_syntax() || inner.is_eof() || inner.is_io()) {
            let message = strip_position(&inner.to_string());
            match member_error(&field, &message) {
                Some((member, message)) => Error::invalid(&member, message),
                None => Error::invalid(&field, message),
            }
        } else if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok() {
            // Valid JSON that serde reports as syntax: a null or a number where a name of
            // a closed set belongs. A wrong value, not a malformed body.
            Error::invalid(&field, "is not one of the values this field accepts")
        } else {
            Error::new(Code::MalformedRequest, format!("The body is not valid JSON: {inner}."))
        }
    })?;
    de.end().map_err(|e| Error::new(Code::MalformedRequest, format!("The body is not valid JSON: {e}.")))?;
    Ok(value)
}

/// PostgreSQL text cannot hold U+0000, so no string of a request may: one rule for every
/// JSON body, naming each field that holds one. JSON can only spell it as the escape
/// `\u0000` (a raw control character is a syntax error), so bodies without that text skip
/// the walk.
pub fn refuse_nul_strings(body: &[u8]) -> Result<(), Error> {
    const ESCAPE: &[u8] = b"\\u0000";
    if !body.windows(ESCAPE.len()).any(|w| w == ESCAPE) {
        return Ok(());
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Ok(()); // not JSON: the parser's own error says so
    };
    fn walk(path: &str, value: &serde_json::Value, out: &mut Vec<FieldError>) {
        let nul = "must not contain the character U+0000";
        match value {
            serde_json::Value::String(s) if s.contains('\0') => {
                out.push(FieldError { field: path.to_string(), message: nul.into() })
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), item, out);
                }
            }
            serde_json::Value::Object(members) => {
                for (name, item) in members {
                    let field = if path == "body" { name.clone() } else { format!("{path}.{name}") };
                    if name.contains('\0') {
                        out.push(FieldError { field: field.clone(), message: format!("the member name {nul}") });
                    }
                    walk(&field, item, out);
                }
            }
            _ => {}
        }
    }
    let mut errors = Vec::new();
    walk("body", &value, &mut errors);
    if errors.is_empty() { Ok(()) } else { Err(Error::validation(errors)) }
}

/// serde reports a missing or unknown member at the object that lacks or has it ("missing
/// field `name`" at `body`); the error belongs to the member itself: `name`, `admin.email`.
fn member_error(object: &str, message: &str) -> Option<(String, String)> {
    let (missing, rest) = match (message.strip_prefix("missing field `"), message.strip_prefix("unknown field `")) {
        (Some(rest), _) => (true, rest),
        (_, Some(rest)) => (false, rest),
        _ => return None,
    };
    let (name, expected) = rest.split_once('`')?;
    // An unknown member's path names it already; a missing one's is its object's.
    let named = !missing && (object == name || object.ends_with(&format!(".{name}")));
    let member = match object {
        _ if named => object.to_string(),
        "body" => name.to_string(),
        _ => format!("{object}.{name}"),
    };
    let message = if missing {
        "is required".to_string()
    } else {
        match expected.trim_start_matches(',').trim() {
            "" | "there are no fields" => "is not a field of this object".to_string(),
            expected => format!("is not a field of this object; {expected}"),
        }
    };
    Some((member, message))
}

/// serde_json appends "at line 1 column 17"; the field name already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Flattens validator's nested errors into `field: message` pairs with dotted paths.
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    fn walk(prefix: &str, errors: &ValidationErrors, out: &mut Vec<FieldError>) {
        let mut fields: Vec<_> = errors.errors().iter().collect();
        fields.sort_by_key(|(name, _)| name.to_string());
        for (name, kind) in fields {
            let path = if prefix.is_empty() { name.to_string() } else { format!("{prefix}.{name}") };
            match kind {
                ValidationErrorsKind::Field(list) => {
                    for e in list {
                        let message = e.message.as_ref().map(ToString::to_string).unwrap_or_else(|| e.code.to_string());
                        out.push(FieldError { field: path.clone(), message });
                    }
                }
                ValidationErrorsKind::Struct(inner) => walk(&path, inner, out),
                ValidationErrorsKind::List(items) => {
                    for (i, inner) in items {
                        walk(&format!("{path}[{i}]"), inner, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk("", errors, &mut out);
    out
}

pub fn validate<T: Validate>(value: &T) -> Result<(), Error> {
    value.validate().map_err(|e| Error::validation(field_errors(&e)))
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for Json<T> {
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json(&req) {
                return Err(Error::new(Code::UnsupportedMediaType, "Send the body as application/json."));
            }
            let body = read_body(&mut payload).await?;
            let value: T = parse_json(&body)?;
            validate(&value)?;
            Ok(Json(value))
        })
    }
}

/// A malformed path parameter (such as an id that is not a UUID) names nothing that exists.
pub fn path_error(_: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    Error::not_found("resource").into()
}

pub fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let message = match &err {
        QueryPayloadError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    let field = message.split('`').nth(1).filter(|_| message.contains("field")).unwrap_or("query").to_string();
    Error::invalid(&field, message).into()
}

/// The request-URL half of the U+0000 rule: a path or query holding `%00` is refused before
/// any handler decodes it, naming the query parameter (or `path`).
pub async fn refuse_nul_in_url(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let uri = req.uri();
    let nul = |s: &str| s.contains("%00");
    let field = if nul(uri.path()) {
        Some("path".to_string())
    } else {
        uri.query().filter(|q| nul(q)).map(|q| {
            q.split('&')
                .find(|pair| nul(pair))
                .and_then(|pair| pair.split('=').next())
                .filter(|name| !name.is_empty() && !nul(name))
                .unwrap_or("query")
                .to_string()
        })
    };
    match field {
        Some(field) => Ok(req.error_response(Error::invalid(&field, "must not contain the character U+0000"))),
        None => Ok(next.call(req).await?.map_into_boxed_body()),
    }
}

fn bearer_token(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The claims of the request's bearer token when it is valid and not revoked.
pub fn bearer_claims(req: &HttpRequest, state: &AppState) -> Option<Claims> {
    checked_claims(req, state).ok()
}

/// Claims already verified for this request: the middleware that reads them first (the
/// version, idempotency) leaves them to the rest, so a token is verified once a request.
#[derive(Clone)]
struct Verified(Claims);

/// The claims of the request's bearer token, or the 401 that says what is wrong with it.
fn checked_claims(req: &HttpRequest, state: &AppState) -> Result<Claims, Error> {
    if let Some(Verified(claims)) = req.extensions().get::<Verified>() {
        return Ok(claims.clone());
    }
    let token = bearer_token(req).ok_or_else(Error::unauthorized)?;
    let claims = state.tokens.verify(token).map_err(|refusal| match refusal {
        Refusal::Malformed => Error::invalid_token(
            TokenRefusal::Malformed,
            "The bearer token is not an access token; POST /v1/auth/token issues one.",
        ),
        Refusal::Expired => Error::invalid_token(
            TokenRefusal::Expired,
            "The access token expired: get a new one from POST /v1/auth/token (with the refresh token, \
             or the client credentials again).",
        ),
        Refusal::Invalid => Error::invalid_token(
            TokenRefusal::NotIssuedHere,
            "The access token was not issued by this service for this API (signature, issuer or audience).",
        ),
    })?;
    if state.revocations.refuses(&claims) {
        return Err(Error::invalid_token(
            TokenRefusal::Revoked,
            "The access token was revoked: its API client, its user or its sign-in has ended.",
        ));
    }
    req.extensions_mut().insert(Verified(claims.clone()));
    Ok(claims)
}

impl FromRequest for Principal {
    type Error = Error;
    type Future = Ready<Result<Self, Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = match req.app_data::<web::Data<AppState>>() {
            Some(state) => checked_claims(req, state).and_then(|claims| {
                Principal::from_claims(claims)
                    .ok_or_else(|| Error::invalid_token(TokenRefusal::NoCaller, "The access token names no caller."))
            }),
            None => Err(Error::unauthorized()),
        };
        if let Ok(principal) = &principal {
            if let Some(audit) = crate::audit::current() {
                audit.set_actor(crate::audit::Actor::of(principal));
            }
            // For the request's log line: who, by kind only.
            actix_web::HttpMessage::extensions_mut(req).insert(principal.kind());
        }
        ready(principal)
    }
}

/// The media type of CSV answers.
pub const CSV: &str = "text/csv; charset=utf-8";

/// Whether the caller asks for CSV (`Accept: text/csv`).
pub fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("text/csv"))
}
