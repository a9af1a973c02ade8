//! RFC 9457 problem+json: the one place an [`Error`] becomes an HTTP answer — its status
//! from the error's kind, its document, and the headers that go with it.

use actix_web::{HttpResponse, ResponseError, http::StatusCode, http::header};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{Code, Error, FieldError, Kind, TokenRefusal, current_request_id};

/// The status an error of this kind answers with.
pub fn status_of(kind: Kind) -> StatusCode {
    match kind {
        Kind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        Kind::Malformed => StatusCode::BAD_REQUEST,
        Kind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        Kind::Unauthenticated => StatusCode::UNAUTHORIZED,
        Kind::Forbidden => StatusCode::FORBIDDEN,
        Kind::NotFound => StatusCode::NOT_FOUND,
        Kind::Conflict => StatusCode::CONFLICT,
        Kind::Gone => StatusCode::GONE,
        Kind::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
        Kind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The status a problem code answers with.
pub fn status(code: Code) -> StatusCode {
    status_of(code.kind())
}

/// An RFC 9457 problem document (`application/problem+json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `/problems/<code>`.
    #[serde(rename = "type")]
    #[schema(example = "/problems/key-reserved")]
    pub type_: String,
    #[schema(example = "The product key is held by another redemption")]
    pub title: String,
    #[schema(example = 409)]
    pub status: u16,
    #[schema(example = "Key *****-*****-*****-*****-7QX9F is reserved by another open redemption.")]
    pub detail: String,
    /// The machine-readable problem code.
    #[schema(example = "key-reserved")]
    pub code: String,
    /// The request's `X-Request-Id`.
    pub request_id: String,
    /// Field errors, for `validation-failed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// The card serials a refusal is about (at most 20), for `keys-not-in-stock` and
    /// `keys-not-returnable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = json!(["000042000001"]))]
    pub serials: Option<Vec<String>>,
    /// How many cards are in stock, for `insufficient-stock`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available: Option<i64>,
    /// The versions this service speaks, newest first, for `unsupported-api-version`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<crate::domain::versions::ApiVersion>>)]
    pub supported_versions: Option<Vec<&'static str>>,
}

impl Problem {
    pub fn of(error: &Error) -> Self {
        Problem {
            type_: format!("/problems/{}", error.code.slug()),
            title: error.code.title().to_string(),
            status: status(error.code).as_u16(),
            detail: error.detail.clone(),
            code: error.code.slug().to_string(),
            request_id: current_request_id(),
            errors: (error.code == Code::ValidationFailed).then(|| error.errors.clone()),
            serials: (!error.serials.is_empty()).then(|| error.serials.clone()),
            available: error.available,
            supported_versions: (error.code == Code::UnsupportedApiVersion)
                .then(crate::domain::versions::ApiVersion::names),
        }
    }
}

/// `WWW-Authenticate` of a 401 (RFC 6750 §3): a bare challenge when no token came, else
/// `invalid_token` and why.
fn challenge(refusal: Option<TokenRefusal>) -> String {
    match refusal {
        None => "Bearer".to_string(),
        Some(why) => format!("Bearer error=\"invalid_token\", error_description=\"{}\"", why.description()),
    }
}

impl ResponseError for Error {
    fn status_code(&self) -> StatusCode {
        status(self.code)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.content_type(super::PROBLEM);
        if self.code == Code::Unauthorized {
            response.insert_header((header::WWW_AUTHENTICATE, challenge(self.token_refusal)));
        }
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        response.json(Problem::of(self))
    }
}
