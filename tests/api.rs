//! What every operation shares: problem documents, request ids, pagination, operations
//! endpoints, the published document and Swagger UI.

use crate::common::*;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn bodies_that_cannot_be_read_are_problems() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let raw = |body: &'static str, content_type: &'static str| {
        app.http
            .post(app.url("/v1/redemptions"))
            .bearer_auth(&partner.token)
            .header("content-type", content_type)
            .body(body)
    };
    let reply = TestApp::reply(raw("{\"acknowledged\": tru", "application/json").send().await.unwrap()).await;
    reply.problem(400, "malformed-request");
    let reply = TestApp::reply(raw("{} {}", "application/json").send().await.unwrap()).await;
    reply.problem(400, "malformed-request");
    let reply = TestApp::reply(raw("", "application/json").send().await.unwrap()).await;
    reply.problem(400, "malformed-request");
    let reply =
        TestApp::reply(raw("acknowledged=true", "application/x-www-form-urlencoded").send().await.unwrap()).await;
    reply.problem(415, "unsupported-media-type");
    let reply = TestApp::reply(raw("[true]", "application/json").send().await.unwrap()).await;
    reply.problem(422, "validation-failed");
    let reply = app.post("/v1/redemptions", &partner.token, json!({"acknowledged": true, "extra": 1})).await;
    reply.problem(422, "validation-failed");
    assert_eq!(reply.body["errors"][0]["field"], "extra", "{}", reply.text);
    assert!(reply.body["errors"][0]["message"].as_str().unwrap().contains("not a field"), "{}", reply.text);
    // A missing field is named itself, nested or not.
    let reply = app.post("/v1/keys/validate", &partner.token, json!({})).await;
    reply.problem(422, "validation-failed");
    assert_eq!(reply.body["errors"][0], json!({"field": "key", "message": "is required"}), "{}", reply.text);
    let reply = app.post("/v1/partners", &app.operator, json!({"cloud_essentials": true})).await;
    assert_eq!(reply.body["errors"][0]["field"], "name", "{}", reply.text);
    let account = json!({"key": "x", "country": "GR", "company_name": "Fabrikam", "domain": "fabrikam",
                         "admin": {"first_name": "Maria", "last_name": "P"}});
    let reply = app.send(Method::POST, "/v1/signup", None, Some(account)).await;
    reply.problem(422, "validation-failed");
    assert_eq!(reply.body["errors"][0]["field"], "admin.email", "{}", reply.text);
    let huge = "x".repeat(9 * 1024 * 1024);
    let response = app
        .http
        .post(app.url("/v1/redemptions"))
        .bearer_auth(&partner.token)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    TestApp::reply(response).await.problem(413, "payload-too-large");
    // Nothing of the above created anything.
    let listed = app.get("/v1/redemptions", &partner.token).await;
    assert_eq!(listed.expect(200)["data"], json!([]));
}

#[tokio::test]
async fn unknown_paths_and_methods_are_404_problems() {
    let app = spawn().await;
    for (method, path) in [
        (Method::GET, "/v1/nothing-here"),
        (Method::DELETE, "/v1/products"),
        (Method::PUT, "/v1/partners"),
        (Method::GET, "/v2/partners"),
        (Method::GET, "/v1/partners/%ZZ"),
    ] {
        let reply = app.send(method, path, Some(&app.operator), None).await;
        reply.problem(404, "not-found");
    }
}

#[tokio::test]
async fn request_ids_are_kept_or_made_and_quoted_in_problems() {
    let app = spawn().await;
    let given = app.http.get(app.url("/v1/nothing")).header("x-request-id", "trace-abc-123").send().await.unwrap();
    let reply = TestApp::reply(given).await;
    assert_eq!(reply.headers["x-request-id"], "trace-abc-123");
    assert_eq!(reply.body["request_id"], "trace-abc-123");
    let made = app.send(Method::GET, "/healthz", None, None).await;
    let id = made.headers["x-request-id"].to_str().unwrap();
    assert_eq!(id.len(), 36, "a UUID when the caller sent none");
    let unprintable = app.http.get(app.url("/healthz")).header("x-request-id", "a b").send().await.unwrap();
    assert_ne!(unprintable.headers()["x-request-id"], "a b");
    let problem = app.send(Method::GET, "/v1/products", None, None).await;
    assert_eq!(problem.body["request_id"], problem.headers["x-request-id"].to_str().unwrap());
}

#[tokio::test]
async fn pagination_bounds_and_cursors() {
    let app = spawn().await;
    for query in ["limit=0", "limit=201", "limit=abc", "after=not-a-cursor", "after=AAAA"] {
        let reply = app.get(&format!("/v1/products?{query}"), &app.operator).await;
        reply.problem(422, "validation-failed");
    }
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let path = match &after {
            Some(c) => format!("/v1/products?limit=2&after={c}"),
            None => "/v1/products?limit=2".to_string(),
        };
        let page = app.get(&path, &app.operator).await;
        let page = page.expect(200).clone();
        seen.extend(page["data"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => after = Some(c.to_string()),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen.len(), 5);
    assert_eq!(sorted, seen, "pages follow one another without gaps or repeats");
}

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = spawn().await;
    assert_eq!(app.send(Method::GET, "/healthz", None, None).await.expect(200)["status"], "ok");
    assert_eq!(app.send(Method::GET, "/readyz", None, None).await.expect(200)["status"], "ready");
    app.get("/v1/products", &app.operator).await.expect(200);
    let metrics = app.http.get(app.url("/metrics")).bearer_auth(&app.operator).send().await.unwrap();
    assert_eq!(metrics.status(), 200);
    let metrics = metrics.text().await.unwrap();
    assert!(
        metrics.contains("keyport_http_requests_total{method=\"GET\",route=\"/v1/products\",status=\"200\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("keyport_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn the_published_document_is_what_the_code_produces() {
    let app = spawn().await;
    let served = app.send(Method::GET, "/openapi.json", None, None).await;
    let generated = serde_json::to_value(keyport::openapi()).unwrap();
    assert_eq!(served.expect(200), &generated);
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/keyport.json")).unwrap();
    let expected = serde_json::to_string_pretty(&keyport::openapi()).unwrap() + "\n";
    assert!(file == expected, "openapi/keyport.json is stale: run `cargo run -- openapi > openapi/keyport.json`");
    // The copy for generators: served, committed, and the same but for `webhooks`.
    let for_generators = keyport::openapi_for_generators();
    let served = app.send(Method::GET, "/openapi.generators.json", None, None).await;
    assert_eq!(served.expect(200), &for_generators);
    let file =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/keyport.generators.json")).unwrap();
    let expected = serde_json::to_string_pretty(&for_generators).unwrap() + "\n";
    assert!(
        file == expected,
        "openapi/keyport.generators.json is stale: run `cargo run -- openapi --for-generators > openapi/keyport.generators.json`"
    );
    let mut without = generated.clone();
    assert!(without.as_object_mut().unwrap().remove("webhooks").is_some_and(|w| w.as_object().unwrap().len() > 30));
    assert_eq!(without, for_generators, "the two documents differ only in `webhooks`");
}

#[tokio::test]
async fn swagger_ui_is_served_without_network() {
    let app = spawn().await;
    // /docs, as the banner says it, leads to the UI.
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let moved = plain.get(app.url("/docs")).send().await.unwrap();
    assert_eq!((moved.status().as_u16(), &moved.headers()["location"]), (308, &"/docs/".parse().unwrap()));
    let followed = app.http.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(followed.status(), 200);
    assert!(followed.text().await.unwrap().contains("swagger-ui"));
    let page = app.http.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(!html.contains("https://"), "no assets from elsewhere");
    let config = app.http.get(app.url("/docs/swagger-initializer.js")).send().await.unwrap().text().await.unwrap();
    assert!(config.contains("/openapi.json"), "{config}");
    for asset in ["swagger-ui.css", "swagger-ui-bundle.js"] {
        let response = app.http.get(app.url(&format!("/docs/{asset}"))).send().await.unwrap();
        assert_eq!(response.status(), 200, "{asset}");
    }
}

/// Every operation of the document, with a path whose parameters are filled in.
fn operations() -> Vec<(Method, String, Value)> {
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let filled = path
                .split('/')
                .map(|seg| if seg.starts_with('{') { "01900000-0000-7000-8000-00000000beef" } else { seg })
                .collect::<Vec<_>>()
                .join("/");
            out.push((method.to_uppercase().parse().unwrap(), filled, op.clone()));
        }
    }
    out
}

#[test]
fn operation_ids_are_unique() {
    let mut ids: Vec<String> =
        operations().iter().map(|(_, _, op)| op["operationId"].as_str().unwrap().to_string()).collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "generated SDKs name functions after operation ids");
}

#[test]
fn every_operation_documents_its_errors_security_and_examples() {
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    for (method, path, op) in operations() {
        let responses = op["responses"].as_object().unwrap();
        assert!(responses.keys().any(|s| s.starts_with('2')), "{method} {path}: no success response");
        let secured = op["security"].as_array().is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        if secured {
            assert!(responses.contains_key("401"), "{method} {path}: secured but no 401");
        }
        assert!(op.get("security").is_some(), "{method} {path}: security not stated");
        if let Some(body) = op.get("requestBody") {
            let has_example = body["content"].as_object().unwrap().values().any(|media| {
                media.get("example").is_some() || media.get("examples").is_some() || {
                    let schema = &media["schema"];
                    let name = schema["$ref"].as_str().map(|r| r.rsplit('/').next().unwrap().to_string());
                    let component = |n: String| doc["components"]["schemas"][n].clone();
                    name.map(component).is_some_and(|c| c.get("example").is_some() || c.get("examples").is_some())
                }
            });
            assert!(has_example, "{method} {path}: request body without an example");
        }
        for (status, response) in responses {
            // A shared answer is documented once, in components.responses.
            let response = match response["$ref"].as_str() {
                Some(r) => &doc["components"]["responses"][r.rsplit('/').next().unwrap()],
                None => response,
            };
            if status.starts_with('4') || status.starts_with('5') {
                let content = response["content"].as_object();
                assert!(content.is_some(), "{method} {path} {status}: error without a body");
            }
        }
    }
}

/// Swagger UI's "Authorize" obtains tokens itself: both OAuth 2.0 flows point at the token
/// endpoint, and every operation that takes a bearer token accepts one from either flow.
#[test]
fn every_secured_operation_offers_the_sign_in_flows() {
    let doc = keyport::openapi();
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["clientCredentials"]["flows"]["clientCredentials"]["tokenUrl"], "/v1/auth/token");
    assert_eq!(schemes["password"]["flows"]["password"]["tokenUrl"], "/v1/auth/token");
    let mut secured = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let security = op["security"].as_array().unwrap();
            let named = |name: &str| security.iter().any(|r| r.get(name).is_some());
            if named("bearer") {
                secured += 1;
                assert!(named("clientCredentials") && named("password"), "{method} {path}: {security:?}");
            } else {
                assert!(!named("clientCredentials") && !named("password"), "{method} {path}: public, yet {security:?}");
            }
        }
    }
    assert!(secured > 70, "{secured} secured operations");
}

/// Precise enough to generate from: each problem answer lists its codes, 429 and 503
/// everywhere, an example for every success, a server, and both token request bodies.
#[test]
fn every_answer_is_precise() {
    let doc = keyport::openapi();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for status in ["429", "503"] {
                assert!(responses.contains_key(status), "{method} {path}: {status} not documented");
            }
            for (status, response) in responses {
                let content = response["content"].as_object();
                if status.starts_with('2') {
                    for (media, content) in content.into_iter().flatten() {
                        assert!(content.get("example").is_some(), "{method} {path} {status} {media}: no example");
                    }
                }
                // The token endpoint's OAuth errors are not problems.
                if let Some(problem) = content.and_then(|c| c.get("application/problem+json")) {
                    let codes = keyport::http::problems::documented(&doc, method, path, status.parse().unwrap());
                    assert!(
                        codes.as_ref().is_some_and(|c| !c.is_empty()),
                        "{method} {path} {status}: no problem codes"
                    );
                    // Its example is a problem of this answer: one of its codes, its status.
                    let example = &problem["example"];
                    let code = example["code"].as_str().unwrap_or_default();
                    assert!(
                        codes.unwrap().iter().any(|c| c == code),
                        "{method} {path} {status}: example code {code:?} not documented here"
                    );
                    assert_eq!(example["status"].to_string(), *status, "{method} {path} {status}: example status");
                }
            }
        }
    }
    // No rewrite of the document leaves a null where a schema, an answer or its content belongs.
    fn no_stray_nulls(at: &str, value: &Value) {
        match value {
            Value::Object(fields) => {
                for (name, inner) in fields {
                    let free = ["example", "examples", "enum", "const", "default"].contains(&name.as_str());
                    assert!(free || !inner.is_null(), "{at}/{name} is null");
                    if !free {
                        no_stray_nulls(&format!("{at}/{name}"), inner);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| no_stray_nulls(at, i)),
            _ => {}
        }
    }
    no_stray_nulls("", &doc);
    assert_eq!(doc["servers"][0]["url"], "/");
    let token = &doc["paths"]["/v1/auth/token"]["post"]["requestBody"]["content"];
    assert!(token.get("application/json").is_some() && token.get("application/x-www-form-urlencoded").is_some());
}

#[tokio::test]
async fn no_input_yields_a_server_error() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let bodies = [
        Some(json!(null)),
        Some(json!([])),
        Some(json!("text")),
        Some(json!({"key": "x".repeat(10_000)})),
        Some(json!({"quantity": i64::MAX, "seats_per_key": -1, "term_months": 1e300})),
        Some(json!({"acknowledged": true, "country": "ΕΛ", "domain": "\u{0000}", "admin": {"email": "@"}})),
        Some(json!({"name": "\u{0000}", "reseller": {"distributor": "d", "since": "9999-99-99"}})),
        None,
    ];
    for (method, path, _) in operations() {
        for token in [None, Some(app.operator.as_str()), Some(partner.token.as_str()), Some("x.y.z")] {
            for body in &bodies {
                let reply = app.send(method.clone(), &path, token, body.clone()).await;
                assert!(reply.status.as_u16() < 500, "{method} {path} answered {}", reply.text);
                // The OAuth endpoints answer errors in RFC 6749 form, not as problems.
                if reply.status.as_u16() >= 400 && !matches!(path.as_str(), "/v1/auth/token" | "/v1/auth/revoke") {
                    reply.code();
                }
            }
        }
    }
    for path in ["/v1/partners/%00", "/v1/domains/%F0%28%8C%BC", "/v1/keys?limit=1e999", "/v1/tenants/../../etc/passwd"]
    {
        let reply = app.get(path, &app.operator).await;
        assert!(reply.status.as_u16() < 500, "{path}: {}", reply.text);
    }
}

/// `KEYPORT_LOG_FORMAT=json`: one JSON object per line; a request's line names its id, route,
/// status, time and the caller's kind, and no line holds a secret or a token.
#[tokio::test]
async fn json_logs_are_one_object_per_line_without_secrets() {
    let database_url = fresh_database();
    let log = std::env::temp_dir().join(format!("keyport-log-{}.jsonl", uuid::Uuid::now_v7()));
    let port = free_port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_keyport"))
        .arg("serve")
        .env("KEYPORT_DATABASE_URL", &database_url)
        .env("KEYPORT_BIND", format!("127.0.0.1:{port}"))
        .env("KEYPORT_BOOTSTRAP_OPERATOR_ID", OPERATOR_ID)
        .env("KEYPORT_BOOTSTRAP_OPERATOR_SECRET", OPERATOR_SECRET)
        .env("KEYPORT_LOG_FORMAT", "json")
        .env("KEYPORT_LOG", "info")
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let instance = Instance { child, base: format!("http://127.0.0.1:{port}") };
    for _ in 0..300 {
        if reqwest::get(format!("{}/readyz", instance.base)).await.is_ok_and(|r| r.status() == 200) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let app = TestApp::attach(&instance.base, &database_url).await;
    app.get("/v1/partners", &app.operator).await.expect(200);
    let mut seen = None;
    for _ in 0..50 {
        let text = std::fs::read_to_string(&log).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON object: {l}: {e}")))
            .collect();
        assert!(!text.contains(OPERATOR_SECRET) && !text.contains(&app.operator), "a secret in the log");
        seen = lines.into_iter().find(|l| l["route"] == "/v1/partners" && l["principal"] == "operator");
        if seen.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let line = seen.expect("the request's line");
    assert_eq!(line["status"], 200);
    assert!(line["request_id"].as_str().is_some_and(|id| !id.is_empty()) && line["ms"].is_u64(), "{line}");
    assert_eq!(line["message"], "request");
    drop(instance);
    let _ = std::fs::remove_file(&log);
}

/// The metrics count what an instance did: a flow against a `keyport serve` of its own
/// (its counters are its alone), then its `/metrics` on the metrics listener
/// (`KEYPORT_METRICS_BIND`), which needs no token; the public port answers only the operator.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_what_the_instance_did() {
    let database_url = fresh_database();
    let metrics_address = format!("127.0.0.1:{}", free_port());
    let instance = serve(
        &database_url,
        &[("KEYPORT_KEY_LOOKUP_FAILURES_PER_MINUTE", "2"), ("KEYPORT_METRICS_BIND", metrics_address.as_str())],
    )
    .await;
    let app = TestApp::attach(&instance.base, &database_url).await;
    let partner = app.partner("Contoso IT").await;
    let spare = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 3).await;
    app.tenant_with_seats(&partner, "metrics", 2).await;
    let batch = app.get("/v1/keys?limit=10", &app.operator).await.expect(200).clone();
    let to_revoke =
        batch["data"].as_array().unwrap().iter().find(|k| k["status"] == "available").unwrap()["id"].clone();
    app.post(&format!("/v1/keys/{}/revoke", to_revoke.as_str().unwrap()), &app.operator, json!({})).await.expect(200);
    for _ in 0..3 {
        app.post("/v1/keys/validate", &partner.token, json!({"key": "not a key"})).await;
    }
    app.post("/v1/jobs/sweep", &app.operator, json!({})).await.expect(200);
    assert_eq!(spare.len(), 3);

    let public = reqwest::get(format!("{}/metrics", instance.base)).await.unwrap();
    assert_eq!(public.status(), 401, "business volumes are not public");
    let partners = app.http.get(format!("{}/metrics", instance.base)).bearer_auth(&partner.token).send().await;
    assert_eq!(partners.unwrap().status(), 403);
    let text = reqwest::get(format!("http://{metrics_address}/metrics")).await.unwrap().text().await.unwrap();
    let elsewhere = reqwest::get(format!("http://{metrics_address}/v1/products")).await.unwrap();
    assert_eq!(elsewhere.status(), 404, "the metrics listener serves metrics only");
    let value = |series: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no series {series} in\n{text}"))
    };
    assert_eq!(value("keyport_keys_minted_total"), 4.0, "three spare keys and the tenant's");
    assert_eq!(value("keyport_keys_redeemed_total"), 1.0);
    assert_eq!(value("keyport_keys_revoked_total"), 1.0);
    assert_eq!(value("keyport_tenants_created_total"), 1.0);
    assert_eq!(value("keyport_budget_rejections_total{kind=\"key-lookup\"}"), 1.0, "the third failure");
    assert!(value("keyport_sweeps_total") >= 1.0);
    assert!(value("keyport_sweep_duration_seconds_count") >= 1.0);
    assert!(value("keyport_sweep_items_total{kind=\"renewal_notices_sent\"}") >= 0.0);
    assert_eq!(value("keyport_db_pool_size"), 6.0);
    assert!(value("keyport_db_pool_connections") >= 1.0);
    // Every piece of work above waited for a connection once or more, and none in vain.
    assert!(value("keyport_db_pool_wait_seconds_count") >= 10.0);
    assert_eq!(value("keyport_db_pool_timeouts_total"), 0.0);
    assert!(value("keyport_http_requests_total{method=\"POST\",route=\"/v1/keys/validate\",status=\"429\"}") >= 1.0);
    // Label values come from fixed sets: no request's own text becomes one.
    assert!(!text.contains("not a key"));
}

/// The dashboard in `docs/` is built on series the service exports.
#[test]
fn the_dashboard_uses_only_exported_series() {
    let dashboard: Value = serde_json::from_str(include_str!("../docs/grafana-dashboard.json")).unwrap();
    let exported = [include_str!("../src/http/telemetry.rs"), include_str!("../src/metrics.rs")].concat();
    let mut used = 0;
    for panel in dashboard["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            for word in expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                let Some(name) = word.strip_prefix("keyport_").map(|_| word) else { continue };
                let base = ["_bucket", "_count", "_sum"].iter().fold(name, |n, s| n.strip_suffix(s).unwrap_or(n));
                assert!(exported.contains(&format!("\"{base}\"")), "{base} in {}", panel["title"]);
                used += 1;
            }
        }
    }
    assert!(used >= 15, "{used}");
}
