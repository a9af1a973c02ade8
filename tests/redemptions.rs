//! The redemption wizard over HTTP: every step, every problem code, expiry and concurrency.

use crate::common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn wizard_creates_tenant_subscription_and_admin_in_one_step() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let standard = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 2).await;
    let basic = app.mint(&partner, PRODUCT_BASIC, 5, 12, 1).await;

    let opened = app.post("/v1/redemptions", &partner.token, json!({"acknowledged": true})).await;
    let opened = opened.expect(201);
    assert_eq!(opened["status"], "open");
    assert_eq!(opened["keys"], json!([]));
    let id = opened["id"].as_str().unwrap();

    // Keys typed the way people type them: lower case, spaces instead of hyphens.
    let typed = standard[0].to_lowercase().replace('-', " ");
    let entry = app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": typed})).await;
    let entry = entry.expect(201).clone();
    assert_eq!(entry["key"], format!("*****-*****-*****-*****-{}", &standard[0][24..]));
    assert_eq!(entry["seats"], 10);
    assert_eq!(entry["product"]["sku"], "M365-BUSINESS-STANDARD");
    // The same key again: 200 with the same entry.
    let again = app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": standard[0]})).await;
    assert_eq!(again.expect(200)["id"], entry["id"]);
    for key in [&standard[1], &basic[0]] {
        app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": key})).await.expect(201);
    }
    let keys = app.get("/v1/keys?status=reserved", &partner.token).await;
    assert_eq!(keys.expect(200)["data"].as_array().unwrap().len(), 3);

    let review = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await;
    let review = review.expect(200);
    assert_eq!(review["keys"].as_array().unwrap().len(), 3);
    let totals = review["totals"].as_array().unwrap();
    assert_eq!(totals.len(), 2);
    let standard_total = totals.iter().find(|t| t["product"]["id"] == PRODUCT_STANDARD).unwrap();
    assert_eq!(standard_total["seats"], 20);
    assert_eq!(standard_total["term_months"], 12);
    assert!(!review.to_string().contains(&standard[0]), "review shows keys masked only");

    let confirmed = app.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await;
    assert_eq!(confirmed.expect(200)["status"], "confirmed");

    let account = app
        .post(
            &format!("/v1/redemptions/{id}/account"),
            &partner.token,
            account_body("fabrikam", "maria@fabrikam.example"),
        )
        .await;
    let account = account.expect(201).clone();
    assert_eq!(account["tenant"]["domain"], "fabrikam");
    assert_eq!(account["tenant"]["country"], "GR");
    assert_eq!(account["tenant"]["status"], "active");
    assert_eq!(account["tenant"]["created_by_partner_id"], partner.id.as_str());
    let subscriptions = account["subscriptions"].as_array().unwrap();
    assert_eq!(subscriptions.len(), 2);
    let standard_sub = subscriptions.iter().find(|s| s["product"]["id"] == PRODUCT_STANDARD).unwrap();
    assert_eq!(standard_sub["seats"], 20);
    assert_eq!(standard_sub["assigned_seats"], 1, "the admin holds a licence");
    assert_eq!(standard_sub["status"], "active");
    assert_eq!(standard_sub["billing"], "partner");
    assert_eq!(standard_sub["partner_of_record"], json!(null));
    assert_eq!(account["admin_user"]["admin"], true);
    assert_eq!(account["admin_user"]["activated"], false);

    let done = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await;
    assert_eq!(done.expect(200)["status"], "completed");
    assert_eq!(done.body["tenant_id"], account["tenant"]["id"]);
    let redeemed = app.get("/v1/keys?status=redeemed", &partner.token).await;
    assert_eq!(redeemed.expect(200)["data"].as_array().unwrap().len(), 3);

    // The admin activates and signs in, then sees the tenant and its subscriptions.
    let email = "maria@fabrikam.example";
    let (admin, _) = app.sign_in(email, account["activation_token"].as_str().unwrap()).await;
    let tenant_id = account["tenant"]["id"].as_str().unwrap();
    app.get(&format!("/v1/tenants/{tenant_id}"), &admin).await.expect(200);
    let subs = app.get("/v1/subscriptions", &admin).await;
    assert_eq!(subs.expect(200)["data"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn attestation_is_required() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    app.post("/v1/redemptions", &partner.token, json!({})).await.problem(422, "acknowledgement-required");
    app.post("/v1/redemptions", &partner.token, json!({"acknowledged": false}))
        .await
        .problem(422, "acknowledgement-required");
    app.post("/v1/redemptions", &partner.token, json!({"acknowledged": "yes"})).await.problem(422, "validation-failed");
    // Only partners redeem.
    app.post("/v1/redemptions", &app.operator, json!({"acknowledged": true})).await.problem(403, "forbidden");
}

#[tokio::test]
async fn adding_keys_reports_every_problem() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let keys = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 4).await;
    let foreign = app.mint(&other, PRODUCT_STANDARD, 10, 12, 1).await;
    let id = app.open_redemption(&partner).await;
    let add = |key: String| {
        let path = format!("/v1/redemptions/{id}/keys");
        let token = partner.token.clone();
        let app = &app;
        async move { app.post(&path, &token, json!({"key": key})).await }
    };

    add("not a key".into()).await.problem(422, "invalid-key-format");
    add(keys[0][..28].to_string()).await.problem(422, "invalid-key-format");
    // A typing mistake in one character: caught by the check character before any lookup.
    let mut typo: Vec<char> = keys[0].chars().collect();
    typo[3] = if typo[3] == 'B' { 'C' } else { 'B' };
    add(typo.into_iter().collect()).await.problem(422, "invalid-key-checksum");
    // A well-formed key nobody minted, and another partner's key: the same answer.
    let unknown = keyport::domain::product_key::ProductKey::from_random_body([5; 24]).to_string();
    add(unknown).await.problem(404, "key-not-found");
    add(foreign[0].clone()).await.problem(404, "key-not-found");

    // Reserved by another open redemption of the same partner.
    add(keys[0].clone()).await.expect(201);
    let second = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{second}/keys"), &partner.token, json!({"key": keys[0]}))
        .await
        .problem(409, "key-reserved");

    // Revoked.
    let listed = app.get("/v1/keys?status=available", &app.operator).await;
    let revocable = listed.expect(200)["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"].as_str().unwrap().ends_with(&keys[3][24..]))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.post(&format!("/v1/keys/{revocable}/revoke"), &app.operator, json!({})).await.expect(200);
    add(keys[3].clone()).await.problem(409, "key-revoked");

    // Redeemed: complete a customer with keys[1], then try it again.
    let done = app.confirmed_redemption(&partner, &[keys[1].clone()]).await;
    app.post(&format!("/v1/redemptions/{done}/account"), &partner.token, account_body("contoso", "a@contoso.example"))
        .await
        .expect(201);
    add(keys[1].clone()).await.problem(409, "key-already-redeemed");

    // Missing or misshapen body.
    app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({})).await.problem(422, "validation-failed");
    app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": 12}))
        .await
        .problem(422, "validation-failed");
    // Another partner's redemption does not exist for this partner.
    app.post(&format!("/v1/redemptions/{id}/keys"), &other.token, json!({"key": foreign[0]}))
        .await
        .problem(404, "not-found");
}

#[tokio::test]
async fn at_most_fifty_keys() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 1, 12, 51).await;
    let id = app.open_redemption(&partner).await;
    for key in &keys[..50] {
        app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": key})).await.expect(201);
    }
    app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": keys[50]}))
        .await
        .problem(422, "too-many-keys");
    // A key already held still answers 200.
    app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": keys[0]})).await.expect(200);
    let key = app.post("/v1/keys/validate", &partner.token, json!({"key": keys[50]})).await;
    assert_eq!(key.expect(200)["status"], "available", "the refused key was not reserved");
}

#[tokio::test]
async fn removing_a_key_releases_it() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 3, 12, 1).await;
    let id = app.open_redemption(&partner).await;
    let entry = app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": keys[0]})).await;
    let entry_id = entry.expect(201)["id"].as_str().unwrap().to_string();
    app.delete(&format!("/v1/redemptions/{id}/keys/{entry_id}"), &partner.token).await.expect(204);
    app.delete(&format!("/v1/redemptions/{id}/keys/{entry_id}"), &partner.token).await.problem(404, "not-found");
    let key = app.post("/v1/keys/validate", &partner.token, json!({"key": keys[0]})).await;
    assert_eq!(key.expect(200)["status"], "available");
    let review = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await;
    assert_eq!(review.expect(200)["keys"], json!([]));
}

#[tokio::test]
async fn confirm_rules() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let id = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await.problem(422, "no-keys");

    // Keys of one product with different terms cannot become one subscription.
    let yearly = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await;
    let monthly = app.mint(&partner, PRODUCT_STANDARD, 5, 1, 1).await;
    for key in [&yearly[0], &monthly[0]] {
        app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": key})).await.expect(201);
    }
    app.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await.problem(422, "mixed-terms");
    let entries = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await.expect(200)["keys"].clone();
    let monthly_entry = entries.as_array().unwrap().iter().find(|e| e["term_months"] == 1).unwrap()["id"].clone();
    app.delete(&format!("/v1/redemptions/{id}/keys/{}", monthly_entry.as_str().unwrap()), &partner.token)
        .await
        .expect(204);

    // Account before confirming: the answer says to confirm.
    let early = app
        .post(&format!("/v1/redemptions/{id}/account"), &partner.token, account_body("early", "e@early.example"))
        .await;
    early.problem(409, "redemption-not-confirmed");
    assert!(early.body["detail"].as_str().unwrap().contains("/confirm"), "{}", early.text);
    let confirmed = app.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await;
    let confirmed = confirmed.expect(200);
    // A second "done" answers the same.
    let again = app.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await;
    let again = again.expect(200);
    assert_eq!(
        (&again["status"], &again["keys"], &again["totals"]),
        (&confirmed["status"], &confirmed["keys"], &confirmed["totals"])
    );
    // Confirmed: keys are fixed, and the answer says what is left to do.
    let add = app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": monthly[0]})).await;
    add.problem(409, "redemption-not-open");
    let detail = add.body["detail"].as_str().unwrap();
    assert!(detail.contains("confirmed") && detail.contains("/account"), "{detail}");
    let entry = entries.as_array().unwrap().iter().find(|e| e["term_months"] == 12).unwrap()["id"].clone();
    app.delete(&format!("/v1/redemptions/{id}/keys/{}", entry.as_str().unwrap()), &partner.token)
        .await
        .problem(409, "redemption-not-open");
}

#[tokio::test]
async fn account_step_validates_country_domain_and_email() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 2).await;
    let id = app.confirmed_redemption(&partner, &keys[..1]).await;
    let path = format!("/v1/redemptions/{id}/account");
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut body = account_body("fabrikam", "maria@fabrikam.example");
        f(&mut body);
        body
    };
    let reply = app.post(&path, &partner.token, with(&|b| b["country"] = json!("KP"))).await;
    reply.problem(422, "country-not-supported");
    assert!(reply.body["detail"].as_str().unwrap().contains("North Korea"));
    app.post(&path, &partner.token, with(&|b| b["country"] = json!("gr"))).await.problem(422, "validation-failed");
    app.post(&path, &partner.token, with(&|b| b["domain"] = json!("Fabrikam"))).await.problem(422, "validation-failed");
    app.post(&path, &partner.token, with(&|b| b["domain"] = json!("ab"))).await.problem(422, "validation-failed");
    let reply = app.post(&path, &partner.token, with(&|b| b["admin"]["email"] = json!("not-an-email"))).await;
    reply.problem(422, "validation-failed");
    assert_eq!(reply.body["errors"][0]["field"], "admin.email");
    app.post(&path, &partner.token, with(&|b| b["company_name"] = json!(""))).await.problem(422, "validation-failed");
    app.post(&path, &partner.token, with(&|b| b["extra"] = json!(1))).await.problem(422, "validation-failed");

    // Domain taken, and e-mail taken (any case): nothing is created, the redemption stays confirmed.
    let first = app.customer(&partner, "taken", "owner@taken.example").await;
    assert_eq!(first.body["tenant"]["domain"], "taken");
    app.post(&path, &partner.token, with(&|b| b["domain"] = json!("taken"))).await.problem(409, "domain-taken");
    app.post(&path, &partner.token, with(&|b| b["admin"]["email"] = json!("OWNER@taken.example")))
        .await
        .problem(409, "user-exists");
    let domain = app.get("/v1/domains/fabrikam", &partner.token).await;
    assert_eq!(domain.expect(200)["available"], true);
    let review = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await;
    assert_eq!(review.expect(200)["status"], "confirmed");
    app.post(&path, &partner.token, with(&|_| {})).await.expect(201);
    let domain = app.get("/v1/domains/fabrikam", &partner.token).await;
    assert_eq!(domain.expect(200)["available"], false);
    // Completed: no second account, and the answer names the first; nothing else applies.
    let again = app.post(&path, &partner.token, with(&|b| b["domain"] = json!("again"))).await;
    again.problem(409, "redemption-completed");
    let tenant = first_account_tenant(&app, &partner, &id).await;
    assert!(again.body["detail"].as_str().unwrap().contains(&tenant), "{}", again.text);
    for (method, step) in [(Method::POST, "/confirm"), (Method::DELETE, "")] {
        let path = format!("/v1/redemptions/{id}{step}");
        let reply = app.send(method, &path, Some(&partner.token), (step == "/confirm").then(|| json!({}))).await;
        reply.problem(409, "redemption-completed");
    }
    let add = app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": keys[1]})).await;
    add.problem(409, "redemption-completed");
}

/// The tenant a completed redemption created, as its review names it.
async fn first_account_tenant(app: &TestApp, partner: &Partner, id: &str) -> String {
    let reply = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await;
    reply.expect(200)["tenant_id"].as_str().expect("a completed redemption names its tenant").to_string()
}

#[tokio::test]
async fn cancelling_releases_keys() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 3, 12, 1).await;
    let id = app.confirmed_redemption(&partner, &keys).await;
    app.delete(&format!("/v1/redemptions/{id}"), &partner.token).await.expect(204);
    let again = app.delete(&format!("/v1/redemptions/{id}"), &partner.token).await;
    again.problem(409, "redemption-not-open");
    assert!(again.body["detail"].as_str().unwrap().contains("cancelled"), "{}", again.text);
    let confirm = app.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await;
    confirm.problem(409, "redemption-not-open");
    let key = app.post("/v1/keys/validate", &partner.token, json!({"key": keys[0]})).await;
    assert_eq!(key.expect(200)["status"], "available");
    let listed = app.get("/v1/redemptions?status=cancelled", &partner.token).await;
    assert_eq!(listed.expect(200)["data"][0]["id"], id.as_str());
}

#[tokio::test]
async fn untouched_redemptions_expire_on_access_and_by_sweep() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 3, 12, 2).await;
    let on_access = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{on_access}/keys"), &partner.token, json!({"key": keys[0]})).await.expect(201);
    let by_sweep = app.confirmed_redemption(&partner, &keys[1..]).await;
    // Past the 30-minute time to live, on the sandbox clock.
    app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 0, "hours": 1})).await.expect(200);

    // The list already reads it as expired, before anything touched it.
    let listed = app.get("/v1/redemptions", &partner.token).await;
    assert!(listed.expect(200)["data"].as_array().unwrap().iter().all(|r| r["status"] == "expired"));

    app.get(&format!("/v1/redemptions/{on_access}"), &partner.token).await.problem(410, "redemption-expired");
    let key = app.post("/v1/keys/validate", &partner.token, json!({"key": keys[0]})).await;
    assert_eq!(key.expect(200)["status"], "available", "expiry on access released the key");
    for path in ["keys", "confirm", "account"] {
        let reply =
            app.post(&format!("/v1/redemptions/{on_access}/{path}"), &partner.token, json!({"key": keys[0]})).await;
        assert_eq!(reply.status.as_u16(), if path == "account" { 422 } else { 410 }, "{path}: {}", reply.text);
    }
    app.post(&format!("/v1/redemptions/{on_access}/account"), &partner.token, account_body("late", "l@late.example"))
        .await
        .problem(410, "redemption-expired");
    app.delete(&format!("/v1/redemptions/{on_access}"), &partner.token).await.problem(410, "redemption-expired");

    let swept = app.post("/v1/jobs/sweep", &app.operator, json!({})).await;
    assert_eq!(swept.expect(200)["redemptions_expired"], 1);
    let key = app.post("/v1/keys/validate", &partner.token, json!({"key": keys[1]})).await;
    assert_eq!(key.expect(200)["status"], "available", "the sweep released the key");
    app.get(&format!("/v1/redemptions/{by_sweep}"), &partner.token).await.problem(410, "redemption-expired");
    let again = app.post("/v1/jobs/sweep", &app.operator, json!({})).await;
    assert_eq!(again.expect(200)["redemptions_expired"], 0);
    app.post("/v1/jobs/sweep", &partner.token, json!({})).await.problem(403, "forbidden");
}

#[tokio::test]
async fn each_change_moves_the_expiry_forward() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 3, 12, 1).await;
    let opened = app.post("/v1/redemptions", &partner.token, json!({"acknowledged": true})).await;
    let opened = opened.expect(201).clone();
    let id = opened["id"].as_str().unwrap();
    app.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": keys[0]})).await.expect(201);
    let review = app.get(&format!("/v1/redemptions/{id}"), &partner.token).await;
    let later = review.expect(200)["expires_at"].as_str().unwrap().to_string();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    assert!(at(&later) > at(opened["expires_at"].as_str().unwrap()));
    let created = at(opened["created_at"].as_str().unwrap());
    assert_eq!((at(opened["expires_at"].as_str().unwrap()) - created).num_minutes(), 30);
}

#[tokio::test]
async fn thirty_two_redemptions_race_for_one_key() {
    // Each look-up counts against the partner's failure budget until it succeeds; a budget
    // above the 32 in flight keeps this test about the key alone.
    let app = spawn_with(|s| s.key_lookup_failures_per_minute = 100).await;
    let partner = app.partner("Contoso IT").await;
    let key = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 1).await.remove(0);
    let mut redemptions = Vec::new();
    for _ in 0..32 {
        redemptions.push(app.open_redemption(&partner).await);
    }
    let attempts = redemptions
        .iter()
        .map(|id| app.post_owned(format!("/v1/redemptions/{id}/keys"), partner.token.clone(), json!({"key": key})));
    let replies = futures::future::join_all(attempts).await;
    let created = replies.iter().filter(|r| r.status.as_u16() == 201).count();
    assert_eq!(created, 1, "exactly one redemption gets the key");
    for reply in replies.iter().filter(|r| r.status.as_u16() != 201) {
        reply.problem(409, "key-reserved");
    }
    let reserved = app.get("/v1/keys?status=reserved", &partner.token).await;
    assert_eq!(reserved.expect(200)["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn sixteen_accounts_race_for_one_domain() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 16).await;
    let mut redemptions = Vec::new();
    for key in &keys {
        redemptions.push(app.confirmed_redemption(&partner, std::slice::from_ref(key)).await);
    }
    let attempts = redemptions.iter().enumerate().map(|(i, id)| {
        app.post_owned(
            format!("/v1/redemptions/{id}/account"),
            partner.token.clone(),
            account_body("contested", &format!("admin{i}@contested.example")),
        )
    });
    let replies = futures::future::join_all(attempts).await;
    assert_eq!(replies.iter().filter(|r| r.status.as_u16() == 201).count(), 1);
    for reply in replies.iter().filter(|r| r.status.as_u16() != 201) {
        reply.problem(409, "domain-taken");
    }
    let tenants = app.get("/v1/tenants", &partner.token).await;
    assert_eq!(tenants.expect(200)["data"].as_array().unwrap().len(), 1);
    let redeemed = app.get("/v1/keys?status=redeemed", &partner.token).await;
    assert_eq!(redeemed.expect(200)["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn redemptions_belong_to_their_partner() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let id = app.open_redemption(&partner).await;
    app.get(&format!("/v1/redemptions/{id}"), &other.token).await.problem(404, "not-found");
    app.delete(&format!("/v1/redemptions/{id}"), &other.token).await.problem(404, "not-found");
    app.post(&format!("/v1/redemptions/{id}/confirm"), &other.token, json!({})).await.problem(404, "not-found");
    let listed = app.get("/v1/redemptions", &other.token).await;
    assert_eq!(listed.expect(200)["data"], json!([]));
    app.get(&format!("/v1/redemptions/{id}"), &app.operator).await.problem(403, "forbidden");
    app.get("/v1/redemptions/not-a-uuid", &partner.token).await.problem(404, "not-found");
    app.get("/v1/redemptions?status=bogus", &partner.token).await.problem(422, "validation-failed");
}
