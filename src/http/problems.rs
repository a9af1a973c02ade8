//! Each operation's problem answers in the published document, precise enough to switch on:
//! every status an operation can answer, and for each the problem codes it can carry, as
//! an enum on `code`. The codes come from the operation's own answers — the shared
//! responses it names and the codes its descriptions name (one place, next to the
//! handler) — checked against the service's closed set of codes, and the statuses every
//! operation shares are added where they can happen. Tests hold the server to it: every
//! problem any test meets must carry a code its operation documents (`tests/common`), and
//! schema fuzzing checks every answer against these schemas.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use crate::error::Code;

/// The shared responses (`components/responses`) and the one code each stands for.
const SHARED: [(&str, &str); 8] = [
    ("MalformedBody", "malformed-request"),
    ("Unauthorized", "unauthorized"),
    ("Forbidden", "forbidden"),
    ("NotFound", "not-found"),
    ("PayloadTooLarge", "payload-too-large"),
    ("NotJson", "unsupported-media-type"),
    ("ValidationFailed", "validation-failed"),
    ("Unavailable", "service-unavailable"),
];

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// The known code a slug names, if any.
fn code(slug: &str) -> Option<Code> {
    Code::ALL.into_iter().find(|c| c.slug() == slug)
}

/// The codes a description names in backticks, e.g. "`user-exists`, `last-admin`".
fn named_codes(description: &str) -> impl Iterator<Item = Code> + '_ {
    description.split('`').skip(1).step_by(2).filter_map(code)
}

/// Rewrites every operation's 4xx and 5xx answers (see the module comment).
pub fn refine(doc: &mut Value) {
    let shared = doc["components"]["responses"].clone();
    let mut narrowed: BTreeSet<Vec<&'static str>> = BTreeSet::new();
    let Some(paths) = doc["paths"].as_object_mut() else { return };
    for item in paths.values_mut() {
        for method in METHODS {
            if let Some(op) = item.get_mut(method) {
                refine_operation(op, &shared, &mut narrowed);
            }
        }
    }
    // One schema per set of codes, shared by every answer that can carry exactly those.
    for slugs in narrowed {
        doc["components"]["schemas"][schema_name(&slugs)] = json!({
            "description": format!("A problem whose `code` is one of: {}.", slugs.join(", ")),
            "allOf": [
                {"$ref": "#/components/schemas/Problem"},
                {"type": "object", "properties": {"code": {"type": "string", "enum": slugs}}},
            ],
        });
    }
    // Every answer is now the operation's own: the shared ones left no reference behind.
    let text = doc["paths"].to_string();
    if let Some(responses) = doc["components"]["responses"].as_object_mut() {
        responses.retain(|name, _| text.contains(&format!("\"#/components/responses/{name}\"")));
        if responses.is_empty() {
            doc["components"].as_object_mut().map(|c| c.remove("responses"));
        }
    }
}

/// `ProblemUserExistsOrLastAdmin` for `[user-exists, last-admin]`.
fn schema_name(slugs: &[&str]) -> String {
    let camel = |slug: &str| -> String {
        slug.split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
            })
            .collect()
    };
    format!("Problem{}", slugs.iter().map(|s| camel(s)).collect::<Vec<_>>().join("Or"))
}

fn refine_operation(op: &mut Value, shared: &Value, narrowed: &mut BTreeSet<Vec<&'static str>>) {
    let mut codes: BTreeSet<(u16, &'static str)> = BTreeSet::new();
    let mut descriptions: Vec<(u16, String)> = Vec::new();
    // Statuses answered in another form (OAuth's `{"error": …}` at the token endpoint).
    let mut foreign: BTreeSet<u16> = BTreeSet::new();
    for (status, answer) in op["responses"].as_object().into_iter().flatten() {
        let Ok(status) = status.parse::<u16>() else { continue };
        if status < 400 {
            continue;
        }
        if answer.get("$ref").is_none() && answer["content"].get(crate::http::PROBLEM).is_none() {
            foreign.insert(status);
            continue;
        }
        let answer = match answer["$ref"].as_str() {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap_or_default();
                if let Some((_, slug)) = SHARED.iter().find(|(n, _)| *n == name) {
                    codes.insert((status, slug));
                }
                &shared[name]
            }
            None => answer,
        };
        let description = answer["description"].as_str().unwrap_or_default();
        let before = codes.len();
        codes.extend(named_codes(description).map(|c| (super::problem::status(c).as_u16(), c.slug())));
        if codes.len() == before && !codes.iter().any(|(s, _)| *s == status) {
            // A description in words only: the status's generic code.
            if let Some(generic) =
                SHARED.iter().filter_map(|(_, slug)| code(slug)).find(|c| super::problem::status(*c).as_u16() == status)
            {
                codes.insert((status, generic.slug()));
            }
        }
        descriptions.push((status, description.to_string()));
    }
    // What any operation can meet on the way in.
    let secured =
        op["security"].as_array().is_some_and(|s| s.iter().any(|r| r.as_object().is_some_and(|r| !r.is_empty())));
    let parameters = op["parameters"].as_array().cloned().unwrap_or_default();
    let in_path = parameters.iter().any(|p| p["in"] == "path");
    let versioned = parameters.iter().any(|p| p["in"] == "header" && p["name"] == "Keyport-Version");
    let in_query =
        parameters.iter().any(|p| p["in"] == "query" || (p["in"] == "header" && p["name"] != "Keyport-Version"));
    let body = op.get("requestBody").is_some();
    let shared_codes = [
        (secured, Code::Unauthorized),
        (in_path, Code::NotFound),
        (in_path || in_query || body, Code::ValidationFailed),
        (body, Code::MalformedRequest),
        (body, Code::PayloadTooLarge),
        (body, Code::UnsupportedMediaType),
        (versioned, Code::UnsupportedApiVersion),
        (true, Code::RateLimited),
        (true, Code::ServiceUnavailable),
    ];
    for (applies, code) in shared_codes {
        // An operation that answers its callers' mistakes in another form (OAuth) only
        // shares the answers about the service itself.
        let about_the_service = matches!(code, Code::RateLimited | Code::ServiceUnavailable);
        if applies && (foreign.is_empty() || about_the_service) {
            codes.insert((super::problem::status(code).as_u16(), code.slug()));
        }
    }
    let responses = op["responses"].as_object_mut().expect("every operation has responses");
    let statuses: BTreeSet<u16> = codes.iter().map(|(s, _)| *s).collect();
    for status in statuses {
        let slugs: Vec<&'static str> = codes.iter().filter(|(s, _)| *s == status).map(|(_, slug)| *slug).collect();
        let own = descriptions.iter().find(|(s, _)| *s == status).map(|(_, d)| d.clone());
        let previous = responses.get(&status.to_string()).cloned();
        responses.insert(status.to_string(), answer(status, &slugs, own, previous, shared));
        narrowed.insert(slugs);
    }
}

/// One status's answer: its description (the operation's own, or the codes listed), the
/// problem schema with `code` narrowed to `slugs`, and `Retry-After` for 429 and 503.
fn answer(status: u16, slugs: &[&str], own: Option<String>, previous: Option<Value>, shared: &Value) -> Value {
    let listed = slugs.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
    let description = match own {
        Some(own) if slugs.iter().all(|s| own.contains(&format!("`{s}`"))) => own,
        Some(own) if !own.contains('`') => format!("{listed}: {}", own.to_lowercase()),
        Some(own) => format!("{own}; {}", rest(&own, slugs)),
        None => match status {
            429 => format!("{listed}: too many requests or failed attempts; wait `Retry-After` seconds"),
            503 => format!("{listed}: the database is unreachable or busy; retry after `Retry-After` seconds"),
            _ => listed,
        },
    };
    let mut answer = Map::new();
    answer.insert("description".into(), json!(description));
    let headers = previous
        .as_ref()
        .and_then(|p| match p["$ref"].as_str() {
            Some(r) => shared[r.rsplit('/').next().unwrap_or_default()].get("headers").cloned(),
            None => p.get("headers").cloned(),
        })
        .unwrap_or_else(|| json!({}));
    let mut headers = headers;
    if matches!(status, 429 | 503) {
        headers["Retry-After"] =
            json!({"description": "Seconds to wait before trying again", "schema": {"type": "integer", "minimum": 0}});
    }
    if slugs.contains(&Code::Unauthorized.slug()) {
        headers["WWW-Authenticate"] = json!({
            "description": "RFC 6750 §3: `Bearer` when no token was sent; `Bearer error=\"invalid_token\", \
                error_description=\"…\"` when the one sent was refused (expired, malformed, not issued here, \
                revoked)",
            "schema": {"type": "string"}
        });
    }
    if headers.as_object().is_some_and(|h| !h.is_empty()) {
        answer.insert("headers".into(), headers);
    }
    let schema = json!({"$ref": format!("#/components/schemas/{}", schema_name(slugs))});
    answer.insert("content".into(), json!({crate::http::PROBLEM: {"schema": schema}}));
    Value::Object(answer)
}

/// The codes of `slugs` a description does not name yet, listed.
fn rest(own: &str, slugs: &[&str]) -> String {
    slugs.iter().filter(|s| !own.contains(&format!("`{s}`"))).map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

/// The codes `doc` documents for an operation's answer with `status` (for tests).
pub fn documented(doc: &Value, method: &str, path: &str, status: u16) -> Option<Vec<String>> {
    let schema =
        &doc["paths"][path][method]["responses"][status.to_string()]["content"][crate::http::PROBLEM]["schema"];
    let name = schema["$ref"].as_str()?.rsplit('/').next()?;
    let codes = doc["components"]["schemas"][name]["allOf"][1]["properties"]["code"]["enum"].as_array()?;
    Some(codes.iter().filter_map(|c| c.as_str().map(str::to_string)).collect())
}
