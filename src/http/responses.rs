//! Problem answers many operations share, documented once (`components.responses`) and
//! referenced by each operation; an operation documents inline only the answers of its own.

use utoipa::ToResponse;

use crate::http::problem::Problem;

/// Malformed body: not readable as JSON, or empty.
#[derive(ToResponse)]
#[response(description = "Malformed body", content_type = "application/problem+json")]
pub struct MalformedBody(#[allow(dead_code)] Problem);

/// No valid token: missing, malformed, expired, of another issuer, or revoked.
#[derive(ToResponse)]
#[response(description = "No valid token", content_type = "application/problem+json")]
pub struct Unauthorized(#[allow(dead_code)] Problem);

/// The caller's role may not do this (`forbidden`).
#[derive(ToResponse)]
#[response(description = "The caller may not do this", content_type = "application/problem+json")]
pub struct Forbidden(#[allow(dead_code)] Problem);

/// Nothing by this id is visible to the caller (`not-found`).
#[derive(ToResponse)]
#[response(description = "No such object visible to the caller", content_type = "application/problem+json")]
pub struct NotFound(#[allow(dead_code)] Problem);

/// The body is larger than 8 MiB.
#[derive(ToResponse)]
#[response(description = "Body too large", content_type = "application/problem+json")]
pub struct PayloadTooLarge(#[allow(dead_code)] Problem);

/// The body is not JSON.
#[derive(ToResponse)]
#[response(description = "Not JSON", content_type = "application/problem+json")]
pub struct NotJson(#[allow(dead_code)] Problem);

/// A field, filter, limit or cursor is not valid; `errors` names each.
#[derive(ToResponse)]
#[response(description = "`validation-failed`", content_type = "application/problem+json")]
pub struct ValidationFailed(#[allow(dead_code)] Problem);

/// The database is unreachable; retry after `Retry-After`.
#[derive(ToResponse)]
#[response(description = "Database unavailable", content_type = "application/problem+json")]
pub struct Unavailable(#[allow(dead_code)] Problem);
