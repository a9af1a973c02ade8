//! How a caller presents itself: a bearer token, or one of the OAuth 2.0 flows that obtain
//! one from `POST /v1/auth/token`. Declaring the flows lets Swagger UI's "Authorize" sign in
//! by itself instead of asking for a pasted token.

use serde_json::{Value, json};
use utoipa::{
    Modify,
    openapi::security::{
        ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Password, Scopes, SecurityScheme,
    },
};

/// The token endpoint, relative to the server the document names.
const TOKEN_URL: &str = "/v1/auth/token";

/// Operator and partner API clients: `client_id` and `client_secret`.
const CLIENT_CREDENTIALS: &str = "clientCredentials";
/// Customer users: e-mail address and password.
const PASSWORD: &str = "password";

/// The three schemes of the document's components.
pub struct Schemes;

impl Modify for Schemes {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("An access token from `POST /v1/auth/token` (EdDSA-signed JWT, 15 minutes)."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            CLIENT_CREDENTIALS,
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(TOKEN_URL, Scopes::new()))],
                "Operator and partner API clients: the client id and secret, sent with HTTP Basic \
                 authentication or in the form.",
            )),
        );
        components.add_security_scheme(
            PASSWORD,
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::Password(Password::with_refresh_url(TOKEN_URL, Scopes::new(), TOKEN_URL))],
                "Customer users: the e-mail address as `username`, and the password. No client id \
                 or secret is needed (leave them empty). The answer's refresh token trades for new \
                 tokens once (`grant_type=refresh_token` at the same URL).",
            )),
        );
    }
}

/// Every operation that takes a bearer token also accepts one from either flow (the same
/// token, however obtained); what the token's holder may then do is the operation's own rule.
pub fn offer_flows(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object_mut() else { return };
    for op in paths.values_mut().filter_map(Value::as_object_mut).flat_map(|item| item.values_mut()) {
        let Some(security) = op.get_mut("security").and_then(Value::as_array_mut) else { continue };
        if security.iter().any(|r| r.get("bearer").is_some()) {
            security.push(json!({ CLIENT_CREDENTIALS: [] }));
            security.push(json!({ PASSWORD: [] }));
        }
    }
}
