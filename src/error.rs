//! Why something did not happen: [`Error`], with a stable [`Code`] and a detail for the
//! caller, and the [`Kind`] of failure it is. No HTTP here: `http::problem` turns an error
//! into problem+json (the one place that happens), as a job's log line does into text.

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
    RedemptionCompleted,
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
    RelationshipNotInvited,
    DistributorNotAuthorised,
    ResellerRelationshipRequired,
    KeysNotInStock,
    InsufficientStock,
    KeysNotReturnable,
    OrderMismatch,
    OrderExceeded,
    OrderNotOpen,
    InvalidSerialRange,
    DistributorExists,
    UnsupportedApiVersion,
    AutoRenewNotAvailable,
    CancellationWindowClosed,
    CancellationNotAvailable,
    RateLimited,
    ServiceUnavailable,
    Internal,
}

impl Code {
    pub const ALL: [Code; 70] = [
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
        Code::RedemptionCompleted,
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
        Code::RelationshipNotInvited,
        Code::DistributorNotAuthorised,
        Code::ResellerRelationshipRequired,
        Code::KeysNotInStock,
        Code::InsufficientStock,
        Code::KeysNotReturnable,
        Code::OrderMismatch,
        Code::OrderExceeded,
        Code::OrderNotOpen,
        Code::InvalidSerialRange,
        Code::DistributorExists,
        Code::UnsupportedApiVersion,
        Code::AutoRenewNotAvailable,
        Code::CancellationWindowClosed,
        Code::CancellationNotAvailable,
        Code::RateLimited,
        Code::ServiceUnavailable,
        Code::Internal,
    ];

    pub fn slug(self) -> &'static str {
        self.info().0
    }

    /// What kind of failure the code names.
    pub fn kind(self) -> Kind {
        self.info().1
    }

    pub fn title(self) -> &'static str {
        self.info().2
    }

    fn info(self) -> (&'static str, Kind, &'static str) {
        match self {
            Code::ValidationFailed => ("validation-failed", Kind::Invalid, "The request is not valid"),
            Code::MalformedRequest => ("malformed-request", Kind::Malformed, "The request body could not be read"),
            Code::UnsupportedMediaType => {
                ("unsupported-media-type", Kind::UnsupportedMediaType, "Unsupported content type")
            }
            Code::PayloadTooLarge => ("payload-too-large", Kind::TooLarge, "The request body is too large"),
            Code::Unauthorized => ("unauthorized", Kind::Unauthenticated, "A valid access token is required"),
            Code::Forbidden => ("forbidden", Kind::Forbidden, "This action is not allowed for the caller"),
            Code::NotFound => ("not-found", Kind::NotFound, "Not found"),
            Code::AcknowledgementRequired => {
                ("acknowledgement-required", Kind::Invalid, "The attestation must be acknowledged")
            }
            Code::InvalidKeyFormat => ("invalid-key-format", Kind::Invalid, "Not a product key"),
            Code::InvalidKeyChecksum => ("invalid-key-checksum", Kind::Invalid, "The product key has a typing mistake"),
            Code::KeyNotFound => ("key-not-found", Kind::NotFound, "Product key not found"),
            Code::KeyAlreadyRedeemed => {
                ("key-already-redeemed", Kind::Conflict, "The product key was already redeemed")
            }
            Code::KeyReserved => ("key-reserved", Kind::Conflict, "The product key is held by another redemption"),
            Code::KeyRevoked => ("key-revoked", Kind::Conflict, "The product key was revoked"),
            Code::TooManyKeys => ("too-many-keys", Kind::Invalid, "A redemption holds at most 50 keys"),
            Code::NoKeys => ("no-keys", Kind::Invalid, "The redemption has no keys"),
            Code::MixedTerms => ("mixed-terms", Kind::Invalid, "Keys of one product must share a term"),
            Code::RedemptionNotOpen => ("redemption-not-open", Kind::Conflict, "The redemption is no longer open"),
            Code::RedemptionNotConfirmed => {
                ("redemption-not-confirmed", Kind::Conflict, "The redemption must be confirmed first")
            }
            Code::RedemptionCompleted => {
                ("redemption-completed", Kind::Conflict, "The redemption is completed: its account exists")
            }
            Code::RedemptionExpired => ("redemption-expired", Kind::Gone, "The redemption has expired"),
            Code::CountryNotSupported => {
                ("country-not-supported", Kind::Invalid, "The service is not available in this country")
            }
            Code::DomainTaken => ("domain-taken", Kind::Conflict, "The domain is already taken"),
            Code::PartnerNotReseller => {
                ("partner-not-reseller", Kind::Invalid, "The partner has no reseller relationship")
            }
            Code::UserExists => ("user-exists", Kind::Conflict, "A user with this e-mail address exists"),
            Code::UserActivated => ("user-activated", Kind::Conflict, "The user has already set a password"),
            Code::WrongPassword => ("wrong-password", Kind::Invalid, "The current password is not right"),
            Code::InvalidActivationToken => {
                ("invalid-activation-token", Kind::Invalid, "The activation token is unknown, used or expired")
            }
            Code::SkuTaken => ("sku-taken", Kind::Conflict, "A product with this SKU exists"),
            Code::UnknownSku => {
                ("unknown-sku", Kind::Invalid, "The tenant has no subscription of a product with this SKU")
            }
            Code::KeyExists => ("key-exists", Kind::Conflict, "The product key is already known"),
            Code::DelegatedAdminRequired => {
                ("delegated-admin-required", Kind::Forbidden, "A delegated-admin relationship is required")
            }
            Code::DelegatedRoleRequired => (
                "delegated-role-required",
                Kind::Forbidden,
                "The delegated-admin relationship lacks the role this needs",
            ),
            Code::AutoExtendNotAllowed => (
                "auto-extend-not-allowed",
                Kind::Invalid,
                "A relationship with global_administrator cannot auto-extend",
            ),
            Code::WebhookUrlForbidden => {
                ("webhook-url-forbidden", Kind::Invalid, "The webhook URL does not lead to a public HTTPS address")
            }
            Code::NoLicensesAvailable => {
                ("no-licenses-available", Kind::Conflict, "Every seat of the subscription is assigned")
            }
            Code::SubscriptionInactive => {
                ("subscription-inactive", Kind::Conflict, "The subscription is disabled or deleted")
            }
            Code::ProductMismatch => ("product-mismatch", Kind::Invalid, "The key is for another product"),
            Code::UnknownPartnerNumber => ("unknown-partner-number", Kind::Invalid, "No partner has this number"),
            Code::CloudEssentialsRequired => {
                ("cloud-essentials-required", Kind::Forbidden, "The partner is not enrolled in Cloud Essentials")
            }
            Code::PartnerOfRecordRequired => {
                ("partner-of-record-required", Kind::Forbidden, "The partner is not partner of record for the tenant")
            }
            Code::OfferPending => ("offer-pending", Kind::Conflict, "An offer to this tenant is pending"),
            Code::RelationshipExists => {
                ("relationship-exists", Kind::Conflict, "A delegated-admin relationship exists")
            }
            Code::OfferNotPending => ("offer-not-pending", Kind::Conflict, "The offer is no longer pending"),
            Code::RelationshipNotActive => {
                ("relationship-not-active", Kind::Conflict, "The relationship has already ended")
            }
            Code::LastAdmin => ("last-admin", Kind::Conflict, "A tenant keeps at least one administrator"),
            Code::SeatsBelowAssigned => {
                ("seats-below-assigned", Kind::Conflict, "The key has fewer seats than are assigned")
            }
            Code::SubscriptionDeleted => ("subscription-deleted", Kind::Conflict, "The subscription is deleted"),
            Code::SubscriptionSuperseded => {
                ("subscription-superseded", Kind::Conflict, "The subscription was replaced by a direct-billing one")
            }
            Code::TenantDataDeleted => {
                ("tenant-data-deleted", Kind::Conflict, "The tenant's data was deleted; it can no longer be changed")
            }
            Code::IdempotencyKeyReused => {
                ("idempotency-key-reused", Kind::Invalid, "The idempotency key was used with another request")
            }
            Code::IdempotencyKeyInFlight => {
                ("idempotency-key-in-flight", Kind::Conflict, "A request with this idempotency key is in progress")
            }
            Code::RelationshipNotInvited => {
                ("relationship-not-invited", Kind::Conflict, "The relationship is not an invitation")
            }
            Code::DistributorNotAuthorised => {
                ("distributor-not-authorised", Kind::Forbidden, "The distributor's authorisation is suspended")
            }
            Code::ResellerRelationshipRequired => {
                ("reseller-relationship-required", Kind::Conflict, "An active reseller relationship is required")
            }
            Code::KeysNotInStock => {
                ("keys-not-in-stock", Kind::Conflict, "Some cards are not in the distributor's stock")
            }
            Code::InsufficientStock => ("insufficient-stock", Kind::Conflict, "Too few cards are in stock"),
            Code::KeysNotReturnable => ("keys-not-returnable", Kind::Conflict, "Some cards cannot be returned"),
            Code::OrderMismatch => ("order-mismatch", Kind::Invalid, "The allocation does not match the order"),
            Code::OrderExceeded => ("order-exceeded", Kind::Conflict, "The allocation exceeds what was ordered"),
            Code::OrderNotOpen => ("order-not-open", Kind::Conflict, "The order is no longer open"),
            Code::InvalidSerialRange => ("invalid-serial-range", Kind::Invalid, "The serial range is not valid"),
            Code::DistributorExists => ("distributor-exists", Kind::Conflict, "A distributor with this name exists"),
            Code::AutoRenewNotAvailable => {
                ("auto-renew-not-available", Kind::Invalid, "A key-billed subscription does not renew itself")
            }
            Code::CancellationWindowClosed => {
                ("cancellation-window-closed", Kind::Conflict, "The term can no longer be cancelled")
            }
            Code::CancellationNotAvailable => {
                ("cancellation-not-available", Kind::Conflict, "A key-billed term cannot be cancelled")
            }
            Code::UnsupportedApiVersion => {
                ("unsupported-api-version", Kind::Malformed, "The API version named is not one this service speaks")
            }
            Code::RateLimited => ("rate-limited", Kind::TooManyAttempts, "Too many failed attempts"),
            Code::ServiceUnavailable => {
                ("service-unavailable", Kind::Unavailable, "The service is temporarily unavailable")
            }
            Code::Internal => ("internal", Kind::Internal, "Internal error"),
        }
    }
}

/// What kind of failure an error is: what the caller can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The request is not valid (a field, a rule of the input): fix it and send again.
    Invalid,
    /// The request could not be read at all.
    Malformed,
    UnsupportedMediaType,
    TooLarge,
    /// No (valid) credentials.
    Unauthenticated,
    /// The caller sees the object but may not do this.
    Forbidden,
    /// No such object, or one the caller may not see.
    NotFound,
    /// The object's state does not allow it now.
    Conflict,
    /// The object is gone for good (an expired redemption).
    Gone,
    /// Too many failures: wait (`retry_after`).
    TooManyAttempts,
    /// A fault outside the request (the database away, a collision): retry.
    Unavailable,
    /// A fault inside the service.
    Internal,
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

/// Why a use case, a request or a job did not happen.
#[derive(Debug, thiserror::Error)]
#[error("{code:?}: {detail}")]
pub struct Error {
    pub code: Code,
    pub detail: String,
    pub errors: Vec<FieldError>,
    /// Seconds to wait before retrying (`Retry-After`), for 429 and 503.
    pub retry_after: Option<u64>,
    /// The database connection was found dead: a read may run once more on a fresh one.
    pub connection_lost: bool,
    /// Card serials the refusal is about (at most 20): `keys-not-in-stock`, `keys-not-returnable`.
    pub serials: Vec<String>,
    /// Cards there are (`insufficient-stock`).
    pub available: Option<i64>,
    /// For a 401 about a token that was sent: why, for its `WWW-Authenticate: Bearer
    /// error="invalid_token"` (RFC 6750 §3).
    pub token_refusal: Option<TokenRefusal>,
}

/// Why a bearer token that was sent is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRefusal {
    Malformed,
    Expired,
    NotIssuedHere,
    Revoked,
    /// Its claims name no caller of a known kind.
    NoCaller,
    /// Its user was deleted, or its tenant is gone.
    UserGone,
}

impl TokenRefusal {
    /// The `error_description` (RFC 6750 §3): plain words, no quotes.
    pub fn description(self) -> &'static str {
        match self {
            Self::Malformed => "The access token is malformed",
            Self::Expired => "The access token expired",
            Self::NotIssuedHere => "The access token was not issued here",
            Self::Revoked => "The access token was revoked",
            Self::NoCaller => "The access token names no caller",
            Self::UserGone => "The user of the access token no longer exists",
        }
    }
}

impl Error {
    pub fn new(code: Code, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
            errors: Vec::new(),
            retry_after: None,
            connection_lost: false,
            serials: Vec::new(),
            available: None,
            token_refusal: None,
        }
    }

    /// The serials a refusal is about.
    pub fn with_serials(self, serials: Vec<crate::domain::serials::Serial>) -> Self {
        Self { serials: serials.iter().map(ToString::to_string).collect(), ..self }
    }

    /// How many cards there are, for a refusal for too few.
    pub fn with_available(self, available: i64) -> Self {
        Self { available: Some(available), ..self }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(Code::NotFound, format!("No such {what}."))
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(Code::Forbidden, detail)
    }

    /// 401 for a request that sent no bearer token.
    pub fn unauthorized() -> Self {
        Self::new(
            Code::Unauthorized,
            "Send an access token (Authorization: Bearer <token>); POST /v1/auth/token issues one.",
        )
    }

    /// 401 for a bearer token that was sent and refused: `why` goes to `WWW-Authenticate`,
    /// `detail` says what to do.
    pub fn invalid_token(why: TokenRefusal, detail: impl Into<String>) -> Self {
        Self { token_refusal: Some(why), ..Self::new(Code::Unauthorized, detail) }
    }

    /// A single invalid field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError { field: field.to_string(), message: message.into() }])
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ");
        Self { errors, ..Self::new(Code::ValidationFailed, detail) }
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
}

/// Database errors are internal unless a store function has mapped them to a code first,
/// or they say the database is away or busy (503, retry) — never a 500 for a fault the
/// caller can simply retry.
impl From<diesel::result::Error> for Error {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error as Db};
        match e {
            Db::NotFound => Error::not_found("resource"),
            // The pool must not hand this connection out again.
            ref gone if crate::db::lost(gone) => Error { connection_lost: true, ..Error::unavailable(e) },
            Db::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => Error::contended(e),
            Db::DatabaseError(_, ref info) if info.message().starts_with("deadlock detected") => Error::contended(e),
            // The U+0000 rule where requests are read makes this unreachable; kept as a net.
            Db::DatabaseError(_, ref info) if info.message().contains("invalid byte sequence") => {
                Error::invalid("body", "must not contain the character U+0000")
            }
            other => Error::internal(other),
        }
    }
}

impl From<r2d2::Error> for Error {
    fn from(e: r2d2::Error) -> Self {
        Error::unavailable(e)
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
