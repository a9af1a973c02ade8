//! `ApiError` and its RFC 9457 problem+json form: the only place an error becomes a response.

use actix_web::{HttpResponse, ResponseError, http::StatusCode, http::header};
use serde::Serialize;
use utoipa::ToSchema;

tokio::task_local! {
    /// The id of the request being served, set by the telemetry middleware.
    pub static REQUEST_ID: String;
}

/// The id of the request being served (for problems and logs), or `-` outside a request.
pub fn current_request_id() -> String {
    REQUEST_ID.try_with(Clone::clone).unwrap_or_else(|_| "-".to_string())
}

/// Every problem code the API answers with. The slug is the `code` field and the last part
/// of `type` (`/problems/<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    ValidationFailed,
    MalformedRequest,
    UnsupportedMediaType,
    PayloadTooLarge,
    Unauthorized,
    Forbidden,
    NotFound,
    AcknowledgementRequired,
    InvalidKeyFormat,
    InvalidKeyChecksum,
    KeyNotFound,
    KeyAlreadyRedeemed,
    KeyReserved,
    KeyRevoked,
    TooManyKeys,
    NoKeys,
    MixedTerms,
    RedemptionNotOpen,
    RedemptionNotConfirmed,
    RedemptionExpired,
    CountryNotSupported,
    DomainTaken,
    PartnerNotReseller,
    UserExists,
    UserActivated,
    WrongPassword,
    InvalidActivationToken,
    SkuTaken,
    UnknownSku,
    KeyExists,
    DelegatedAdminRequired,
    DelegatedRoleRequired,
    AutoExtendNotAllowed,
    WebhookUrlForbidden,
    NoLicensesAvailable,
    SubscriptionInactive,
    ProductMismatch,
    UnknownPartnerNumber,
    CloudEssentialsRequired,
    PartnerOfRecordRequired,
    OfferPending,
    RelationshipExists,
    OfferNotPending,
    RelationshipNotActive,
    LastAdmin,
    SeatsBelowAssigned,
    SubscriptionDeleted,
    SubscriptionSuperseded,
    TenantDataDeleted,
    IdempotencyKeyReused,
    IdempotencyKeyInFlight,
    RateLimited,
    ServiceUnavailable,
    Internal,
}

impl Code {
    pub const ALL: [Code; 54] = [
        Code::ValidationFailed,
        Code::MalformedRequest,
        Code::UnsupportedMediaType,
        Code::PayloadTooLarge,
        Code::Unauthorized,
        Code::Forbidden,
        Code::NotFound,
        Code::AcknowledgementRequired,
        Code::InvalidKeyFormat,
        Code::InvalidKeyChecksum,
        Code::KeyNotFound,
        Code::KeyAlreadyRedeemed,
        Code::KeyReserved,
        Code::KeyRevoked,
        Code::TooManyKeys,
        Code::NoKeys,
        Code::MixedTerms,
        Code::RedemptionNotOpen,
        Code::RedemptionNotConfirmed,
        Code::RedemptionExpired,
        Code::CountryNotSupported,
        Code::DomainTaken,
        Code::PartnerNotReseller,
        Code::UserExists,
        Code::UserActivated,
        Code::WrongPassword,
        Code::InvalidActivationToken,
        Code::SkuTaken,
        Code::UnknownSku,
        Code::KeyExists,
        Code::DelegatedAdminRequired,
        Code::DelegatedRoleRequired,
        Code::AutoExtendNotAllowed,
        Code::WebhookUrlForbidden,
        Code::NoLicensesAvailable,
        Code::SubscriptionInactive,
        Code::ProductMismatch,
        Code::UnknownPartnerNumber,
        Code::CloudEssentialsRequired,
        Code::PartnerOfRecordRequired,
        Code::OfferPending,
        Code::RelationshipExists,
        Code::OfferNotPending,
        Code::RelationshipNotActive,
        Code::LastAdmin,
        Code::SeatsBelowAssigned,
        Code::SubscriptionDeleted,
        Code::SubscriptionSuperseded,
        Code::TenantDataDeleted,
        Code::IdempotencyKeyReused,
        Code::IdempotencyKeyInFlight,
        Code::RateLimited,
        Code::ServiceUnavailable,
        Code::Internal,
    ];

    pub fn slug(self) -> &'static str {
        self.info().0
    }

    pub fn status(self) -> StatusCode {
        StatusCode::from_u16(self.info().1).expect("valid status")
    }

    pub fn title(self) -> &'static str {
        self.info().2
    }

    fn info(self) -> (&'static str, u16, &'static str) {
        match self {
            Code::ValidationFailed => ("validation-failed", 422, "The request is not valid"),
            Code::MalformedRequest => ("malformed-request", 400, "The request body could not be read"),
            Code::UnsupportedMediaType => ("unsupported-media-type", 415, "Unsupported content type"),
            Code::PayloadTooLarge => ("payload-too-large", 413, "The request body is too large"),
            Code::Unauthorized => ("unauthorized", 401, "A valid access token is required"),
            Code::Forbidden => ("forbidden", 403, "This action is not allowed for the caller"),
            Code::NotFound => ("not-found", 404, "Not found"),
            Code::AcknowledgementRequired => ("acknowledgement-required", 422, "The attestation must be acknowledged"),
            Code::InvalidKeyFormat => ("invalid-key-format", 422, "Not a product key"),
            Code::InvalidKeyChecksum => ("invalid-key-checksum", 422, "The product key has a typing mistake"),
            Code::KeyNotFound => ("key-not-found", 404, "Product key not found"),
            Code::KeyAlreadyRedeemed => ("key-already-redeemed", 409, "The product key was already redeemed"),
            Code::KeyReserved => ("key-reserved", 409, "The product key is held by another redemption"),
            Code::KeyRevoked => ("key-revoked", 409, "The product key was revoked"),
            Code::TooManyKeys => ("too-many-keys", 422, "A redemption holds at most 50 keys"),
            Code::NoKeys => ("no-keys", 422, "The redemption has no keys"),
            Code::MixedTerms => ("mixed-terms", 422, "Keys of one product must share a term"),
            Code::RedemptionNotOpen => ("redemption-not-open", 409, "The redemption is no longer open"),
            Code::RedemptionNotConfirmed => ("redemption-not-confirmed", 409, "The redemption must be confirmed first"),
            Code::RedemptionExpired => ("redemption-expired", 410, "The redemption has expired"),
            Code::CountryNotSupported => ("country-not-supported", 422, "The service is not available in this country"),
            Code::DomainTaken => ("domain-taken", 409, "The domain is already taken"),
            Code::PartnerNotReseller => ("partner-not-reseller", 422, "The partner has no reseller relationship"),
            Code::UserExists => ("user-exists", 409, "A user with this e-mail address exists"),
            Code::UserActivated => ("user-activated", 409, "The user has already set a password"),
            Code::WrongPassword => ("wrong-password", 422, "The current password is not right"),
            Code::InvalidActivationToken => {
                ("invalid-activation-token", 422, "The activation token is unknown, used or expired")
            }
            Code::SkuTaken => ("sku-taken", 409, "A product with this SKU exists"),
            Code::UnknownSku => ("unknown-sku", 422, "The tenant has no subscription of a product with this SKU"),
            Code::KeyExists => ("key-exists", 409, "The product key is already known"),
            Code::DelegatedAdminRequired => {
                ("delegated-admin-required", 403, "A delegated-admin relationship is required")
            }
            Code::DelegatedRoleRequired => {
                ("delegated-role-required", 403, "The delegated-admin relationship lacks the role this needs")
            }
            Code::AutoExtendNotAllowed => {
                ("auto-extend-not-allowed", 422, "A relationship with global_administrator cannot auto-extend")
            }
            Code::WebhookUrlForbidden => {
                ("webhook-url-forbidden", 422, "The webhook URL does not lead to a public HTTPS address")
            }
            Code::NoLicensesAvailable => ("no-licenses-available", 409, "Every seat of the subscription is assigned"),
            Code::SubscriptionInactive => ("subscription-inactive", 409, "The subscription is disabled or deleted"),
            Code::ProductMismatch => ("product-mismatch", 422, "The key is for another product"),
            Code::UnknownPartnerNumber => ("unknown-partner-number", 422, "No partner has this number"),
            Code::CloudEssentialsRequired => {
                ("cloud-essentials-required", 403, "The partner is not enrolled in Cloud Essentials")
            }
            Code::PartnerOfRecordRequired => {
                ("partner-of-record-required", 403, "The partner is not partner of record for the tenant")
            }
            Code::OfferPending => ("offer-pending", 409, "An offer to this tenant is pending"),
            Code::RelationshipExists => ("relationship-exists", 409, "A delegated-admin relationship exists"),
            Code::OfferNotPending => ("offer-not-pending", 409, "The offer is no longer pending"),
            Code::RelationshipNotActive => ("relationship-not-active", 409, "The relationship has already ended"),
            Code::LastAdmin => ("last-admin", 409, "A tenant keeps at least one administrator"),
            Code::SeatsBelowAssigned => ("seats-below-assigned", 409, "The key has fewer seats than are assigned"),
            Code::SubscriptionDeleted => ("subscription-deleted", 409, "The subscription is deleted"),
            Code::SubscriptionSuperseded => {
                ("subscription-superseded", 409, "The subscription was replaced by a direct-billing one")
            }
            Code::TenantDataDeleted => {
                ("tenant-data-deleted", 409, "The tenant's data was deleted; it can no longer be changed")
            }
            Code::IdempotencyKeyReused => {
                ("idempotency-key-reused", 422, "The idempotency key was used with another request")
            }
            Code::IdempotencyKeyInFlight => {
                ("idempotency-key-in-flight", 409, "A request with this idempotency key is in progress")
            }
            Code::RateLimited => ("rate-limited", 429, "Too many failed attempts"),
            Code::ServiceUnavailable => ("service-unavailable", 503, "The service is temporarily unavailable"),
            Code::Internal => ("internal", 500, "Internal error"),
        }
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct FieldError {
    /// The field's path in the request, e.g. `admin.email`, or a query parameter's name.
    #[schema(example = "admin.email")]
    pub field: String,
    #[schema(example = "must be an e-mail address")]
    pub message: String,
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
}

/// An error a handler answers with.
#[derive(Debug, thiserror::Error)]
#[error("{code:?}: {detail}")]
pub struct ApiError {
    pub code: Code,
    pub detail: String,
    pub errors: Vec<FieldError>,
    /// Seconds to wait before retrying (`Retry-After`), for 429 and 503.
    pub retry_after: Option<u64>,
    /// The database connection was found dead: a read may run once more on a fresh one.
    pub connection_lost: bool,
}

impl ApiError {
    pub fn new(code: Code, detail: impl Into<String>) -> Self {
        Self { code, detail: detail.into(), errors: Vec::new(), retry_after: None, connection_lost: false }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(Code::NotFound, format!("No such {what}."))
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(Code::Forbidden, detail)
    }

    pub fn unauthorized() -> Self {
        Self::new(Code::Unauthorized, "Send a valid, unexpired bearer token.")
    }

    /// A single invalid field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError { field: field.to_string(), message: message.into() }])
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ");
        Self { code: Code::ValidationFailed, detail, errors, retry_after: None, connection_lost: false }
    }

    /// Something went wrong inside: logged in full here, answered without internals.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(request_id = %current_request_id(), error = %cause, "internal error");
        Self::new(Code::Internal, "The request could not be completed. Quote the request id when reporting this.")
    }

    pub fn unavailable(cause: impl std::fmt::Display) -> Self {
        tracing::warn!(request_id = %current_request_id(), error = %cause, "service unavailable");
        Self {
            retry_after: Some(5),
            ..Self::new(Code::ServiceUnavailable, "The database is not reachable right now; retry shortly.")
        }
    }

    /// Two requests collided in the database (a deadlock or serialization failure): nothing
    /// was changed and an immediate retry succeeds.
    pub fn contended(cause: impl std::fmt::Display) -> Self {
        tracing::info!(request_id = %current_request_id(), error = %cause, "transaction contention");
        Self {
            retry_after: Some(1),
            ..Self::new(Code::ServiceUnavailable, "The request collided with a concurrent one; retry it.")
        }
    }

    /// 429: too many failures; retry after `seconds`.
    pub fn rate_limited(detail: impl Into<String>, seconds: u64) -> Self {
        Self { retry_after: Some(seconds.max(1)), ..Self::new(Code::RateLimited, detail) }
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("/problems/{}", self.code.slug()),
            title: self.code.title().to_string(),
            status: self.code.status().as_u16(),
            detail: self.detail.clone(),
            code: self.code.slug().to_string(),
            request_id: current_request_id(),
            errors: (self.code == Code::ValidationFailed).then(|| self.errors.clone()),
        }
    }
}

/// Database errors are internal unless a store function has mapped them to a code first,
/// or they say the database is away or busy (503, retry) — never a 500 for a fault the
/// caller can simply retry.
impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as Kind, Error};
        match e {
            Error::NotFound => ApiError::not_found("resource"),
            // The pool must not hand this connection out again.
            ref gone if crate::db::lost(gone) => ApiError { connection_lost: true, ..ApiError::unavailable(e) },
            Error::DatabaseError(Kind::SerializationFailure, _) => ApiError::contended(e),
            Error::DatabaseError(_, ref info) if info.message().starts_with("deadlock detected") => {
                ApiError::contended(e)
            }
            // The U+0000 rule where requests are read makes this unreachable; kept as a net.
            Error::DatabaseError(_, ref info) if info.message().contains("invalid byte sequence") => {
                ApiError::invalid("body", "must not contain the character U+0000")
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<r2d2::Error> for ApiError {
    fn from(e: r2d2::Error) -> Self {
        ApiError::unavailable(e)
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        ApiError::internal(e)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        if self.code == Code::Unauthorized {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        response.json(self.problem())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn codes_are_unique_slugs() {
        let mut slugs: Vec<_> = Code::ALL.iter().map(|c| c.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Code::ALL.len());
    }
}
