//! Delegated administration: offers, relationships, the notifications they produce, and
//! the seed's scenario end to end.

use crate::common::*;
use serde_json::json;

async fn offer(app: &TestApp, partner: &Partner, tenant: &str) -> Reply {
    app.post("/v1/delegated-admin-offers", &partner.token, json!({"tenant_id": tenant, "message": "We can help"})).await
}

#[tokio::test]
async fn the_seed_scenario() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await; // Cloud Essentials, reseller
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;

    // The tenant admin names the partner of record.
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    // The partner sends an offer; the admin sees it and accepts.
    let sent = offer(&app, &partner, &c.tenant).await;
    let offer_id = sent.expect(201)["id"].as_str().unwrap().to_string();
    assert_eq!(sent.body["status"], "pending");
    assert_eq!(sent.body["duration_days"], 730);
    let received = app.get("/v1/delegated-admin-offers", &c.admin).await;
    assert_eq!(received.expect(200)["data"][0]["id"], offer_id.as_str());
    assert_eq!(app.events(&c.admin).await, ["tenant.created", "delegated_admin_offer.created"]);
    let accepted = app.post(&format!("/v1/delegated-admin-offers/{offer_id}/accept"), &c.admin, json!({})).await;
    let relationship = accepted.expect(201).clone();
    assert_eq!(relationship["status"], "active");
    assert_eq!(relationship["partner"]["id"], partner.id.as_str());
    let at = |v: &serde_json::Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    assert_eq!((at(&relationship["ends_at"]) - at(&relationship["starts_at"])).num_days(), 730);

    // The partner, not a user of the tenant and without a licence, adds a user with a licence.
    let added = app
        .post(
            &format!("/v1/tenants/{}/users", c.tenant),
            &partner.token,
            json!({"email": "nikos@fabrikam.example", "first_name": "Nikos", "last_name": "Georgiou",
                   "license_subscription_id": c.subscription}),
        )
        .await;
    let user_id = added.expect(201)["user"]["id"].as_str().unwrap().to_string();
    assert_eq!(added.body["user"]["licenses"], json!([c.subscription]));
    let users = app.get(&format!("/v1/tenants/{}/users", c.tenant), &partner.token).await;
    assert_eq!(users.expect(200)["data"].as_array().unwrap().len(), 2, "the partner is not a user");

    // The admin terminates; the partner's very next call is refused.
    let relationship_id = relationship["id"].as_str().unwrap();
    app.delete(&format!("/v1/delegated-admin-relationships/{relationship_id}"), &c.admin).await.expect(204);
    app.get(&format!("/v1/tenants/{}/users/{user_id}", c.tenant), &partner.token)
        .await
        .problem(403, "delegated-admin-required");
    app.delete(&format!("/v1/tenants/{}/users/{user_id}", c.tenant), &partner.token)
        .await
        .problem(403, "delegated-admin-required");
    assert_eq!(
        app.events(&partner.token).await,
        [
            "tenant.created",
            "redemption.completed",
            "partner_of_record.added",
            "delegated_admin_offer.accepted",
            "delegated_admin_relationship.terminated"
        ]
    );
    assert_eq!(
        app.events(&c.admin).await,
        ["tenant.created", "delegated_admin_offer.created", "delegated_admin_relationship.terminated"]
    );
    let listed = app.get("/v1/delegated-admin-relationships", &partner.token).await;
    assert_eq!(listed.expect(200)["data"][0]["status"], "terminated");
}

#[tokio::test]
async fn offer_preconditions() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let not_enrolled = app
        .partner_with(json!({"name": "Solo", "reseller": {"distributor": "Northwind", "since": "2025-01-15"}}))
        .await;
    let stranger = app.partner("Litware").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;

    offer(&app, &stranger, &c.tenant).await.problem(404, "not-found");
    offer(&app, &partner, &c.tenant).await.problem(403, "partner-of-record-required");
    app.name_partner_of_record(&c, &c.subscription, &not_enrolled).await;
    offer(&app, &not_enrolled, &c.tenant).await.problem(403, "cloud-essentials-required");
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let first = offer(&app, &partner, &c.tenant).await;
    first.expect(201);
    offer(&app, &partner, &c.tenant).await.problem(409, "offer-pending");
    app.post(&format!("/v1/delegated-admin-offers/{}/accept", first.body["id"].as_str().unwrap()), &c.admin, json!({}))
        .await
        .expect(201);
    offer(&app, &partner, &c.tenant).await.problem(409, "relationship-exists");

    for bad in [
        json!({"tenant_id": c.tenant}),
        json!({"tenant_id": c.tenant, "message": "x", "duration_days": 731}),
        json!({"tenant_id": c.tenant, "message": "x", "duration_days": 0}),
        json!({"tenant_id": "x", "message": "x"}),
    ] {
        app.post("/v1/delegated-admin-offers", &partner.token, bad).await.problem(422, "validation-failed");
    }
    app.post("/v1/delegated-admin-offers", &c.admin, json!({"tenant_id": c.tenant, "message": "x"}))
        .await
        .problem(403, "forbidden");
}

#[tokio::test]
async fn answering_and_revoking_offers() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    let other = app.tenant_with_seats(&partner, "adatum", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;

    let id = offer(&app, &partner, &c.tenant).await.expect(201)["id"].as_str().unwrap().to_string();
    let path = |action: &str| format!("/v1/delegated-admin-offers/{id}/{action}");
    app.post(&path("accept"), &partner.token, json!({})).await.problem(403, "forbidden");
    app.post(&path("accept"), &other.admin, json!({})).await.problem(404, "not-found");
    app.post(&path("revoke"), &c.admin, json!({})).await.problem(403, "forbidden");
    let declined = app.post(&path("decline"), &c.admin, json!({})).await;
    assert_eq!(declined.expect(200)["status"], "declined");
    app.post(&path("accept"), &c.admin, json!({})).await.problem(409, "offer-not-pending");
    app.post(&path("revoke"), &partner.token, json!({})).await.problem(409, "offer-not-pending");
    let events = app.events(&partner.token).await;
    let about_offers: Vec<&String> =
        events.iter().filter(|e| !e.starts_with("tenant.") && !e.starts_with("redemption.")).collect();
    assert_eq!(about_offers, ["partner_of_record.added", "delegated_admin_offer.declined"]);

    let id2 = offer(&app, &partner, &c.tenant).await.expect(201)["id"].as_str().unwrap().to_string();
    let revoked = app.post(&format!("/v1/delegated-admin-offers/{id2}/revoke"), &partner.token, json!({})).await;
    assert_eq!(revoked.expect(200)["status"], "revoked");
    app.post(&format!("/v1/delegated-admin-offers/{id2}/accept"), &c.admin, json!({}))
        .await
        .problem(409, "offer-not-pending");
    let filtered = app.get("/v1/delegated-admin-offers?status=revoked", &partner.token).await;
    assert_eq!(filtered.expect(200)["data"].as_array().unwrap().len(), 1);
    app.get(&format!("/v1/delegated-admin-offers/{id2}"), &c.admin).await.expect(200);
    app.get(&format!("/v1/delegated-admin-offers/{id2}"), &other.admin).await.problem(404, "not-found");
}

#[tokio::test]
async fn pending_offers_expire_after_ninety_days() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let sent = offer(&app, &partner, &c.tenant).await;
    let sent = sent.expect(201).clone();
    let at = |v: &serde_json::Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    assert_eq!((at(&sent["expires_at"]) - at(&sent["created_at"])).num_days(), 90);
    let id = sent["id"].as_str().unwrap();

    // Ninety days pass unanswered.
    app.advance_to(instant(&sent["expires_at"])).await;
    let read = app.get(&format!("/v1/delegated-admin-offers/{id}"), &c.admin).await;
    assert_eq!(read.expect(200)["status"], "expired");
    app.post(&format!("/v1/delegated-admin-offers/{id}/accept"), &c.admin, json!({}))
        .await
        .problem(409, "offer-not-pending");
    // The partner hears it once, whatever else looks at the offer afterwards.
    let swept = app.post("/v1/jobs/sweep", &app.operator, json!({})).await;
    assert_eq!(swept.expect(200)["offers_expired"], 0);
    app.post(&format!("/v1/delegated-admin-offers/{id}/decline"), &c.admin, json!({}))
        .await
        .problem(409, "offer-not-pending");
    let expired = app.get("/v1/notifications?event=delegated_admin_offer.expired", &partner.token).await;
    assert_eq!(expired.expect(200)["data"].as_array().unwrap().len(), 1);
    // A new offer may follow.
    offer(&app, &partner, &c.tenant).await.expect(201);
}

#[tokio::test]
async fn the_sweep_expires_offers_and_relationships() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let short = app
        .post(
            "/v1/delegated-admin-offers",
            &partner.token,
            json!({"tenant_id": c.tenant, "message": "m", "duration_days": 10}),
        )
        .await;
    let short = short.expect(201)["id"].as_str().unwrap().to_string();
    let accepted = app.post(&format!("/v1/delegated-admin-offers/{short}/accept"), &c.admin, json!({})).await;
    let relationship = accepted.expect(201)["id"].as_str().unwrap().to_string();
    // Its ten days pass.
    let ends_at = instant(
        &app.get(&format!("/v1/delegated-admin-relationships/{relationship}"), &partner.token).await.body["ends_at"],
    );
    app.advance_to(ends_at).await;
    // Past its end the relationship no longer grants anything, before any sweep.
    app.get(&format!("/v1/tenants/{}/users", c.tenant), &partner.token).await.problem(403, "delegated-admin-required");
    let read = app.get(&format!("/v1/delegated-admin-relationships/{relationship}"), &partner.token).await;
    assert_eq!(read.expect(200)["status"], "expired");
    let swept = app.post("/v1/jobs/sweep", &app.operator, json!({})).await;
    assert_eq!(swept.expect(200)["relationships_expired"], 1);
    app.delete(&format!("/v1/delegated-admin-relationships/{relationship}"), &c.admin)
        .await
        .problem(409, "relationship-not-active");
    // A fresh offer is possible again; left unanswered, the sweep expires it, once.
    let pending = offer(&app, &partner, &c.tenant).await;
    app.advance_to(instant(&pending.expect(201)["expires_at"])).await;
    let swept = app.post("/v1/jobs/sweep", &app.operator, json!({})).await;
    assert_eq!(swept.expect(200)["offers_expired"], 1);
    let again = app.post("/v1/jobs/sweep", &app.operator, json!({})).await;
    assert_eq!(again.expect(200)["offers_expired"], 0);
    let expired = app.get("/v1/notifications?event=delegated_admin_offer.expired", &partner.token).await;
    assert_eq!(expired.expect(200)["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn either_side_terminates_and_others_cannot() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let stranger = app.partner("Litware").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let relationship = app.delegate(&c, &partner).await;
    let path = format!("/v1/delegated-admin-relationships/{relationship}");
    app.delete(&path, &stranger.token).await.problem(404, "not-found");
    app.delete(&path, &app.operator).await.problem(403, "forbidden");
    app.get(&path, &stranger.token).await.problem(404, "not-found");
    // The partner may end it too.
    app.delete(&path, &partner.token).await.expect(204);
    app.delete(&path, &partner.token).await.problem(409, "relationship-not-active");
    assert_eq!(app.events(&c.admin).await.last().unwrap(), "delegated_admin_relationship.terminated");
}

#[tokio::test]
async fn inbox_filters_and_read_marks() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    app.delegate(&c, &partner).await;
    let inbox = app.get("/v1/notifications", &partner.token).await;
    let items = inbox.expect(200)["data"].as_array().unwrap().clone();
    // The wizard's two events, then the partner of record's and the offer's.
    assert_eq!(items.len(), 4);
    assert_eq!(
        (items[0]["event"].as_str(), items[1]["event"].as_str()),
        (Some("tenant.created"), Some("redemption.completed"))
    );
    assert_eq!(items[0]["tenant_id"], c.tenant.as_str());
    assert_eq!(items[2]["event"], "partner_of_record.added");
    assert_eq!(items[2]["tenant_id"], c.tenant.as_str());
    assert_eq!(items[2]["subscription_id"], c.subscription.as_str());
    assert_eq!(items[2]["read_at"], json!(null));
    assert_eq!(items[3]["offer_id"].as_str().unwrap().len(), 36);
    let first = items[2]["id"].as_str().unwrap();
    let read = app.post(&format!("/v1/notifications/{first}/read"), &partner.token, json!({})).await;
    let read_at = read.expect(200)["read_at"].clone();
    assert!(read_at.is_string());
    let again = app.post(&format!("/v1/notifications/{first}/read"), &partner.token, json!({})).await;
    assert_eq!(again.expect(200)["read_at"], read_at, "the first reading is kept");
    let unread = app.get("/v1/notifications?unread=true", &partner.token).await;
    assert_eq!(unread.expect(200)["data"].as_array().unwrap().len(), 3);
    let done = app.get("/v1/notifications?unread=false", &partner.token).await;
    assert_eq!(done.expect(200)["data"].as_array().unwrap().len(), 1);
    let by_event = app.get("/v1/notifications?event=delegated_admin_offer.accepted", &partner.token).await;
    assert_eq!(by_event.expect(200)["data"].as_array().unwrap().len(), 1);
    // A name outside the closed set (found by schema fuzzing: `event=null` answered 200).
    for unknown in ["null", "subscription.exploded", "ping"] {
        let reply = app.get(&format!("/v1/notifications?event={unknown}"), &partner.token).await;
        reply.problem(422, "validation-failed");
        assert_eq!(reply.body["errors"][0]["field"], "event");
    }
    // Someone else's notification is not found; the operator and plain users have no inbox.
    app.post(&format!("/v1/notifications/{first}/read"), &c.admin, json!({})).await.problem(404, "not-found");
    app.get("/v1/notifications", &app.operator).await.problem(403, "forbidden");
    let (_, activation) = app.add_user(&c.admin, &c.tenant, "m@fabrikam.example", json!({})).await;
    let (member, _) = app.sign_in("m@fabrikam.example", &activation).await;
    app.get("/v1/notifications", &member).await.problem(403, "forbidden");
    app.get("/v1/notifications?unread=maybe", &partner.token).await.problem(422, "validation-failed");
}
