//! Granular delegated administration (SPEC §9): what each role lets a partner do, the
//! escalation it stops, auto-extension and the notices of a relationship's end.

use crate::common::*;
use diesel::{Connection, PgConnection};
use diesel_migrations::MigrationHarness;
use serde_json::{Value, json};

fn days(n: i64) -> chrono::Duration {
    chrono::Duration::days(n)
}

/// A tenant with two subscriptions (Standard, Basic), made by `partner` through one
/// redemption; `subscription` is the Standard one.
async fn tenant_with_two_subscriptions(app: &TestApp, partner: &Partner, domain: &str) -> (Customer, String) {
    let mut keys = app.mint(partner, PRODUCT_STANDARD, 5, 12, 1).await;
    keys.extend(app.mint(partner, PRODUCT_BASIC, 5, 12, 1).await);
    let redemption = app.confirmed_redemption(partner, &keys).await;
    let email = format!("admin@{domain}.example");
    let account =
        app.post(&format!("/v1/redemptions/{redemption}/account"), &partner.token, account_body(domain, &email)).await;
    let account = account.expect(201).clone();
    let (admin, _) = app.sign_in(&email, account["activation_token"].as_str().unwrap()).await;
    let of = |product: &str| {
        account["subscriptions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["product"]["id"] == product)
            .map(|s| s["id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let customer = Customer {
        tenant: account["tenant"]["id"].as_str().unwrap().to_string(),
        subscription: of(PRODUCT_STANDARD),
        admin_id: account["admin_user"]["id"].as_str().unwrap().to_string(),
        admin,
    };
    (customer, of(PRODUCT_BASIC))
}

/// The 403 of a delegated admin missing `role`, naming it.
fn role_required(reply: &Reply, role: &str) {
    reply.problem(403, "delegated-role-required");
    let detail = reply.body["detail"].as_str().unwrap();
    assert!(detail.contains(role), "{detail} names {role}");
}

fn user_body(email: &str, extra: Value) -> Value {
    let mut body = json!({"email": email, "first_name": "Eleni", "last_name": "Vlachou"});
    body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    body
}

/// How many users the tenant has, as its admin sees them.
async fn users_of(app: &TestApp, c: &Customer) -> usize {
    app.get(&format!("/v1/tenants/{}/users", c.tenant), &c.admin).await.expect(200)["data"].as_array().unwrap().len()
}

#[tokio::test]
async fn the_real_platforms_practice() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let (c, second) = tenant_with_two_subscriptions(&app, &partner, "fabrikam").await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;

    // The partner asks for users and licences only; the customer accepts the whole offer.
    let offer = app
        .post(
            "/v1/delegated-admin-offers",
            &partner.token,
            json!({"tenant_id": c.tenant, "message": "Users and licences",
                   "roles": ["license_administrator", "user_administrator"]}),
        )
        .await;
    let offer = offer.expect(201).clone();
    assert_eq!(offer["roles"], json!(["user_administrator", "license_administrator"]), "catalogue order");
    assert_eq!(offer["auto_extend"], false);
    let received = app.get(&format!("/v1/delegated-admin-offers/{}", offer["id"].as_str().unwrap()), &c.admin).await;
    assert_eq!(received.expect(200)["roles"], offer["roles"], "the customer sees what it grants");
    let accept = format!("/v1/delegated-admin-offers/{}/accept", offer["id"].as_str().unwrap());
    let relationship = app.post(&accept, &c.admin, json!({})).await.expect(201).clone();
    assert_eq!(relationship["roles"], offer["roles"]);

    // A licensed user: 201.
    let users = format!("/v1/tenants/{}/users", c.tenant);
    let added = app
        .post(&users, &partner.token, user_body("eleni@fabrikam.example", json!({"license_subscription_id": second})))
        .await;
    assert_eq!(added.expect(201)["user"]["licenses"], json!([second]));
    // An admin: 403, and nothing was made.
    let before = users_of(&app, &c).await;
    let admin = app.post(&users, &partner.token, user_body("root@fabrikam.example", json!({"admin": true}))).await;
    role_required(&admin, "global_administrator");
    assert_eq!(users_of(&app, &c).await, before);
    // Tenant settings: 403, unchanged.
    let tenant = format!("/v1/tenants/{}", c.tenant);
    let renamed = app.patch(&tenant, &partner.token, json!({"company_name": "Partner Owned Ltd"})).await;
    role_required(&renamed, "global_administrator");
    assert_ne!(app.get(&tenant, &c.admin).await.expect(200)["company_name"], "Partner Owned Ltd");

    // A renewal by key on the second subscription, where it is not partner of record and
    // holds no billing role: 403, the key stays unused.
    let key = app.mint(&partner, PRODUCT_BASIC, 5, 12, 1).await.remove(0);
    let renewals = format!("/v1/subscriptions/{second}/renewals");
    let by_key = app.post(&renewals, &partner.token, json!({"method": "product_key", "key": key})).await;
    role_required(&by_key, "billing_administrator");
    let direct = app
        .post(&format!("/v1/subscriptions/{second}/renewals"), &partner.token, json!({"method": "direct_billing"}))
        .await;
    role_required(&direct, "billing_administrator");
    let history = app.get(&format!("/v1/subscriptions/{second}/renewals"), &partner.token).await;
    role_required(&history, "billing_administrator");
    // Where it is partner of record, renewing is its own business.
    let standard_key = app.mint(&partner, PRODUCT_STANDARD, 5, 12, 1).await.remove(0);
    app.post(
        &format!("/v1/subscriptions/{}/renewals", c.subscription),
        &partner.token,
        json!({"method": "product_key", "key": standard_key}),
    )
    .await
    .expect(201);
    // With the key still unused, a billing administrator may spend it.
    let billing = app.partner("Billing Partner").await;
    app.name_partner_of_record(&c, &second, &billing).await;
    app.delegate_with(&c, &billing, json!({"roles": ["billing_administrator"]})).await;
    app.delete(&format!("/v1/subscriptions/{second}/partner-of-record"), &c.admin).await.expect(204);
    let billing_key = app.mint(&billing, PRODUCT_BASIC, 5, 12, 1).await.remove(0);
    app.post(
        &format!("/v1/subscriptions/{second}/renewals"),
        &billing.token,
        json!({"method": "product_key", "key": billing_key}),
    )
    .await
    .expect(201);
    // … but not users.
    role_required(
        &app.post(&users, &billing.token, user_body("x@fabrikam.example", json!({}))).await,
        "user_administrator",
    );
}

#[tokio::test]
async fn the_escalation_chain_fails_at_its_first_step() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let relationship = app.delegate(&c, &partner).await; // default roles: never global
    let users = format!("/v1/tenants/{}/users", c.tenant);

    // 1. Create an admin and take its activation token: refused, no user, no token.
    let before = users_of(&app, &c).await;
    let admin = app.post(&users, &partner.token, user_body("backdoor@fabrikam.example", json!({"admin": true}))).await;
    role_required(&admin, "global_administrator");
    assert!(admin.body.get("activation_token").is_none());
    assert_eq!(users_of(&app, &c).await, before);

    // The other ways to an admin account fail as well: promote a member it created …
    let (member, _) = app.add_user(&partner.token, &c.tenant, "member@fabrikam.example", json!({})).await;
    let promote = app.patch(&format!("{users}/{member}"), &partner.token, json!({"admin": true})).await;
    role_required(&promote, "global_administrator");
    let read = app.get(&format!("{users}/{member}"), &c.admin).await;
    assert_eq!(read.expect(200)["admin"], false);
    // … or take over the real admin's sign-in by changing its e-mail.
    let real_admin = format!("{users}/{}", c.admin_id);
    let hijack = app.patch(&real_admin, &partner.token, json!({"email": "me@partner.example"})).await;
    role_required(&hijack, "global_administrator");
    // And the last step of the chain, deleting the real admins, is refused too.
    role_required(&app.delete(&format!("{users}/{}", c.admin_id), &partner.token).await, "global_administrator");
    let admin_user = app.get(&format!("{users}/{}", c.admin_id), &c.admin).await;
    assert_eq!(admin_user.expect(200)["email"], "admin@fabrikam.example");

    // A user administrator still runs ordinary users, licences need their own role.
    app.patch(&format!("{users}/{member}"), &partner.token, json!({"first_name": "Nikos"})).await.expect(200);
    app.delete(&format!("{users}/{member}"), &partner.token).await.expect(204);
    let narrow = app.partner("Narrow IT").await;
    app.name_partner_of_record(&c, &c.subscription, &narrow).await;
    app.delegate_with(&c, &narrow, json!({"roles": ["user_administrator"]})).await;
    let licensed = app
        .post(
            &users,
            &narrow.token,
            user_body("licensed@fabrikam.example", json!({"license_subscription_id": c.subscription})),
        )
        .await;
    role_required(&licensed, "license_administrator");
    let reader = app.partner("Reader IT").await;
    app.name_partner_of_record(&c, &c.subscription, &reader).await;
    app.delegate_with(&c, &reader, json!({"roles": ["directory_reader"]})).await;
    app.get(&users, &reader.token).await.expect(200);
    role_required(
        &app.post(&users, &reader.token, user_body("r@fabrikam.example", json!({}))).await,
        "user_administrator",
    );

    // With global_administrator the partner may make an admin, but naming the partner of
    // record stays the customer's alone.
    app.delete(&format!("/v1/delegated-admin-relationships/{relationship}"), &c.admin).await.expect(204);
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    app.delegate_with(&c, &partner, json!({"roles": ["global_administrator"]})).await;
    let admin = app.post(&users, &partner.token, user_body("second-admin@fabrikam.example", json!({"admin": true})));
    let admin = admin.await.expect(201).clone();
    assert_eq!(admin["user"]["admin"], true);
    assert!(admin["activation_token"].is_string());
    let other = app.partner("Other IT").await;
    let por = format!("/v1/subscriptions/{}/partner-of-record", c.subscription);
    let named = app.put(&por, &partner.token, Some(json!({"partner_number": other.number}))).await;
    named.problem(403, "forbidden");
    app.delete(&por, &partner.token).await.problem(403, "forbidden");
    let subscription = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await;
    assert_eq!(subscription.expect(200)["partner_of_record"]["partner_id"], partner.id.as_str());
}

#[tokio::test]
async fn offers_name_known_roles_and_global_never_extends_itself() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let offer = |extra: Value| {
        let mut body = json!({"tenant_id": c.tenant, "message": "m"});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        app.post("/v1/delegated-admin-offers", &partner.token, body)
    };
    for bad in [
        json!({"roles": ["owner"]}),
        json!({"roles": ["Global_Administrator"]}),
        json!({"roles": []}),
        json!({"roles": "user_administrator"}),
        json!({"roles": [null]}),
        json!({"roles": vec!["directory_reader"; 6]}),
        json!({"auto_extend": "yes"}),
    ] {
        offer(bad.clone()).await.problem(422, "validation-failed");
    }
    offer(json!({"roles": ["global_administrator"], "auto_extend": true}))
        .await
        .problem(422, "auto-extend-not-allowed");
    offer(json!({"roles": ["user_administrator", "global_administrator"], "auto_extend": true}))
        .await
        .problem(422, "auto-extend-not-allowed");
    let listed = app.get("/v1/delegated-admin-offers", &partner.token).await;
    assert!(listed.expect(200)["data"].as_array().unwrap().is_empty(), "refused offers leave nothing");

    // Omitted roles are the default (never global); repeated roles are one.
    let default = offer(json!({})).await;
    assert_eq!(
        default.expect(201)["roles"],
        json!(["user_administrator", "license_administrator", "billing_administrator"])
    );
    let id = default.body["id"].as_str().unwrap();
    app.post(&format!("/v1/delegated-admin-offers/{id}/revoke"), &partner.token, json!({})).await.expect(200);
    let repeated = offer(json!({"roles": ["directory_reader", "directory_reader"]})).await;
    assert_eq!(repeated.expect(201)["roles"], json!(["directory_reader"]));
}

#[tokio::test]
async fn expiry_notices_at_30_7_and_1_days_exactly_once() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let id = app.delegate_with(&c, &partner, json!({"duration_days": 90})).await;
    let path = format!("/v1/delegated-admin-relationships/{id}");
    let ends_at = instant(&app.get(&path, &partner.token).await.expect(200)["ends_at"]);
    let expiring = |inbox: Vec<Value>| -> Vec<i64> {
        inbox
            .iter()
            .filter(|n| n["event"] == "delegated_admin_relationship.expiring")
            .map(|n| {
                assert!(n["offer_id"].is_string());
                n["days_before"].as_i64().unwrap()
            })
            .collect()
    };

    // Nothing before its time, however often the sweeper runs.
    assert_eq!(app.sweep().await["relationship_notices_sent"], 0);
    app.advance_to(ends_at - days(31)).await;
    assert_eq!(app.sweep().await["relationship_notices_sent"], 0);
    for (at, notice) in [(30, 30), (7, 7), (1, 1)] {
        app.advance_to(ends_at - days(at)).await;
        assert_eq!(app.sweep().await["relationship_notices_sent"], 1, "the {notice}-day notice");
        assert_eq!(app.sweep().await["relationship_notices_sent"], 0, "once");
    }
    for token in [&c.admin, &partner.token] {
        assert_eq!(expiring(app.inbox(token).await), [30, 7, 1], "both sides");
    }
    // Still granting until its end.
    app.get(&format!("/v1/tenants/{}/users", c.tenant), &partner.token).await.expect(200);
    app.advance_to(ends_at).await;
    let swept = app.sweep().await;
    assert_eq!(
        (swept["relationships_expired"].as_i64(), swept["relationship_notices_sent"].as_i64()),
        (Some(1), Some(0))
    );
    assert_eq!(app.sweep().await["relationships_expired"], 0);
    for token in [&c.admin, &partner.token] {
        let events = app.events(token).await;
        assert_eq!(events.iter().filter(|e| *e == "delegated_admin_relationship.expired").count(), 1);
    }
    app.get(&format!("/v1/tenants/{}/users", c.tenant), &partner.token).await.problem(403, "delegated-admin-required");
}

#[tokio::test]
async fn auto_extend_renews_the_term_until_the_customer_turns_it_off() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let id = app.delegate_with(&c, &partner, json!({"duration_days": 60, "auto_extend": true})).await;
    let path = format!("/v1/delegated-admin-relationships/{id}");
    let read = app.get(&path, &partner.token).await.expect(200).clone();
    assert_eq!(read["auto_extend"], true);
    let ends_at = instant(&read["ends_at"]);

    // No expiry notices for a relationship that extends itself; at its end, 180 more days.
    for before in [30, 7, 1] {
        app.advance_to(ends_at - days(before)).await;
        assert_eq!(app.sweep().await["relationship_notices_sent"], 0);
    }
    app.advance_to(ends_at).await;
    // Past the old end and before any sweep, it still grants what it grants.
    app.get(&format!("/v1/tenants/{}/users", c.tenant), &partner.token).await.expect(200);
    assert_eq!(app.get(&path, &c.admin).await.expect(200)["status"], "active");
    let swept = app.sweep().await;
    assert_eq!((swept["relationships_extended"].as_i64(), swept["relationships_expired"].as_i64()), (Some(1), Some(0)));
    assert_eq!(app.sweep().await["relationships_extended"], 0, "once");
    let extended = app.get(&path, &c.admin).await.expect(200).clone();
    assert_eq!(instant(&extended["ends_at"]), ends_at + days(180));
    for token in [&c.admin, &partner.token] {
        let events = app.events(token).await;
        assert_eq!(events.iter().filter(|e| *e == "delegated_admin_relationship.extended").count(), 1);
        assert!(!events.iter().any(|e| e == "delegated_admin_relationship.expiring"));
    }

    // Only the customer's admin turns it off, and only off.
    app.patch(&path, &partner.token, json!({"auto_extend": false})).await.problem(403, "forbidden");
    app.patch(&path, &c.admin, json!({"auto_extend": true})).await.problem(422, "validation-failed");
    app.patch(&path, &c.admin, json!({})).await.problem(422, "validation-failed");
    let stranger = app.tenant_with_seats(&partner, "elsewhere", 1).await;
    app.patch(&path, &stranger.admin, json!({"auto_extend": false})).await.problem(404, "not-found");
    let off = app.patch(&path, &c.admin, json!({"auto_extend": false})).await.expect(200).clone();
    assert_eq!((off["auto_extend"].as_bool(), instant(&off["ends_at"])), (Some(false), ends_at + days(180)));
    app.patch(&path, &c.admin, json!({"auto_extend": false})).await.expect(200);

    // Now it ends at its term, with the notices of one that will not extend.
    let new_end = ends_at + days(180);
    app.advance_to(new_end - days(7)).await;
    assert_eq!(app.sweep().await["relationship_notices_sent"], 1, "the 7-day notice; the 30 was passed over");
    app.advance_to(new_end).await;
    assert_eq!(app.sweep().await["relationships_expired"], 1);
    app.patch(&path, &c.admin, json!({"auto_extend": false})).await.problem(409, "relationship-not-active");
    let notices: Vec<i64> = app
        .inbox(&partner.token)
        .await
        .iter()
        .filter(|n| n["event"] == "delegated_admin_relationship.expiring")
        .map(|n| n["days_before"].as_i64().unwrap())
        .collect();
    assert_eq!(notices, [7], "one late notice, the nearest");
}

/// Sweepers racing in several instances still send each notice once.
#[tokio::test]
async fn notices_are_sent_once_across_instances() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let mut relationships = Vec::new();
    for i in 0..6 {
        let c = app.tenant_with_seats(&partner, &format!("tenant{i}"), 1).await;
        app.name_partner_of_record(&c, &c.subscription, &partner).await;
        relationships.push(app.delegate_with(&c, &partner, json!({"duration_days": 40})).await);
    }
    let first = relationships[0].clone();
    let ends_at = instant(
        &app.get(&format!("/v1/delegated-admin-relationships/{first}"), &partner.token).await.expect(200)["ends_at"],
    );
    let instances: Vec<Instance> =
        futures::future::join_all((0..3).map(|_| serve(&app.database_url, &[("KEYPORT_SWEEP_INTERVAL", "0")]))).await;
    let sweepers: Vec<TestApp> =
        futures::future::join_all(instances.iter().map(|i| TestApp::attach(&i.base, &app.database_url))).await;
    app.advance_to(ends_at - days(30)).await;
    let sweeps = (0..4).flat_map(|_| sweepers.iter().map(|s| s.sweep()));
    let reports = futures::future::join_all(sweeps).await;
    let sent: i64 = reports.iter().map(|r| r["relationship_notices_sent"].as_i64().unwrap()).sum();
    assert_eq!(sent, 6);
    let expiring = app.get("/v1/notifications?event=delegated_admin_relationship.expiring", &partner.token).await;
    assert_eq!(expiring.expect(200)["data"].as_array().unwrap().len(), 6);
}

/// Relationships from before roles keep full rights; offers pending at the upgrade are
/// still answered, with the default roles.
#[tokio::test]
async fn the_upgrade_keeps_what_was_granted() {
    let url = fresh_database();
    let app = spawn_on(test_settings(&url)).await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let old = app.delegate_with(&c, &partner, json!({"roles": ["directory_reader"]})).await;
    let d = app.tenant_with_seats(&partner, "northwind", 2).await;
    app.name_partner_of_record(&d, &d.subscription, &partner).await;
    let pending =
        app.post("/v1/delegated-admin-offers", &partner.token, json!({"tenant_id": d.tenant, "message": "m"}));
    let pending = pending.await.expect(201)["id"].as_str().unwrap().to_string();
    drop(app);

    // Back to the schema before roles, and up again as an upgrade would.
    let mut conn = PgConnection::establish(&url).unwrap();
    // Later migrations first, then the one of roles.
    while conn.revert_last_migration(keyport::db::MIGRATIONS).unwrap().to_string() != "20261125000010" {}
    drop(conn);
    let app = spawn_on(test_settings(&url)).await;

    let read = app.get(&format!("/v1/delegated-admin-relationships/{old}"), &c.admin).await;
    assert_eq!(read.expect(200)["roles"], json!(["global_administrator"]));
    assert_eq!(read.body["auto_extend"], false);
    let users = format!("/v1/tenants/{}/users", c.tenant);
    app.post(&users, &partner.token, user_body("a@fabrikam.example", json!({"admin": true}))).await.expect(201);
    let accepted = app.post(&format!("/v1/delegated-admin-offers/{pending}/accept"), &d.admin, json!({})).await;
    assert_eq!(
        accepted.expect(201)["roles"],
        json!(["user_administrator", "license_administrator", "billing_administrator"])
    );
}
