//! Tenant administration: users, licences, seats, tenant settings and the partner of record.

use crate::common::*;
use serde_json::json;

#[tokio::test]
async fn admins_manage_users_and_members_read_only_themselves() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let (member_id, activation) = app
        .add_user(&c.admin, &c.tenant, "nikos@fabrikam.example", json!({"license_subscription_id": c.subscription}))
        .await;
    let (member, _) = app.sign_in("nikos@fabrikam.example", &activation).await;

    let users = app.get(&format!("/v1/tenants/{}/users", c.tenant), &c.admin).await;
    assert_eq!(users.expect(200)["data"].as_array().unwrap().len(), 2);
    let read = app.get(&format!("/v1/tenants/{}/users/{member_id}", c.tenant), &c.admin).await;
    let read = read.expect(200);
    assert_eq!(read["licenses"], json!([c.subscription]));
    assert_eq!(read["admin"], false);
    assert_eq!(read["activated"], true);

    // A member sees only itself and may change nothing.
    let own = app.get(&format!("/v1/tenants/{}/users", c.tenant), &member).await;
    let own = own.expect(200)["data"].as_array().unwrap().clone();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["id"], member_id.as_str());
    app.get(&format!("/v1/tenants/{}/users/{member_id}", c.tenant), &member).await.expect(200);
    app.get(&format!("/v1/tenants/{}/users/{}", c.tenant, c.admin_id), &member).await.problem(404, "not-found");
    app.post(
        &format!("/v1/tenants/{}/users", c.tenant),
        &member,
        json!({"email": "x@f.example", "first_name": "X", "last_name": "Y"}),
    )
    .await
    .problem(403, "forbidden");
    app.patch(&format!("/v1/tenants/{}/users/{member_id}", c.tenant), &member, json!({"admin": true}))
        .await
        .problem(403, "forbidden");

    // Update, promote, e-mail uniqueness across the service.
    let patched = app
        .patch(
            &format!("/v1/tenants/{}/users/{member_id}", c.tenant),
            &c.admin,
            json!({"first_name": "Nikolaos", "admin": true}),
        )
        .await;
    assert_eq!(patched.expect(200)["first_name"], "Nikolaos");
    assert_eq!(patched.body["admin"], true);
    app.patch(
        &format!("/v1/tenants/{}/users/{member_id}", c.tenant),
        &c.admin,
        json!({"email": "ADMIN@fabrikam.example"}),
    )
    .await
    .problem(409, "user-exists");
    app.post(
        &format!("/v1/tenants/{}/users", c.tenant),
        &c.admin,
        json!({"email": "nikos@fabrikam.example", "first_name": "N", "last_name": "G"}),
    )
    .await
    .problem(409, "user-exists");
    app.post(
        &format!("/v1/tenants/{}/users", c.tenant),
        &c.admin,
        json!({"email": "bad", "first_name": "N", "last_name": "G"}),
    )
    .await
    .problem(422, "validation-failed");
    // The promotion counts at once: the member's old token now administers.
    app.get(&format!("/v1/tenants/{}/users/{}", c.tenant, c.admin_id), &member).await.expect(200);

    // Deleting frees licences; the deleted user's token stops working.
    app.delete(&format!("/v1/tenants/{}/users/{member_id}", c.tenant), &c.admin).await.expect(204);
    let sub = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await;
    assert_eq!(sub.expect(200)["assigned_seats"], 1);
    app.get(&format!("/v1/tenants/{}", c.tenant), &member).await.problem(401, "unauthorized");
    app.delete(&format!("/v1/tenants/{}/users/{member_id}", c.tenant), &c.admin).await.problem(404, "not-found");
}

#[tokio::test]
async fn a_tenant_keeps_an_administrator() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let path = format!("/v1/tenants/{}/users/{}", c.tenant, c.admin_id);
    app.patch(&path, &c.admin, json!({"admin": false})).await.problem(409, "last-admin");
    app.delete(&path, &c.admin).await.problem(409, "last-admin");
    let (second, _) = app.add_user(&c.admin, &c.tenant, "second@fabrikam.example", json!({"admin": true})).await;
    app.patch(&path, &c.admin, json!({"admin": false})).await.expect(200);
    app.delete(&format!("/v1/tenants/{}/users/{second}", c.tenant), &c.admin).await.problem(403, "forbidden");
}

#[tokio::test]
async fn licences_respect_seats() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    let (a, _) = app.add_user(&c.admin, &c.tenant, "a@fabrikam.example", json!({})).await;
    let (b, _) = app.add_user(&c.admin, &c.tenant, "b@fabrikam.example", json!({})).await;
    let licence = |user: &str| format!("/v1/tenants/{}/users/{user}/licenses/{}", c.tenant, c.subscription);
    let assigned = app.put(&licence(&a), &c.admin, None).await;
    assert_eq!(assigned.expect(201)["subscription_id"], c.subscription.as_str());
    app.put(&licence(&a), &c.admin, None).await.expect(200);
    app.put(&licence(&b), &c.admin, None).await.problem(409, "no-licenses-available");
    app.delete(&licence(&a), &c.admin).await.expect(204);
    app.delete(&licence(&a), &c.admin).await.problem(404, "not-found");
    app.put(&licence(&b), &c.admin, None).await.expect(201);
    // Creating a user with a licence past the seats creates nothing.
    app.post(
        &format!("/v1/tenants/{}/users", c.tenant),
        &c.admin,
        json!({"email": "c@fabrikam.example", "first_name": "C", "last_name": "D", "license_subscription_id": c.subscription}),
    )
    .await
    .problem(409, "no-licenses-available");
    let users = app.get(&format!("/v1/tenants/{}/users", c.tenant), &c.admin).await;
    assert_eq!(users.expect(200)["data"].as_array().unwrap().len(), 3);
    // Another tenant's subscription is not found here.
    let other = app.tenant_with_seats(&partner, "adatum", 2).await;
    app.put(&format!("/v1/tenants/{}/users/{a}/licenses/{}", c.tenant, other.subscription), &c.admin, None)
        .await
        .problem(404, "not-found");
}

#[tokio::test]
async fn sixteen_users_race_for_the_last_seat() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 2).await; // the admin holds one
    let mut users = Vec::new();
    for i in 0..16 {
        users.push(app.add_user(&c.admin, &c.tenant, &format!("u{i}@fabrikam.example"), json!({})).await.0);
    }
    let attempts = users.iter().map(|u| {
        let path = format!("/v1/tenants/{}/users/{u}/licenses/{}", c.tenant, c.subscription);
        let token = c.admin.clone();
        let app = &app;
        async move { app.put(&path, &token, None).await }
    });
    let replies = futures::future::join_all(attempts).await;
    assert_eq!(replies.iter().filter(|r| r.status.as_u16() == 201).count(), 1);
    for reply in replies.iter().filter(|r| r.status.as_u16() != 201) {
        reply.problem(409, "no-licenses-available");
    }
    let sub = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await;
    assert_eq!(sub.expect(200)["assigned_seats"], 2);
    assert_eq!(sub.body["seats"], 2);
}

#[tokio::test]
async fn more_seats_by_another_key_of_the_same_product() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 1).await;
    // A tenant admin adds retail keys (SPEC §11); a partner's key is not found to it.
    let retail = |product: &str, seats: i32, quantity: i32| {
        let body = json!({"product_id": product, "channel": "retail", "seats_per_key": seats, "term_months": 1, "quantity": quantity});
        let app = &app;
        async move {
            let batch = app.post("/v1/key-batches", &app.operator, body).await;
            batch.expect(201)["keys"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k.as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    let more = retail(PRODUCT_STANDARD, 4, 2).await;
    let other_product = retail(PRODUCT_BASIC, 4, 1).await;
    let path = format!("/v1/subscriptions/{}/keys", c.subscription);
    let before = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await.body["ends_at"].clone();
    let grown = app.post(&path, &c.admin, json!({"key": more[0]})).await;
    assert_eq!(grown.expect(200)["seats"], 5);
    assert_eq!(grown.body["ends_at"], before, "extra seats run to the current end date");
    app.post(&path, &c.admin, json!({"key": more[0]})).await.problem(409, "key-already-redeemed");
    app.post(&path, &c.admin, json!({"key": other_product[0]})).await.problem(422, "product-mismatch");
    app.post(&path, &c.admin, json!({"key": "nope"})).await.problem(422, "invalid-key-format");
    // A partner's key is not found to a customer, reserved or not, and stays the partner's.
    let partners = app.mint(&partner, PRODUCT_STANDARD, 4, 1, 2).await;
    let redemption = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{redemption}/keys"), &partner.token, json!({"key": partners[1]}))
        .await
        .expect(201);
    for key in &partners {
        app.post(&path, &c.admin, json!({"key": key})).await.problem(404, "key-not-found");
    }
    let key = app.post("/v1/keys/validate", &partner.token, json!({"key": partners[0]})).await;
    assert_eq!(key.expect(200)["status"], "available");
    // The creating partner without delegation may not.
    app.post(&path, &partner.token, json!({"key": partners[0]})).await.problem(403, "delegated-admin-required");
    let keys = app.get("/v1/keys?channel=retail&limit=200", &app.operator).await.expect(200).clone();
    let redeemed = keys["data"].as_array().unwrap().iter().filter(|k| k["status"] == "redeemed").count();
    assert_eq!(redeemed, 1, "one retail key added seats");
}

#[tokio::test]
async fn tenant_settings() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 1).await;
    let renamed =
        app.patch(&format!("/v1/tenants/{}", c.tenant), &c.admin, json!({"company_name": "Fabrikam Hellas"})).await;
    assert_eq!(renamed.expect(200)["company_name"], "Fabrikam Hellas");
    app.patch(&format!("/v1/tenants/{}", c.tenant), &c.admin, json!({"company_name": ""}))
        .await
        .problem(422, "validation-failed");
    app.patch(&format!("/v1/tenants/{}", c.tenant), &c.admin, json!({"domain": "x"}))
        .await
        .problem(422, "validation-failed");
    app.patch(&format!("/v1/tenants/{}", c.tenant), &partner.token, json!({"company_name": "X"}))
        .await
        .problem(403, "delegated-admin-required");
    app.patch(&format!("/v1/tenants/{}", c.tenant), &app.operator, json!({"company_name": "X"}))
        .await
        .problem(403, "forbidden");
}

#[tokio::test]
async fn only_the_customer_names_the_partner_of_record() {
    let app = spawn().await;
    let creator = app.partner("Contoso IT").await;
    let named = app.partner("Litware").await;
    let next = app.partner("Northwind Partners").await;
    let c = app.tenant_with_seats(&creator, "fabrikam", 1).await;
    let path = format!("/v1/subscriptions/{}/partner-of-record", c.subscription);

    // Before: Litware cannot see the tenant at all.
    app.get(&format!("/v1/tenants/{}", c.tenant), &named.token).await.problem(404, "not-found");
    app.put(&path, &c.admin, Some(json!({"partner_number": "0000000"}))).await.problem(422, "unknown-partner-number");
    app.put(&path, &creator.token, Some(json!({"partner_number": creator.number}))).await.problem(403, "forbidden");
    let set = app.put(&path, &c.admin, Some(json!({"partner_number": named.number}))).await;
    let por = &set.expect(200)["partner_of_record"];
    assert_eq!(por["partner_id"], named.id.as_str());
    assert_eq!(por["partner_number"], named.number.as_str());
    assert_eq!(por["name"], "Litware");
    // Now it can see the tenant and the subscription, and has been told.
    app.get(&format!("/v1/tenants/{}", c.tenant), &named.token).await.expect(200);
    app.get(&format!("/v1/subscriptions/{}", c.subscription), &named.token).await.expect(200);
    assert_eq!(app.events(&named.token).await, ["partner_of_record.added"]);
    // Naming the same partner again changes nothing and tells nobody.
    app.put(&path, &c.admin, Some(json!({"partner_number": named.number}))).await.expect(200);
    assert_eq!(app.events(&named.token).await.len(), 1);

    // Replacing: the old partner hears it was removed, the new one that it was added.
    app.put(&path, &c.admin, Some(json!({"partner_number": next.number}))).await.expect(200);
    assert_eq!(app.events(&named.token).await, ["partner_of_record.added", "partner_of_record.removed"]);
    assert_eq!(app.events(&next.token).await, ["partner_of_record.added"]);
    app.get(&format!("/v1/tenants/{}", c.tenant), &named.token).await.problem(404, "not-found");

    app.delete(&path, &named.token).await.problem(404, "not-found");
    app.delete(&path, &next.token).await.problem(403, "forbidden");
    app.delete(&path, &c.admin).await.expect(204);
    assert_eq!(app.events(&next.token).await, ["partner_of_record.added", "partner_of_record.removed"]);
    let sub = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await;
    assert_eq!(sub.expect(200)["partner_of_record"], json!(null));
    app.delete(&path, &c.admin).await.expect(204);
}

#[tokio::test]
async fn no_new_licences_or_seats_once_disabled() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let (user, _) = app.add_user(&c.admin, &c.tenant, "u@fabrikam.example", json!({})).await;
    let licence = format!("/v1/tenants/{}/users/{user}/licenses/{}", c.tenant, c.subscription);
    let key = app.mint(&partner, PRODUCT_STANDARD, 1, 12, 1).await.remove(0);
    let end = instant(&app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await.body["ends_at"]);
    // Within grace, licences still come and go.
    app.advance_to(end + chrono::Duration::days(10)).await;
    app.delete(&format!("/v1/tenants/{}/users/{}/licenses/{}", c.tenant, c.admin_id, c.subscription), &c.admin)
        .await
        .expect(204);
    app.put(&licence, &c.admin, None).await.expect(201);
    app.delete(&licence, &c.admin).await.expect(204);
    // Past the 30-day grace the subscription is disabled: freeing works, assigning does not.
    app.advance_to(end + chrono::Duration::days(40)).await;
    app.put(&licence, &c.admin, None).await.problem(409, "subscription-inactive");
    app.post(&format!("/v1/subscriptions/{}/keys", c.subscription), &c.admin, json!({"key": key}))
        .await
        .problem(409, "subscription-inactive");
}
