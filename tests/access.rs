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

async fn password_sign_in(app: &TestApp, email: &str, password: &str) -> Reply {
    let body = json!({"grant_type": "password", "username": email, "password": password});
    app.send(reqwest::Method::POST, "/v1/auth/token", None, Some(body)).await
}

async fn refresh(app: &TestApp, refresh_token: &str) -> Reply {
    let body = json!({"grant_type": "refresh_token", "refresh_token": refresh_token});
    app.send(reqwest::Method::POST, "/v1/auth/token", None, Some(body)).await
}

#[tokio::test]
async fn a_lapsed_activation_is_reissued_by_who_manages_the_user() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    let (user, first) = app.add_user(&c.admin, &c.tenant, "nikos@fabrikam.example", json!({})).await;
    let path = format!("/v1/tenants/{}/users/{user}/activation", c.tenant);

    // The 7-day token lapses; a fresh one replaces it and the old never works again.
    app.advance_to(app.now().await + chrono::Duration::days(8)).await;
    let activate = |token: &str| json!({"activation_token": token, "password": "a brand new passphrase"});
    app.post("/v1/auth/activate", "", activate(&first)).await.problem(422, "invalid-activation-token");
    let issued = app.post(&path, &c.admin, json!({})).await.expect(201).clone();
    let second = issued["activation_token"].as_str().unwrap().to_string();
    assert!(second.starts_with("kpa_") && second != first);
    assert!(instant(&issued["expires_at"]) > app.now().await + chrono::Duration::days(6));
    let third =
        app.post(&path, &c.admin, json!({})).await.expect(201)["activation_token"].as_str().unwrap().to_string();
    app.post("/v1/auth/activate", "", activate(&second)).await.problem(422, "invalid-activation-token");
    app.post("/v1/auth/activate", "", activate(&third)).await.expect(200);
    password_sign_in(&app, "nikos@fabrikam.example", "a brand new passphrase").await.expect(200);
    // Once a password is set there is nothing to activate.
    app.post(&path, &c.admin, json!({})).await.problem(409, "user-activated");

    // A delegated user administrator reissues for plain users, not for admins.
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    app.delegate_with(&c, &partner, json!({"roles": ["user_administrator"]})).await;
    let (plain, _) = app.add_user(&c.admin, &c.tenant, "plain@fabrikam.example", json!({})).await;
    let (admin, _) = app.add_user(&c.admin, &c.tenant, "boss@fabrikam.example", json!({"admin": true})).await;
    app.post(&format!("/v1/tenants/{}/users/{plain}/activation", c.tenant), &partner.token, json!({}))
        .await
        .expect(201);
    let admin_path = format!("/v1/tenants/{}/users/{admin}/activation", c.tenant);
    app.post(&admin_path, &partner.token, json!({})).await.problem(403, "delegated-role-required");
    let other = app.tenant_with_seats(&partner, "northwind", 1).await;
    let elsewhere = format!("/v1/tenants/{}/users/{plain}/activation", other.tenant);
    app.post(&elsewhere, &other.admin, json!({})).await.problem(404, "not-found");
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    let (_, activation) = app.add_user(&c.admin, &c.tenant, "nikos@fabrikam.example", json!({})).await;
    let (here, here_refresh) = app.sign_in("nikos@fabrikam.example", &activation).await;
    let there = password_sign_in(&app, "nikos@fabrikam.example", "correct horse battery staple").await;
    let there = there.expect(200).clone();
    let (there_access, there_refresh) =
        (there["access_token"].as_str().unwrap().to_string(), there["refresh_token"].as_str().unwrap().to_string());

    let change = |current: &str, new: &str| json!({"current_password": current, "new_password": new});
    app.post("/v1/auth/password", &here, change("wrong password", "another passphrase"))
        .await
        .problem(422, "wrong-password");
    app.post("/v1/auth/password", &here, change("correct horse battery staple", "short"))
        .await
        .problem(422, "validation-failed");
    app.post("/v1/auth/password", &partner.token, change("x", "another passphrase")).await.problem(403, "forbidden");
    app.post("/v1/auth/password", &here, change("correct horse battery staple", "another passphrase"))
        .await
        .expect(204);

    // The other session ends at once: its access token and its refresh token.
    app.get("/v1/me", &there_access).await.problem(401, "unauthorized");
    refresh(&app, &there_refresh).await.expect(400);
    // This one goes on.
    app.get("/v1/me", &here).await.expect(200);
    refresh(&app, &here_refresh).await.expect(200);
    // Only the new password signs in.
    password_sign_in(&app, "nikos@fabrikam.example", "correct horse battery staple").await.expect(400);
    password_sign_in(&app, "nikos@fabrikam.example", "another passphrase").await.expect(200);
}

#[tokio::test]
async fn users_export_as_csv() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    let licence = json!({"license_subscription_id": c.subscription});
    let body = json!({"email": "odd@fabrikam.example", "first_name": "=HYPERLINK(\"x\")", "last_name": "Doe, Jr.",
                      "license_subscription_id": c.subscription});
    app.post(&format!("/v1/tenants/{}/users", c.tenant), &c.admin, body).await.expect(201);
    let (_, activation) = app.add_user(&c.admin, &c.tenant, "m@fabrikam.example", licence).await;
    let (member, _) = app.sign_in("m@fabrikam.example", &activation).await;

    let export = |token: String| {
        let url = app.url(&format!("/v1/tenants/{}/users?limit=1", c.tenant));
        let request = app.http.get(url).bearer_auth(token).header("accept", "text/csv");
        async move { request.send().await.unwrap() }
    };
    let reply = export(c.admin.clone()).await;
    assert_eq!(reply.status(), 200);
    assert!(reply.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = reply.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "email,first_name,last_name,admin,license_skus,activated,id,created_at");
    assert_eq!(lines.len(), 4, "every user, `limit` aside: {text}");
    assert!(lines[1].starts_with("admin@fabrikam.example,Maria,Papadopoulou,true,M365-BUSINESS-STANDARD,true,"));
    // Quoted where it must be, and no formula a spreadsheet would run.
    assert!(
        lines[2].starts_with(
            "odd@fabrikam.example,\"'=HYPERLINK(\"\"x\"\")\",\"Doe, Jr.\",false,M365-BUSINESS-STANDARD,false,"
        ),
        "{}",
        lines[2]
    );
    // A plain user exports itself only; a partner without a relationship nothing.
    let own = export(member).await.text().await.unwrap();
    assert_eq!(own.lines().count(), 2);
    assert!(own.contains("m@fabrikam.example"));
    assert_eq!(export(partner.token.clone()).await.status(), 403);
}
