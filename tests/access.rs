//! Access checks (SPEC §11): who is signed in, and whether it may use a product now — on
//! the sandbox clock, through a subscription's whole life.

use crate::common::*;
use serde_json::{Value, json};

async fn entitlement(app: &TestApp, token: &str) -> Value {
    let reply = app.get("/v1/me/entitlements", token).await;
    let data = reply.expect(200)["data"].as_array().unwrap().clone();
    assert_eq!(data.len(), 1, "one licence: {data:?}");
    data[0].clone()
}

#[tokio::test]
async fn usable_while_active_and_in_grace_not_from_disabled_and_again_after_reactivation() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    let (user_id, activation) = app
        .add_user(&c.admin, &c.tenant, "nikos@fabrikam.example", json!({"license_subscription_id": c.subscription}))
        .await;
    let (user, _) = app.sign_in("nikos@fabrikam.example", &activation).await;

    let me = app.get("/v1/me", &user).await.expect(200).clone();
    assert_eq!((me["user"]["id"].as_str(), me["user"]["admin"].as_bool()), (Some(user_id.as_str()), Some(false)));
    assert_eq!(me["tenant"]["id"], c.tenant.as_str());
    assert_eq!(me["user"]["licenses"], json!([c.subscription]));

    let active = entitlement(&app, &user).await;
    assert_eq!((active["status"].as_str(), active["usable"].as_bool()), (Some("active"), Some(true)));
    assert_eq!(active["product"]["id"], PRODUCT_STANDARD);
    let end =
        instant(&app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await.expect(200)["ends_at"]);
    assert_eq!(instant(&active["usable_until"]), end + chrono::Duration::days(30));

    // Past the end: expired, still usable (grace) — with no sweep run at all.
    app.advance_to(end).await;
    let grace = entitlement(&app, &user).await;
    assert_eq!((grace["status"].as_str(), grace["usable"].as_bool()), (Some("expired"), Some(true)));
    // From the end of grace: disabled, not usable.
    app.advance_to(end + chrono::Duration::days(30)).await;
    let disabled = entitlement(&app, &user).await;
    assert_eq!((disabled["status"].as_str(), disabled["usable"].as_bool()), (Some("disabled"), Some(false)));
    // The admin asks the same about the user, and gets the same answer.
    let path = format!("/v1/tenants/{}/users/{user_id}/entitlements", c.tenant);
    assert_eq!(app.get(&path, &c.admin).await.expect(200)["data"][0], disabled);

    // Reactivated by key: usable again at once.
    let key = app.mint(&partner, PRODUCT_STANDARD, 3, 12, 1).await.remove(0);
    app.post(
        &format!("/v1/subscriptions/{}/renewals", c.subscription),
        &partner.token,
        json!({"method": "product_key", "key": key}),
    )
    .await
    .expect(201);
    let again = entitlement(&app, &user).await;
    assert_eq!((again["status"].as_str(), again["usable"].as_bool()), (Some("active"), Some(true)));
    assert!(instant(&again["usable_until"]) > app.now().await + chrono::Duration::days(360));

    // A user without a licence has none; another tenant's user is not found.
    let (_, bare) = app.add_user(&c.admin, &c.tenant, "bare@fabrikam.example", json!({})).await;
    let (bare, _) = app.sign_in("bare@fabrikam.example", &bare).await;
    assert_eq!(app.get("/v1/me/entitlements", &bare).await.expect(200)["data"], json!([]));
    let other = app.tenant_with_seats(&partner, "northwind", 1).await;
    let theirs = format!("/v1/tenants/{}/users/{}/entitlements", c.tenant, other.admin_id);
    app.get(&theirs, &c.admin).await.problem(404, "not-found");
    // Partners and the operator have no /v1/me.
    app.get("/v1/me", &partner.token).await.problem(403, "forbidden");
    // A deleted user's token no longer answers.
    app.delete(&format!("/v1/tenants/{}/users/{user_id}", c.tenant), &c.admin).await.expect(204);
    app.get("/v1/me/entitlements", &user).await.problem(401, "unauthorized");
}
