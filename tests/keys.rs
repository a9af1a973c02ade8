//! Key batches (mint, import, CSV), masked lists with filters, validation and revocation.

use crate::common::*;
use keyport::domain::product_key::ProductKey;
use serde_json::json;

#[tokio::test]
async fn minted_keys_are_shown_once_then_masked() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let reply = app
        .post(
            "/v1/key-batches",
            &app.operator,
            json!({"product_id": PRODUCT_STANDARD, "partner_id": partner.id, "seats_per_key": 10, "term_months": 12, "quantity": 3}),
        )
        .await;
    let batch = reply.expect(201).clone();
    assert_eq!(batch["quantity"], 3);
    assert_eq!(batch["imported"], false);
    assert_eq!(reply.headers["location"], format!("/v1/key-batches/{}", batch["id"].as_str().unwrap()));
    let keys: Vec<String> = batch["keys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().into()).collect();
    for key in &keys {
        assert_eq!(key.len(), 29);
        ProductKey::parse(key).expect("minted keys carry a valid check character");
    }

    let listed = app.get(&format!("/v1/keys?batch_id={}", batch["id"].as_str().unwrap()), &partner.token).await;
    let listed = listed.expect(200).clone();
    assert_eq!(listed["data"].as_array().unwrap().len(), 3);
    for key in &keys {
        assert!(!listed.to_string().contains(&key[..23]), "lists never show a key");
    }
    assert!(listed["data"][0]["key"].as_str().unwrap().starts_with("*****-*****-*****-*****-"));
    let batch_read = app.get(&format!("/v1/key-batches/{}", batch["id"].as_str().unwrap()), &partner.token).await;
    assert!(batch_read.expect(200).get("keys").is_none());
}

#[tokio::test]
async fn csv_on_request() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let response = app
        .http
        .post(app.url("/v1/key-batches"))
        .bearer_auth(&app.operator)
        .header("accept", "text/csv")
        .json(&json!({"product_id": PRODUCT_BASIC, "partner_id": partner.id, "seats_per_key": 1, "term_months": 1, "quantity": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    // What the card printer needs: each card's serial, and its key.
    assert_eq!(lines[0], "serial,key");
    assert_eq!(lines.len(), 3);
    let (first, key) = lines[1].split_once(',').unwrap();
    let second = lines[2].split_once(',').unwrap().0;
    assert_eq!((first.len(), second.parse::<u64>().unwrap() - first.parse::<u64>().unwrap()), (12, 1));
    let validated = app.post("/v1/keys/validate", &partner.token, json!({"key": key})).await;
    assert_eq!(validated.expect(200)["seats"], 1);
}

#[tokio::test]
async fn imports_are_checked_key_by_key() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let good: Vec<String> = (0..3u8).map(|i| ProductKey::from_random_body([i + 1; 24]).to_string()).collect();
    let body = |keys: Vec<String>| json!({"product_id": PRODUCT_BASIC, "partner_id": partner.id, "seats_per_key": 5, "term_months": 12, "keys": keys});
    let mut typo = good[0].clone().into_bytes();
    typo[0] = if typo[0] == b'B' { b'C' } else { b'B' };
    let typo = String::from_utf8(typo).unwrap();
    let bad = app
        .post("/v1/key-batches", &app.operator, body(vec![good[0].clone(), typo, "nonsense".into(), good[0].clone()]))
        .await;
    bad.problem(422, "validation-failed");
    let fields: Vec<&str> =
        bad.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["keys[1]", "keys[2]", "keys[3]"]);

    let imported = app.post("/v1/key-batches", &app.operator, body(good.clone())).await;
    assert_eq!(imported.expect(201)["imported"], true);
    assert_eq!(imported.body["quantity"], 3);
    // Lower case and spaces are the same key: already known.
    let again = app.post("/v1/key-batches", &app.operator, body(vec![good[1].to_lowercase().replace('-', " ")])).await;
    again.problem(409, "key-exists");
    let all = app.get("/v1/keys", &app.operator).await;
    assert_eq!(all.expect(200)["data"].as_array().unwrap().len(), 3, "a refused import stores nothing");
}

#[tokio::test]
async fn batch_rules() {
    let app = spawn().await;
    let reseller = app.partner("Contoso IT").await;
    let not_reseller = app.partner_with(json!({"name": "Solo"})).await;
    let body = |partner: &str, extra: serde_json::Value| {
        let mut b = json!({"product_id": PRODUCT_BASIC, "partner_id": partner, "seats_per_key": 5, "term_months": 12});
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    app.post("/v1/key-batches", &app.operator, body(&not_reseller.id, json!({"quantity": 1})))
        .await
        .problem(422, "partner-not-reseller");
    for bad in [
        json!({"quantity": 0}),
        json!({"quantity": 100001}),
        json!({}),
        json!({"quantity": 1, "keys": ["x"]}),
        json!({"quantity": 1, "seats_per_key": 0}),
        json!({"quantity": 1, "term_months": 0}),
        json!({"quantity": 1, "product_id": "01900000-0000-7000-8000-00000000dead"}),
        json!({"quantity": 1, "partner_id": "01900000-0000-7000-8000-00000000dead"}),
        json!({"quantity": 1, "product_id": "not-a-uuid"}),
    ] {
        let reply = app.post("/v1/key-batches", &app.operator, body(&reseller.id, bad.clone())).await;
        reply.problem(422, "validation-failed");
    }
    app.post("/v1/key-batches", &reseller.token, body(&reseller.id, json!({"quantity": 1})))
        .await
        .problem(403, "forbidden");
    let nothing = app.get("/v1/key-batches", &app.operator).await;
    assert_eq!(nothing.expect(200)["data"], json!([]));
}

#[tokio::test]
async fn partners_see_their_own_keys_and_filters_work() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let other = app.partner("Litware").await;
    let mine = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 2).await;
    app.mint(&partner, PRODUCT_BASIC, 1, 12, 1).await;
    let theirs = app.mint(&other, PRODUCT_BASIC, 1, 12, 1).await;

    let count = |reply: &Reply| reply.body["data"].as_array().unwrap().len();
    let r = app.get("/v1/keys", &partner.token).await;
    r.expect(200);
    assert_eq!(count(&r), 3);
    let r = app.get(&format!("/v1/keys?product_id={PRODUCT_BASIC}"), &partner.token).await;
    r.expect(200);
    assert_eq!(count(&r), 1);
    let r = app.get("/v1/keys", &app.operator).await;
    r.expect(200);
    assert_eq!(count(&r), 4);
    let r = app.get("/v1/key-batches", &partner.token).await;
    r.expect(200);
    assert_eq!(count(&r), 2);
    let their_batch =
        app.get("/v1/key-batches", &other.token).await.body["data"][0]["id"].as_str().unwrap().to_string();
    app.get(&format!("/v1/key-batches/{their_batch}"), &partner.token).await.problem(404, "not-found");
    app.get(&format!("/v1/key-batches/{their_batch}"), &app.operator).await.expect(200);
    app.get("/v1/keys?status=lost", &partner.token).await.problem(422, "validation-failed");
    app.get("/v1/keys?product_id=nope", &partner.token).await.problem(422, "validation-failed");

    let r = app.get("/v1/keys?limit=2", &partner.token).await;
    let cursor = r.expect(200)["next_cursor"].as_str().unwrap().to_string();
    let rest = app.get(&format!("/v1/keys?limit=2&after={cursor}"), &partner.token).await;
    rest.expect(200);
    assert_eq!(count(&rest), 1);

    let v = app.post("/v1/keys/validate", &partner.token, json!({"key": mine[0]})).await;
    let v = v.expect(200);
    assert_eq!(v["product"]["id"], PRODUCT_STANDARD);
    assert_eq!(v["seats"], 10);
    assert_eq!(v["term_months"], 12);
    assert_eq!(v["status"], "available");
    app.post("/v1/keys/validate", &partner.token, json!({"key": theirs[0]})).await.problem(404, "key-not-found");
    app.post("/v1/keys/validate", &partner.token, json!({"key": "BCDFG"})).await.problem(422, "invalid-key-format");
    app.post("/v1/keys/validate", &app.operator, json!({"key": theirs[0]})).await.expect(200);
}

#[tokio::test]
async fn revocation() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 1, 12, 3).await;
    // Key ids in minting order are the ids of keys[0], keys[1], keys[2] in list order.
    let listed = app.get("/v1/keys", &app.operator).await;
    let id_of = |key: &str| -> String {
        let data = listed.body["data"].as_array().unwrap();
        let found = data.iter().find(|k| k["key"].as_str().unwrap().ends_with(&key[24..])).unwrap();
        found["id"].as_str().unwrap().to_string()
    };
    let revoked = app.post(&format!("/v1/keys/{}/revoke", id_of(&keys[0])), &app.operator, json!({})).await;
    assert_eq!(revoked.expect(200)["status"], "revoked");
    app.post(&format!("/v1/keys/{}/revoke", id_of(&keys[0])), &app.operator, json!({})).await.expect(200);
    app.post(&format!("/v1/keys/{}/revoke", id_of(&keys[1])), &partner.token, json!({}))
        .await
        .problem(403, "forbidden");

    let held = app.confirmed_redemption(&partner, &keys[1..2]).await;
    app.post(&format!("/v1/keys/{}/revoke", id_of(&keys[1])), &app.operator, json!({}))
        .await
        .problem(409, "key-reserved");
    app.post(&format!("/v1/redemptions/{held}/account"), &partner.token, account_body("held", "h@held.example"))
        .await
        .expect(201);
    app.post(&format!("/v1/keys/{}/revoke", id_of(&keys[1])), &app.operator, json!({}))
        .await
        .problem(409, "key-already-redeemed");
    app.post("/v1/keys/01900000-0000-7000-8000-00000000dead/revoke", &app.operator, json!({}))
        .await
        .problem(404, "not-found");
}
