//! Signing keys rotate with no restart (SPEC §14): `keyport keys rotate` against the
//! database two `keyport serve` processes share.

use std::{process::Command, time::Duration};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde_json::Value;

use crate::common::*;

fn kid_of(token: &str) -> String {
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    header["kid"].as_str().unwrap().to_string()
}

/// The `kid`s an instance publishes.
async fn published(base: &str) -> Vec<String> {
    let jwks: Value = reqwest::get(format!("{base}/.well-known/jwks.json")).await.unwrap().json().await.unwrap();
    jwks["keys"].as_array().unwrap().iter().map(|k| k["kid"].as_str().unwrap().to_string()).collect()
}

/// Waits (at most `seconds`) until every instance publishes exactly `kids`.
async fn until_published(instances: &[&Instance], kids: &[&str], seconds: u64) {
    for _ in 0..seconds * 10 {
        let mut all = true;
        for instance in instances {
            let mut got = published(&instance.base).await;
            got.sort();
            let mut want: Vec<String> = kids.iter().map(|k| k.to_string()).collect();
            want.sort();
            all &= got == want;
        }
        if all {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the instances did not come to publish {kids:?}");
}

fn keys_command(database_url: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_keyport"))
        .arg("keys")
        .args(args)
        .env("KEYPORT_DATABASE_URL", database_url)
        .env("KEYPORT_ACCESS_TOKEN_TTL", "6s")
        .env("KEYPORT_BOOTSTRAP_OPERATOR_ID", OPERATOR_ID)
        .env("KEYPORT_BOOTSTRAP_OPERATOR_SECRET", OPERATOR_SECRET)
        .env_remove("KEYPORT_SIGNING_KEY_FILE")
        .env("KEYPORT_LOG", "warn")
        .output()
        .expect("keyport keys runs");
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), said)
}

async fn answer(instance: &Instance, token: &str) -> u16 {
    let client = reqwest::Client::new();
    client.get(format!("{}/v1/products", instance.base)).bearer_auth(token).send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn a_rotated_key_signs_on_every_instance_at_once_and_the_old_one_retires_by_itself() {
    let database_url = fresh_database();
    let lifetime = [("KEYPORT_ACCESS_TOKEN_TTL", "6s")];
    let (a, b) = (serve(&database_url, &lifetime).await, serve(&database_url, &lifetime).await);
    let before = TestApp::attach(&a.base, &database_url).await.operator.clone();
    let old = kid_of(&before);
    until_published(&[&a, &b], &[&old], 1).await;

    let (ok, said) = keys_command(&database_url, &["rotate"]);
    assert!(ok, "{said}");
    let new = said.split_whitespace().next().unwrap().to_string();
    assert_ne!(new, old);
    // Both instances publish both keys at once; a token from before works on both, tokens
    // from now on carry the new key, wherever they are issued.
    until_published(&[&a, &b], &[&old, &new], 3).await;
    assert_eq!((answer(&a, &before).await, answer(&b, &before).await), (200, 200));
    for instance in [&a, &b] {
        let token = TestApp::attach(&instance.base, &database_url).await.operator.clone();
        assert_eq!(kid_of(&token), new);
        assert_eq!((answer(&a, &token).await, answer(&b, &token).await), (200, 200));
    }
    let (_, listed) = keys_command(&database_url, &["list"]);
    assert!(listed.contains(&format!("{new}  made")) && listed.contains("signs"), "{listed}");
    assert!(listed.contains(&format!("{old}  made")) && listed.contains("verifies until"), "{listed}");

    // The old key retires by itself once its tokens have run out (6 s and 5 s of leeway).
    until_published(&[&a, &b], &[&new], 20).await;
    assert_eq!((answer(&a, &before).await, answer(&b, &before).await), (401, 401));

    // The key that signs cannot be retired; an earlier one at once, on every instance.
    let (ok, said) = keys_command(&database_url, &["retire", &new]);
    assert!(!ok && said.contains("rotate first"), "{said}");
    let signed_by_new = TestApp::attach(&b.base, &database_url).await.operator.clone();
    let (ok, said) = keys_command(&database_url, &["rotate"]);
    assert!(ok, "{said}");
    let newest = said.split_whitespace().next().unwrap().to_string();
    until_published(&[&a, &b], &[&new, &newest], 3).await;
    assert_eq!((answer(&a, &signed_by_new).await, answer(&b, &signed_by_new).await), (200, 200));
    let (ok, said) = keys_command(&database_url, &["retire", &new]);
    assert!(ok, "{said}");
    until_published(&[&a, &b], &[&newest], 3).await;
    assert_eq!((answer(&a, &signed_by_new).await, answer(&b, &signed_by_new).await), (401, 401));
    let (ok, said) = keys_command(&database_url, &["retire", "no-such-kid"]);
    assert!(!ok && said.contains("No such signing key"), "{said}");
}
