//! Partners, their programme status and API clients.

use crate::common::*;
use serde_json::json;

#[tokio::test]
async fn operator_registers_and_updates_partners() {
    let app = spawn().await;
    let created = app
        .post(
            "/v1/partners",
            &app.operator,
            json!({"name": "Contoso IT", "reseller": {"distributor": "Northwind", "since": "2025-01-15"}}),
        )
        .await;
    let created = created.expect(201).clone();
    let number = created["partner_number"].as_str().unwrap();
    assert_eq!(number.len(), 7);
    assert!(number.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(created["reseller"], json!({"distributor": "Northwind", "since": "2025-01-15"}));
    assert_eq!(created["cloud_essentials"], false);
    let id = created["id"].as_str().unwrap();

    let patched = app.patch(&format!("/v1/partners/{id}"), &app.operator, json!({"cloud_essentials": true})).await;
    assert_eq!(patched.expect(200)["cloud_essentials"], true);
    assert_eq!(patched.body["reseller"]["distributor"], "Northwind", "untouched fields stay");
    let ended = app.patch(&format!("/v1/partners/{id}"), &app.operator, json!({"reseller": null})).await;
    assert_eq!(ended.expect(200)["reseller"], json!(null));
    app.patch(
        &format!("/v1/partners/{id}"),
        &app.operator,
        json!({"reseller": {"distributor": "", "since": "2025-01-15"}}),
    )
    .await
    .problem(422, "validation-failed");
    app.patch(
        &format!("/v1/partners/{id}"),
        &app.operator,
        json!({"reseller": {"distributor": "X", "since": "15/01/2025"}}),
    )
    .await
    .problem(422, "validation-failed");
    app.patch(&format!("/v1/partners/{id}"), &app.operator, json!({"partner_number": "1234567"}))
        .await
        .problem(422, "validation-failed");
    app.patch("/v1/partners/01900000-0000-7000-8000-00000000dead", &app.operator, json!({"name": "x"}))
        .await
        .problem(404, "not-found");

    app.post("/v1/partners", &app.operator, json!({"name": ""})).await.problem(422, "validation-failed");
    app.post("/v1/partners", &app.operator, json!({})).await.problem(422, "validation-failed");
    let listed = app.get("/v1/partners", &app.operator).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 1);
    assert_eq!(listed.body["next_cursor"], json!(null));
}

#[tokio::test]
async fn partner_numbers_are_unique() {
    let app = spawn().await;
    let mut numbers = std::collections::HashSet::new();
    for i in 0..20 {
        let p = app.post("/v1/partners", &app.operator, json!({"name": format!("P{i}")})).await;
        assert!(numbers.insert(p.expect(201)["partner_number"].as_str().unwrap().to_string()));
    }
}

#[tokio::test]
async fn partners_see_only_themselves() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let me = app.get("/v1/partners/me", &partner.token).await;
    assert_eq!(me.expect(200)["id"], partner.id.as_str());
    app.get(&format!("/v1/partners/{}", partner.id), &partner.token).await.expect(200);
    app.get(&format!("/v1/partners/{}", other.id), &partner.token).await.problem(404, "not-found");
    app.get("/v1/partners", &partner.token).await.problem(403, "forbidden");
    app.post("/v1/partners", &partner.token, json!({"name": "x"})).await.problem(403, "forbidden");
    app.patch(&format!("/v1/partners/{}", partner.id), &partner.token, json!({"cloud_essentials": true}))
        .await
        .problem(403, "forbidden");
    app.patch(&format!("/v1/partners/{}", other.id), &partner.token, json!({"cloud_essentials": true}))
        .await
        .problem(404, "not-found");
    app.get("/v1/partners/me", &app.operator).await.problem(403, "forbidden");
}

#[tokio::test]
async fn api_clients_are_created_listed_and_revoked() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let path = format!("/v1/partners/{}/api-clients", partner.id);
    let created = app.post(&path, &partner.token, json!({"name": "billing"})).await;
    let created = created.expect(201).clone();
    let client_id = created["client_id"].as_str().unwrap();
    let secret = created["client_secret"].as_str().unwrap();
    assert_eq!(created["name"], "billing");
    let token = app.client_token(client_id, secret).await;
    app.get("/v1/partners/me", &token).await.expect(200);

    let listed = app.get(&path, &partner.token).await;
    let listed = listed.expect(200);
    assert_eq!(listed["data"].as_array().unwrap().len(), 2);
    assert!(!listed.to_string().contains(secret), "secrets are never listed");
    app.get(&path, &other.token).await.problem(404, "not-found");
    app.post(&path, &other.token, json!({})).await.problem(404, "not-found");
    app.post(&path, &partner.token, json!({"name": ""})).await.problem(422, "validation-failed");

    app.delete(&format!("{path}/{client_id}"), &other.token).await.problem(404, "not-found");
    app.delete(&format!("{path}/{client_id}"), &partner.token).await.expect(204);
    app.delete(&format!("{path}/{client_id}"), &partner.token).await.problem(404, "not-found");
    let refused = app
        .send(
            reqwest::Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret})),
        )
        .await;
    assert_eq!(refused.expect(401)["error"], "invalid_client");
    assert_eq!(app.get(&path, &app.operator).await.expect(200)["data"].as_array().unwrap().len(), 1);
    app.post("/v1/partners/01900000-0000-7000-8000-00000000dead/api-clients", &app.operator, json!({}))
        .await
        .problem(404, "not-found");
}

#[tokio::test]
async fn products_catalogue() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let listed = app.get("/v1/products", &partner.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 5, "the seeded catalogue");
    let added =
        app.post("/v1/products", &app.operator, json!({"sku": "TEAMS-ESSENTIALS", "name": "Teams Essentials"})).await;
    assert_eq!(added.expect(201)["sku"], "TEAMS-ESSENTIALS");
    app.post("/v1/products", &app.operator, json!({"sku": "TEAMS-ESSENTIALS", "name": "Again"}))
        .await
        .problem(409, "sku-taken");
    app.post("/v1/products", &app.operator, json!({"sku": "lower case", "name": "x"}))
        .await
        .problem(422, "validation-failed");
    app.post("/v1/products", &partner.token, json!({"sku": "X-1", "name": "x"})).await.problem(403, "forbidden");
    let page = app.get("/v1/products?limit=4", &partner.token).await;
    let cursor = page.expect(200)["next_cursor"].as_str().unwrap().to_string();
    let rest = app.get(&format!("/v1/products?limit=4&after={cursor}"), &partner.token).await;
    assert_eq!(rest.expect(200)["data"].as_array().unwrap().len(), 2);
    assert_eq!(rest.body["next_cursor"], json!(null));
}

/// Signs in with a client's credentials: the status, and the OAuth error if any.
async fn client_sign_in(app: &TestApp, client_id: &str, secret: &str) -> (u16, Option<String>) {
    let body = json!({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret});
    let reply = app.send(reqwest::Method::POST, "/v1/auth/token", None, Some(body)).await;
    (reply.status.as_u16(), reply.body["error"].as_str().map(str::to_string))
}

/// SPEC §14: a client's secret rotates with an overlap on the service's clock, on every
/// instance; 0 hours ends the old one at once; another partner's client and a revoked one
/// answer 404 and change nothing.
#[tokio::test]
async fn api_client_secrets_rotate_with_an_overlap_then_never_again() {
    let app = spawn_with(|s| s.sign_in_failures_per_minute = 1000).await;
    let twin = spawn_on({
        let mut settings = test_settings(&app.database_url);
        settings.sign_in_failures_per_minute = 1000;
        settings
    })
    .await;
    let partner = app.partner("Contoso IT").await;
    let clients = format!("/v1/partners/{}/api-clients", partner.id);
    let created = app.post(&clients, &partner.token, json!({"name": "billing"})).await;
    let created = created.expect(201);
    let (client_id, first) =
        (created["client_id"].as_str().unwrap().to_string(), created["client_secret"].as_str().unwrap().to_string());
    let rotate = format!("{clients}/{client_id}/rotate-secret");

    let rotated = app.post(&rotate, &partner.token, json!({"previous_valid_for_hours": 2})).await;
    assert_eq!(rotated.headers["cache-control"], "no-store", "a secret shown once is not cached");
    let rotated = rotated.expect(200);
    assert_eq!(rotated["client_id"], client_id.as_str());
    let second = rotated["client_secret"].as_str().unwrap().to_string();
    assert_ne!(first, second);
    // Both sign in, on either instance, during the overlap.
    for server in [&app, &twin] {
        for secret in [&first, &second] {
            assert_eq!(client_sign_in(server, &client_id, secret).await, (200, None));
        }
    }
    // The overlap runs on the service's clock: past it, only the new one.
    app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 0, "hours": 3})).await.expect(200);
    for server in [&app, &twin] {
        assert_eq!(client_sign_in(server, &client_id, &first).await, (401, Some("invalid_client".into())));
        assert_eq!(client_sign_in(server, &client_id, &second).await, (200, None));
    }
    // 0 hours: the previous secret stops at once; the operator may rotate too.
    let third = app.post(&rotate, &app.operator, json!({"previous_valid_for_hours": 0})).await;
    let third = third.expect(200)["client_secret"].as_str().unwrap().to_string();
    assert_eq!(client_sign_in(&twin, &client_id, &second).await.0, 401);
    assert_eq!(client_sign_in(&twin, &client_id, &third).await.0, 200);

    // Another partner: neither through its own path nor through this one.
    let other = app.partner("Northwind IT").await;
    let foreign = format!("/v1/partners/{}/api-clients/{client_id}/rotate-secret", other.id);
    app.post(&foreign, &other.token, json!({})).await.problem(404, "not-found");
    app.post(&rotate, &other.token, json!({})).await.problem(404, "not-found");
    for bad in [json!({"previous_valid_for_hours": 169}), json!({"previous_valid_for_hours": -1})] {
        app.post(&rotate, &partner.token, bad).await.problem(422, "validation-failed");
    }
    assert_eq!(client_sign_in(&app, &client_id, &third).await.0, 200, "nothing of that changed the secret");

    // A revoked client is not rotated back to life.
    app.delete(&format!("{clients}/{client_id}"), &partner.token).await.expect(204);
    app.post(&rotate, &app.operator, json!({})).await.problem(404, "not-found");
    assert_eq!(client_sign_in(&app, &client_id, &third).await.0, 401);
}

/// Concurrent rotations of one client take turns: each secret is shown once, and exactly
/// the last two sign in (the last, and the one it replaced during its overlap).
#[tokio::test]
async fn concurrent_rotations_leave_exactly_the_last_two_secrets() {
    let app = spawn_with(|s| s.sign_in_failures_per_minute = 1000).await;
    let partner = app.partner("Contoso IT").await;
    let clients = format!("/v1/partners/{}/api-clients", partner.id);
    let created = app.post(&clients, &partner.token, json!({})).await;
    let created = created.expect(201);
    let client_id = created["client_id"].as_str().unwrap().to_string();
    let first = created["client_secret"].as_str().unwrap().to_string();
    let rotate = format!("{clients}/{client_id}/rotate-secret");
    let rotations = (0..16).map(|_| app.post_owned(rotate.clone(), partner.token.clone(), json!({})));
    let answers = futures::future::join_all(rotations).await;
    let mut secrets: Vec<String> =
        answers.iter().map(|a| a.expect(200)["client_secret"].as_str().unwrap().to_string()).collect();
    secrets.sort();
    secrets.dedup();
    assert_eq!(secrets.len(), 16, "each rotation shows its own secret");
    let mut signing_in = 0;
    for secret in secrets.iter().chain([&first]) {
        if client_sign_in(&app, &client_id, secret).await.0 == 200 {
            signing_in += 1;
        }
    }
    assert_eq!(signing_in, 2, "the last secret and the one before it; the first is long gone");
}
