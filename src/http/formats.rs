//! The patterns of `domain::formats` in the published document: on every property of that
//! name in what callers send (request bodies and what they nest), and on the domain name a
//! caller looks up. Answers are not given patterns: a purged tenant's or an imported key's
//! fields are what they are.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::domain::formats::{BY_PROPERTY, CURSOR, TENANT_DOMAIN};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

pub fn apply(doc: &mut Value) {
    let mut sent: BTreeSet<String> = BTreeSet::new();
    for item in doc["paths"].as_object().into_iter().flatten().map(|(_, item)| item) {
        for method in METHODS {
            for content in item[method]["requestBody"]["content"].as_object().into_iter().flatten() {
                referenced(&content.1["schema"], &doc["components"]["schemas"], &mut sent);
            }
        }
    }
    for name in sent {
        // `get_mut`: indexing would add a `properties: null` to schemas without any.
        let schema = doc.pointer_mut(&format!("/components/schemas/{name}/properties"));
        let Some(properties) = schema.and_then(Value::as_object_mut) else { continue };
        for (property, format) in BY_PROPERTY {
            let Some(schema) = properties.get_mut(property) else { continue };
            let array =
                schema["type"] == "array" || schema["type"].as_array().is_some_and(|t| t.contains(&json!("array")));
            let target = if array { &mut schema["items"] } else { schema };
            if target["type"] == "string" || target["type"].as_array().is_some_and(|t| t.contains(&json!("string"))) {
                target["pattern"] = json!(format.pattern);
            }
        }
    }
    if let Some(parameters) = doc["paths"]["/v1/domains/{name}"]["get"]["parameters"].as_array_mut() {
        for parameter in parameters.iter_mut().filter(|p| p["name"] == "name") {
            parameter["schema"]["pattern"] = json!(TENANT_DOMAIN.pattern);
        }
    }
    // Every list's page cursor.
    for item in doc["paths"].as_object_mut().into_iter().flat_map(|paths| paths.values_mut()) {
        let Some(list) = item.get_mut("get") else { continue };
        let Some(parameters) = list.get_mut("parameters").and_then(Value::as_array_mut) else { continue };
        for parameter in parameters.iter_mut().filter(|p| p["name"] == "after" && p["in"] == "query") {
            parameter["schema"]["pattern"] = json!(CURSOR.pattern);
        }
    }
}

/// The component schemas `schema` refers to, and what they refer to in turn.
fn referenced(schema: &Value, schemas: &Value, found: &mut BTreeSet<String>) {
    match schema {
        Value::Object(fields) => {
            let name = fields.get("$ref").and_then(Value::as_str).and_then(|r| r.rsplit('/').next());
            if let Some(name) = name.filter(|n| found.insert(n.to_string())) {
                referenced(&schemas[name], schemas, found);
            }
            for value in fields.values() {
                referenced(value, schemas, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| referenced(i, schemas, found)),
        _ => {}
    }
}
