//! OpenAPI links from each operation that creates a resource to the operations on it, so
//! a client (and the stateful fuzzer) can chain create → read → act: `POST /v1/partners`
//! answers a partner whose `id` fills `{id}` of `GET /v1/partners/{id}`, and so on. Derived
//! from the paths themselves: the operations under `<created path>/{param}` take `param`
//! from the answer (its field of that name, or its `id`, at the top or one level down) and
//! the rest of their path from the creating request's.

use serde_json::{Map, Value, json};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

pub fn add(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    let paths = doc["paths"].clone();
    let Some(all) = paths.as_object() else { return };
    for (path, item) in all {
        let Some(answers) = item["post"]["responses"].as_object() else { continue };
        let Some((status, answer)) = answers.iter().find(|(s, _)| matches!(s.as_str(), "201" | "202")) else {
            continue;
        };
        let schema = resolve(&answer["content"]["application/json"]["schema"], &schemas);
        let mut links = Map::new();
        for (target, target_item) in all {
            let Some(rest) = target.strip_prefix(path.as_str()).and_then(|r| r.strip_prefix("/{")) else { continue };
            let Some(param) = rest.split('}').next() else { continue };
            let Some(pointer) = pointer_to(&schema, param, &schemas) else { continue };
            for method in METHODS {
                let Some(op) = target_item.get(method) else { continue };
                let Some(operation_id) = op["operationId"].as_str() else { continue };
                let mut parameters = Map::new();
                for p in op["parameters"].as_array().into_iter().flatten().filter(|p| p["in"] == "path") {
                    let name = p["name"].as_str().unwrap_or_default();
                    let value = if name == param {
                        format!("$response.body#{pointer}")
                    } else if path.contains(&format!("{{{name}}}")) {
                        format!("$request.path.{name}")
                    } else {
                        parameters.clear();
                        break; // another resource's id: nothing here names it
                    };
                    parameters.insert(name.to_string(), json!(value));
                }
                if !parameters.is_empty() {
                    links.insert(
                        operation_id.to_string(),
                        json!({"operationId": operation_id, "parameters": parameters}),
                    );
                }
            }
        }
        if !links.is_empty() {
            doc["paths"][path]["post"]["responses"][status]["links"] = Value::Object(links);
        }
    }
}

fn resolve(schema: &Value, schemas: &Value) -> Value {
    match schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        Some(name) => schemas[name].clone(),
        None => schema.clone(),
    }
}

/// Where in an answer of `schema` the value for path parameter `param` is: its own field,
/// or `id`, at the top or in one of its objects.
fn pointer_to(schema: &Value, param: &str, schemas: &Value) -> Option<String> {
    let properties = schema["properties"].as_object()?;
    for name in [param, "id"] {
        if properties.contains_key(name) {
            return Some(format!("/{name}"));
        }
    }
    for (field, inner) in properties {
        let inner = resolve(inner, schemas);
        for name in [param, "id"] {
            if inner["properties"].get(name).is_some() {
                return Some(format!("/{field}/{name}"));
            }
        }
    }
    None
}
