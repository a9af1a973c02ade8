//! Dated API versions (SPEC §14) over HTTP: the version a request speaks (header, API
//! client's pin, current), answers rendered in it (webhook endpoints flattened at
//! 2026-12-06, nested before), deprecation headers, refusals that change nothing, pins that
//! move with the next token, deliveries in their endpoint's version, and the upgrade.

use crate::common::*;
use reqwest::{
    Method,
    header::{HeaderName, HeaderValue},
};
use serde_json::{Value, json};

const CURRENT: &str = "2026-12-06";
const OLDER: &str = "2026-11-24";

impl TestApp {
    /// A request with extra headers.
    async fn send_with(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &[u8])],
    ) -> Reply {
        let mut request = self.http.request(method.clone(), self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        for (name, value) in headers {
            request = request
                .header(HeaderName::from_bytes(name.as_bytes()).unwrap(), HeaderValue::from_bytes(value).unwrap());
        }
        let reply = Self::reply(request.send().await.expect("the request is answered")).await;
        held_to_the_document(&method, path, &reply);
        reply
    }

    async fn at(&self, version: &str, method: Method, path: &str, token: &str, body: Option<Value>) -> Reply {
        self.send_with(method, path, Some(token), body, &[("keyport-version", version.as_bytes())]).await
    }
}

fn header<'a>(reply: &'a Reply, name: &str) -> Option<&'a str> {
    reply.headers.get(name).map(|v| v.to_str().unwrap())
}

fn endpoint_body(receiver_path: &str) -> Value {
    json!({"url": format!("http://127.0.0.1:9{receiver_path}"), "events": ["subscription.expired"]})
}

/// The claims of a JWT, unverified (the test reads what the service put there).
fn claims(token: &str) -> Value {
    use base64::Engine;
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// A partner API client: (client_id, secret, the answer that made it).
async fn new_client(app: &TestApp, partner: &Partner) -> (String, String, Value) {
    let made = app.post(&format!("/v1/partners/{}/api-clients", partner.id), &app.operator, json!({})).await;
    let made = made.expect(201).clone();
    (made["client_id"].as_str().unwrap().into(), made["client_secret"].as_str().unwrap().into(), made)
}

#[tokio::test]
async fn answers_name_their_version_and_an_older_one_is_deprecated() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;

    let listed = app.send(Method::GET, "/v1/versions", None, None).await;
    let listed = listed.expect(200).clone();
    assert_eq!(listed[0]["version"], CURRENT);
    assert_eq!(listed[0]["sunset"], Value::Null);
    assert!(listed[0]["changes"][0].as_str().unwrap().contains("/v1/webhook-endpoints"));
    assert_eq!((listed[1]["version"].as_str(), listed[1]["sunset"].as_str()), (Some(OLDER), Some("2027-12-06")));
    assert_eq!(listed.as_array().unwrap().len(), 2);

    // Without a header: the current version, nothing deprecated.
    let me = app.get("/v1/partners/me", &partner.token).await;
    me.expect(200);
    assert_eq!(header(&me, "keyport-version"), Some(CURRENT));
    for name in ["deprecation", "sunset", "link"] {
        assert_eq!(header(&me, name), None, "{name}");
    }
    let named = app.at(CURRENT, Method::GET, "/v1/partners/me", &partner.token, None).await;
    assert_eq!((named.status.as_u16(), header(&named, "keyport-version")), (200, Some(CURRENT)));
    assert_eq!(header(&named, "deprecation"), None);

    // The older version: deprecated since its successor's release, with its sunset, a link.
    let old = app.at(OLDER, Method::GET, "/v1/partners/me", &partner.token, None).await;
    assert_eq!(old.expect(200)["id"], me.body["id"], "an unchanged shape is the same");
    assert_eq!(header(&old, "keyport-version"), Some(OLDER));
    let released = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
    assert_eq!(header(&old, "deprecation"), Some(format!("@{}", released.timestamp()).as_str()));
    assert_eq!(header(&old, "sunset"), Some("Mon, 06 Dec 2027 00:00:00 GMT"));
    assert_eq!(header(&old, "link"), Some("</changelog>; rel=\"deprecation\"; type=\"text/markdown\""));
    // Problems are answered in the version too.
    let missing = app.at(OLDER, Method::GET, "/v1/partners/01900000-0000-7000-8000-00000000dead", &partner.token, None);
    let missing = missing.await;
    missing.problem(404, "not-found");
    assert_eq!(header(&missing, "keyport-version"), Some(OLDER));
    assert!(header(&missing, "sunset").is_some());

    // The link leads to the changelog, which has an entry for every version.
    let changelog = app.http.get(app.url("/changelog")).send().await.unwrap();
    assert_eq!(changelog.headers()["content-type"], "text/markdown; charset=utf-8");
    let text = changelog.text().await.unwrap();
    for version in [CURRENT, OLDER] {
        assert!(text.contains(&format!("\n## {version}\n")), "no entry for {version}");
    }
}

#[tokio::test]
async fn unknown_or_malformed_versions_are_refused_and_change_nothing() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let refused: [&[u8]; 8] = [
        b"2026-01-01",
        b"yesterday",
        b"2026-13-45",
        b"",
        b"2026-12-06, 2026-11-24",
        b" 2026-12-06x",
        b"\xff\xfe",
        b"latest",
    ];
    for value in refused {
        let shown = String::from_utf8_lossy(value);
        let made = app
            .send_with(
                Method::POST,
                "/v1/webhook-endpoints",
                Some(&partner.token),
                Some(endpoint_body("/x")),
                &[("keyport-version", value), ("idempotency-key", format!("bad-version-{shown}").as_bytes())],
            )
            .await;
        made.problem(400, "unsupported-api-version");
        assert_eq!(made.body["supported_versions"], json!([CURRENT, OLDER]), "{shown}");
        assert!(made.body["detail"].as_str().unwrap().contains("2026-12-06, 2026-11-24"), "{}", made.text);
        assert_eq!(header(&made, "keyport-version"), Some(CURRENT));
        let named = [("keyport-version", value)];
        let read = app.send_with(Method::GET, "/v1/partners/me", Some(&partner.token), None, &named);
        read.await.problem(400, "unsupported-api-version");
        // A refused version is refused before the token is looked at.
        let anonymous = app.send_with(Method::GET, "/v1/partners/me", None, None, &named);
        anonymous.await.problem(400, "unsupported-api-version");
    }
    // A request refused before it is routed still names the version it was answered in.
    let older = [("keyport-version", OLDER.as_bytes())];
    let nul = app.send_with(Method::GET, "/v1/partners/%00", Some(&partner.token), None, &older).await;
    assert_eq!((nul.status.as_u16(), header(&nul, "keyport-version")), (422, Some(OLDER)), "{}", nul.text);
    // Two version headers, even two good ones, name no one version.
    let twice = [("keyport-version", CURRENT.as_bytes()), ("keyport-version", OLDER.as_bytes())];
    let read = app.send_with(Method::GET, "/v1/partners/me", Some(&partner.token), None, &twice).await;
    read.problem(400, "unsupported-api-version");
    let listed = app.get("/v1/webhook-endpoints", &partner.token).await;
    assert_eq!(listed.expect(200)["data"], json!([]), "nothing was made");
    // A retry with a good version runs once, the refusals having kept nothing.
    let made = app
        .send_with(
            Method::POST,
            "/v1/webhook-endpoints",
            Some(&partner.token),
            Some(endpoint_body("/x")),
            &[("keyport-version", CURRENT.as_bytes()), ("idempotency-key", b"bad-version-yesterday")],
        )
        .await;
    made.expect(201);
    assert_eq!(header(&made, "idempotent-replayed"), None);

    // OAuth's endpoints accept any version header and keep their own answers.
    let form = |secret: &str| {
        [("grant_type", "client_credentials"), ("client_id", OPERATOR_ID), ("client_secret", secret)]
            .map(|(k, v)| (k.to_string(), v.to_string()))
    };
    for (secret, status) in [(OPERATOR_SECRET, 200), ("wrong", 401)] {
        let answer = app
            .http
            .post(app.url("/v1/auth/token"))
            .header("keyport-version", "1999-01-01")
            .form(&form(secret))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status().as_u16(), status);
        let body: Value = answer.json().await.unwrap();
        if status == 200 {
            assert!(body["access_token"].is_string());
        } else {
            assert_eq!(body["error"], "invalid_client", "{body}");
        }
    }
    let revoked = app
        .http
        .post(app.url("/v1/auth/revoke"))
        .header("keyport-version", "not-a-version")
        .form(&[("token", "whatever")])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status().as_u16(), 200, "RFC 7009: an unknown token is not an error");
}

#[tokio::test]
async fn a_webhook_endpoint_is_answered_in_each_version() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;

    // Current: the endpoint's own fields with `secret` beside them.
    let made = app.post("/v1/webhook-endpoints", &partner.token, endpoint_body("/new")).await;
    let made = made.expect(201).clone();
    assert!(made["id"].is_string() && made["secret"].as_str().unwrap().starts_with("whsec_"), "{made}");
    assert_eq!((made["api_version"].as_str(), made.get("endpoint")), (Some(CURRENT), None));
    let id = made["id"].as_str().unwrap();
    let rotated = app.post(&format!("/v1/webhook-endpoints/{id}/rotate-secret"), &partner.token, json!({})).await;
    let rotated = rotated.expect(200);
    assert_eq!(rotated["id"], id);
    assert!(
        rotated["secret"].as_str().unwrap().starts_with("whsec_") && rotated["previous_secret_expires_at"].is_string()
    );

    // 2026-11-24: `{endpoint, secret}`, for both.
    let old = app.at(OLDER, Method::POST, "/v1/webhook-endpoints", &partner.token, Some(endpoint_body("/old"))).await;
    let old = old.expect(201).clone();
    assert_eq!(old.as_object().unwrap().len(), 2, "{old}");
    assert!(old["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(old["endpoint"]["api_version"], OLDER, "it keeps the version it was made in");
    assert_eq!(old["endpoint"]["url"], "http://127.0.0.1:9/old");
    let old_id = old["endpoint"]["id"].as_str().unwrap();
    let path = format!("/v1/webhook-endpoints/{old_id}/rotate-secret");
    let rotated = app.at(OLDER, Method::POST, &path, &partner.token, Some(json!({}))).await;
    let rotated = rotated.expect(200);
    assert_eq!(rotated["endpoint"]["id"], old_id);
    assert!(rotated["endpoint"]["previous_secret_expires_at"].is_string() && rotated["secret"].is_string());
    // Answers no change touched read the same in both.
    let path = format!("/v1/webhook-endpoints/{old_id}");
    let (now, then) =
        (app.get(&path, &partner.token).await, app.at(OLDER, Method::GET, &path, &partner.token, None).await);
    assert_eq!(now.expect(200), then.expect(200));

    // A kept answer is replayed in the version of the retry.
    let key: &[u8] = b"versioned-replay-1";
    let first = app
        .send_with(
            Method::POST,
            "/v1/webhook-endpoints",
            Some(&partner.token),
            Some(endpoint_body("/kept")),
            &[("idempotency-key", key)],
        )
        .await;
    let first = first.expect(201).clone();
    let replayed = app
        .send_with(
            Method::POST,
            "/v1/webhook-endpoints",
            Some(&partner.token),
            Some(endpoint_body("/kept")),
            &[("idempotency-key", key), ("keyport-version", OLDER.as_bytes())],
        )
        .await;
    assert_eq!(header(&replayed, "idempotent-replayed"), Some("true"));
    let replayed = replayed.expect(201);
    assert_eq!((&replayed["endpoint"]["id"], &replayed["secret"]), (&first["id"], &first["secret"]));
    let listed = app.get("/v1/webhook-endpoints", &partner.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 3, "the replay made nothing");
}

#[tokio::test]
async fn an_api_client_is_pinned_and_its_pin_moves_with_its_next_token() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let (client_id, secret, made) = new_client(&app, &partner).await;
    assert_eq!(made["api_version"], CURRENT, "a new client speaks the current version");
    let before = app.client_token(&client_id, &secret).await;
    assert_eq!(claims(&before)["ver"], CURRENT);

    let path = format!("/v1/partners/{}/api-clients/{client_id}", partner.id);
    let moved = app.patch(&path, &partner.token, json!({"api_version": OLDER})).await;
    let moved = moved.expect(200);
    assert_eq!((moved["client_id"].as_str(), moved["api_version"].as_str()), (Some(client_id.as_str()), Some(OLDER)));
    let listed = app.get(&format!("/v1/partners/{}/api-clients", partner.id), &partner.token).await;
    let listed = listed.expect(200)["data"].as_array().unwrap().clone();
    assert_eq!(listed.iter().find(|c| c["client_id"] == client_id.as_str()).unwrap()["api_version"], OLDER);

    // A token issued before the move keeps the version it was issued with.
    let made = app.post("/v1/webhook-endpoints", &before, endpoint_body("/before")).await;
    assert!(made.expect(201)["id"].is_string());
    assert_eq!(header(&made, "keyport-version"), Some(CURRENT));
    // The next token speaks the pin…
    let after = app.client_token(&client_id, &secret).await;
    assert_eq!(claims(&after)["ver"], OLDER);
    let made = app.post("/v1/webhook-endpoints", &after, endpoint_body("/after")).await;
    assert!(made.expect(201)["endpoint"]["id"].is_string());
    assert_eq!(made.body["endpoint"]["api_version"], OLDER);
    assert_eq!(header(&made, "keyport-version"), Some(OLDER));
    assert!(header(&made, "deprecation").is_some());
    // …and a header outranks it.
    let made = app.at(CURRENT, Method::POST, "/v1/webhook-endpoints", &after, Some(endpoint_body("/header"))).await;
    assert_eq!(made.expect(201)["api_version"], CURRENT);
    assert_eq!(header(&made, "deprecation"), None);
    // Customers have no pin: the current version.
    let customer = app.tenant_with_seats(&partner, "fabrikam", 1).await;
    let me = app.get("/v1/me", &customer.admin).await;
    assert_eq!((me.status.as_u16(), header(&me, "keyport-version")), (200, Some(CURRENT)));

    // A rename keeps the pin; an empty change changes nothing.
    let renamed = app.patch(&path, &partner.token, json!({"name": "billing"})).await;
    assert_eq!(
        (renamed.expect(200)["name"].as_str(), renamed.body["api_version"].as_str()),
        (Some("billing"), Some(OLDER))
    );
    assert_eq!(app.patch(&path, &partner.token, json!({})).await.expect(200)["api_version"], OLDER);

    // Bad input and other owners' clients.
    for body in
        [json!({"api_version": "2025-01-01"}), json!({"api_version": 20261206}), json!({"api_version": null, "x": 1})]
    {
        app.patch(&path, &partner.token, body).await.problem(422, "validation-failed");
    }
    app.patch(&path, &partner.token, json!({"name": ""})).await.problem(422, "validation-failed");
    let stranger = app.partner("Stranger IT").await;
    app.patch(&path, &stranger.token, json!({"api_version": CURRENT})).await.problem(404, "not-found");
    let theirs = format!("/v1/partners/{}/api-clients/{client_id}", stranger.id);
    app.patch(&theirs, &stranger.token, json!({"api_version": CURRENT})).await.problem(404, "not-found");
    let unknown = format!("/v1/partners/{}/api-clients/kpc_00000000000000000000", partner.id);
    app.patch(&unknown, &partner.token, json!({"api_version": CURRENT})).await.problem(404, "not-found");
    assert_eq!(app.delete(&path, &partner.token).await.status.as_u16(), 204);
    app.patch(&path, &app.operator, json!({"api_version": CURRENT})).await.problem(404, "not-found");

    // Distributors' clients are pinned the same way.
    let distributor = app.distributor("Fabrikam Supply").await;
    let made = app.post(&format!("/v1/distributors/{}/api-clients", distributor.id), &app.operator, json!({})).await;
    let client = made.expect(201)["client_id"].as_str().unwrap().to_string();
    assert_eq!(made.body["api_version"], CURRENT);
    let path = format!("/v1/distributors/{}/api-clients/{client}", distributor.id);
    assert_eq!(
        app.patch(&path, &distributor.token, json!({"api_version": OLDER})).await.expect(200)["api_version"],
        OLDER
    );
    app.patch(&path, &partner.token, json!({"api_version": OLDER})).await.problem(404, "not-found");
    let records = app.get("/v1/audit-events?action=distributors_update_client", &app.operator).await;
    assert_eq!(records.expect(200)["data"][0]["target"]["id"], client.as_str(), "the change is audited");
}

#[tokio::test]
async fn deliveries_are_rendered_in_their_endpoints_version() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let register = |version: &'static str, path: &'static str| {
        let (app, token, url) = (&app, partner.token.clone(), receiver.url(path));
        async move {
            let body = json!({"url": url, "events": ["subscription.expired"]});
            let made = app.at(version, Method::POST, "/v1/webhook-endpoints", &token, Some(body)).await;
            let made = made.expect(201).clone();
            made.get("endpoint").unwrap_or(&made)["id"].as_str().unwrap().to_string()
        }
    };
    let current = register(CURRENT, "/current").await;
    let older = register(OLDER, "/older").await;
    let ping_all = || async {
        for id in [&current, &older] {
            app.post(&format!("/v1/webhook-endpoints/{id}/test"), &partner.token, json!({})).await.expect(202);
        }
        app.post("/v1/jobs/deliver-webhooks", &app.operator, json!({})).await.expect(200);
    };
    ping_all().await;
    let versions = |from: usize| {
        let mut seen: Vec<(String, String)> = receiver.received()[from..]
            .iter()
            .map(|r| (r.path.clone(), r.header("keyport-version").to_string()))
            .collect();
        seen.sort();
        seen
    };
    let expected =
        |current_at: &str| vec![("/current".to_string(), current_at.to_string()), ("/older".into(), OLDER.into())];
    assert_eq!(versions(0), expected(CURRENT));

    // Moving an endpoint's version moves its next deliveries.
    let path = format!("/v1/webhook-endpoints/{current}");
    let moved = app.patch(&path, &partner.token, json!({"api_version": OLDER})).await;
    assert_eq!(moved.expect(200)["api_version"], OLDER);
    app.patch(&path, &partner.token, json!({"api_version": "2026-12-07"})).await.problem(422, "validation-failed");
    ping_all().await;
    assert_eq!(versions(2), expected(OLDER));
}

#[tokio::test]
async fn the_upgrade_pins_existing_clients_and_endpoints_to_the_older_version() {
    use diesel::{Connection, PgConnection};
    use diesel_migrations::MigrationHarness;
    let url = fresh_database();
    let app = spawn_on(test_settings(&url)).await;
    let partner = app.partner("Contoso IT").await;
    let (client_id, secret, _) = new_client(&app, &partner).await;
    let made = app.post("/v1/webhook-endpoints", &partner.token, endpoint_body("/existing")).await;
    let endpoint = made.expect(201)["id"].as_str().unwrap().to_string();
    drop(app);

    let mut conn = PgConnection::establish(&url).unwrap();
    while conn.revert_last_migration(keyport::db::MIGRATIONS).unwrap().to_string() != "20261206000020" {}
    drop(conn);
    let app = spawn_on(test_settings(&url)).await;

    let token = app.client_token(&client_id, &secret).await;
    assert_eq!(claims(&token)["ver"], OLDER);
    let read = app.get(&format!("/v1/webhook-endpoints/{endpoint}"), &token).await;
    assert_eq!(read.expect(200)["api_version"], OLDER);
    assert_eq!(header(&read, "keyport-version"), Some(OLDER));
    let made = app.post("/v1/webhook-endpoints", &token, endpoint_body("/after-upgrade")).await;
    assert_eq!(made.expect(201)["endpoint"]["api_version"], OLDER, "an existing integration keeps its shapes");
    // Clients made after the upgrade speak the current version.
    let (_, _, fresh) = new_client(&app, &partner).await;
    assert_eq!(fresh["api_version"], CURRENT);
}
