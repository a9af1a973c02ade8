//! The JSON shapes of auth: request bodies (validated where JSON is read) and views.

use crate::views::secret::ShownOnce;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A token request (RFC 6749), as a form or as JSON. Client credentials may also come in
/// an HTTP Basic `Authorization` header.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// `client_credentials`, `password` or `refresh_token`.
    #[schema(example = "client_credentials", max_length = 1024)]
    pub grant_type: Option<String>,
    #[schema(example = "operator", max_length = 1024)]
    pub client_id: Option<String>,
    #[schema(max_length = 1024)]
    pub client_secret: Option<String>,
    /// The user's e-mail address (`password` grant).
    #[schema(max_length = 1024)]
    pub username: Option<String>,
    #[schema(max_length = 1024)]
    pub password: Option<String>,
    #[schema(max_length = 1024)]
    pub refresh_token: Option<String>,
    /// Accepted and ignored: a token carries the caller's role.
    #[schema(max_length = 1024)]
    pub scope: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenResponse {
    #[schema(value_type = String)]
    pub access_token: ShownOnce,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Single-use; present for the `password` and `refresh_token` grants.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub refresh_token: Option<ShownOnce>,
}

/// An RFC 6749 §5.2 error.
#[derive(Debug, Serialize, ToSchema)]
pub struct OAuthError {
    /// `invalid_request`, `invalid_client`, `invalid_grant` or `unsupported_grant_type`.
    #[schema(example = "invalid_grant")]
    pub error: String,
    pub error_description: String,
}

impl OAuthError {
    pub const INVALID_CLIENT: &str = "invalid_client";

    fn new(error: &str, description: &str) -> Self {
        Self { error: error.to_string(), error_description: description.to_string() }
    }

    pub fn invalid_request(description: &str) -> Self {
        Self::new("invalid_request", description)
    }

    pub fn invalid_grant() -> Self {
        Self::new("invalid_grant", "The credentials or the refresh token are not valid.")
    }

    pub fn invalid_client() -> Self {
        Self::new(Self::INVALID_CLIENT, "Unknown client or wrong client secret.")
    }

    pub fn unsupported_grant_type() -> Self {
        Self::new("unsupported_grant_type", "Use client_credentials, password or refresh_token.")
    }
}

impl TokenResponse {
    /// A bearer access token valid `expires_in` seconds, with a refresh token for a customer.
    pub fn bearer(access_token: String, expires_in: i64, refresh_token: Option<String>) -> Self {
        Self {
            access_token: access_token.into(),
            token_type: "Bearer".into(),
            expires_in,
            refresh_token: refresh_token.map(Into::into),
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"activation_token": "kpa_...", "password": "correct horse battery staple"}))]
pub struct ActivateRequest {
    /// The token returned when the user was created (valid 7 days, single use).
    #[validate(length(min = 1, max = 200, message = "is required"))]
    #[schema(min_length = 1, max_length = 200)]
    pub activation_token: String,
    /// At least 10 characters.
    #[validate(length(min = 10, max = 1024, message = "must be 10 to 1024 characters"))]
    #[schema(min_length = 10, max_length = 1024)]
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivatedUser {
    pub user_id: Uuid,
    pub email: String,
}

/// A revocation request (RFC 7009), as a form or as JSON.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RevokeRequest {
    /// A refresh token (`kpr_…`) or an access token.
    #[schema(max_length = 1024)]
    pub token: Option<String>,
    /// `refresh_token` or `access_token`: a hint; the token says what it is.
    #[schema(example = "refresh_token", max_length = 1024)]
    pub token_type_hint: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"current_password": "correct horse battery staple", "new_password": "a longer passphrase than before"}))]
pub struct ChangePassword {
    #[validate(length(min = 1, max = 1024, message = "is required"))]
    #[schema(min_length = 1, max_length = 1024)]
    pub current_password: String,
    /// At least 10 characters.
    #[validate(length(min = 10, max = 1024, message = "must be 10 to 1024 characters"))]
    #[schema(min_length = 10, max_length = 1024)]
    pub new_password: String,
}

/// A fresh activation token, shown only in this answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivationIssued {
    #[schema(value_type = String, example = "kpa_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    pub activation_token: ShownOnce,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// OAuth 2.0 authorization server metadata (RFC 8414): where verifiers and OAuth libraries
/// find the token, revocation and key endpoints and what they accept.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "issuer": "keyport",
    "token_endpoint": "https://keyport.example/v1/auth/token",
    "revocation_endpoint": "https://keyport.example/v1/auth/revoke",
    "jwks_uri": "https://keyport.example/.well-known/jwks.json",
    "grant_types_supported": ["client_credentials", "password", "refresh_token"],
    "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
    "revocation_endpoint_auth_methods_supported": ["none"],
    "response_types_supported": []
}))]
pub struct OAuthMetadata {
    /// The `iss` of every access token (`KEYPORT_ISSUER`).
    pub issuer: String,
    pub token_endpoint: String,
    pub revocation_endpoint: String,
    pub jwks_uri: String,
    pub grant_types_supported: Vec<String>,
    pub token_endpoint_auth_methods_supported: Vec<String>,
    /// Revocation needs no client authentication: presenting a token ends it.
    pub revocation_endpoint_auth_methods_supported: Vec<String>,
    /// Empty: there is no authorization endpoint (no redirect flows).
    pub response_types_supported: Vec<String>,
}

impl OAuthMetadata {
    /// The metadata with every endpoint under `base` (`https://host`, no trailing slash).
    pub fn new(issuer: &str, base: &str) -> Self {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        Self {
            issuer: issuer.to_string(),
            token_endpoint: format!("{base}/v1/auth/token"),
            revocation_endpoint: format!("{base}/v1/auth/revoke"),
            jwks_uri: format!("{base}/.well-known/jwks.json"),
            grant_types_supported: strings(&["client_credentials", "password", "refresh_token"]),
            token_endpoint_auth_methods_supported: strings(&["client_secret_basic", "client_secret_post"]),
            revocation_endpoint_auth_methods_supported: strings(&["none"]),
            response_types_supported: Vec::new(),
        }
    }
}
