//! Webhooks against a real HTTP receiver on loopback: signed deliveries of inbox events,
//! retries on the sandbox clock, secret rotation, the SSRF guard, disabling, and exactly
//! once per endpoint across instances.

use std::collections::HashMap;

use crate::common::*;
use serde_json::{Value, json};

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// Registers an endpoint; returns (endpoint id, secret).
async fn register(app: &TestApp, token: &str, url: &str, events: &[&str]) -> (String, String) {
    let created = app.post("/v1/webhook-endpoints", token, json!({"url": url, "events": events})).await;
    let created = created.expect(201);
    (created["id"].as_str().unwrap().to_string(), created["secret"].as_str().unwrap().to_string())
}

async fn delivered(app: &TestApp, token: &str, endpoint: &str) -> usize {
    app.deliveries(token, endpoint).await.iter().filter(|d| d["status"] == "delivered").count()
}

impl TestApp {
    /// One pass of the delivery worker.
    async fn deliver(&self) -> Value {
        self.post("/v1/jobs/deliver-webhooks", &self.operator, json!({})).await.expect(200).clone()
    }

    async fn deliveries(&self, token: &str, endpoint: &str) -> Vec<Value> {
        let listed = self.get(&format!("/v1/webhook-endpoints/{endpoint}/deliveries?limit=100"), token).await;
        listed.expect(200)["data"].as_array().unwrap().clone()
    }
}

#[tokio::test]
async fn renewal_notices_reach_the_partners_receiver_signed_and_once_each() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let (endpoint, secret) =
        register(&app, &partner.token, &receiver.url("/partner"), &["subscription.renewal_notice"]).await;
    let (_, tenant_secret) = register(&app, &c.admin, &receiver.url("/tenant"), &["subscription.renewal_notice"]).await;
    // Another partner's endpoint hears nothing of this tenant.
    let stranger = app.partner("Stranger IT").await;
    register(&app, &stranger.token, &receiver.url("/stranger"), &["subscription.renewal_notice"]).await;
    let end =
        instant(&app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await.expect(200)["ends_at"]);

    let mut seen = Vec::new();
    for threshold in [60, 30, 7, 1] {
        app.advance_to(end - days(threshold)).await;
        assert_eq!(app.sweep().await["renewal_notices_sent"], 1);
        let report = app.deliver().await;
        assert_eq!((report["attempted"].as_i64(), report["delivered"].as_i64()), (Some(2), Some(2)), "{report}");
        assert_eq!(app.deliver().await["attempted"], 0, "nothing twice");
        app.sweep().await;
        assert_eq!(app.deliver().await["attempted"], 0);
        let partner_copies: Vec<Received> = receiver.received().into_iter().filter(|r| r.path == "/partner").collect();
        let latest = partner_copies.last().unwrap();
        assert!(latest.signed_with(&secret), "signed with the endpoint's secret");
        assert!(!latest.signed_with(&tenant_secret), "and only with it");
        let body = latest.json();
        assert_eq!(body["type"], "subscription.renewal_notice");
        assert_eq!(body["data"]["days_before"], threshold);
        assert_eq!(body["data"]["subscription_id"], c.subscription.as_str());
        assert_eq!(latest.header("keyport-event-id"), body["id"].as_str().unwrap());
        assert_eq!(latest.header("content-type"), "application/json");
        seen.push(body["id"].as_str().unwrap().to_string());
    }
    let received = receiver.received();
    let by_path = |path: &str| received.iter().filter(|r| r.path == path).count();
    assert_eq!((by_path("/partner"), by_path("/tenant"), by_path("/stranger")), (4, 4, 0));
    seen.dedup();
    assert_eq!(seen.len(), 4, "four distinct events");
    let tenant_copies: Vec<&Received> = received.iter().filter(|r| r.path == "/tenant").collect();
    assert!(tenant_copies.iter().all(|r| r.signed_with(&tenant_secret)));
    let listed = app.deliveries(&partner.token, &endpoint).await;
    assert_eq!(listed.len(), 4);
    assert!(listed.iter().all(|d| d["status"] == "delivered" && d["attempts"] == 1 && d["last_status_code"] == 200));
}

#[tokio::test]
async fn a_failing_receiver_gets_the_event_on_the_third_attempt() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let (endpoint, secret) = register(&app, &partner.token, &receiver.url("/hook"), &["partner_of_record.added"]).await;
    receiver.answer_with(&[500, 503]);
    let ping = app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await;
    let ping = ping.expect(202).clone();
    assert_eq!((ping["event_type"].as_str(), ping["status"].as_str()), (Some("ping"), Some("pending")));

    let first = app.deliver().await;
    assert_eq!((first["attempted"].as_i64(), first["retrying"].as_i64()), (Some(1), Some(1)));
    // Not due again until its backoff has passed on the service's clock.
    assert_eq!(app.deliver().await["attempted"], 0);
    let delivery = &app.deliveries(&partner.token, &endpoint).await[0];
    assert_eq!((delivery["attempts"].as_i64(), delivery["last_status_code"].as_i64()), (Some(1), Some(500)));
    let next = instant(&delivery["next_attempt_at"]);
    app.advance_to(next).await;
    assert_eq!(app.deliver().await["retrying"], 1);
    let delivery = &app.deliveries(&partner.token, &endpoint).await[0];
    let second_wait = instant(&delivery["next_attempt_at"]) - next;
    assert!(second_wait > chrono::Duration::minutes(1), "the wait grows: {second_wait}");
    app.advance_to(instant(&delivery["next_attempt_at"])).await;
    assert_eq!(app.deliver().await["delivered"], 1);

    let delivery = &app.deliveries(&partner.token, &endpoint).await[0];
    assert_eq!((delivery["status"].as_str(), delivery["attempts"].as_i64()), (Some("delivered"), Some(3)));
    let received = receiver.received();
    assert_eq!(received.len(), 3);
    let ids: Vec<&str> = received.iter().map(|r| r.header("keyport-event-id")).collect();
    assert!(ids.iter().all(|id| *id == ping["event_id"].as_str().unwrap()), "one event, three attempts");
    assert!(received.iter().all(|r| r.signed_with(&secret)));
    assert_eq!(received[2].json()["type"], "ping");

    // Redelivery sends it once more, same event id.
    let redeliver = format!("/v1/webhook-endpoints/{endpoint}/deliveries/{}/redeliver", ping["id"].as_str().unwrap());
    app.post(&redeliver, &partner.token, json!({})).await.expect(202);
    assert_eq!(app.deliver().await["delivered"], 1);
    assert_eq!(receiver.received()[3].header("keyport-event-id"), ping["event_id"].as_str().unwrap());
    let other = app.partner("Other IT").await;
    app.post(&redeliver, &other.token, json!({})).await.problem(404, "not-found");
}

#[tokio::test]
async fn a_rotated_secret_signs_beside_the_new_one_for_a_day() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let (endpoint, old) = register(&app, &partner.token, &receiver.url("/hook"), &["partner_of_record.added"]).await;
    let rotated = app.post(&format!("/v1/webhook-endpoints/{endpoint}/rotate-secret"), &partner.token, json!({})).await;
    let new = rotated.expect(200)["secret"].as_str().unwrap().to_string();
    assert!(new.starts_with("whsec_") && new != old);
    assert!(rotated.body["previous_secret_expires_at"].is_string());
    let read = app.get(&format!("/v1/webhook-endpoints/{endpoint}"), &partner.token).await;
    assert!(!read.text.contains(&new) && !read.text.contains(&old), "secrets are shown once");

    app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await.expect(202);
    app.deliver().await;
    let during = &receiver.received()[0];
    assert_eq!(during.signatures(), 2);
    assert!(during.signed_with(&old) && during.signed_with(&new), "either secret verifies");

    app.advance_to(app.now().await + chrono::Duration::hours(25)).await;
    app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await.expect(202);
    app.deliver().await;
    let after = &receiver.received()[1];
    assert_eq!(after.signatures(), 1);
    assert!(after.signed_with(&new) && !after.signed_with(&old));
}

#[tokio::test]
async fn urls_that_lead_inside_are_refused() {
    let app = spawn_with(|s| s.webhook_allow_private = false).await;
    let partner = app.partner("Contoso IT").await;
    for url in [
        "http://hooks.example.com/keyport",
        "https://127.0.0.1/hook",
        "https://10.0.0.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        // IPv4-translated IPv6 (::ffff:0:0/96): loopback and the cloud metadata address
        "https://[::ffff:0:7f00:1]/",
        "https://[::ffff:0:a9fe:a9fe]/latest/meta-data",
        // NAT64's local-use prefix and IPv4-compatible IPv6, carrying private addresses
        "https://[64:ff9b:1:a00:0:100::]/hook",
        "https://[::a9fe:a9fe]/hook",
        "https://localhost/hook",
        "https://0.0.0.0/hook",
        "https://user:pass@93.184.216.34/hook",
        "ftp://93.184.216.34/hook",
        "not a url",
    ] {
        let refused =
            app.post("/v1/webhook-endpoints", &partner.token, json!({"url": url, "events": ["subscription.expired"]}));
        refused.await.problem(422, "webhook-url-forbidden");
    }
    // Each refusal says its own reason: a private address (whichever range), a name that
    // does not resolve (RFC 6761: `.invalid` never does).
    for (url, reason) in [
        ("https://10.0.0.1/hook", "must lead only to public addresses"),
        ("https://keyport-hooks.invalid/hook", "resolve"),
    ] {
        let refused =
            app.post("/v1/webhook-endpoints", &partner.token, json!({"url": url, "events": ["subscription.expired"]}));
        let refused = refused.await;
        refused.problem(422, "webhook-url-forbidden");
        assert!(refused.body["detail"].as_str().unwrap().contains(reason), "{url}: {}", refused.text);
    }
    let listed = app.get("/v1/webhook-endpoints", &partner.token).await;
    assert!(listed.expect(200)["data"].as_array().unwrap().is_empty(), "nothing was registered");
    // A public address literal passes the guard (nothing is sent at registration).
    let (endpoint, _) = register(&app, &partner.token, "https://93.184.216.34/hook", &["subscription.expired"]).await;
    let path = format!("/v1/webhook-endpoints/{endpoint}");
    app.patch(&path, &partner.token, json!({"url": "https://127.0.0.1/"})).await.problem(422, "webhook-url-forbidden");
    for bad in [
        json!({"url": "https://93.184.216.34/", "events": []}),
        json!({"url": "https://93.184.216.34/", "events": ["subscription.exploded"]}),
        json!({"url": "https://93.184.216.34/", "events": ["ping"]}),
        json!({"url": format!("https://93.184.216.34/{}", "a".repeat(2100)), "events": ["subscription.expired"]}),
    ] {
        app.post("/v1/webhook-endpoints", &partner.token, bad).await.problem(422, "validation-failed");
    }
}

/// The guard runs again at each attempt: endpoints registered where private addresses were
/// allowed are not reached by an instance where they are not, each refusal saying why.
#[tokio::test]
async fn every_attempt_is_vetted_again() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let (plain, _) = register(&app, &partner.token, &receiver.url("/hook"), &["subscription.expired"]).await;
    let (private, _) = register(&app, &partner.token, "https://127.0.0.1:9/hook", &["subscription.expired"]).await;
    for endpoint in [&plain, &private] {
        app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await.expect(202);
    }
    let mut strict = test_settings(&app.database_url);
    strict.webhook_allow_private = false;
    let guarded = spawn_on(strict).await;
    assert_eq!(guarded.deliver().await["retrying"], 2);
    assert!(receiver.received().is_empty(), "nothing reached the loopback receiver");
    for (endpoint, reason) in [(&plain, "must be an https URL"), (&private, "must lead only to public addresses")] {
        let delivery = &app.deliveries(&partner.token, endpoint).await[0];
        assert_eq!(delivery["last_error"], reason, "{delivery}");
        assert_eq!(delivery["status"], "pending", "refused attempts are retried by the schedule");
    }
}

#[tokio::test]
async fn an_endpoint_failing_for_the_whole_schedule_is_turned_off_and_its_owner_told() {
    let hour = std::time::Duration::from_secs(3600);
    let app = spawn_with(|s| s.webhook_retry_schedule = vec![hour, 24 * hour, 48 * hour]).await;
    let partner = app.partner("Contoso IT").await;
    // Nothing listens on port 9 of loopback: every attempt fails to connect.
    let (endpoint, _) = register(&app, &partner.token, "http://127.0.0.1:9/hook", &["subscription.expired"]).await;
    app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await.expect(202);
    let start = app.now().await;
    for (wait, retrying) in [(0, 1), (1, 1), (25, 1)] {
        if wait > 0 {
            app.advance_to(start + chrono::Duration::hours(wait)).await;
        }
        assert_eq!(app.deliver().await["retrying"], retrying);
    }
    app.advance_to(start + chrono::Duration::hours(73)).await;
    let last = app.deliver().await;
    assert_eq!((last["failed"].as_i64(), last["endpoints_disabled"].as_i64()), (Some(1), Some(1)), "{last}");
    let read = app.get(&format!("/v1/webhook-endpoints/{endpoint}"), &partner.token).await.expect(200).clone();
    assert_eq!(read["enabled"], false);
    let delivery = &app.deliveries(&partner.token, &endpoint).await[0];
    assert_eq!((delivery["status"].as_str(), delivery["attempts"].as_i64()), (Some("failed"), Some(4)));
    assert!(delivery["last_error"].as_str().unwrap().contains("connect"), "{delivery}");
    let told = app.get("/v1/notifications?event=webhook_endpoint.disabled", &partner.token).await;
    assert_eq!(told.expect(200)["data"].as_array().unwrap().len(), 1);
    // While off it gets no new deliveries; turned on, it starts afresh.
    app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await.expect(202);
    assert_eq!(app.deliver().await["attempted"], 0);
    let on = app.patch(&format!("/v1/webhook-endpoints/{endpoint}"), &partner.token, json!({"enabled": true})).await;
    assert_eq!((on.expect(200)["enabled"].as_bool(), on.body["failing_since"].is_null()), (Some(true), true));
    assert_eq!(app.deliver().await["attempted"], 1);
}

#[tokio::test]
async fn endpoints_belong_to_their_owner() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    let (member, activation) = app.add_user(&c.admin, &c.tenant, "m@fabrikam.example", json!({})).await;
    let _ = member;
    let (member_token, _) = app.sign_in("m@fabrikam.example", &activation).await;
    let body = json!({"url": "http://127.0.0.1:9/x", "events": ["subscription.expired"]});
    app.post("/v1/webhook-endpoints", &member_token, body.clone()).await.problem(403, "forbidden");
    let (tenant_endpoint, _) = register(&app, &c.admin, "http://127.0.0.1:9/t", &["subscription.expired"]).await;
    let (partner_endpoint, _) = register(&app, &partner.token, "http://127.0.0.1:9/p", &["subscription.expired"]).await;
    let listed = app.get("/v1/webhook-endpoints", &c.admin).await;
    let ids: Vec<&str> =
        listed.expect(200)["data"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [tenant_endpoint.as_str()]);
    assert_eq!(listed.body["data"][0]["tenant_id"], c.tenant.as_str());
    for (token, other) in [(&c.admin, &partner_endpoint), (&partner.token, &tenant_endpoint)] {
        app.get(&format!("/v1/webhook-endpoints/{other}"), token).await.problem(404, "not-found");
        app.delete(&format!("/v1/webhook-endpoints/{other}"), token).await.problem(404, "not-found");
        let rotate = app.post(&format!("/v1/webhook-endpoints/{other}/rotate-secret"), token, json!({})).await;
        rotate.problem(404, "not-found");
    }
    // Test pings queue five deep at most.
    let test = format!("/v1/webhook-endpoints/{tenant_endpoint}/test");
    for _ in 0..5 {
        app.post(&test, &c.admin, json!({})).await.expect(202);
    }
    let full = app.post(&test, &c.admin, json!({})).await;
    full.problem(429, "rate-limited");
    assert_eq!(full.headers["retry-after"], "60");
    // The limit per owner holds under a burst.
    let burst = (0..24).map(|i| {
        app.post_owned(
            "/v1/webhook-endpoints".into(),
            partner.token.clone(),
            json!({"url": format!("http://127.0.0.1:9/{i}"), "events": ["subscription.expired"]}),
        )
    });
    let replies = futures::future::join_all(burst).await;
    let created = replies.iter().filter(|r| r.status == 201).count();
    assert_eq!(created, 15, "16 in all with the first");
    assert!(replies.iter().all(|r| r.status == 201 || r.code() == "validation-failed"));
    app.delete(&format!("/v1/webhook-endpoints/{partner_endpoint}"), &partner.token).await.expect(204);
    app.get(&format!("/v1/webhook-endpoints/{partner_endpoint}"), &partner.token).await.problem(404, "not-found");
}

/// Three `keyport serve` processes deliver at once (their own workers every second, and
/// on-demand passes fired at each): every event reaches every endpoint that takes it
/// exactly once.
#[tokio::test]
async fn each_event_reaches_each_endpoint_exactly_once_across_three_instances() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let everything: Vec<&str> = vec!["partner_of_record.added", "partner_of_record.removed"];
    let (p_endpoint, _) = register(&app, &partner.token, &receiver.url("/partner"), &everything).await;
    let (o_endpoint, _) = register(&app, &app.operator, &receiver.url("/operator"), &everything).await;
    let instances: Vec<Instance> =
        futures::future::join_all((0..3).map(|_| serve(&app.database_url, &[("KEYPORT_WEBHOOK_INTERVAL", "1s")])))
            .await;
    let handles: Vec<TestApp> =
        futures::future::join_all(instances.iter().map(|i| TestApp::attach(&i.base, &app.database_url))).await;
    let mut customers = Vec::new();
    for i in 0..8 {
        customers.push(app.tenant_with_seats(&partner, &format!("tenant{i}"), 1).await);
    }
    // Two events per tenant, made while the workers run.
    for c in &customers {
        app.name_partner_of_record(c, &c.subscription, &partner).await;
    }
    let passes = (0..4).flat_map(|_| handles.iter().map(|h| h.deliver()));
    let paths: Vec<String> =
        customers.iter().map(|c| format!("/v1/subscriptions/{}/partner-of-record", c.subscription)).collect();
    let removals = customers.iter().zip(&paths).map(|(c, path)| app.delete(path, &c.admin));
    let (_, removed) = futures::join!(futures::future::join_all(passes), futures::future::join_all(removals));
    assert!(removed.iter().all(|r| r.status == 204));
    // Wait for the workers to finish what is left.
    let expected = 2 * customers.len();
    for _ in 0..60 {
        let partner_done = delivered(&app, &partner.token, &p_endpoint).await;
        let operator_done = delivered(&app, &app.operator, &o_endpoint).await;
        if partner_done == expected && operator_done == expected {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for r in receiver.received() {
        *counts.entry((r.path.clone(), r.header("keyport-event-id").to_string())).or_default() += 1;
    }
    let per = |path: &str| counts.keys().filter(|(p, _)| p == path).count();
    assert_eq!((per("/partner"), per("/operator")), (expected, expected), "every event reached both endpoints");
    assert!(counts.values().all(|n| *n == 1), "none twice: {counts:?}");
}

/// A secret sealed under another pepper is never replaced by a guess: nothing is sent
/// unsigned, and the delivery says why.
#[tokio::test]
async fn a_secret_that_cannot_be_opened_sends_nothing() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let (endpoint, _) = register(&app, &partner.token, &receiver.url("/hook"), &["subscription.expired"]).await;
    app.post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &partner.token, json!({})).await.expect(202);
    let mut repeppered = test_settings(&app.database_url);
    repeppered.key_pepper = Some("another-pepper-of-at-least-32-characters".into());
    let other = spawn_on(repeppered).await;
    assert_eq!(other.deliver().await["retrying"], 1);
    assert!(receiver.received().is_empty());
    let delivery = &app.deliveries(&partner.token, &endpoint).await[0];
    assert!(delivery["last_error"].as_str().unwrap().contains("rotate"), "{delivery}");
}
