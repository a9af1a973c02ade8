//! Direct billing that renews itself (SPEC §15), over HTTP on the sandbox clock: the
//! automatic renewal exactly once however many sweeps race, from the old end after a
//! downtime, notices that say it will renew, who turns it on or off, the 7-day
//! cancellation window, and a cancellation racing the renewal.

use crate::common::*;
use serde_json::{Value, json};

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// A customer (the partner its partner of record) moved to direct billing now; returns the
/// customer and the direct-billed subscription's id.
async fn direct_customer(app: &TestApp, partner: &Partner, domain: &str) -> (Customer, String) {
    let customer = app.tenant_with_seats(partner, domain, 3).await;
    app.name_partner_of_record(&customer, &customer.subscription, partner).await;
    let path = format!("/v1/subscriptions/{}/renewals", customer.subscription);
    let renewal = app.post(&path, &customer.admin, json!({"method": "direct_billing"})).await;
    let direct = renewal.expect(201)["new_subscription_id"].as_str().unwrap().to_string();
    (customer, direct)
}

/// A partner with an active delegated-admin relationship holding `roles` on the customer's
/// tenant, and not its partner of record (named for the offer, then replaced by `original`).
async fn delegated(
    app: &TestApp,
    customer: &Customer,
    id: &str,
    original: &Partner,
    name: &str,
    roles: Value,
) -> Partner {
    let partner = app.partner(name).await;
    app.name_partner_of_record(customer, id, &partner).await;
    app.delegate_with(customer, &partner, json!({"roles": roles})).await;
    app.name_partner_of_record(customer, id, original).await;
    partner
}

async fn subscription(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(&format!("/v1/subscriptions/{id}"), token).await.expect(200).clone()
}

async fn renewals(app: &TestApp, token: &str, id: &str) -> Vec<Value> {
    let listed = app.get(&format!("/v1/subscriptions/{id}/renewals"), token).await;
    listed.expect(200)["data"].as_array().unwrap().clone()
}

fn count(events: &[String], name: &str) -> usize {
    events.iter().filter(|e| *e == name).count()
}

#[tokio::test]
async fn a_direct_billed_term_renews_itself_once_however_many_sweeps_race() {
    let app = spawn().await;
    let receiver = Receiver::start().await;
    let partner = app.partner("Contoso IT").await;
    let (customer, direct) = direct_customer(&app, &partner, "fabrikam").await;
    let started = subscription(&app, &customer.admin, &direct).await;
    assert_eq!((started["billing"].as_str(), started["auto_renew"].as_bool()), (Some("direct"), Some(true)));
    let end = instant(&started["ends_at"]);
    assert_eq!(instant(&started["cancellable_until"]), instant(&started["starts_at"]) + days(7));
    let hook = json!({"url": receiver.url("/tenant"), "events": ["subscription.renewal_notice"]});
    app.post("/v1/webhook-endpoints", &customer.admin, hook).await.expect(201);

    // The notices still go out, saying it will renew.
    app.advance_to(end - days(60)).await;
    assert_eq!(app.sweep().await["renewal_notices_sent"], 1);
    let notice = app.inbox(&customer.admin).await.into_iter().find(|n| n["event"] == "subscription.renewal_notice");
    let notice = notice.expect("a renewal notice");
    assert_eq!(notice["will_renew"], true);
    assert!(notice["message"].as_str().unwrap().contains("renews by itself"), "{notice}");
    let partner_notice =
        app.inbox(&partner.token).await.into_iter().find(|n| n["event"] == "subscription.renewal_notice");
    assert_eq!(partner_notice.expect("the partner of record hears it too")["will_renew"], true);
    app.post("/v1/jobs/deliver-webhooks", &app.operator, json!({})).await.expect(200);
    let delivered = receiver.received();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].json()["data"]["will_renew"], true);

    // At the end, three sweeps at once renew it once.
    app.advance_to(end).await;
    let sweeps = (0..3).map(|_| app.post("/v1/jobs/sweep", &app.operator, json!({})));
    let reports = futures_util::future::join_all(sweeps).await;
    let renewed: i64 = reports.iter().map(|r| r.expect(200)["subscriptions_auto_renewed"].as_i64().unwrap()).sum();
    assert_eq!(renewed, 1, "{reports:?}");
    let all = renewals(&app, &customer.admin, &direct).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["method"], "auto");
    assert_eq!((instant(&all[0]["previous_ends_at"]), instant(&all[0]["starts_at"])), (end, end), "no day lost");
    let next_end = instant(&all[0]["ends_at"]);
    assert_eq!(next_end, end.checked_add_months(chrono::Months::new(12)).unwrap(), "the same term, no day given");
    let now = subscription(&app, &customer.admin, &direct).await;
    assert_eq!((now["status"].as_str(), instant(&now["ends_at"])), (Some("active"), next_end));
    assert_eq!((now["seats"].as_i64(), now["auto_renew"].as_bool()), (Some(3), Some(true)));
    let events = app.events(&customer.admin).await;
    assert_eq!(count(&events, "subscription.renewed"), 1);
    assert_eq!(count(&events, "subscription.expired"), 0, "it never lapsed");
    assert_eq!(count(&app.events(&partner.token).await, "subscription.renewed"), 1);
    // Another sweep finds nothing more to do.
    assert_eq!(app.sweep().await["subscriptions_auto_renewed"], 0);
}

#[tokio::test]
async fn a_sweep_after_a_downtime_renews_from_the_old_end() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let (customer, direct) = direct_customer(&app, &partner, "fabrikam").await;
    let end = instant(&subscription(&app, &customer.admin, &direct).await["ends_at"]);
    let year = |n: u32| end.checked_add_months(chrono::Months::new(12 * n)).unwrap();

    // Ten days without a sweep: expired by the clock, then renewed from its end.
    app.advance_to(end + days(10)).await;
    assert_eq!(subscription(&app, &customer.admin, &direct).await["status"], "expired");
    assert_eq!(app.sweep().await["subscriptions_auto_renewed"], 1);
    let all = renewals(&app, &customer.admin, &direct).await;
    assert_eq!((instant(&all[0]["starts_at"]), instant(&all[0]["ends_at"])), (end, year(1)));
    assert_eq!(subscription(&app, &customer.admin, &direct).await["status"], "active");

    // Down past two whole ends: one renewal per term, back to back; nothing was deleted.
    app.advance_to(year(2) + days(200)).await;
    let report = app.sweep().await;
    assert_eq!(report["subscriptions_auto_renewed"], 2, "{report}");
    assert_eq!((report["subscriptions_deleted"].as_i64(), report["tenants_purged"].as_i64()), (Some(0), Some(0)));
    let all = renewals(&app, &customer.admin, &direct).await;
    let terms: Vec<(Instant, Instant)> =
        all.iter().map(|r| (instant(&r["starts_at"]), instant(&r["ends_at"]))).collect();
    assert_eq!(terms, [(end, year(1)), (year(1), year(2)), (year(2), year(3))]);
    let now = subscription(&app, &customer.admin, &direct).await;
    assert_eq!((now["status"].as_str(), instant(&now["ends_at"])), (Some("active"), year(3)));
    assert_eq!(count(&app.events(&customer.admin).await, "subscription.renewed"), 3);
}

#[tokio::test]
async fn automatic_renewal_is_turned_on_and_off_by_who_bills() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let (customer, direct) = direct_customer(&app, &partner, "fabrikam").await;
    let path = format!("/v1/subscriptions/{direct}");
    let set = |token: &str, on: Value| {
        let (path, token) = (path.clone(), token.to_string());
        let app = &app;
        async move { app.patch(&path, &token, json!({"auto_renew": on})).await }
    };

    // The tenant's admin, the partner of record.
    assert_eq!(set(&customer.admin, json!(false)).await.expect(200)["auto_renew"], false);
    assert_eq!(set(&partner.token, json!(true)).await.expect(200)["auto_renew"], true);
    assert_eq!(set(&customer.admin, json!(false)).await.expect(200)["auto_renew"], false);
    // Not a user who is not an admin, another partner, the operator, or a delegated admin
    // without `billing_administrator`.
    let (_, activation) = app.add_user(&customer.admin, &customer.tenant, "user@fabrikam.example", json!({})).await;
    let (member, _) = app.sign_in("user@fabrikam.example", &activation).await;
    set(&member, json!(true)).await.problem(403, "forbidden");
    set(&app.operator, json!(true)).await.problem(403, "forbidden");
    let stranger = app.partner("Stranger IT").await;
    set(&stranger.token, json!(true)).await.problem(404, "not-found");
    let reader = delegated(&app, &customer, &direct, &partner, "Reader IT", json!(["directory_reader"])).await;
    set(&reader.token, json!(true)).await.problem(403, "delegated-role-required");
    let biller = delegated(&app, &customer, &direct, &partner, "Billing IT", json!(["billing_administrator"])).await;
    assert_eq!(set(&biller.token, json!(false)).await.expect(200)["auto_renew"], false);
    // Bad input changes nothing.
    for body in [json!({"auto_renew": "yes"}), json!({"auto_renew": 1}), json!({"auto_renew": false, "seats": 9})] {
        app.patch(&path, &customer.admin, body).await.problem(422, "validation-failed");
    }
    assert_eq!(app.patch(&path, &customer.admin, json!({})).await.expect(200)["auto_renew"], false);

    // Off: it lapses at its end like a prepaid term.
    let end = instant(&subscription(&app, &customer.admin, &direct).await["ends_at"]);
    app.advance_to(end + days(2)).await;
    let report = app.sweep().await;
    assert_eq!(
        (report["subscriptions_auto_renewed"].as_i64(), report["subscriptions_expired"].as_i64()),
        (Some(0), Some(1))
    );
    // On again in grace: it renews at once from its end (no day lost).
    let renewed = set(&customer.admin, json!(true)).await;
    assert_eq!(
        (renewed.expect(200)["status"].as_str(), renewed.body["auto_renew"].as_bool()),
        (Some("active"), Some(true))
    );
    let all = renewals(&app, &customer.admin, &direct).await;
    assert_eq!((all.len(), all[0]["method"].as_str(), instant(&all[0]["starts_at"])), (1, Some("auto"), end));
    assert_eq!(app.sweep().await["subscriptions_auto_renewed"], 0, "renewed once");

    // Off, past grace: it starts again only by a renewal.
    set(&customer.admin, json!(false)).await.expect(200);
    let end = instant(&subscription(&app, &customer.admin, &direct).await["ends_at"]);
    app.advance_to(end + days(40)).await;
    assert_eq!(subscription(&app, &customer.admin, &direct).await["status"], "disabled");
    set(&customer.admin, json!(true)).await.problem(409, "subscription-inactive");
    assert_eq!(subscription(&app, &customer.admin, &direct).await["auto_renew"], false);

    // Key-billed: never renews itself; off is no change.
    let other = app.tenant_with_seats(&partner, "contoso", 1).await;
    let key_billed = format!("/v1/subscriptions/{}", other.subscription);
    let read = app.get(&key_billed, &other.admin).await;
    assert_eq!(
        (read.expect(200)["auto_renew"].as_bool(), &read.body["cancellable_until"]),
        (Some(false), &Value::Null)
    );
    app.patch(&key_billed, &other.admin, json!({"auto_renew": true})).await.problem(422, "auto-renew-not-available");
    assert_eq!(
        app.patch(&key_billed, &other.admin, json!({"auto_renew": false})).await.expect(200)["auto_renew"],
        false
    );
    // A replaced subscription has nothing to renew.
    let superseded = format!("/v1/subscriptions/{}", customer.subscription);
    app.patch(&superseded, &customer.admin, json!({"auto_renew": true})).await.problem(409, "subscription-superseded");
}

#[tokio::test]
async fn a_term_is_cancelled_within_its_first_seven_days_only() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let (customer, direct) = direct_customer(&app, &partner, "fabrikam").await;
    let cancel = |token: &str, id: &str| {
        let (path, token) = (format!("/v1/subscriptions/{id}/cancel"), token.to_string());
        let app = &app;
        async move { app.post(&path, &token, json!({})).await }
    };
    let started = subscription(&app, &customer.admin, &direct).await;
    let end = instant(&started["ends_at"]);

    // Not the partner of record as such, not a user, not the operator.
    cancel(&partner.token, &direct).await.problem(403, "delegated-admin-required");
    let (_, activation) = app.add_user(&customer.admin, &customer.tenant, "user@fabrikam.example", json!({})).await;
    let (member, _) = app.sign_in("user@fabrikam.example", &activation).await;
    cancel(&member, &direct).await.problem(403, "forbidden");
    cancel(&app.operator, &direct).await.problem(403, "forbidden");

    // Three days in, the tenant's admin cancels: the term ends now, the rest refunded.
    let now = app.advance_to(instant(&started["starts_at"]) + days(3)).await;
    let cancelled = cancel(&customer.admin, &direct).await;
    let cancelled = cancelled.expect(200).clone();
    let ended = instant(&cancelled["ends_at"]);
    assert!(ended >= now && ended < now + chrono::Duration::minutes(1), "it ended at the cancellation: {cancelled}");
    assert_eq!(cancelled["refund_days"], (end - ended).num_days(), "{cancelled}");
    assert!(cancelled["refund_days"].as_i64().unwrap() >= 360);
    assert_eq!((cancelled["id"].as_str(), cancelled["status"].as_str()), (Some(direct.as_str()), Some("expired")));
    assert_eq!(cancelled["auto_renew"], false);
    assert_eq!(cancelled["cancellable_until"], Value::Null);
    for token in [&customer.admin, &partner.token] {
        assert_eq!(count(&app.events(token).await, "subscription.cancelled"), 1);
    }
    // The lifecycle runs from there: expired now, never renewed.
    let report = app.sweep().await;
    assert_eq!(
        (report["subscriptions_expired"].as_i64(), report["subscriptions_auto_renewed"].as_i64()),
        (Some(1), Some(0))
    );
    cancel(&customer.admin, &direct).await.problem(409, "cancellation-window-closed");

    // Eight days into another direct term: too late.
    let other = app.tenant_with_seats(&partner, "contoso", 1).await;
    let path = format!("/v1/subscriptions/{}/renewals", other.subscription);
    let renewal = app.post(&path, &other.admin, json!({"method": "direct_billing"})).await;
    let late = renewal.expect(201)["new_subscription_id"].as_str().unwrap().to_string();
    cancel(&other.admin, &other.subscription).await.problem(409, "subscription-superseded");
    app.advance_to(now + days(8)).await;
    cancel(&other.admin, &late).await.problem(409, "cancellation-window-closed");
    assert_eq!(subscription(&app, &other.admin, &late).await["status"], "active", "nothing changed");

    // A key-billed term is prepaid.
    let keyed = app.tenant_with_seats(&partner, "northwind", 1).await;
    cancel(&keyed.admin, &keyed.subscription).await.problem(409, "cancellation-not-available");
    // So is a direct-billed one its partner renewed by key: the partner bills it again, it
    // no longer renews itself, and no refund covers the prepaid year.
    let (keyed_direct, renewed_by_key) = direct_customer(&app, &partner, "tailspin").await;
    let key = app.mint(&partner, PRODUCT_STANDARD, 3, 12, 1).await.remove(0);
    let path = format!("/v1/subscriptions/{renewed_by_key}/renewals");
    app.post(&path, &partner.token, json!({"method": "product_key", "key": key})).await.expect(201);
    let prepaid = subscription(&app, &keyed_direct.admin, &renewed_by_key).await;
    assert_eq!((prepaid["billing"].as_str(), prepaid["auto_renew"].as_bool()), (Some("partner"), Some(false)));
    assert_eq!(prepaid["cancellable_until"], Value::Null);
    cancel(&keyed_direct.admin, &renewed_by_key).await.problem(409, "cancellation-not-available");

    // An automatic renewal opens a new window; a delegated billing administrator may cancel.
    let late_end = instant(&subscription(&app, &other.admin, &late).await["ends_at"]);
    app.advance_to(late_end + days(1)).await;
    let biller = delegated(&app, &other, &late, &partner, "Billing IT", json!(["billing_administrator"])).await;
    let cancelled = cancel(&biller.token, &late).await;
    assert!(cancelled.expect(200)["refund_days"].as_i64().unwrap() >= 360, "{}", cancelled.text);
    let all = renewals(&app, &other.admin, &late).await;
    assert_eq!((all.len(), all[0]["method"].as_str()), (1, Some("auto")), "the renewal due came first");
}

#[tokio::test]
async fn a_cancellation_racing_the_renewal_at_the_end_has_one_outcome() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let mut raced = Vec::new();
    for domain in ["race-a", "race-b", "race-c"] {
        let (customer, id) = direct_customer(&app, &partner, domain).await;
        let end = instant(&subscription(&app, &customer.admin, &id).await["ends_at"]);
        raced.push((customer, id, end));
    }
    app.advance_to(raced[2].2 + chrono::Duration::minutes(5)).await;
    // Each cancellation races three sweeps.
    let mut racing = Vec::new();
    for (customer, id, _) in &raced {
        racing.push(app.post_owned(format!("/v1/subscriptions/{id}/cancel"), customer.admin.clone(), json!({})));
    }
    let sweeps: Vec<_> = (0..3).map(|_| app.post("/v1/jobs/sweep", &app.operator, json!({}))).collect();
    let (cancels, reports) =
        tokio::join!(futures_util::future::join_all(racing), futures_util::future::join_all(sweeps));
    let swept: i64 = reports.iter().map(|r| r.expect(200)["subscriptions_auto_renewed"].as_i64().unwrap()).sum();
    assert!(swept <= 3);
    for ((customer, id, end), cancelled) in raced.iter().zip(&cancels) {
        // Whoever came first, the term due at the end was renewed once and that term cancelled.
        let cancelled = cancelled.expect(200);
        assert!(cancelled["refund_days"].as_i64().unwrap() >= 360, "{cancelled}");
        assert_eq!(cancelled["auto_renew"], false);
        let all = renewals(&app, &customer.admin, id).await;
        assert_eq!((all.len(), all[0]["method"].as_str(), instant(&all[0]["starts_at"])), (1, Some("auto"), *end));
        let events = app.events(&customer.admin).await;
        assert_eq!((count(&events, "subscription.renewed"), count(&events, "subscription.cancelled")), (1, 1));
    }
    // Later sweeps renew none of them again.
    assert_eq!(app.sweep().await["subscriptions_auto_renewed"], 0);
}

#[tokio::test]
async fn the_upgrade_lets_running_direct_terms_renew_themselves() {
    use diesel::{Connection, PgConnection};
    use diesel_migrations::MigrationHarness;
    let url = fresh_database();
    let app = spawn_on(test_settings(&url)).await;
    let partner = app.partner("Contoso IT").await;
    let (customer, direct) = direct_customer(&app, &partner, "fabrikam").await;
    let keyed = app.tenant_with_seats(&partner, "contoso", 1).await;
    drop(app);

    let mut conn = PgConnection::establish(&url).unwrap();
    while conn.revert_last_migration(keyport::db::MIGRATIONS).unwrap().to_string() != "20261206000021" {}
    drop(conn);
    let app = spawn_on(test_settings(&url)).await;

    let upgraded = subscription(&app, &customer.admin, &direct).await;
    assert_eq!(upgraded["auto_renew"], true, "a running direct term renews itself, as new ones do");
    assert_eq!(instant(&upgraded["cancellable_until"]), instant(&upgraded["starts_at"]) + days(7));
    let prepaid = subscription(&app, &keyed.admin, &keyed.subscription).await;
    assert_eq!((prepaid["auto_renew"].as_bool(), &prepaid["cancellable_until"]), (Some(false), &Value::Null));
    let end = instant(&upgraded["ends_at"]);
    app.advance_to(end).await;
    assert_eq!(app.sweep().await["subscriptions_auto_renewed"], 1);
}

#[tokio::test]
async fn sixty_four_identical_cancellations_end_the_term_once() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let (customer, direct) = direct_customer(&app, &partner, "fabrikam").await;
    let path = format!("/v1/subscriptions/{direct}/cancel");
    let all = (0..64).map(|_| app.post_owned(path.clone(), customer.admin.clone(), json!({})));
    let answers = futures_util::future::join_all(all).await;
    let cancelled: Vec<&Reply> = answers.iter().filter(|r| r.status.as_u16() == 200).collect();
    assert_eq!(cancelled.len(), 1, "one cancellation ends the term");
    assert!(cancelled[0].body["refund_days"].as_i64().unwrap() >= 360);
    for refused in answers.iter().filter(|r| r.status.as_u16() != 200) {
        refused.problem(409, "cancellation-window-closed");
    }
    assert_eq!(count(&app.events(&customer.admin).await, "subscription.cancelled"), 1);
    assert_eq!(count(&app.events(&partner.token).await, "subscription.cancelled"), 1);
}
