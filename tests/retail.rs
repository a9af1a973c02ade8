//! Retail keys (SPEC §11): a customer without a partner signs up with a key it bought and
//! adds more; partner keys and retail keys never cross paths.

use crate::common::*;
use serde_json::{Value, json};

async fn retail_keys(app: &TestApp, product: &str, seats: i32, quantity: i32) -> Vec<String> {
    let body = json!({"product_id": product, "channel": "retail", "seats_per_key": seats, "term_months": 12, "quantity": quantity});
    let batch = app.post("/v1/key-batches", &app.operator, body).await;
    let batch = batch.expect(201).clone();
    assert_eq!((batch["channel"].as_str(), batch["partner_id"].is_null()), (Some("retail"), true));
    batch["keys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
}

fn sign_up_body(key: &str, domain: &str) -> Value {
    json!({"key": key, "country": "GR", "company_name": format!("{domain} SA"), "domain": domain,
           "admin": {"first_name": "Maria", "last_name": "Papadopoulou", "email": format!("maria@{domain}.example")}})
}

async fn sign_up(app: &TestApp, body: Value) -> Reply {
    app.send(reqwest::Method::POST, "/v1/signup", None, Some(body)).await
}

#[tokio::test]
async fn a_customer_without_a_partner_signs_up_and_adds_keys() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let retail = retail_keys(&app, PRODUCT_STANDARD, 5, 3).await;
    let basic = retail_keys(&app, PRODUCT_BASIC, 2, 1).await;
    let partner_key = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await.remove(0);
    // A retail batch names no partner, and a partner batch needs one.
    let mixed = json!({"product_id": PRODUCT_BASIC, "channel": "retail", "partner_id": partner.id,
                       "seats_per_key": 1, "term_months": 12, "quantity": 1});
    app.post("/v1/key-batches", &app.operator, mixed).await.problem(422, "validation-failed");
    let orphan = json!({"product_id": PRODUCT_BASIC, "seats_per_key": 1, "term_months": 12, "quantity": 1});
    app.post("/v1/key-batches", &app.operator, orphan).await.problem(422, "validation-failed");

    // Partner keys are not found at sign-up; bad input changes nothing.
    sign_up(&app, sign_up_body(&partner_key, "fabrikam")).await.problem(404, "key-not-found");
    sign_up(&app, sign_up_body("BCDFG-HJKMP-QRTVW-XY234-6789C", "fabrikam")).await.problem(422, "invalid-key-checksum");
    let mut bad_country = sign_up_body(&retail[0], "fabrikam");
    bad_country["country"] = json!("XX");
    sign_up(&app, bad_country).await.problem(422, "country-not-supported");

    let created = sign_up(&app, sign_up_body(&retail[0], "fabrikam")).await;
    let created = created.expect(201).clone();
    assert!(created["tenant"]["created_by_partner_id"].is_null());
    assert_eq!(created["subscriptions"][0]["seats"], 5);
    assert_eq!(created["admin_user"]["admin"], true);
    let tenant = created["tenant"]["id"].as_str().unwrap().to_string();
    let subscription = created["subscriptions"][0]["id"].as_str().unwrap().to_string();
    // The key is spent; the domain is taken.
    sign_up(&app, sign_up_body(&retail[0], "northwind")).await.problem(409, "key-already-redeemed");
    sign_up(&app, sign_up_body(&retail[1], "fabrikam")).await.problem(409, "domain-taken");

    // The admin activates, signs in and adds keys: seats on the live subscription, or a
    // new subscription for another product.
    let (admin, _) = app.sign_in("maria@fabrikam.example", created["activation_token"].as_str().unwrap()).await;
    let keys_path = format!("/v1/tenants/{tenant}/keys");
    let more = app.post(&keys_path, &admin, json!({"key": retail[1]})).await.expect(201).clone();
    assert_eq!(
        (more["subscription"]["id"].as_str(), more["added_seats"].as_i64()),
        (Some(subscription.as_str()), Some(5))
    );
    assert_eq!(more["subscription"]["seats"], 10);
    let other = app.post(&keys_path, &admin, json!({"key": basic[0]})).await.expect(201).clone();
    assert_ne!(other["subscription"]["id"], subscription.as_str());
    assert_eq!(
        (other["subscription"]["product"]["id"].as_str(), other["subscription"]["seats"].as_i64()),
        (Some(PRODUCT_BASIC), Some(2))
    );
    app.post(&keys_path, &admin, json!({"key": retail[1]})).await.problem(409, "key-already-redeemed");
    app.post(&keys_path, &admin, json!({"key": partner_key})).await.problem(404, "key-not-found");

    // Partners neither see the retail tenant nor redeem retail keys.
    app.get(&format!("/v1/tenants/{tenant}"), &partner.token).await.problem(404, "not-found");
    let redemption = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{redemption}/keys"), &partner.token, json!({"key": retail[2]}))
        .await
        .problem(404, "key-not-found");
    app.post(&keys_path, &partner.token, json!({"key": retail[2]})).await.problem(404, "not-found");
    // The operator sees the keys with their channel.
    let listed = app.get("/v1/keys?limit=200", &app.operator).await;
    let channels: Vec<&str> =
        listed.expect(200)["data"].as_array().unwrap().iter().map(|k| k["channel"].as_str().unwrap()).collect();
    assert!(channels.contains(&"retail") && channels.contains(&"partner"));
    let only = app.get("/v1/keys?limit=200&channel=retail", &app.operator).await;
    let only = only.expect(200)["data"].as_array().unwrap().clone();
    assert_eq!(only.len(), 4);
    assert!(only.iter().all(|k| k["channel"] == "retail" && k["partner_id"].is_null()));
    let theirs = app.get("/v1/keys?channel=retail", &partner.token).await;
    assert!(theirs.expect(200)["data"].as_array().unwrap().is_empty(), "a partner has no retail keys");
    app.get("/v1/keys?channel=shop", &app.operator).await.problem(422, "validation-failed");
    // A retry with the same Idempotency-Key is the same sign-up.
    let body = sign_up_body(&retail[2], "adatum");
    let first =
        app.http.post(app.url("/v1/signup")).header("idempotency-key", "signup-1").json(&body).send().await.unwrap();
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let again =
        app.http.post(app.url("/v1/signup")).header("idempotency-key", "signup-1").json(&body).send().await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["tenant"]["id"], first["tenant"]["id"]);
}

/// Sixteen sign-ups with one key at once: exactly one tenant.
#[tokio::test]
async fn one_key_signs_up_one_tenant_however_many_try() {
    let app = spawn().await;
    let key = retail_keys(&app, PRODUCT_STANDARD, 5, 1).await.remove(0);
    let attempts = (0..16).map(|i| sign_up(&app, sign_up_body(&key, &format!("race{i}"))));
    let replies = futures::future::join_all(attempts).await;
    let created = replies.iter().filter(|r| r.status == 201).count();
    assert_eq!(created, 1, "{:?}", replies.iter().map(|r| r.status).collect::<Vec<_>>());
    assert!(replies.iter().filter(|r| r.status != 201).all(|r| r.code() == "key-already-redeemed"));
    let tenants = app.get("/v1/tenants?limit=100", &app.operator).await;
    assert_eq!(tenants.expect(200)["data"].as_array().unwrap().len(), 1);
}
