//! Each constrained string's pattern, as the document states it, fuzzed both ways against
//! the server: what the pattern allows is never refused for its format, what it forbids is
//! refused with 422 naming the field (`invalid-key-format` for product keys).

use crate::common::*;
use keyport::domain::{
    formats::{COUNTRY, Format, PARTNER_NUMBER, PRODUCT_KEY, SKU, TENANT_DOMAIN},
    product_key::ProductKey,
};
use proptest::{
    strategy::{Strategy, ValueTree},
    test_runner::{Config, TestRng, TestRunner},
};
use serde_json::{Value, json};

const SAMPLES: usize = 40;

/// `SAMPLES` strings the pattern (and the documented maximum length) allows, and as many the
/// pattern forbids (any characters, any length up to 80), from a seeded generator (the seed
/// is printed for a replay).
fn samples(format: &Format, max_length: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let config = Config { rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha, ..Config::default() };
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    // Unbounded repetitions drawn short, so that values also fit the maximum length.
    let anchored = format.pattern.trim_start_matches('^').trim_end_matches('$').replace("]*", "]{0,2}");
    let allowed = proptest::string::string_regex(&anchored).expect("proptest reads the pattern");
    let anything = proptest::string::string_regex("(?s).{0,80}").unwrap();
    let draw = |strategy: &proptest::string::RegexGeneratorStrategy<String>, runner: &mut TestRunner| {
        strategy.new_tree(runner).unwrap().current()
    };
    let mut good: Vec<String> = Vec::new();
    while good.len() < SAMPLES {
        let candidate = draw(&allowed, &mut runner);
        if candidate.chars().count() <= max_length {
            good.push(candidate);
        }
    }
    let mut bad = vec![String::new(), " ".into()];
    while bad.len() < SAMPLES {
        let candidate = draw(&anything, &mut runner);
        if !format.matches(&candidate) {
            bad.push(candidate);
        }
    }
    assert!(good.iter().all(|g| format.matches(g)), "the generator and the pattern disagree");
    (good, bad)
}

/// The document states `format` on `schema`'s `property`; returns its maximum length.
fn documented(doc: &Value, schema: &str, property: &str, format: &Format) -> usize {
    let field = &doc["components"]["schemas"][schema]["properties"][property];
    let pattern = field.get("pattern").or_else(|| field["items"].get("pattern"));
    assert_eq!(pattern, Some(&json!(format.pattern)), "{schema}.{property} in the document");
    field["maxLength"].as_u64().map_or(usize::MAX, |m| m as usize)
}

fn refused_naming(reply: &Reply, field: &str) -> bool {
    reply.status == 422
        && reply.body["code"] == "validation-failed"
        && reply.body["errors"].as_array().is_some_and(|e| e.iter().any(|e| e["field"] == field))
}

#[tokio::test]
async fn every_pattern_holds_both_ways() {
    let seed: u64 = std::env::var("KEYPORT_FORMAT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random);
    println!("format fuzzing seed {seed} (replay: KEYPORT_FORMAT_SEED={seed})");
    let app = spawn_with(|s| {
        s.key_lookup_failures_per_minute = 1_000_000;
        s.partner_number_failures_per_minute = 1_000_000;
    })
    .await;
    let doc = keyport::openapi();
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "formats", 3).await;
    let unknown_key = ProductKey::from_random_body([7; 24]).canonical().to_string();
    let signup = |field: &str, value: &str| {
        let mut body = json!({"key": unknown_key, "country": "GR", "company_name": "Format Ltd", "domain": "format-ltd",
                              "admin": {"first_name": "F", "last_name": "Ormat", "email": "f@format-ltd.example"}});
        body[field] = json!(value);
        app.send(reqwest::Method::POST, "/v1/signup", None, Some(body))
    };

    // SKU: creating a product.
    let max = documented(&doc, "CreateProduct", "sku", &SKU);
    let (good, bad) = samples(&SKU, max, seed);
    for sku in &good {
        let reply = app.post("/v1/products", &app.operator, json!({"sku": sku, "name": "P"})).await;
        assert!([201, 409].contains(&reply.status.as_u16()), "sku {sku:?}: {}", reply.text);
    }
    for sku in &bad {
        let reply = app.post("/v1/products", &app.operator, json!({"sku": sku, "name": "P"})).await;
        assert!(refused_naming(&reply, "sku"), "sku {sku:?}: {}", reply.text);
    }

    // Domain and country: signing up (the key is well-formed but unknown, so a body whose
    // fields pass ends at `key-not-found`).
    for (field, format) in [("domain", &TENANT_DOMAIN), ("country", &COUNTRY)] {
        let max = documented(&doc, "SignUp", field, format);
        let (good, bad) = samples(format, max, seed);
        for value in &good {
            let reply = signup(field, value).await;
            assert!(!refused_naming(&reply, field), "{field} {value:?}: {}", reply.text);
            assert!([404, 409, 422].contains(&reply.status.as_u16()), "{field} {value:?}: {}", reply.text);
        }
        for value in &bad {
            let reply = signup(field, value).await;
            assert!(refused_naming(&reply, field), "{field} {value:?}: {}", reply.text);
        }
    }

    // Partner numbers: naming the partner of record.
    let max = documented(&doc, "PartnerOfRecordInput", "partner_number", &PARTNER_NUMBER);
    let path = format!("/v1/subscriptions/{}/partner-of-record", c.subscription);
    let (good, bad) = samples(&PARTNER_NUMBER, max, seed);
    for number in &good {
        let reply =
            app.send(reqwest::Method::PUT, &path, Some(&c.admin), Some(json!({"partner_number": number}))).await;
        assert!(
            reply.status == 200 || reply.body["code"] == "unknown-partner-number",
            "partner_number {number:?}: {}",
            reply.text
        );
    }
    for number in &bad {
        let reply =
            app.send(reqwest::Method::PUT, &path, Some(&c.admin), Some(json!({"partner_number": number}))).await;
        assert!(refused_naming(&reply, "partner_number"), "partner_number {number:?}: {}", reply.text);
    }

    // Product keys: validating one.
    let max = documented(&doc, "KeyInput", "key", &PRODUCT_KEY);
    let (good, bad) = samples(&PRODUCT_KEY, max, seed);
    for key in &good {
        let reply = app.post("/v1/keys/validate", &partner.token, json!({"key": key})).await;
        assert_ne!(reply.body["code"], "invalid-key-format", "key {key:?}: {}", reply.text);
        assert!(!refused_naming(&reply, "key"), "key {key:?}: {}", reply.text);
    }
    for key in &bad {
        let reply = app.post("/v1/keys/validate", &partner.token, json!({"key": key})).await;
        let refused = reply.body["code"] == "invalid-key-format" || refused_naming(&reply, "key");
        assert!(reply.status == 422 && refused, "key {key:?}: {}", reply.text);
    }
}
