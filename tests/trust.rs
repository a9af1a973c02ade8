//! Trust, second pass (docs/security.md): each attack of the second review, tried as a
//! hostile caller would, across two `keyport serve` processes where the state is shared.

use crate::common::*;
use diesel::{prelude::*, sql_query, sql_types::Text};
use reqwest::{Method, header::CONTENT_TYPE};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery staple";

async fn activate(app: &TestApp, token: &str) -> Reply {
    let body = json!({"activation_token": token, "password": PASSWORD});
    app.send(Method::POST, "/v1/auth/activate", None, Some(body)).await
}

/// Two `keyport serve` on one database, with a handle on each.
async fn two_instances() -> ([Instance; 2], TestApp, TestApp) {
    let database_url = fresh_database();
    let instances = [serve(&database_url, &[]).await, serve(&database_url, &[]).await];
    let a = TestApp::attach(&instances[0].base, &database_url).await;
    let b = TestApp::attach(&instances[1].base, &database_url).await;
    (instances, a, b)
}

/// A partner holding `user_administrator` only creates a plain user, and so holds its
/// activation token; the tenant admin then makes that user an admin (on the other
/// instance). The token no longer activates anything, a fresh one is refused to the
/// partner, and a token issued to a plain user is never honoured for an admin.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_token_held_for_a_plain_user_never_activates_an_admin() {
    let (_instances, a, b) = two_instances().await;
    let creator = a.partner("Contoso IT").await;
    let c = a.tenant_with_seats(&creator, "fabrikam", 5).await;
    let helper = a.partner("Helpdesk Ltd").await;
    a.name_partner_of_record(&c, &c.subscription, &helper).await;
    a.delegate_with(&c, &helper, json!({"roles": ["user_administrator"]})).await;

    let (user, token) = a.add_user(&helper.token, &c.tenant, "eleni@fabrikam.example", json!({})).await;
    let user_path = format!("/v1/tenants/{}/users/{user}", c.tenant);
    b.patch(&user_path, &c.admin, json!({"admin": true})).await.expect(200);
    activate(&a, &token).await.problem(422, "invalid-activation-token");
    // The partner may not manage an admin, so it gets no fresh token either.
    a.post(&format!("{user_path}/activation"), &helper.token, json!({})).await.problem(403, "delegated-role-required");

    // A token reissued to the partner before the promotion is voided by it too.
    let (user, _) = a.add_user(&helper.token, &c.tenant, "kostas@fabrikam.example", json!({})).await;
    let user_path = format!("/v1/tenants/{}/users/{user}", c.tenant);
    let reissued = a.post(&format!("{user_path}/activation"), &helper.token, json!({})).await;
    let reissued = reissued.expect(201)["activation_token"].as_str().unwrap().to_string();
    b.patch(&user_path, &c.admin, json!({"admin": true})).await.expect(200);
    activate(&b, &reissued).await.problem(422, "invalid-activation-token");

    // Were the token not voided (a row restored by hand), the user's rights have still grown
    // since it was issued: it is not honoured.
    let (user, token) = a.add_user(&helper.token, &c.tenant, "sofia@fabrikam.example", json!({})).await;
    b.patch(&format!("/v1/tenants/{}/users/{user}", c.tenant), &c.admin, json!({"admin": true})).await.expect(200);
    let mut conn = PgConnection::establish(&a.database_url).unwrap();
    sql_query("UPDATE activation_tokens SET used_at = NULL FROM users WHERE users.id = user_id AND email = $1")
        .bind::<Text, _>("sofia@fabrikam.example")
        .execute(&mut conn)
        .unwrap();
    activate(&a, &token).await.problem(422, "invalid-activation-token");

    // The admin's own path still works: a fresh token, issued by the tenant admin to the
    // admin the user now is, activates it.
    let fresh = b.post(&format!("/v1/tenants/{}/users/{user}/activation", c.tenant), &c.admin, json!({})).await;
    let fresh = fresh.expect(201)["activation_token"].as_str().unwrap().to_string();
    activate(&a, &fresh).await.expect(200);
}

/// The import path: the importer (a `user_administrator` partner) is not handed the token of
/// a row whose user became an admin before it read the import, and a plain user's token
/// it read earlier dies with the promotion.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_importer_is_not_handed_the_token_of_a_user_who_became_an_admin() {
    let (_instances, a, b) = two_instances().await;
    let creator = a.partner("Contoso IT").await;
    let c = a.tenant_with_seats(&creator, "fabrikam", 5).await;
    let helper = a.partner("Helpdesk Ltd").await;
    a.name_partner_of_record(&c, &c.subscription, &helper).await;
    a.delegate_with(&c, &helper, json!({"roles": ["user_administrator"]})).await;
    let csv = "email,first_name,last_name,admin,license_skus\n\
               anna@fabrikam.example,Anna,Ioannou,false,\n\
               petros@fabrikam.example,Petros,Ioannou,false,\n";
    let path = format!("/v1/tenants/{}/user-imports", c.tenant);
    let request = a.http.post(a.url(&path)).bearer_auth(&helper.token).header(CONTENT_TYPE, "text/csv").body(csv);
    let accepted = TestApp::reply(request.send().await.unwrap()).await;
    let id = accepted.expect(202)["id"].as_str().unwrap().to_string();
    // Wait for the import as the tenant admin, who is not the importer and sees no token.
    let mut users = Vec::new();
    for _ in 0..600 {
        let seen = b.get(&format!("{path}/{id}"), &c.admin).await.expect(200).clone();
        if seen["status"] == "completed" {
            assert!(seen["rows"].as_array().unwrap().iter().all(|r| r["activation_token"].is_null()));
            users =
                seen["rows"].as_array().unwrap().iter().map(|r| r["user_id"].as_str().unwrap().to_string()).collect();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(users.len(), 2, "the import completed");
    b.patch(&format!("/v1/tenants/{}/users/{}", c.tenant, users[0]), &c.admin, json!({"admin": true}))
        .await
        .expect(200);
    let read = a.get(&format!("{path}/{id}"), &helper.token).await.expect(200).clone();
    let rows = read["rows"].as_array().unwrap();
    assert!(rows[0]["activation_token"].is_null(), "the admin's token is not handed over: {}", rows[0]);
    let plain = rows[1]["activation_token"].as_str().expect("the plain user's token is");
    // The plain user's token dies when it, too, becomes an admin.
    b.patch(&format!("/v1/tenants/{}/users/{}", c.tenant, users[1]), &c.admin, json!({"admin": true}))
        .await
        .expect(200);
    activate(&a, plain).await.problem(422, "invalid-activation-token");
}

/// A tenant admin adding seats with another partner's key: not found, whatever the key's
/// product (no product oracle), and the key stays in its owner's inventory. A retail key
/// works.
#[tokio::test]
async fn a_customer_never_redeems_a_partners_key() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    let other = app.partner("Northwind Traders").await;
    let same_product = app.mint(&other, PRODUCT_STANDARD, 5, 12, 1).await.remove(0);
    let other_product = app.mint(&other, PRODUCT_BASIC, 5, 12, 1).await.remove(0);
    let own_partners = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await.remove(0);
    let seats = format!("/v1/subscriptions/{}/keys", c.subscription);
    for key in [&same_product, &other_product, &own_partners] {
        app.post(&seats, &c.admin, json!({"key": key})).await.problem(404, "key-not-found");
    }
    for (owner, key) in [(&other, &same_product), (&other, &other_product), (&partner, &own_partners)] {
        let checked = app.post("/v1/keys/validate", &owner.token, json!({"key": key})).await;
        assert_eq!(checked.expect(200)["status"], "available", "the key is still its owner's to sell");
    }
    let subscription = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await;
    assert_eq!(subscription.expect(200)["seats"], 2);
    let retail = json!({"product_id": PRODUCT_STANDARD, "channel": "retail", "seats_per_key": 3, "term_months": 12, "quantity": 1});
    let retail = app.post("/v1/key-batches", &app.operator, retail).await.expect(201)["keys"][0].clone();
    let added = app.post(&seats, &c.admin, json!({"key": retail})).await;
    assert_eq!(added.expect(200)["seats"], 5);
}

async fn password_grant(base: &str, username: &str, password: &str) -> Reply {
    let form = [("grant_type", "password"), ("username", username), ("password", password)];
    TestApp::reply(reqwest::Client::new().post(format!("{base}/v1/auth/token")).form(&form).send().await.unwrap()).await
}

/// The failure budget of a user is the user's, however its name is written: after ten
/// wrong passwords for `mia@…`, neither `MIA@…` nor `mİa@…` (which PostgreSQL's `lower`
/// folds to `mia@…` and Rust's `to_lowercase` does not) opens a fresh one, on either instance.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_users_budget_cannot_be_sidestepped_by_writing_its_name_another_way() {
    let (instances, a, _) = two_instances().await;
    let partner = a.partner("Contoso IT").await;
    let account = a.customer(&partner, "fabrikam", "mia@fabrikam.example").await;
    activate(&a, &account.activation_token).await.expect(200);
    // The other spelling is the same user to the sign-in look-up.
    password_grant(&instances[1].base, "mİa@fabrikam.example", PASSWORD).await.expect(200);
    for i in 0..10 {
        let wrong = password_grant(&instances[i % 2].base, "mia@fabrikam.example", "wrong password").await;
        assert_eq!(wrong.body["error"], "invalid_grant", "{}", wrong.text);
    }
    for (i, spelling) in ["mia@fabrikam.example", "MIA@FABRIKAM.EXAMPLE", "mİa@fabrikam.example"].iter().enumerate() {
        password_grant(&instances[i % 2].base, spelling, PASSWORD).await.problem(429, "rate-limited");
    }
}

/// A sign-in with `client_id` and `client_secret` swapped: the audit record names no client
/// (what was typed as the id is the secret); a wrong secret for a real client names it.
#[tokio::test]
async fn a_secret_typed_as_a_client_id_never_reaches_the_audit_log() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let client = app.post(&format!("/v1/partners/{}/api-clients", partner.id), &app.operator, json!({})).await;
    let (client_id, secret) = {
        let body = client.expect(201);
        (body["client_id"].as_str().unwrap().to_string(), body["client_secret"].as_str().unwrap().to_string())
    };
    let swapped = json!({"grant_type": "client_credentials", "client_id": secret, "client_secret": client_id});
    let refused = app.send(Method::POST, "/v1/auth/token", None, Some(swapped)).await;
    assert_eq!((refused.status.as_u16(), refused.body["error"].as_str()), (401, Some("invalid_client")));
    let wrong = json!({"grant_type": "client_credentials", "client_id": client_id, "client_secret": "kps_wrong"});
    app.send(Method::POST, "/v1/auth/token", None, Some(wrong)).await;
    let events = app.get("/v1/audit-events?limit=200", &app.operator).await.expect(200).clone();
    let text = events.to_string();
    assert!(!text.contains(&secret), "the secret reached the audit log");
    let failures: Vec<&Value> = events["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["summary"] == "client_credentials sign-in: failure")
        .collect();
    assert_eq!(failures.len(), 2, "{text}");
    let actors: Vec<(&str, Option<&str>)> =
        failures.iter().map(|e| (e["actor"]["role"].as_str().unwrap(), e["actor"]["client_id"].as_str())).collect();
    assert!(actors.contains(&("anonymous", None)), "{actors:?}");
    assert!(actors.contains(&("partner", Some(client_id.as_str()))), "{actors:?}");
}

/// Exports defuse every cell a spreadsheet would run: OWASP's `= + - @`, TAB and CR.
#[tokio::test]
async fn csv_exports_defuse_formulas_starting_with_tab_or_cr() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let names = ["\t=HYPERLINK(\"http://evil\")", "\r=1+1", "=cmd", "@SUM(A1)", "-2+3", "+1"];
    for (i, name) in names.iter().enumerate() {
        let body = json!({"email": format!("u{i}@fabrikam.example"), "first_name": name, "last_name": "X"});
        app.post(&format!("/v1/tenants/{}/users", c.tenant), &c.admin, body).await.expect(201);
    }
    let export = app
        .http
        .get(app.url(&format!("/v1/tenants/{}/users", c.tenant)))
        .bearer_auth(&c.admin)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap();
    let text = export.text().await.unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let first_names: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_string()).collect();
    for name in names {
        assert!(first_names.contains(&format!("'{name}")), "{name:?} is not defused in {first_names:?}");
    }
}

/// Every answer that shows a secret says `Cache-Control: no-store`; others do not need to.
#[tokio::test]
async fn answers_that_show_a_secret_are_never_cached() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let no_store = |reply: &Reply, what: &str| {
        assert!(reply.status.is_success(), "{what}: {}", reply.text);
        assert_eq!(reply.headers.get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "{what}");
    };
    let client = app.post(&format!("/v1/partners/{}/api-clients", partner.id), &partner.token, json!({})).await;
    no_store(&client, "API client creation");
    let user = app
        .post(
            &format!("/v1/tenants/{}/users", c.tenant),
            &c.admin,
            json!({"email": "eleni@fabrikam.example", "first_name": "Eleni", "last_name": "P"}),
        )
        .await;
    no_store(&user, "user creation");
    let user_id = user.body["user"]["id"].as_str().unwrap();
    let reissued = app.post(&format!("/v1/tenants/{}/users/{user_id}/activation", c.tenant), &c.admin, json!({})).await;
    no_store(&reissued, "activation reissue");
    let endpoint = app
        .post(
            "/v1/webhook-endpoints",
            &partner.token,
            json!({"url": "http://127.0.0.1:9/h", "events": ["subscription.expired"]}),
        )
        .await;
    no_store(&endpoint, "webhook endpoint creation");
    let endpoint_id = endpoint.body["id"].as_str().unwrap();
    let rotated =
        app.post(&format!("/v1/webhook-endpoints/{endpoint_id}/rotate-secret"), &partner.token, json!({})).await;
    no_store(&rotated, "webhook secret rotation");
    let retail = json!({"product_id": PRODUCT_STANDARD, "channel": "retail", "seats_per_key": 3, "term_months": 12, "quantity": 1});
    let minted = app.post("/v1/key-batches", &app.operator, retail).await;
    no_store(&minted, "minting keys");
    let signup = json!({"key": minted.body["keys"][0], "country": "GR", "company_name": "Adatum", "domain": "adatum",
                        "admin": {"first_name": "A", "last_name": "B", "email": "a@adatum.example"}});
    no_store(&app.send(Method::POST, "/v1/signup", None, Some(signup)).await, "sign-up");
    let keys = app.mint(&partner, PRODUCT_STANDARD, 2, 12, 1).await;
    let redemption = app.confirmed_redemption(&partner, &keys).await;
    let account = app
        .post(
            &format!("/v1/redemptions/{redemption}/account"),
            &partner.token,
            account_body("northwind", "n@northwind.example"),
        )
        .await;
    no_store(&account, "creating an account");
    // An answer without a secret is cacheable as HTTP says (nothing forbids it here).
    let plain = app.get(&format!("/v1/partners/{}", partner.id), &partner.token).await;
    assert!(plain.headers.get("cache-control").is_none(), "{:?}", plain.headers);
}

/// Every answer forbids content sniffing and framing; Swagger UI cannot be framed.
#[tokio::test]
async fn no_answer_can_be_sniffed_or_framed() {
    let app = spawn().await;
    for (path, token) in [
        ("/docs/", None),
        ("/openapi.json", None),
        ("/v1/partners", Some(app.operator.as_str())),
        ("/v1/nothing", None),
    ] {
        let mut request = app.http.get(app.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let reply = request.send().await.unwrap();
        let header = |name: &str| reply.headers().get(name).map(|v| v.to_str().unwrap().to_string());
        assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"), "{path}");
        assert_eq!(header("x-frame-options").as_deref(), Some("DENY"), "{path}");
        assert!(header("content-security-policy").unwrap().contains("frame-ancestors 'none'"), "{path}");
    }
}

/// Sign-up keeps its Idempotency-Keys per source: another caller using the same key gets
/// its own sign-up run (not the first caller's answer, with its activation token).
#[tokio::test]
async fn sign_up_idempotency_keys_are_kept_per_source() {
    let app = spawn_with(|s| s.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]).await;
    let batch = json!({"product_id": PRODUCT_STANDARD, "channel": "retail", "seats_per_key": 3, "term_months": 12, "quantity": 2});
    let keys = app.post("/v1/key-batches", &app.operator, batch).await.expect(201)["keys"].clone();
    let body = |key: &Value| {
        json!({"key": key, "country": "GR", "company_name": "Adatum", "domain": "adatum",
               "admin": {"first_name": "A", "last_name": "B", "email": "a@adatum.example"}})
    };
    let sign_up = |from: &'static str, body: Value| {
        app.http
            .post(app.url("/v1/signup"))
            .header("idempotency-key", "my-first-sign-up")
            .header("x-forwarded-for", from)
            .json(&body)
            .send()
    };
    let first = sign_up("203.0.113.7", body(&keys[0])).await.unwrap();
    assert_eq!(first.status(), 201);
    // Another source, the same key and body: its own request, not a replay of the first.
    let other = TestApp::reply(sign_up("198.51.100.20", body(&keys[0])).await.unwrap()).await;
    assert!(other.headers.get("idempotent-replayed").is_none());
    other.problem(409, "key-already-redeemed");
    // The first source's retry is replayed.
    let again = sign_up("203.0.113.7", body(&keys[0])).await.unwrap();
    assert_eq!((again.status().as_u16(), again.headers()["idempotent-replayed"].to_str().unwrap()), (201, "true"));
}

/// A kept answer is replayed only while its caller still holds the rights it ran with: a
/// partner whose relationship ended does not get the created user's activation token again.
#[tokio::test]
async fn a_replay_is_refused_once_the_rights_it_ran_with_are_gone() {
    let app = spawn().await;
    let creator = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&creator, "fabrikam", 5).await;
    let helper = app.partner("Helpdesk Ltd").await;
    app.name_partner_of_record(&c, &c.subscription, &helper).await;
    let relationship = app.delegate_with(&c, &helper, json!({"roles": ["user_administrator"]})).await;
    let body = json!({"email": "eleni@fabrikam.example", "first_name": "Eleni", "last_name": "P"});
    let create = || {
        app.http
            .post(app.url(&format!("/v1/tenants/{}/users", c.tenant)))
            .bearer_auth(&helper.token)
            .header("idempotency-key", "create-eleni")
            .json(&body)
            .send()
    };
    let first = TestApp::reply(create().await.unwrap()).await;
    let token = first.expect(201)["activation_token"].clone();
    let again = TestApp::reply(create().await.unwrap()).await;
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.expect(201)["activation_token"], token, "replayed while the rights hold");
    app.delete(&format!("/v1/delegated-admin-relationships/{relationship}"), &c.admin).await.expect(204);
    let after = TestApp::reply(create().await.unwrap()).await;
    after.problem(403, "forbidden");
    assert!(!after.text.contains(token.as_str().unwrap()), "the token is not shown again");
}
