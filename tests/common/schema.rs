//! Checks a JSON value against a schema of the published document (JSON Schema as OpenAPI
//! 3.1 uses it: `$ref`, `allOf`/`oneOf`/`anyOf`, `type` (one or several), `enum`, `const`,
//! `format` uuid and date-time, `properties`, `required`, `items`, bounds and `pattern`).
//! Objects are read as closed: a property the schema does not name is a finding, so a body
//! cannot drift from its published type unseen. A keyword it does not know fails loudly.

use serde_json::Value;

/// The published document, once.
pub fn document() -> &'static Value {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DOC.get_or_init(keyport::openapi)
}

/// What is wrong with `value` against `schema`, one finding per line (empty when nothing).
pub fn findings(doc: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    check(doc, schema, value, "$", &mut found);
    found
}

const ANNOTATIONS: [&str; 9] =
    ["description", "example", "examples", "title", "default", "deprecated", "readOnly", "writeOnly", "nullable"];

fn resolve<'a>(doc: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference.strip_prefix('#').unwrap_or_else(|| panic!("only local references: {reference}"));
    doc.pointer(pointer).unwrap_or_else(|| panic!("{reference} is not in the document"))
}

fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn check(doc: &Value, schema: &Value, value: &Value, at: &str, found: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        if schema == &Value::Bool(false) {
            found.push(format!("{at}: not allowed"));
        }
        return;
    };
    for keyword in schema.keys() {
        let known = [
            "$ref",
            "allOf",
            "oneOf",
            "anyOf",
            "type",
            "enum",
            "const",
            "format",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "pattern",
            "propertyNames",
        ];
        assert!(
            known.contains(&keyword.as_str()) || ANNOTATIONS.contains(&keyword.as_str()),
            "unknown keyword {keyword}"
        );
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        check(doc, resolve(doc, reference), value, at, found);
    }
    let resolved = |part: &'_ Value| match part.get("$ref").and_then(Value::as_str) {
        Some(reference) => resolve(doc, reference).clone(),
        None => part.clone(),
    };
    if let Some(all) = schema.get("allOf").and_then(Value::as_array)
        && !all.iter().any(|part| resolved(part).get("properties").is_some())
    {
        // No part names properties (a property's schemas gathered from flattened objects):
        // the value fits each.
        for part in all {
            check(doc, part, value, at, found);
        }
    } else if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        // The parts of an allOf name properties together: check them as one closed object.
        let mut merged = serde_json::Map::new();
        let mut properties = serde_json::Map::new();
        let mut required = Vec::new();
        for part in all {
            let part = match part.get("$ref").and_then(Value::as_str) {
                Some(reference) => resolve(doc, reference),
                None => part,
            };
            for (k, v) in part.as_object().into_iter().flatten() {
                match k.as_str() {
                    "properties" => {
                        for (name, property) in v.as_object().into_iter().flatten() {
                            let entry =
                                properties.entry(name.clone()).or_insert_with(|| serde_json::json!({"allOf": []}));
                            entry["allOf"].as_array_mut().unwrap().push(property.clone());
                        }
                    }
                    "required" => required.extend(v.as_array().cloned().unwrap_or_default()),
                    _ => {
                        merged.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        merged.insert("properties".into(), Value::Object(properties));
        merged.insert("required".into(), Value::Array(required));
        check(doc, &Value::Object(merged), value, at, found);
    }
    for (keyword, exactly_one) in [("oneOf", true), ("anyOf", false)] {
        if let Some(options) = schema.get(keyword).and_then(Value::as_array) {
            let passing = options.iter().filter(|o| findings(doc, o, value).is_empty()).count();
            if passing == 0 || (exactly_one && passing > 1) {
                found.push(format!("{at}: matches {passing} of the {keyword} schemas"));
            }
        }
    }
    if let Some(expected) = schema.get("type") {
        let allowed: Vec<&str> = match expected {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => panic!("a type is a name or a list of names"),
        };
        let actual = type_of(value);
        let fits = allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number"));
        if !fits {
            found.push(format!("{at}: a {actual}, where the schema allows {allowed:?}"));
            return;
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        found.push(format!("{at}: {value} is not one of {options:?}"));
    }
    if let Some(constant) = schema.get("const")
        && constant != value
    {
        found.push(format!("{at}: {value} is not {constant}"));
    }
    if let Value::String(text) = value {
        match schema.get("format").and_then(Value::as_str) {
            Some("uuid") if uuid::Uuid::parse_str(text).is_err() => found.push(format!("{at}: {text:?} is not a uuid")),
            Some("date-time") if chrono::DateTime::parse_from_rfc3339(text).is_err() => {
                found.push(format!("{at}: {text:?} is not an RFC 3339 date-time"))
            }
            _ => {}
        }
        let length = text.chars().count() as u64;
        if schema.get("minLength").and_then(Value::as_u64).is_some_and(|min| length < min)
            || schema.get("maxLength").and_then(Value::as_u64).is_some_and(|max| length > max)
        {
            found.push(format!("{at}: {text:?} is outside its length bounds"));
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str)
            && !regex::Regex::new(pattern).unwrap().is_match(text)
        {
            found.push(format!("{at}: {text:?} does not match {pattern}"));
        }
    }
    if let Some(number) = value.as_f64()
        && (schema.get("minimum").and_then(Value::as_f64).is_some_and(|min| number < min)
            || schema.get("maximum").and_then(Value::as_f64).is_some_and(|max| number > max))
    {
        found.push(format!("{at}: {number} is outside its bounds"));
    }
    if let Value::Array(items) = value {
        if let Some(item) = schema.get("items") {
            for (i, v) in items.iter().enumerate() {
                check(doc, item, v, &format!("{at}[{i}]"), found);
            }
        }
        if schema.get("minItems").and_then(Value::as_u64).is_some_and(|min| (items.len() as u64) < min)
            || schema.get("maxItems").and_then(Value::as_u64).is_some_and(|max| (items.len() as u64) > max)
        {
            found.push(format!("{at}: {} items is outside the bounds", items.len()));
        }
    }
    if let (Value::Object(fields), Some(properties)) = (value, schema.get("properties").and_then(Value::as_object)) {
        for name in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !fields.contains_key(name) {
                found.push(format!("{at}: no `{name}`, which is required"));
            }
        }
        for (name, field) in fields {
            match properties.get(name) {
                Some(property) => check(doc, property, field, &format!("{at}.{name}"), found),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(true)) => {}
                    Some(extra @ Value::Object(_)) => check(doc, extra, field, &format!("{at}.{name}"), found),
                    _ => found.push(format!("{at}: `{name}` is not in the schema")),
                },
            }
        }
    }
}

/// The findings of a webhook delivery's body against the schema its event type publishes
/// under the document's `webhooks`.
pub fn delivery_findings(body: &Value) -> Vec<String> {
    let doc = document();
    let Some(kind) = body["type"].as_str() else { return vec!["the body has no `type`".into()] };
    let Some(schema) = doc["webhooks"][kind]["post"]["requestBody"]["content"]["application/json"].get("schema") else {
        return vec![format!("the document publishes no webhook `{kind}`")];
    };
    findings(doc, schema, body)
}

#[test]
fn the_checker_finds_what_is_wrong() {
    let doc = serde_json::json!({"components": {"schemas": {
        "E": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string", "format": "uuid"}, "n": {"type": ["integer", "null"], "minimum": 1},
            "kind": {"type": "string", "enum": ["a", "b"]}}},
        "A": {"allOf": [{"$ref": "#/components/schemas/E"}, {"properties": {"kind": {"enum": ["a"]}}}]}
    }}});
    let e = serde_json::json!({"$ref": "#/components/schemas/E"});
    let a = serde_json::json!({"$ref": "#/components/schemas/A"});
    let good = serde_json::json!({"id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01", "n": null, "kind": "a"});
    assert!(findings(&doc, &e, &good).is_empty());
    assert!(findings(&doc, &a, &good).is_empty());
    assert_eq!(findings(&doc, &a, &serde_json::json!({"id": "x", "kind": "b", "extra": 1})).len(), 3);
    assert_eq!(findings(&doc, &e, &serde_json::json!({"n": 0})).len(), 2);
}
