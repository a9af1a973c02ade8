//! 2026-11-24, the shapes before 2026-12-06: a new webhook endpoint and a rotated webhook
//! secret were answered as `{endpoint, secret}`.

use serde_json::{Map, Value, json};

use super::{AnswerRewrite, Change};
use crate::domain::versions::ApiVersion;

pub const CHANGE: Change = Change {
    older: ApiVersion::V2026_11_24,
    answers: &[
        AnswerRewrite { method: "POST", route: "/v1/webhook-endpoints", rewrite: endpoint_beside_secret },
        AnswerRewrite {
            method: "POST",
            route: "/v1/webhook-endpoints/{id}/rotate-secret",
            rewrite: endpoint_beside_secret,
        },
    ],
    events: &[],
};

/// `{…endpoint, secret}` → `{endpoint: {…}, secret}`.
fn endpoint_beside_secret(body: &mut Value) {
    let Value::Object(fields) = body else { return };
    let secret = fields.remove("secret").unwrap_or(Value::Null);
    let endpoint = std::mem::replace(fields, Map::new());
    *body = json!({"endpoint": endpoint, "secret": secret});
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_goes_back_under_its_own_name() {
        let mut body = json!({"id": "e1", "url": "https://hooks.example.com/x", "secret": "whsec_1"});
        endpoint_beside_secret(&mut body);
        assert_eq!(body, json!({"endpoint": {"id": "e1", "url": "https://hooks.example.com/x"}, "secret": "whsec_1"}));
    }
}
