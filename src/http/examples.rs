//! An example for every successful answer in the published document. Where a view has
//! its own example (`#[schema(example = …)]`) that is the one; otherwise the example is
//! built from the view's schema — its fields' own examples, formats and enums — so it can
//! never disagree with the schema it illustrates. Each problem answer's example is a
//! problem of the first code that answer documents, so none shows another answer's code.

use serde_json::{Map, Value, json};

use crate::error::Code;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
/// Views nest a few levels at most; deeper is a cycle.
const DEEPEST: usize = 16;

/// Adds an example to each JSON 2xx answer and each problem answer that has none.
pub fn add(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    let Some(paths) = doc["paths"].as_object_mut() else { return };
    for item in paths.values_mut() {
        for method in METHODS {
            let Some(responses) = item.get_mut(method).and_then(|op| op["responses"].as_object_mut()) else {
                continue;
            };
            for (status, answer) in responses.iter_mut() {
                let Some(contents) = answer.get_mut("content").and_then(Value::as_object_mut) else { continue };
                for (media, content) in contents.iter_mut() {
                    if !media.ends_with("json") || content.get("example").is_some() || content.get("examples").is_some()
                    {
                        continue;
                    }
                    if status.starts_with('2') {
                        content["example"] = example(&content["schema"], &schemas, 0);
                    } else if media == crate::http::PROBLEM
                        && let Some(problem) = problem_example(status, &content["schema"], &schemas)
                    {
                        content["example"] = problem;
                    }
                }
            }
        }
    }
}

/// A problem of the first code the answer's schema allows with the answer's status.
fn problem_example(status: &str, schema: &Value, schemas: &Value) -> Option<Value> {
    let name = schema["$ref"].as_str()?.rsplit('/').next()?;
    let codes =
        schemas[name]["allOf"].as_array()?.iter().find_map(|part| part["properties"]["code"]["enum"].as_array())?;
    let code = codes
        .iter()
        .filter_map(|slug| Code::ALL.into_iter().find(|c| Some(c.slug()) == slug.as_str()))
        .find(|c| super::problem::status(*c).as_str() == status)?;
    let mut problem = json!({
        "type": format!("/problems/{}", code.slug()),
        "title": code.title(),
        "status": super::problem::status(code).as_u16(),
        "detail": format!("{}.", code.title()),
        "code": code.slug(),
        "request_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01",
    });
    if code == Code::ValidationFailed {
        problem["errors"] = json!([{ "field": "admin.email", "message": "must be an e-mail address" }]);
    }
    Some(problem)
}

/// An example of `schema`, the components' schemas at hand for its references.
pub fn example(schema: &Value, schemas: &Value, depth: usize) -> Value {
    if let Some(given) = schema.get("example") {
        return given.clone();
    }
    if let Some(first) = schema["examples"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    if depth > DEEPEST {
        return Value::Null;
    }
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or_default();
        return example(&schemas[name], schemas, depth + 1);
    }
    if let Some(value) = schema.get("const") {
        return value.clone();
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(fields) = example(part, schemas, depth + 1) {
                merged.extend(fields);
            }
        }
        return Value::Object(merged);
    }
    for choice in ["oneOf", "anyOf"] {
        if let Some(options) = schema[choice].as_array() {
            let first = options.iter().find(|o| o["type"] != "null").or(options.first());
            return first.map_or(Value::Null, |o| example(o, schemas, depth + 1));
        }
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => kinds.iter().find(|k| *k != "null").cloned().unwrap_or(Value::Null),
        kind => kind.clone(),
    };
    match kind.as_str() {
        Some("object") => {
            let fields = schema["properties"].as_object().into_iter().flatten();
            Value::Object(fields.map(|(name, field)| (name.clone(), example(field, schemas, depth + 1))).collect())
        }
        Some("array") => json!([example(&schema["items"], schemas, depth + 1)]),
        Some("integer") => json!(schema["minimum"].as_i64().unwrap_or(0).max(1)),
        Some("number") => json!(schema["minimum"].as_f64().unwrap_or(0.0).max(1.0)),
        Some("boolean") => json!(true),
        Some("string") => json!(match schema["format"].as_str() {
            Some("uuid") => "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01",
            Some("date-time") => "2026-11-25T10:00:00Z",
            Some("date") => "2026-11-25",
            Some("email") => "maria@fabrikam.example",
            Some("uri") => "https://hooks.fabrikam.example/keyport",
            _ => "text",
        }),
        _ => Value::Null,
    }
}
