//! After the flows, a dump of the database holds no secret in plain text.

use crate::common::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_database_dump_contains_no_plain_secret() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let client = app.post(&format!("/v1/partners/{}/api-clients", partner.id), &partner.token, json!({})).await;
    let client_secret = client.expect(201)["client_secret"].as_str().unwrap().to_string();
    let mut keys = app.mint(&partner, PRODUCT_STANDARD, 10, 12, 3).await;
    // A response kept for idempotent retries holds keys too: it is stored sealed.
    let kept = app
        .http
        .post(app.url("/v1/key-batches"))
        .bearer_auth(&app.operator)
        .header("Idempotency-Key", "mint-once")
        .json(&json!({"product_id": PRODUCT_BASIC, "partner_id": partner.id, "seats_per_key": 1, "term_months": 12, "quantity": 2}))
        .send()
        .await
        .unwrap();
    let kept: serde_json::Value = kept.json().await.unwrap();
    keys.extend(kept["keys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()));
    let redemption = app.confirmed_redemption(&partner, &keys[..1]).await;
    let account = app
        .post(
            &format!("/v1/redemptions/{redemption}/account"),
            &partner.token,
            account_body("fabrikam", "maria@fabrikam.example"),
        )
        .await;
    let activation = account.expect(201)["activation_token"].as_str().unwrap().to_string();
    let password = "correct horse battery staple";
    let (_, refresh) = app.sign_in("maria@fabrikam.example", &activation).await;
    let rotated = app
        .send(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"grant_type": "refresh_token", "refresh_token": refresh})),
        )
        .await;
    let newest_refresh = rotated.expect(200)["refresh_token"].as_str().unwrap().to_string();

    let pg_dump = keyport::db::embedded::find_server_binaries().expect("server binaries").join("pg_dump");
    let output = std::process::Command::new(pg_dump).args(["-d", &app.database_url]).output().expect("pg_dump runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let dump = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(dump.contains("maria@fabrikam.example"), "the dump is of the right database");
    assert!(dump.contains("mint-once"), "the kept response is in the dump, sealed");

    let mut secrets =
        vec![client_secret, activation, refresh, newest_refresh, password.to_string(), OPERATOR_SECRET.to_string()];
    for key in &keys {
        secrets.push(key.clone());
        secrets.push(key.replace('-', ""));
        secrets.push(key[..23].to_string()); // any form of the part that is never kept
    }
    for secret in &secrets {
        assert!(!dump.contains(secret.as_str()), "the dump contains a secret in plain text");
        assert!(!dump.to_lowercase().contains(&secret.to_lowercase()));
    }
}
