//! A subscription's life, driven only through the API and the sandbox clock: notices,
//! expiry, grace, disabling, reactivation, direct billing, deletion and purge.

use crate::common::*;
use chrono::Duration;
use serde_json::{Value, json};

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// `days_before` of the renewal notices in an inbox.
fn notices(inbox: &[Value]) -> Vec<i64> {
    inbox
        .iter()
        .filter(|n| n["event"] == "subscription.renewal_notice")
        .map(|n| n["days_before"].as_i64().unwrap())
        .collect()
}

fn events(inbox: &[Value]) -> Vec<String> {
    inbox.iter().map(|n| n["event"].as_str().unwrap().to_string()).collect()
}

async fn subscription(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(&format!("/v1/subscriptions/{id}"), token).await.expect(200).clone()
}

#[tokio::test]
async fn notices_expiry_grace_disabling_and_reactivation_by_key() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let (user, _) = app.add_user(&c.admin, &c.tenant, "u@fabrikam.example", json!({})).await;
    let end = instant(&subscription(&app, &c.admin, &c.subscription).await["ends_at"]);

    // Nothing is due a year ahead.
    assert_eq!(app.sweep().await["renewal_notices_sent"], 0);
    for threshold in [60, 30, 7, 1] {
        app.advance_to(end - days(threshold)).await;
        let report = app.sweep().await;
        assert_eq!(report["renewal_notices_sent"], 1, "{threshold}: {report}");
        assert_eq!(report["renewal_notices_skipped"], 0);
        assert_eq!(app.sweep().await["renewal_notices_sent"], 0, "exactly once");
    }
    assert_eq!(notices(&app.inbox(&c.admin).await), [60, 30, 7, 1]);
    assert_eq!(notices(&app.inbox(&partner.token).await), [60, 30, 7, 1]);
    let notice = app.inbox(&c.admin).await.into_iter().find(|n| n["days_before"] == 7).unwrap();
    assert_eq!(notice["subscription_id"], c.subscription.as_str());
    assert!(notice["message"].as_str().unwrap().contains("in 7 days"));

    // Expired: still fully usable during grace.
    app.advance_to(end).await;
    assert_eq!(subscription(&app, &c.admin, &c.subscription).await["status"], "expired");
    let report = app.sweep().await;
    assert_eq!(report["subscriptions_expired"], 1);
    let licence = format!("/v1/tenants/{}/users/{user}/licenses/{}", c.tenant, c.subscription);
    app.put(&licence, &c.admin, None).await.expect(201);
    app.delete(&licence, &c.admin).await.expect(204);

    // Disabled after 30 days: no new licences.
    app.advance_to(end + days(30)).await;
    assert_eq!(subscription(&app, &c.admin, &c.subscription).await["status"], "disabled");
    assert_eq!(app.sweep().await["subscriptions_disabled"], 1);
    app.put(&licence, &c.admin, None).await.problem(409, "subscription-inactive");
    let listed = app.get("/v1/subscriptions?status=disabled", &partner.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 1);

    // Reactivation by key: the new term starts now.
    let key = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await.remove(0);
    let now = app.now().await;
    let renewal = app
        .post(
            &format!("/v1/subscriptions/{}/renewals", c.subscription),
            &partner.token,
            json!({"method": "product_key", "key": key}),
        )
        .await;
    let renewal = renewal.expect(201).clone();
    assert_eq!(renewal["method"], "product_key");
    assert_eq!(renewal["reactivated"], true);
    assert_eq!(instant(&renewal["previous_ends_at"]), end);
    assert!((instant(&renewal["starts_at"]) - now).num_minutes().abs() < 5);
    let renewed = subscription(&app, &c.admin, &c.subscription).await;
    assert_eq!(renewed["status"], "active");
    assert_eq!(renewed["seats"], 5);
    let new_end = instant(&renewed["ends_at"]);
    assert!((new_end - now).num_days() >= 365);
    app.put(&licence, &c.admin, None).await.expect(201);
    assert_eq!(events(&app.inbox(&partner.token).await).last().unwrap(), "subscription.reactivated");

    // A fresh schedule for the new term.
    app.advance_to(new_end - days(60)).await;
    assert_eq!(app.sweep().await["renewal_notices_sent"], 1);
    assert_eq!(notices(&app.inbox(&c.admin).await), [60, 30, 7, 1, 60]);
    let history = app.get(&format!("/v1/subscriptions/{}/renewals", c.subscription), &c.admin).await;
    assert_eq!(history.expect(200)["data"].as_array().unwrap().len(), 1);
    let all = events(&app.inbox(&c.admin).await);
    for event in ["subscription.expired", "subscription.disabled", "subscription.reactivated"] {
        assert_eq!(all.iter().filter(|e| *e == event).count(), 1, "{event} once: {all:?}");
    }
}

#[tokio::test]
async fn renewing_while_active_loses_no_day() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let stranger = app.partner("Litware").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    let end = instant(&subscription(&app, &c.admin, &c.subscription).await["ends_at"]);
    let path = format!("/v1/subscriptions/{}/renewals", c.subscription);
    let key = app.mint(&partner, PRODUCT_STANDARD, 4, 12, 1).await.remove(0);
    // The creating partner is neither partner of record nor delegated admin yet.
    app.post(&path, &partner.token, json!({"method": "product_key", "key": key}))
        .await
        .problem(403, "delegated-admin-required");
    app.post(&path, &c.admin, json!({"method": "product_key", "key": key})).await.problem(403, "forbidden");
    app.post(&path, &stranger.token, json!({"method": "product_key", "key": key})).await.problem(404, "not-found");
    app.name_partner_of_record(&c, &c.subscription, &partner).await;

    app.advance_to(end - days(10)).await;
    for email in ["a@fabrikam.example", "b@fabrikam.example"] {
        app.add_user(&c.admin, &c.tenant, email, json!({"license_subscription_id": c.subscription})).await;
    }
    let small = app.mint(&partner, PRODUCT_STANDARD, 2, 12, 1).await.remove(0);
    app.post(&path, &partner.token, json!({"method": "product_key", "key": small}))
        .await
        .problem(409, "seats-below-assigned");
    let other = app.mint(&partner, PRODUCT_BASIC, 4, 12, 1).await.remove(0);
    app.post(&path, &partner.token, json!({"method": "product_key", "key": other}))
        .await
        .problem(422, "product-mismatch");
    app.post(&path, &partner.token, json!({"method": "product_key", "key": "nope"}))
        .await
        .problem(422, "invalid-key-format");
    app.post(&path, &partner.token, json!({"method": "by_magic"})).await.problem(422, "validation-failed");
    app.post(&path, &partner.token, json!({"method": "product_key"})).await.problem(422, "validation-failed");

    let renewal = app.post(&path, &partner.token, json!({"method": "product_key", "key": key})).await;
    let renewal = renewal.expect(201).clone();
    assert_eq!(renewal["reactivated"], false);
    assert_eq!(instant(&renewal["starts_at"]), end, "the new term starts at the old end");
    let renewed = subscription(&app, &c.admin, &c.subscription).await;
    assert_eq!(instant(&renewed["ends_at"]), instant(&renewal["ends_at"]));
    assert_eq!(renewed["seats"], 4);
    assert!((instant(&renewed["ends_at"]) - end).num_days() >= 365);
    app.post(&path, &partner.token, json!({"method": "product_key", "key": key}))
        .await
        .problem(409, "key-already-redeemed");
    assert_eq!(events(&app.inbox(&c.admin).await).last().unwrap(), "subscription.renewed");
    // The old end passes without expiry: the subscription runs on.
    app.advance_to(end + days(1)).await;
    assert_eq!(app.sweep().await["subscriptions_expired"], 0);
    assert_eq!(subscription(&app, &c.admin, &c.subscription).await["status"], "active");
}

#[tokio::test]
async fn moving_to_direct_billing_reports_forfeited_days() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let (member, activation) = app
        .add_user(&c.admin, &c.tenant, "u@fabrikam.example", json!({"license_subscription_id": c.subscription}))
        .await;
    let (member_token, _) = app.sign_in("u@fabrikam.example", &activation).await;
    let end = instant(&subscription(&app, &c.admin, &c.subscription).await["ends_at"]);
    app.advance_to(end - days(100)).await;
    let now = app.now().await;
    let path = format!("/v1/subscriptions/{}/renewals", c.subscription);
    app.post(&path, &member_token, json!({"method": "direct_billing"})).await.problem(403, "forbidden");

    let renewal = app.post(&path, &c.admin, json!({"method": "direct_billing"})).await;
    let renewal = renewal.expect(201).clone();
    assert_eq!(renewal["method"], "direct_billing");
    assert_eq!(renewal["forfeited_days"], (end - now).num_days());
    assert!(renewal["forfeited_days"].as_i64().unwrap() >= 99);
    let new_id = renewal["new_subscription_id"].as_str().unwrap();

    let old = subscription(&app, &c.admin, &c.subscription).await;
    assert_eq!(old["status"], "superseded");
    assert_eq!(old["superseded_by"], new_id);
    assert_eq!(old["assigned_seats"], 0);
    let direct = subscription(&app, &c.admin, new_id).await;
    assert_eq!(direct["billing"], "direct");
    assert_eq!(direct["status"], "active");
    assert_eq!(direct["seats"], 3);
    assert_eq!(direct["assigned_seats"], 2, "licences moved across");
    assert_eq!(direct["partner_of_record"]["partner_id"], partner.id.as_str());
    assert!((instant(&direct["starts_at"]) - now).num_minutes().abs() < 5);
    let user = app.get(&format!("/v1/tenants/{}/users/{member}", c.tenant), &c.admin).await;
    assert_eq!(user.expect(200)["licenses"], json!([new_id]));

    app.post(&path, &c.admin, json!({"method": "direct_billing"})).await.problem(409, "subscription-superseded");
    assert_eq!(events(&app.inbox(&partner.token).await).last().unwrap(), "subscription.superseded");
    assert_eq!(events(&app.inbox(&c.admin).await).last().unwrap(), "subscription.superseded");
    // The superseded subscription has no notices or expiry of its own.
    app.advance_to(end + days(1)).await;
    let report = app.sweep().await;
    assert_eq!(report["subscriptions_expired"], 0);
    assert_eq!(report["renewal_notices_sent"], 0);
}

#[tokio::test]
async fn deletion_purges_the_tenant_when_nothing_live_remains() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let gone = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    app.name_partner_of_record(&gone, &gone.subscription, &partner).await;
    app.add_user(
        &gone.admin,
        &gone.tenant,
        "u@fabrikam.example",
        json!({"license_subscription_id": gone.subscription}),
    )
    .await;
    // A second tenant with two subscriptions, one of which outlives the other.
    let mut keys = app.mint(&partner, PRODUCT_STANDARD, 2, 12, 1).await;
    keys.extend(app.mint(&partner, PRODUCT_BASIC, 2, 24, 1).await);
    let r = app.confirmed_redemption(&partner, &keys).await;
    let kept = app
        .post(&format!("/v1/redemptions/{r}/account"), &partner.token, account_body("adatum", "x@adatum.example"))
        .await;
    let kept_tenant = kept.expect(201)["tenant"]["id"].as_str().unwrap().to_string();
    // A delegated-admin relationship that got an expiry notice, and a webhook endpoint: both
    // go with the tenant's data.
    app.delegate_with(&gone, &partner, json!({"duration_days": 10})).await;
    app.advance_to(app.now().await + days(3)).await;
    assert_eq!(app.sweep().await["relationship_notices_sent"], 1, "the 7-day notice");
    let hook = json!({"url": "http://127.0.0.1:9/hook", "events": ["subscription.deleted"]});
    app.post("/v1/webhook-endpoints", &gone.admin, hook).await.expect(201);
    let end = instant(&subscription(&app, &gone.admin, &gone.subscription).await["ends_at"]);

    app.advance_to(end + days(120)).await;
    let report = app.sweep().await;
    assert_eq!(report["subscriptions_expired"], 2);
    assert_eq!(report["subscriptions_disabled"], 2);
    assert_eq!(report["subscriptions_deleted"], 2);
    assert_eq!(report["tenants_purged"], 1, "the tenant with a live subscription keeps its data");
    assert_eq!(app.sweep().await["tenants_purged"], 0);

    let tenant = app.get(&format!("/v1/tenants/{}", gone.tenant), &partner.token).await;
    assert_eq!(tenant.expect(200)["status"], "data_deleted");
    let endpoints = app.get("/v1/webhook-endpoints", &app.operator).await;
    assert!(endpoints.expect(200)["data"].as_array().unwrap().is_empty(), "the tenant's endpoint went with it");
    assert_eq!(subscription(&app, &partner.token, &gone.subscription).await["status"], "deleted");
    // The users are gone: their tokens and passwords no longer work.
    app.get(&format!("/v1/tenants/{}", gone.tenant), &gone.admin).await.problem(401, "unauthorized");
    let sign_in = app
        .send(
            reqwest::Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"grant_type": "password", "username": "admin@fabrikam.example", "password": "correct horse battery staple"})),
        )
        .await;
    assert_eq!(sign_in.expect(400)["error"], "invalid_grant");
    // The partner keeps its records: keys redeemed, the subscription and its events.
    let keys = app.get("/v1/keys?status=redeemed", &partner.token).await;
    assert_eq!(keys.expect(200)["data"].as_array().unwrap().len(), 3);
    let partner_events = events(&app.inbox(&partner.token).await);
    for event in ["subscription.expired", "subscription.disabled", "subscription.deleted"] {
        assert_eq!(partner_events.iter().filter(|e| *e == event).count(), 1, "{event}");
    }
    let renew = app
        .post(
            &format!("/v1/subscriptions/{}/renewals", gone.subscription),
            &partner.token,
            json!({"method": "direct_billing"}),
        )
        .await;
    // Every change to a purged tenant is refused as such (SPEC §8), renewals included.
    renew.problem(409, "tenant-data-deleted");
    // The tenant whose 24-month subscription lives on keeps its users.
    let kept = app.get(&format!("/v1/tenants/{kept_tenant}"), &partner.token).await;
    assert_eq!(kept.expect(200)["status"], "active");
    let live = app.get(&format!("/v1/subscriptions?tenant_id={kept_tenant}&status=active"), &partner.token).await;
    assert_eq!(live.expect(200)["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_late_sweep_sends_only_the_nearest_notice() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let end = instant(&subscription(&app, &c.admin, &c.subscription).await["ends_at"]);
    // The service was down from before the 60-day mark until 5 days before the end.
    app.advance_to(end - days(5)).await;
    let report = app.sweep().await;
    assert_eq!(report["renewal_notices_sent"], 1);
    assert_eq!(report["renewal_notices_skipped"], 2);
    assert_eq!(notices(&app.inbox(&c.admin).await), [7]);
    assert_eq!(notices(&app.inbox(&partner.token).await), [7]);
    app.advance_to(end - days(1)).await;
    assert_eq!(app.sweep().await["renewal_notices_sent"], 1);
    assert_eq!(notices(&app.inbox(&c.admin).await), [7, 1]);
}

#[tokio::test]
async fn the_sandbox_clock() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let before = app.get("/v1/sandbox/clock", &app.operator).await;
    assert_eq!(before.expect(200)["offset_seconds"], 0);
    let moved = app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 2, "hours": 3})).await;
    assert_eq!(moved.expect(200)["offset_seconds"], 2 * 86_400 + 3 * 3600);
    assert!(instant(&moved.body["now"]) - instant(&before.body["now"]) >= Duration::hours(51));
    for bad in [
        json!({"days": 0}),
        json!({"days": -1}),
        json!({"days": 1, "hours": 24}),
        json!({"hours": 2}),
        json!({"days": "1"}),
    ] {
        app.post("/v1/sandbox/clock/advance", &app.operator, bad).await.problem(422, "validation-failed");
    }
    app.post("/v1/sandbox/clock/advance", &partner.token, json!({"days": 1})).await.problem(403, "forbidden");
    app.get("/v1/sandbox/clock", &partner.token).await.problem(403, "forbidden");
    app.send(reqwest::Method::GET, "/v1/sandbox/clock", None, None).await.problem(401, "unauthorized");
    let garbled = app.get("/v1/sandbox/clock", "garbage").await;
    garbled.problem(401, "unauthorized");
    assert!(garbled.headers["www-authenticate"].to_str().unwrap().contains("invalid_token"), "a sent token is named");

    // The clock moves redemption expiry too, but not access tokens.
    let redemption = app.open_redemption(&partner).await;
    app.post("/v1/sandbox/clock/advance", &app.operator, json!({"days": 0, "hours": 1})).await.expect(200);
    app.get(&format!("/v1/redemptions/{redemption}"), &partner.token).await.problem(410, "redemption-expired");

    // Without sandbox mode the paths are not there, whoever asks.
    let plain = spawn_with(|s| s.sandbox = false).await;
    plain.get("/v1/sandbox/clock", &plain.operator).await.problem(404, "not-found");
    plain.post("/v1/sandbox/clock/advance", &plain.operator, json!({"days": 1})).await.problem(404, "not-found");
    plain.send(reqwest::Method::GET, "/v1/sandbox/clock", None, None).await.problem(404, "not-found");
    plain.post("/v1/sandbox/clock/advance", &plain.operator, json!({"bogus": true})).await.problem(404, "not-found");
}
