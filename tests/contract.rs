//! The integration contract: idempotent POSTs and rate limits on failures.

use crate::common::*;
use reqwest::Method;
use serde_json::{Value, json};

async fn post_with_key(app: &TestApp, path: &str, token: &str, key: &str, body: Value) -> Reply {
    let response = app
        .http
        .post(app.url(path))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    TestApp::reply(response).await
}

async fn partner_count(app: &TestApp) -> usize {
    app.get("/v1/partners?limit=200", &app.operator).await.expect(200)["data"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_replayed_post_returns_the_same_body_and_creates_nothing() {
    let app = spawn().await;
    let body = json!({"name": "Contoso IT", "reseller": {"distributor": "Northwind", "since": "2025-01-15"}});
    let first = post_with_key(&app, "/v1/partners", &app.operator, "create-contoso", body.clone()).await;
    first.expect(201);
    assert!(!first.headers.contains_key("idempotent-replayed"));
    let again = post_with_key(&app, "/v1/partners", &app.operator, "create-contoso", body.clone()).await;
    again.expect(201);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.text, first.text, "the same body, byte for byte");
    assert_eq!(partner_count(&app).await, 1);

    // Keys shown once are shown again to the retry of the same request, and only to it.
    let partner = first.body["id"].as_str().unwrap();
    let mint = json!({"product_id": PRODUCT_BASIC, "partner_id": partner, "seats_per_key": 1, "term_months": 12, "quantity": 2});
    let minted = post_with_key(&app, "/v1/key-batches", &app.operator, "mint-1", mint.clone()).await;
    let replayed = post_with_key(&app, "/v1/key-batches", &app.operator, "mint-1", mint.clone()).await;
    assert_eq!(minted.expect(201)["keys"], replayed.expect(201)["keys"]);
    assert_eq!(replayed.headers["location"], minted.headers["location"]);
    let keys = app.get("/v1/keys", &app.operator).await;
    assert_eq!(keys.expect(200)["data"].as_array().unwrap().len(), 2);

    // Another body under the same key is refused; a new key runs anew.
    let other = post_with_key(&app, "/v1/partners", &app.operator, "create-contoso", json!({"name": "Litware"})).await;
    other.problem(422, "idempotency-key-reused");
    post_with_key(&app, "/v1/partners", &app.operator, "create-litware", json!({"name": "Litware"})).await.expect(201);
    assert_eq!(partner_count(&app).await, 2);
}

#[tokio::test]
async fn twenty_concurrent_posts_with_one_key_create_one_resource() {
    let app = spawn().await;
    let body = json!({"name": "Contoso IT"});
    let attempts = (0..20).map(|_| post_with_key(&app, "/v1/partners", &app.operator, "one-partner", body.clone()));
    let replies = futures::future::join_all(attempts).await;
    let created: Vec<&Reply> = replies.iter().filter(|r| r.status.as_u16() == 201).collect();
    assert!(!created.is_empty());
    for reply in &created {
        assert_eq!(reply.body, created[0].body, "every success is the same partner");
    }
    for reply in replies.iter().filter(|r| r.status.as_u16() != 201) {
        reply.problem(409, "idempotency-key-in-flight");
        assert!(reply.headers.contains_key("retry-after"));
    }
    assert_eq!(partner_count(&app).await, 1);
}

#[tokio::test]
async fn failed_validation_is_not_kept_and_keys_belong_to_their_caller() {
    let app = spawn().await;
    post_with_key(&app, "/v1/partners", &app.operator, "k", json!({"name": ""}))
        .await
        .problem(422, "validation-failed");
    post_with_key(&app, "/v1/partners", &app.operator, "k", json!({"name": "Fixed"})).await.expect(201);
    let a = app.partner("A").await;
    let b = app.partner("B").await;
    let first = post_with_key(&app, "/v1/redemptions", &a.token, "same", json!({"acknowledged": true})).await;
    let second = post_with_key(&app, "/v1/redemptions", &b.token, "same", json!({"acknowledged": true})).await;
    assert_ne!(first.expect(201)["id"], second.expect(201)["id"], "one key, two callers, two redemptions");
    // A business answer is kept: the retry hears the same 409.
    let keys = app.mint(&a, PRODUCT_BASIC, 1, 12, 1).await;
    let r1 = app.open_redemption(&a).await;
    let r2 = app.open_redemption(&a).await;
    app.post(&format!("/v1/redemptions/{r1}/keys"), &a.token, json!({"key": keys[0]})).await.expect(201);
    let taken =
        post_with_key(&app, &format!("/v1/redemptions/{r2}/keys"), &a.token, "add", json!({"key": keys[0]})).await;
    taken.problem(409, "key-reserved");
    app.delete(&format!("/v1/redemptions/{r1}"), &a.token).await.expect(204);
    let retried =
        post_with_key(&app, &format!("/v1/redemptions/{r2}/keys"), &a.token, "add", json!({"key": keys[0]})).await;
    retried.problem(409, "key-reserved");
    assert_eq!(retried.headers["idempotent-replayed"], "true");
    let long = "x".repeat(256);
    post_with_key(&app, "/v1/partners", &app.operator, &long, json!({"name": "X"}))
        .await
        .problem(422, "validation-failed");
}

#[tokio::test]
async fn failed_key_lookups_are_limited_per_partner() {
    let app = spawn_with(|s| s.key_lookup_failures_per_minute = 5).await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let good = app.mint(&partner, PRODUCT_BASIC, 1, 12, 1).await.remove(0);
    let unknown = keyport::domain::product_key::ProductKey::from_random_body([3; 24]).to_string();
    // Successes never count.
    for _ in 0..10 {
        app.post("/v1/keys/validate", &partner.token, json!({"key": good})).await.expect(200);
    }
    for attempt in ["nonsense", "BCDFG-HJKMP-QRTVW-XY234-6789C", &unknown, &unknown, &unknown] {
        let reply = app.post("/v1/keys/validate", &partner.token, json!({"key": attempt})).await;
        assert!(matches!(reply.status.as_u16(), 404 | 422), "{}", reply.text);
    }
    let refused = app.post("/v1/keys/validate", &partner.token, json!({"key": &unknown})).await;
    refused.problem(429, "rate-limited");
    let wait: u64 = refused.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    // While limited, every look-up of this partner waits, on every operation that looks keys up.
    app.post("/v1/keys/validate", &partner.token, json!({"key": good})).await.problem(429, "rate-limited");
    let r = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{r}/keys"), &partner.token, json!({"key": good}))
        .await
        .problem(429, "rate-limited");
    // Other partners are not affected.
    app.post("/v1/keys/validate", &other.token, json!({"key": &unknown})).await.problem(404, "key-not-found");
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_client_and_user() {
    let app = spawn_with(|s| s.sign_in_failures_per_minute = 3).await;
    let token = |body: Value| app.send(Method::POST, "/v1/auth/token", None, Some(body));
    for _ in 0..3 {
        let wrong =
            token(json!({"grant_type": "client_credentials", "client_id": OPERATOR_ID, "client_secret": "wrong"}))
                .await;
        assert_eq!(wrong.expect(401)["error"], "invalid_client");
    }
    let limited =
        token(json!({"grant_type": "client_credentials", "client_id": OPERATOR_ID, "client_secret": OPERATOR_SECRET}))
            .await;
    limited.problem(429, "rate-limited");
    assert!(limited.headers.contains_key("retry-after"));
    for _ in 0..3 {
        let wrong = token(json!({"grant_type": "password", "username": "Maria@x.example", "password": "nope"})).await;
        assert_eq!(wrong.expect(400)["error"], "invalid_grant");
    }
    token(json!({"grant_type": "password", "username": "maria@x.example", "password": "nope"}))
        .await
        .problem(429, "rate-limited");
    token(json!({"grant_type": "password", "username": "someone@x.example", "password": "nope"})).await.expect(400);
}

#[tokio::test]
async fn the_document_describes_idempotency_and_limits() {
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    let create = &doc["paths"]["/v1/partners"]["post"];
    let params: Vec<&str> =
        create["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(params.contains(&"Idempotency-Key"));
    assert!(create["responses"]["409"]["description"].as_str().unwrap().contains("idempotency-key-in-flight"));
    assert!(create["responses"]["422"]["description"].as_str().unwrap().contains("idempotency-key-reused"));
    assert!(create["responses"]["201"]["headers"]["Idempotent-Replayed"].is_object());
    assert!(doc["paths"]["/v1/keys/validate"]["post"]["responses"]["429"]["headers"]["Retry-After"].is_object());
    assert!(doc["paths"]["/v1/auth/token"]["post"]["responses"]["429"].is_object());
    assert!(doc["paths"]["/v1/auth/token"]["post"].get("parameters").is_none(), "tokens are never replayed");
}

/// Every example in the document — of an answer, a body, a parameter or a schema —
/// validates against the schema it illustrates (generators and linters check them; a
/// wrong one teaches integrators the wrong thing).
#[test]
fn every_example_validates_against_its_schema() {
    let doc = schema::document();
    let mut checked = 0;
    let mut wrong = Vec::new();
    fn walk(doc: &Value, at: &str, node: &Value, checked: &mut usize, wrong: &mut Vec<String>) {
        match node {
            Value::Object(fields) => {
                let examples: Vec<&Value> = fields
                    .get("example")
                    .into_iter()
                    .chain(fields.get("examples").and_then(Value::as_array).into_iter().flatten())
                    .collect();
                // A media type or a parameter: the example is of its `schema`; else the node
                // is a schema and the example is of itself.
                let schema = fields.get("schema").unwrap_or(node);
                for example in examples {
                    *checked += 1;
                    for finding in schema::findings(doc, schema, example) {
                        wrong.push(format!("{at}: {finding}"));
                    }
                }
                for (name, child) in fields {
                    if name != "example" && name != "examples" {
                        walk(doc, &format!("{at}/{name}"), child, checked, wrong);
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(doc, &format!("{at}/{i}"), child, checked, wrong);
                }
            }
            _ => {}
        }
    }
    walk(doc, "#", doc, &mut checked, &mut wrong);
    assert!(checked > 200, "only {checked} examples found");
    assert!(wrong.is_empty(), "{} of {checked} examples do not fit their schema:\n{}", wrong.len(), wrong.join("\n"));
}

/// Every numeric bound the document states for a request — an integer field of a JSON body
/// (filled in from the body's own example) or a query parameter — holds on the server both
/// ways: the bound itself is not refused for that field, one past it answers 422 naming it.
/// So a generated validator and the server agree at the edges. Each operation is asked by
/// the first kind of caller it does not turn away (operator, partner, tenant admin,
/// distributor), with ids that name nothing: validation comes before any lookup.
#[tokio::test]
async fn every_numeric_bound_in_the_document_holds_both_ways() {
    let app = spawn_with(|s| s.sandbox = true).await;
    let partner = app.partner("Contoso IT").await;
    let admin = app.tenant_with_seats(&partner, "fabrikam", 5).await.admin;
    let distributor = app.distributor("Aegean Distribution").await.token;
    let callers = [app.operator.clone(), partner.token.clone(), admin, distributor];
    let doc = schema::document();
    let mut checked = Vec::new();
    // Whether `reply` refuses `field` (422 `validation-failed` naming it).
    let refuses = |reply: &Reply, field: &str| {
        reply.status == 422 && reply.body["errors"].as_array().is_some_and(|e| e.iter().any(|e| e["field"] == field))
    };
    // The answer to the first caller that may call the operation at all.
    let ask = |method: Method, path: String, body: Option<Value>| {
        let (app, callers) = (&app, &callers);
        async move {
            for token in callers {
                let reply = app.send(method.clone(), &path, Some(token), body.clone()).await;
                if !(reply.status == 403 && reply.body["code"] == "forbidden") {
                    return reply;
                }
            }
            panic!("{method} {path}: every caller is forbidden");
        }
    };
    for (template, item) in doc["paths"].as_object().unwrap() {
        let path = template
            .split('/')
            .map(|part| if part.starts_with('{') { uuid::Uuid::now_v7().to_string() } else { part.to_string() })
            .collect::<Vec<_>>()
            .join("/");
        for (method, op) in item.as_object().unwrap() {
            let Ok(method) = method.to_uppercase().parse::<Method>() else { continue };
            for parameter in op["parameters"].as_array().into_iter().flatten() {
                let (name, schema) = (parameter["name"].as_str().unwrap(), &parameter["schema"]);
                if parameter["in"] != "query" || schema["type"] != "integer" {
                    continue;
                }
                for (bound, step) in [(&schema["minimum"], -1), (&schema["maximum"], 1)] {
                    let Some(bound) = bound.as_i64() else { continue };
                    let at = ask(method.clone(), format!("{path}?{name}={bound}"), None).await;
                    assert!(!refuses(&at, name), "{method} {template} refuses {name}={bound}: {}", at.text);
                    let past = bound + step;
                    let beyond = ask(method.clone(), format!("{path}?{name}={past}"), None).await;
                    assert!(refuses(&beyond, name), "{method} {template} takes {name}={past}: {}", beyond.text);
                    checked.push(format!("{method} {template} ?{name}"));
                }
            }
            let schema = &op["requestBody"]["content"]["application/json"]["schema"];
            let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) else { continue };
            let body = &doc["components"]["schemas"][name];
            for (field, property) in body["properties"].as_object().into_iter().flatten() {
                for (bound, step) in [(&property["minimum"], -1), (&property["maximum"], 1)] {
                    let Some(bound) = bound.as_i64() else { continue };
                    // The body's example, or of several the first that gives the field.
                    let examples =
                        body["examples"].as_array().cloned().unwrap_or_else(|| vec![body["example"].clone()]);
                    let example = examples.iter().find(|e| e.get(field).is_some()).or(examples.first());
                    let mut example = example.cloned().unwrap_or_default();
                    assert!(example.is_object(), "{name} has a bound on `{field}` but no example to fill in");
                    example[field] = json!(bound);
                    let at = ask(method.clone(), path.clone(), Some(example.clone())).await;
                    assert!(!refuses(&at, field), "{method} {template} refuses {field}: {bound}: {}", at.text);
                    example[field] = json!(bound + step);
                    let beyond = ask(method.clone(), path.clone(), Some(example)).await;
                    assert!(
                        refuses(&beyond, field),
                        "{method} {template} takes {field}: {}: {}",
                        bound + step,
                        beyond.text
                    );
                    checked.push(format!("{method} {template} {field}"));
                }
            }
        }
    }
    assert!(checked.len() > 50, "only {} bounds: {checked:?}", checked.len());
    for expected in ["seats_per_key", "term_months", "duration_days", "days", "hours", "threshold", "?limit"] {
        assert!(checked.iter().any(|c| c.ends_with(expected)), "no bound on {expected} was checked: {checked:?}");
    }
}
