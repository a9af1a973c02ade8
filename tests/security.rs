//! Attacks and faults (SPEC §8), each tried black-box the way an attacker would: many
//! requests at once, across several `keyport serve` processes where instances matter.

use crate::common::*;
use futures::future::join_all;
use reqwest::Method;
use serde_json::json;

/// A password grant for `username`, sent to `base`, with an optional `X-Forwarded-For`.
async fn password_grant(http: &reqwest::Client, base: &str, username: &str, forwarded: Option<&str>) -> Reply {
    let mut request = http.post(format!("{base}/v1/auth/token")).form(&[
        ("grant_type", "password"),
        ("username", username),
        ("password", "not the password at all"),
    ]);
    if let Some(address) = forwarded {
        request = request.header("x-forwarded-for", address);
    }
    TestApp::reply(request.send().await.expect("answered")).await
}

/// Counts answers by status; every 429 must carry `Retry-After` and be a problem.
fn tally(replies: &[Reply]) -> (usize, usize) {
    let mut gate_passed = 0;
    let mut refused = 0;
    for reply in replies {
        match reply.status.as_u16() {
            400 => {
                assert_eq!(reply.body["error"], "invalid_grant", "{}", reply.text);
                gate_passed += 1;
            }
            429 => {
                reply.problem(429, "rate-limited");
                assert!(reply.headers.contains_key("retry-after"));
                refused += 1;
            }
            other => panic!("unexpected {other}: {}", reply.text),
        }
    }
    (gate_passed, refused)
}

#[tokio::test]
async fn sixty_four_parallel_wrong_passwords_pass_the_gate_exactly_ten_times() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
    let attempts = (0..64).map(|_| password_grant(&app.http, &app.base, "maria@fabrikam.example", None));
    let replies = join_all(attempts).await;
    let (passed, refused) = tally(&replies);
    assert_eq!(passed, 10, "exactly the budget of wrong passwords is checked");
    assert_eq!(passed + refused, 64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_budget_is_shared_by_every_instance() {
    let database_url = fresh_database();
    let instances = [serve(&database_url, &[]).await, serve(&database_url, &[]).await];
    let app = TestApp::attach(&instances[0].base, &database_url).await;
    let partner = app.partner("Contoso IT").await;
    app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
    let http = reqwest::Client::new();
    let attempts = (0..64).map(|i| {
        let base = &instances[i % 2].base;
        password_grant(&http, base, "maria@fabrikam.example", None)
    });
    let (passed, refused) = tally(&join_all(attempts).await);
    assert_eq!(passed, 10, "exactly the budget of wrong passwords is checked, across two instances");
    assert_eq!(passed + refused, 64);
}

#[tokio::test]
async fn the_right_password_still_works_for_other_users_and_is_refused_past_the_budget() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let maria = app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
    let nikos = app.customer(&partner, "northwind", "nikos@northwind.example").await;
    app.sign_in("nikos@northwind.example", &nikos.activation_token).await;
    let activate = json!({"activation_token": maria.activation_token, "password": "correct horse battery staple"});
    app.send(Method::POST, "/v1/auth/activate", None, Some(activate)).await.expect(200);
    for _ in 0..10 {
        password_grant(&app.http, &app.base, "maria@fabrikam.example", None).await.expect(400);
    }
    let right = json!({"grant_type": "password", "username": "maria@fabrikam.example",
                       "password": "correct horse battery staple"});
    // Once the budget is spent even the right password waits: the gate tells nothing.
    app.send(Method::POST, "/v1/auth/token", None, Some(right)).await.problem(429, "rate-limited");
    let other = json!({"grant_type": "password", "username": "nikos@northwind.example",
                       "password": "correct horse battery staple"});
    app.send(Method::POST, "/v1/auth/token", None, Some(other)).await.expect(200);
}

#[tokio::test]
async fn a_source_is_limited_and_only_a_trusted_proxy_may_name_another() {
    let direct = spawn_with(|s| s.sign_in_failures_per_source_per_minute = 5).await;
    // Spraying many users from one address: the source budget stops it.
    for i in 0..5 {
        password_grant(&direct.http, &direct.base, &format!("user{i}@spray.example"), None).await.expect(400);
    }
    let sprayed = password_grant(&direct.http, &direct.base, "user5@spray.example", None).await;
    sprayed.problem(429, "rate-limited");
    // A forged X-Forwarded-For from an untrusted peer changes nothing.
    let forged = password_grant(&direct.http, &direct.base, "user6@spray.example", Some("203.0.113.7")).await;
    forged.problem(429, "rate-limited");

    let behind = spawn_with(|s| {
        s.sign_in_failures_per_source_per_minute = 5;
        s.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    for i in 0..5 {
        password_grant(&behind.http, &behind.base, &format!("user{i}@spray.example"), Some("203.0.113.7"))
            .await
            .expect(400);
    }
    let sprayer = password_grant(&behind.http, &behind.base, "x@spray.example", Some("203.0.113.7")).await;
    sprayer.problem(429, "rate-limited");
    // Another client behind the same proxy is not locked out.
    let neighbour = password_grant(&behind.http, &behind.base, "x@spray.example", Some("198.51.100.20")).await;
    neighbour.expect(400);
}

#[tokio::test]
async fn unknown_partner_numbers_are_no_oracle() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let customer = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let path = format!("/v1/subscriptions/{}/partner-of-record", customer.subscription);
    let mut statuses = Vec::new();
    for i in 0..40 {
        let number = format!("{:07}", 9_000_000 + i);
        let reply = app.put(&path, &customer.admin, Some(json!({"partner_number": number}))).await;
        statuses.push(reply.status.as_u16());
        if reply.status == 429 {
            assert!(reply.headers.contains_key("retry-after"));
        }
    }
    assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 30, "{statuses:?}");
    // A right number within the budget of another caller still works.
    let other = app.tenant_with_seats(&partner, "northwind", 5).await;
    app.name_partner_of_record(&other, &other.subscription, &partner).await;
}

#[tokio::test]
async fn concurrent_imports_of_the_same_keys_answer_one_201_and_409s() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    // Keys made elsewhere: 2000 valid keys keyport has not seen, typed in lower case.
    let database_keys: Vec<String> = (0..2000u32)
        .map(|i| {
            let body: [u8; 24] = std::array::from_fn(|d| if d < 4 { (i / 24u32.pow(d as u32) % 24) as u8 } else { 7 });
            keyport::domain::product_key::ProductKey::from_random_body(body).to_string().to_lowercase()
        })
        .collect();
    let mut conn = diesel_connection(&app);
    use diesel::RunQueryDsl;
    let body = json!({"product_id": PRODUCT_STANDARD, "partner_id": partner.id, "seats_per_key": 1,
                      "term_months": 12, "keys": database_keys});
    let imports = (0..4).map(|_| app.post_owned("/v1/key-batches".into(), app.operator.clone(), body.clone()));
    let replies = join_all(imports).await;
    assert_eq!(replies.iter().filter(|r| r.status == 201).count(), 1, "{:?}", statuses(&replies));
    for reply in replies.iter().filter(|r| r.status != 201) {
        reply.problem(409, "key-exists");
    }
    let stored: Vec<i64> = diesel::sql_query("SELECT count(*) AS n FROM product_keys")
        .load::<Count>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|c| c.n)
        .collect();
    assert_eq!(stored, vec![2000]);
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn statuses(replies: &[Reply]) -> Vec<u16> {
    replies.iter().map(|r| r.status.as_u16()).collect()
}

fn diesel_connection(app: &TestApp) -> diesel::PgConnection {
    use diesel::Connection;
    diesel::PgConnection::establish(&app.database_url).unwrap()
}

#[tokio::test]
async fn text_postgresql_cannot_store_is_refused_naming_the_field() {
    let app = spawn().await;
    let created = app.post("/v1/partners", &app.operator, json!({"name": "A\u{0}B", "cloud_essentials": false})).await;
    created.problem(422, "validation-failed");
    assert_eq!(created.body["errors"][0]["field"], "name");
    let partner = app.partner("Contoso IT").await;
    let patched = app.patch(&format!("/v1/partners/{}", partner.id), &app.operator, json!({"name": "x\u{0}"})).await;
    patched.problem(422, "validation-failed");
    assert_eq!(patched.body["errors"][0]["field"], "name");
    let nested = app
        .post(
            "/v1/partners",
            &app.operator,
            json!({"name": "Ok", "reseller": {"distributor": "\u{0}", "since": "2025-01-01"}}),
        )
        .await;
    nested.problem(422, "validation-failed");
    assert_eq!(nested.body["errors"][0]["field"], "reseller.distributor");
    // In a query, in a path, and in the token form.
    let query = app.get("/v1/notifications?event=a%00b", &partner.token).await;
    query.problem(422, "validation-failed");
    assert_eq!(query.body["errors"][0]["field"], "event");
    let path = app.delete(&format!("/v1/partners/{}/api-clients/a%00b", partner.id), &app.operator).await;
    path.problem(422, "validation-failed");
    let form = app.http.post(app.url("/v1/auth/token")).body("grant_type=password&username=a%00b&password=x");
    let form = form.header("content-type", "application/x-www-form-urlencoded").send().await.unwrap();
    let form = TestApp::reply(form).await;
    assert_eq!(form.status, 400);
    assert_eq!(form.body["error"], "invalid_request");
    // Nothing was stored.
    let partners = app.get("/v1/partners", &app.operator).await;
    assert_eq!(partners.expect(200)["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_sandbox_clock_moves_at_most_a_hundred_years() {
    let app = spawn().await;
    for _ in 0..10 {
        app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 3650})).await.expect(200);
    }
    app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 25})).await.expect(200);
    let before = app.now().await;
    let refused = app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 1})).await;
    refused.problem(422, "validation-failed");
    assert_eq!(refused.body["errors"][0]["field"], "days");
    assert!((app.now().await - before).num_minutes() < 5, "a refused move changes nothing");
    // The service still answers with the clock at its limit.
    app.get("/v1/subscriptions", &app.operator).await.expect(200);
    app.sweep().await;
}

#[tokio::test]
async fn invented_http_methods_add_no_metric_series() {
    let app = spawn().await;
    let metrics = || app.http.get(app.url("/metrics")).bearer_auth(&app.operator).send();
    let before = metrics().await.unwrap().text().await.unwrap();
    for i in 0..200 {
        let method = Method::from_bytes(format!("INVENTED{i}").as_bytes()).unwrap();
        let reply = app.send(method, "/v1/partners", Some(&app.operator), None).await;
        assert!(reply.status.is_client_error(), "{}", reply.text);
    }
    let after = metrics().await.unwrap().text().await.unwrap();
    assert!(!after.contains("INVENTED"), "an invented method became a label value");
    assert!(after.contains("method=\"other\""));
    assert!(after.len() < before.len() + 4096, "metrics grew by {} bytes", after.len() - before.len());
}

/// A flood of password grants for users that do not exist, from one address, while a
/// signed-in partner keeps reading: the reads never wait for a connection (no 503).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_password_grants_does_not_starve_other_callers() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let customer = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let read = format!("/v1/subscriptions/{}", customer.subscription);
    let flood = async {
        let http = reqwest::Client::new();
        let mut answered = Vec::new();
        for round in 0..8 {
            let wave = (0..64).map(|i| {
                let user = format!("nobody{round}-{i}@flood.example");
                let http = http.clone();
                let base = app.base.clone();
                async move { password_grant(&http, &base, &user, None).await.status.as_u16() }
            });
            answered.extend(join_all(wave).await);
        }
        answered
    };
    let reads = async {
        let mut replies = Vec::new();
        for _ in 0..40 {
            let started = std::time::Instant::now();
            let reply = app.get(&read, &partner.token).await;
            replies.push((reply.status.as_u16(), started.elapsed()));
        }
        replies
    };
    let (flood, reads) = tokio::join!(flood, reads);
    assert!(flood.iter().all(|s| *s == 400 || *s == 429), "{flood:?}");
    assert!(flood.contains(&429), "the source budget stops the flood");
    for (status, took) in reads {
        assert_eq!(status, 200);
        // A read that had to queue for a connection would take the pool's 5 s checkout.
        assert!(took < std::time::Duration::from_secs(4), "a read took {took:?}");
    }
}

/// Revocation is immediate on every instance: a client revoked through one `keyport serve`
/// is refused on its very next request through another, and cannot mint a successor.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_revoked_client_is_refused_at_once_by_another_instance() {
    let database_url = fresh_database();
    let instances = [serve(&database_url, &[]).await, serve(&database_url, &[]).await];
    let first = TestApp::attach(&instances[0].base, &database_url).await;
    let second = TestApp::attach(&instances[1].base, &database_url).await;
    for round in 0..5 {
        let partner = first.partner(&format!("Contoso {round}")).await;
        let clients = first.get(&format!("/v1/partners/{}/api-clients", partner.id), &first.operator).await;
        let client_id = clients.expect(200)["data"][0]["client_id"].as_str().unwrap().to_string();
        second.get("/v1/partners/me", &partner.token).await.expect(200);
        first.delete(&format!("/v1/partners/{}/api-clients/{client_id}", partner.id), &partner.token).await.expect(204);
        let refused = second.get("/v1/partners/me", &partner.token).await;
        refused.problem(401, "unauthorized");
        let challenge = "Bearer error=\"invalid_token\", error_description=\"The access token was revoked\"";
        assert_eq!(refused.headers["www-authenticate"], challenge);
        let successor =
            second.post(&format!("/v1/partners/{}/api-clients", partner.id), &partner.token, json!({})).await;
        successor.problem(401, "unauthorized");
        first.get("/v1/partners/me", &partner.token).await.problem(401, "unauthorized");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_deleted_users_token_is_refused_at_once_by_another_instance() {
    let database_url = fresh_database();
    let instances = [serve(&database_url, &[]).await, serve(&database_url, &[]).await];
    let first = TestApp::attach(&instances[0].base, &database_url).await;
    let second = TestApp::attach(&instances[1].base, &database_url).await;
    let partner = first.partner("Contoso IT").await;
    let customer = first.tenant_with_seats(&partner, "fabrikam", 5).await;
    let (user_id, activation) =
        first.add_user(&customer.admin, &customer.tenant, "nikos@fabrikam.example", json!({})).await;
    let (token, _) = first.sign_in("nikos@fabrikam.example", &activation).await;
    // Products need no tenant at all: only revocation can refuse this read.
    second.get("/v1/products", &token).await.expect(200);
    first.delete(&format!("/v1/tenants/{}/users/{user_id}", customer.tenant), &customer.admin).await.expect(204);
    second.get("/v1/products", &token).await.problem(401, "unauthorized");
}

#[tokio::test]
async fn signing_out_ends_the_sign_in_and_its_access_tokens() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let customer = app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
    let (access, refresh) = app.sign_in("maria@fabrikam.example", &customer.activation_token).await;
    app.get("/v1/products", &access).await.expect(200);
    // Another sign-in of the same user is not touched by this one's sign-out.
    let password = json!({"grant_type": "password", "username": "maria@fabrikam.example",
                          "password": "correct horse battery staple"});
    let other = app.send(Method::POST, "/v1/auth/token", None, Some(password)).await;
    let other = other.expect(200)["access_token"].as_str().unwrap().to_string();
    let revoke = app.http.post(app.url("/v1/auth/revoke")).form(&[("token", refresh.as_str())]);
    let revoked = TestApp::reply(revoke.send().await.unwrap()).await;
    assert_eq!(revoked.status, 200, "{}", revoked.text);
    app.get("/v1/products", &access).await.problem(401, "unauthorized");
    app.get("/v1/products", &other).await.expect(200);
    let refreshed = app
        .send(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"grant_type": "refresh_token", "refresh_token": refresh})),
        )
        .await;
    assert_eq!(refreshed.body["error"], "invalid_grant", "{}", refreshed.text);
    // Unknown and malformed tokens answer the same 200; a missing one is a bad request.
    for body in [json!({"token": "kpr_unknown"}), json!({"token": "not a token"})] {
        let reply = app.send(Method::POST, "/v1/auth/revoke", None, Some(body)).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    let missing = app.send(Method::POST, "/v1/auth/revoke", None, Some(json!({}))).await;
    assert_eq!(missing.body["error"], "invalid_request");
}

#[tokio::test]
async fn revoking_an_access_token_leaves_the_clients_other_tokens_alone() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let clients = app.get(&format!("/v1/partners/{}/api-clients", partner.id), &app.operator).await;
    let client_id = clients.expect(200)["data"][0]["client_id"].as_str().unwrap().to_string();
    let secret_client = app
        .post(&format!("/v1/partners/{}/api-clients", partner.id), &app.operator, json!({}))
        .await
        .expect(201)
        .clone();
    let fresh = app
        .client_token(secret_client["client_id"].as_str().unwrap(), secret_client["client_secret"].as_str().unwrap())
        .await;
    let reply = app.send(Method::POST, "/v1/auth/revoke", None, Some(json!({"token": partner.token}))).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    app.get("/v1/partners/me", &partner.token).await.problem(401, "unauthorized");
    app.get("/v1/partners/me", &fresh).await.expect(200);
    assert!(!client_id.is_empty());
}

async fn post_with_key(app: &TestApp, path: &str, key: &str, accept: &str, body: &serde_json::Value) -> Reply {
    let request = app.http.post(app.url(path)).bearer_auth(&app.operator).header("Idempotency-Key", key);
    let response = request.header("accept", accept).json(body).send().await.unwrap();
    TestApp::reply(response).await
}

#[tokio::test]
async fn a_kept_answer_is_replayed_only_to_the_same_request() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let mint = json!({"product_id": PRODUCT_BASIC, "partner_id": partner.id, "seats_per_key": 1,
                      "term_months": 12, "quantity": 3});
    let csv = post_with_key(&app, "/v1/key-batches", "mint-csv", "text/csv", &mint).await;
    assert_eq!(csv.status, 201, "{}", csv.text);
    assert!(csv.text.starts_with("serial,key"));
    // The same key and body asking for JSON is another request: not the kept CSV.
    let json_retry = post_with_key(&app, "/v1/key-batches", "mint-csv", "application/json", &mint).await;
    json_retry.problem(422, "idempotency-key-reused");
    let csv_retry = post_with_key(&app, "/v1/key-batches", "mint-csv", "text/csv", &mint).await;
    assert_eq!(csv_retry.text, csv.text);
    assert_eq!(csv_retry.headers["idempotent-replayed"], "true");
    let batches = app.get("/v1/key-batches", &app.operator).await;
    assert_eq!(batches.expect(200)["data"].as_array().unwrap().len(), 1);
}

/// `kill -9` of a real `keyport serve` in the middle of a 100 000-key mint: its retry with
/// the same Idempotency-Key on another instance makes exactly one batch.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_mint_killed_midway_runs_exactly_once_on_retry_elsewhere() {
    use diesel::{Connection, RunQueryDsl};
    let database_url = fresh_database();
    let mut doomed = serve(&database_url, &[]).await;
    let survivor = serve(&database_url, &[]).await;
    let app = TestApp::attach(&survivor.base, &database_url).await;
    let partner = app.partner("Contoso IT").await;
    let mint = json!({"product_id": PRODUCT_BASIC, "partner_id": partner.id, "seats_per_key": 1,
                      "term_months": 12, "quantity": 100000});
    let first = {
        let request = app.http.post(format!("{}/v1/key-batches", doomed.base)).bearer_auth(&app.operator);
        let request = request.header("Idempotency-Key", "big-mint").json(&mint);
        tokio::spawn(async move { request.send().await.map(|r| r.status().as_u16()) })
    };
    // Kill it while it holds the key's lock, that is, while its transaction is open.
    let mut conn = diesel::PgConnection::establish(&database_url).unwrap();
    let mut waited = 0;
    loop {
        let held: Vec<Count> =
            diesel::sql_query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted")
                .load(&mut conn)
                .unwrap();
        if held[0].n > 0 {
            break;
        }
        waited += 1;
        assert!(waited < 20_000, "the mint never took its lock");
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
    doomed.child.kill().unwrap(); // SIGKILL
    doomed.child.wait().unwrap();
    assert!(first.await.unwrap().is_err(), "the killed instance answered");

    let mut retry = None;
    for _ in 0..200 {
        let reply = post_with_key(&app, "/v1/key-batches", "big-mint", "application/json", &mint).await;
        if reply.status == 409 {
            reply.problem(409, "idempotency-key-in-flight"); // the dead session is not yet reaped
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        }
        retry = Some(reply);
        break;
    }
    let retry = retry.expect("the retry ran within 10 s");
    assert_eq!(retry.status, 201, "{}", retry.text);
    assert_eq!(retry.body["keys"].as_array().unwrap().len(), 100_000);
    let again = post_with_key(&app, "/v1/key-batches", "big-mint", "application/json", &mint).await;
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.body["id"], retry.body["id"]);
    let batches: Vec<Count> = diesel::sql_query("SELECT count(*) AS n FROM key_batches").load(&mut conn).unwrap();
    let keys: Vec<Count> = diesel::sql_query("SELECT count(*) AS n FROM product_keys").load(&mut conn).unwrap();
    assert_eq!((batches[0].n, keys[0].n), (1, 100_000), "exactly one batch");
}

#[tokio::test]
async fn with_a_configured_pepper_the_sealing_key_is_not_in_the_database() {
    use diesel::{Connection, RunQueryDsl};
    let app = spawn_with(|s| s.key_pepper = Some("a pepper from the secret store, 32+ chars".into())).await;
    let partner = app.partner("Contoso IT").await;
    let mint = json!({"product_id": PRODUCT_BASIC, "partner_id": partner.id, "seats_per_key": 1,
                      "term_months": 12, "quantity": 1});
    let minted = post_with_key(&app, "/v1/key-batches", "sealed", "application/json", &mint).await;
    let key = minted.expect(201)["keys"][0].as_str().unwrap().to_string();
    let mut conn = diesel::PgConnection::establish(&app.database_url).unwrap();
    let peppers: Vec<Count> = diesel::sql_query("SELECT count(*) AS n FROM server_secrets WHERE name = 'key_pepper'")
        .load(&mut conn)
        .unwrap();
    assert_eq!(peppers[0].n, 0, "no pepper, hence no sealing key, is kept in the database");
    #[derive(diesel::QueryableByName)]
    struct Body {
        #[diesel(sql_type = diesel::sql_types::Bytea)]
        sealed_body: Vec<u8>,
    }
    let kept: Vec<Body> = diesel::sql_query("SELECT sealed_body FROM idempotency_keys").load(&mut conn).unwrap();
    assert_eq!(kept.len(), 1);
    let plain = key.as_bytes();
    assert!(!kept[0].sealed_body.windows(plain.len()).any(|w| w == plain), "the kept key is sealed");
}

/// A PostgreSQL cluster of the test's own (the test stops or changes it under keyport), one
/// `keyport serve` on it with a small pool, and a partner.
async fn keyport_on_a_cluster_of_its_own(
    name: &str,
) -> (std::path::PathBuf, keyport::db::embedded::EmbeddedPostgres, Instance, TestApp, Partner) {
    use keyport::db::embedded::{Durability, EmbeddedPostgres};
    let dir = std::env::temp_dir().join(format!("keyport-{name}-{}", uuid::Uuid::now_v7().simple()));
    let cluster = EmbeddedPostgres::start(&dir, Durability::Throwaway).expect("a cluster of its own");
    let url = cluster.database_url();
    let instance = serve(&url, &[("KEYPORT_DB_POOL_SIZE", "4")]).await;
    let app = TestApp::attach(&instance.base, &url).await;
    let partner = app.partner("Contoso IT").await;
    (dir, cluster, instance, app, partner)
}

/// PostgreSQL stopped for three seconds under load: every answer is a success or a 503
/// problem with `Retry-After`, and the service comes back by itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_database_outage_answers_503_and_heals_by_itself() {
    use keyport::db::embedded::{Durability, EmbeddedPostgres};
    let (dir, cluster, instance, app, partner) = keyport_on_a_cluster_of_its_own("outage").await;
    let customer = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let read = format!("/v1/subscriptions/{}", customer.subscription);

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let workers = (0..6).map(|worker| {
        let (app, partner, read, stop) = (&app, &partner, &read, stop.clone());
        async move {
            let mut seen = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let reply = if worker % 2 == 0 {
                    app.get(read, &partner.token).await
                } else {
                    app.post("/v1/redemptions", &partner.token, json!({"acknowledged": true})).await
                };
                match reply.status.as_u16() {
                    200 | 201 => {}
                    503 => {
                        reply.problem(503, "service-unavailable");
                        assert!(reply.headers.contains_key("retry-after"), "a 503 without Retry-After");
                    }
                    other => panic!("answered {other} during the outage: {}", reply.text),
                }
                seen.push(reply.status.as_u16());
            }
            seen
        }
    });
    let outage = async {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        cluster.stop();
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        let restarted = EmbeddedPostgres::start(&dir, Durability::Throwaway).expect("restart the cluster");
        // Back to 200 by itself: wait for ten successes in a row.
        let mut in_a_row = 0;
        for _ in 0..300 {
            let reply = app.get(read.as_str(), &partner.token).await;
            in_a_row = if reply.status == 200 { in_a_row + 1 } else { 0 };
            if in_a_row == 10 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        (restarted, in_a_row)
    };
    let (seen, (restarted, in_a_row)) = tokio::join!(join_all(workers), outage);
    assert_eq!(in_a_row, 10, "the service did not come back by itself");
    let all: Vec<u16> = seen.into_iter().flatten().collect();
    assert!(all.contains(&503), "the outage was not noticed");
    drop(instance);
    restarted.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A primary demoted under keyport (it turns read-only, as one does when a failover
/// begins): writes answer 503 problems with `Retry-After`, never 500, with or without an
/// Idempotency-Key (each after the pool's five-second wait for a writable connection);
/// `/readyz` says so; the connections that met it are replaced, and once the server takes
/// writes again so does keyport, by itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_primary_turned_read_only_answers_503_and_heals_by_itself() {
    use diesel::{Connection, PgConnection, RunQueryDsl};
    let (dir, cluster, instance, app, partner) = keyport_on_a_cluster_of_its_own("demoted").await;
    let url = cluster.database_url();
    app.open_redemption(&partner).await;
    let mut admin = PgConnection::establish(&cluster.url_for("postgres")).unwrap();
    let read_only = |admin: &mut PgConnection, on: bool| {
        diesel::sql_query("SET default_transaction_read_only = off").execute(admin).unwrap();
        let change = if on { "SET default_transaction_read_only = on" } else { "RESET default_transaction_read_only" };
        diesel::sql_query(format!("ALTER SYSTEM {change}")).execute(admin).unwrap();
        diesel::sql_query("SELECT pg_reload_conf()").execute(admin).unwrap();
    };
    read_only(&mut admin, true);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    for attempt in 0..4 {
        let mut request =
            app.http.post(app.url("/v1/redemptions")).bearer_auth(&partner.token).json(&json!({"acknowledged": true}));
        if attempt % 2 == 1 {
            request = request.header("Idempotency-Key", format!("demoted-{attempt}"));
        }
        let reply = TestApp::reply(request.send().await.unwrap()).await;
        reply.problem(503, "service-unavailable");
        assert!(reply.headers.contains_key("retry-after"), "a 503 without Retry-After");
    }
    let ready = app.send(Method::GET, "/readyz", None, None).await;
    ready.problem(503, "service-unavailable");
    assert!(ready.headers.contains_key("retry-after"));

    read_only(&mut admin, false);
    let mut healed = false;
    for _ in 0..100 {
        let reply = app.post("/v1/redemptions", &partner.token, json!({"acknowledged": true})).await;
        match reply.status.as_u16() {
            201 => {
                healed = true;
                break;
            }
            503 => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            other => panic!("answered {other} after the server took writes again: {}", reply.text),
        }
    }
    assert!(healed, "keyport did not take writes again by itself");
    app.send(Method::GET, "/readyz", None, None).await.expect(200);
    // Only the write before the demotion and the one after it were made.
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = PgConnection::establish(&url).unwrap();
    let made: Count = diesel::sql_query("SELECT count(*) AS n FROM redemptions").get_result(&mut conn).unwrap();
    assert_eq!(made.n, 2);
    drop(instance);
    cluster.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

/// After a tenant's data is purged it holds no personal data, refuses every administrative
/// write (even from the partner that was its delegated admin), and its domain is free.
#[tokio::test]
async fn a_purged_tenant_refuses_writes_and_keeps_no_personal_data() {
    use diesel::{Connection, RunQueryDsl};
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let mut keys = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await;
    keys.extend(app.mint(&partner, PRODUCT_BASIC, 5, 12, 1).await);
    let redemption = app.confirmed_redemption(&partner, &keys).await;
    let account = app
        .post(
            &format!("/v1/redemptions/{redemption}/account"),
            &partner.token,
            account_body("fabrikam", "maria@fabrikam.example"),
        )
        .await;
    let account = account.expect(201).clone();
    let tenant = account["tenant"]["id"].as_str().unwrap().to_string();
    let subscriptions: Vec<String> =
        account["subscriptions"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    let (admin, _) = app.sign_in("maria@fabrikam.example", account["activation_token"].as_str().unwrap()).await;
    let customer = Customer {
        tenant: tenant.clone(),
        subscription: subscriptions[0].clone(),
        admin_id: account["admin_user"]["id"].as_str().unwrap().to_string(),
        admin,
    };
    app.name_partner_of_record(&customer, &subscriptions[0], &partner).await;
    app.name_partner_of_record(&customer, &subscriptions[1], &other).await;
    app.delegate(&customer, &partner).await;
    let offer = json!({"tenant_id": tenant, "message": "Let us help too"});
    app.post("/v1/delegated-admin-offers", &other.token, offer).await.expect(201);
    app.add_user(
        &partner.token,
        &tenant,
        "nikos@fabrikam.example",
        json!({"license_subscription_id": subscriptions[0]}),
    )
    .await;

    let end =
        instant(&app.get(&format!("/v1/subscriptions/{}", subscriptions[0]), &partner.token).await.body["ends_at"]);
    app.advance_to(end + chrono::Duration::days(120)).await;
    assert_eq!(app.sweep().await["tenants_purged"], 1);

    let mut conn = diesel::PgConnection::establish(&app.database_url).unwrap();
    let count = |conn: &mut diesel::PgConnection, sql: &str| -> i64 {
        diesel::sql_query(sql.replace("$T", &tenant)).load::<Count>(conn).unwrap()[0].n
    };
    for (what, sql) in [
        ("users", "SELECT count(*) AS n FROM users WHERE tenant_id = '$T'"),
        (
            "licences",
            "SELECT count(*) AS n FROM license_assignments a JOIN subscriptions s ON s.id = a.subscription_id WHERE s.tenant_id = '$T'",
        ),
        (
            "activation tokens",
            "SELECT count(*) AS n FROM activation_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE u.id IS NULL",
        ),
        (
            "refresh tokens",
            "SELECT count(*) AS n FROM refresh_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE u.id IS NULL",
        ),
        ("relationships", "SELECT count(*) AS n FROM delegated_admin_relationships WHERE tenant_id = '$T'"),
        (
            "pending offers",
            "SELECT count(*) AS n FROM delegated_admin_offers WHERE tenant_id = '$T' AND status = 'pending'",
        ),
        ("inbox", "SELECT count(*) AS n FROM notifications WHERE recipient_tenant_id = '$T'"),
        (
            "name or domain",
            "SELECT count(*) AS n FROM tenants WHERE id = '$T' AND (company_name <> '(deleted)' OR domain IS NOT NULL)",
        ),
        ("personal data anywhere", "SELECT count(*) AS n FROM users WHERE email LIKE '%fabrikam.example'"),
    ] {
        assert_eq!(count(&mut conn, sql), 0, "{what} survived the purge");
    }
    // The partner's records stay: subscriptions, keys, its inbox.
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM subscriptions WHERE tenant_id = '$T'"), 2);

    let seen = app.get(&format!("/v1/tenants/{tenant}"), &partner.token).await;
    let seen = seen.expect(200);
    assert_eq!((seen["status"].as_str(), seen["company_name"].as_str()), (Some("data_deleted"), Some("(deleted)")));
    assert!(seen["domain"].is_null());
    // Every administrative write answers 409 tenant-data-deleted.
    let writes = [
        app.post(
            &format!("/v1/tenants/{tenant}/users"),
            &partner.token,
            json!({"email": "eve@fabrikam.example", "first_name": "E", "last_name": "V"}),
        )
        .await,
        app.patch(&format!("/v1/tenants/{tenant}"), &partner.token, json!({"company_name": "Back"})).await,
        app.post(
            &format!("/v1/subscriptions/{}/renewals", subscriptions[0]),
            &partner.token,
            json!({"method": "direct_billing"}),
        )
        .await,
        app.post("/v1/delegated-admin-offers", &partner.token, json!({"tenant_id": tenant, "message": "Again?"})).await,
        app.post(
            &format!("/v1/subscriptions/{}/keys", subscriptions[1]),
            &other.token,
            json!({"key": app.mint(&other, PRODUCT_BASIC, 1, 12, 1).await[0]}),
        )
        .await,
    ];
    for reply in writes {
        reply.problem(409, "tenant-data-deleted");
    }
    // The domain is free for a new customer.
    let fresh = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await;
    let redemption = app.confirmed_redemption(&partner, &fresh).await;
    let again = app
        .post(
            &format!("/v1/redemptions/{redemption}/account"),
            &partner.token,
            account_body("fabrikam", "new@fabrikam.example"),
        )
        .await;
    again.expect(201);
}

#[test]
fn the_document_names_every_change_a_purged_tenant_refuses() {
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    for (method, path) in keyport::http::contract::TENANT_CHANGES {
        let answer = &doc["paths"][path][method]["responses"]["409"]["description"];
        assert!(answer.as_str().is_some_and(|d| d.contains("tenant-data-deleted")), "{method} {path}: {answer}");
    }
}

/// Every free-text field of every request body has a documented maximum length, and the
/// server holds to the document: one character more is refused naming the field, the
/// maximum itself is not refused for its length.
#[tokio::test]
async fn every_documented_length_bound_is_the_servers() {
    let app = spawn().await;
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    let schemas = &doc["components"]["schemas"];
    let resolve = |schema: &serde_json::Value| -> serde_json::Value {
        match schema["$ref"].as_str() {
            Some(r) => schemas[r.rsplit('/').next().unwrap()].clone(),
            None => schema.clone(),
        }
    };
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(content) = op["requestBody"]["content"].as_object() else { continue };
            let (media, body) = content.iter().next().unwrap();
            let schema = resolve(&body["schema"]);
            let example = schema.get("example").or_else(|| body.get("example")).cloned().unwrap_or(json!({}));
            // Fields of the body and of the objects in it.
            let mut fields: Vec<(Vec<String>, serde_json::Value)> = Vec::new();
            for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                let property = resolve(property);
                fields.push((vec![name.clone()], property.clone()));
                for (inner, nested) in property["properties"].as_object().into_iter().flatten() {
                    fields.push((vec![name.clone(), inner.clone()], resolve(nested)));
                }
            }
            for (field, property) in fields {
                let is_text = property["type"] == "string"
                    || property["type"].as_array().is_some_and(|t| t.contains(&json!("string")));
                if !is_text || property.get("enum").is_some() || property.get("format").is_some() {
                    continue;
                }
                let name = field.join(".");
                let max = property["maxLength"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("{method} {path}: `{name}` has no maxLength"))
                    as usize;
                let url = path.replace("{client_id}", "x").replace(['{', '}'], "");
                let url = url
                    .split('/')
                    .map(|s| {
                        if ["id", "user_id", "subscription_id"].contains(&s) {
                            uuid::Uuid::nil().to_string()
                        } else {
                            s.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                let send = |value: String| {
                    let mut body = example.clone();
                    let mut slot = &mut body;
                    for part in &field[..field.len() - 1] {
                        slot = slot.as_object_mut().unwrap().entry(part.clone()).or_insert(json!({}));
                    }
                    slot[field.last().unwrap()] = json!(value);
                    let method: Method = method.to_uppercase().parse().unwrap();
                    let request = app.http.request(method, app.url(&url)).bearer_auth(&app.operator);
                    let request = if media == "application/json" { request.json(&body) } else { request.form(&body) };
                    async move { TestApp::reply(request.send().await.unwrap()).await }
                };
                let too_long = send("a".repeat(max + 1)).await;
                if media == "application/json" && path != "/v1/auth/token" {
                    assert_eq!(too_long.status, 422, "{method} {path} {name}: {}", too_long.text);
                    too_long.problem(422, "validation-failed");
                    let named = too_long.body["errors"].as_array().unwrap().iter().any(|e| e["field"] == name);
                    assert!(named, "{method} {path}: {name} of {} characters: {}", max + 1, too_long.text);
                } else {
                    assert_eq!(too_long.body["error"], "invalid_request", "{method} {path} {name}: {}", too_long.text);
                }
                let at_max = if name.ends_with("email") {
                    format!("{}@example.com", "a".repeat(max - 12))
                } else if name == "sku" {
                    "A".repeat(max)
                } else {
                    "a".repeat(max)
                };
                let reply = send(at_max).await;
                assert!(reply.status.as_u16() < 500, "{method} {path}: {}", reply.text);
                let refused_for_length = reply.body["errors"].as_array().is_some_and(|errors| {
                    errors
                        .iter()
                        .any(|e| e["field"] == name && e["message"].as_str().unwrap().contains(&max.to_string()))
                });
                assert!(
                    !refused_for_length,
                    "{method} {path}: {name} at its maximum {max} was refused: {}",
                    reply.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 25, "only {checked} fields were checked");
}

/// Every connection of the pool held by writes that wait for a row lock: a read, which
/// would run on the HTTP worker itself in inline mode, finds no connection free and waits
/// on the blocking pool instead — answering 503 with `Retry-After` after the pool's five
/// seconds, never hanging — while the workers stay free (`/healthz` answers at once); once
/// the lock goes, the writes complete and reads answer again. In both execution modes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_exhausted_pool_answers_503_while_the_workers_stay_free() {
    use diesel::{Connection, PgConnection, RunQueryDsl, connection::SimpleConnection};
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    for mode in ["inline", "pool"] {
        let database_url = fresh_database();
        let quiet =
            [("KEYPORT_SWEEP_INTERVAL", "0"), ("KEYPORT_WEBHOOK_INTERVAL", "0"), ("KEYPORT_IMPORT_INTERVAL", "0")];
        let settings = [("KEYPORT_EXECUTION", mode), ("KEYPORT_DB_POOL_SIZE", "2"), ("KEYPORT_WORKERS", "2")];
        let instance = serve(&database_url, &[&quiet[..], &settings[..]].concat()).await;
        let app = TestApp::attach(&instance.base, &database_url).await;
        let partner = app.partner("Contoso IT").await;
        let customer = app.tenant_with_seats(&partner, "fabrikam", 5).await;
        let path = format!("/v1/subscriptions/{}", customer.subscription);

        let mut holder = PgConnection::establish(&database_url).unwrap();
        let lock = format!("BEGIN; SELECT id FROM subscriptions WHERE id = '{}' FOR UPDATE", customer.subscription);
        holder.batch_execute(&lock).unwrap();
        let writes = join_all((0..2).map(|_| app.patch(&path, &customer.admin, json!({}))));
        let probe = async {
            let mut watcher = PgConnection::establish(&database_url).unwrap();
            let waiting = "SELECT count(*) AS n FROM pg_stat_activity \
                           WHERE application_name = 'keyport' AND wait_event_type = 'Lock'";
            let mut held = false;
            for _ in 0..100 {
                held = diesel::sql_query(waiting).get_result::<Count>(&mut watcher).unwrap().n == 2;
                if held {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            assert!(held, "{mode}: both writes should hold a connection, waiting for the lock");
            // Four at once, on four connections, so each worker is handed some.
            let reads = join_all((0..4).map(|_| async {
                let started = std::time::Instant::now();
                (app.get(&path, &partner.token).await, started.elapsed())
            }));
            let health = async {
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                let started = std::time::Instant::now();
                (app.send(Method::GET, "/healthz", None, None).await, started.elapsed())
            };
            let (reads, (health, answered_in)) = tokio::join!(reads, health);
            for (read, waited) in reads {
                read.problem(503, "service-unavailable");
                assert!(read.headers.contains_key("retry-after"), "{mode}: a 503 without Retry-After");
                let pool_wait = std::time::Duration::from_secs(5);
                assert!(waited >= pool_wait && waited < 2 * pool_wait, "{mode}: a read answered after {waited:?}");
            }
            health.expect(200);
            assert!(answered_in < std::time::Duration::from_secs(1), "{mode}: /healthz took {answered_in:?}");
            holder.batch_execute("ROLLBACK").unwrap();
        };
        let (writes, ()) = tokio::join!(writes, probe);
        for write in writes {
            write.expect(200);
        }
        app.get(&path, &partner.token).await.expect(200);
    }
}
