//! The audit log: what is recorded, who may read it, and that nothing changes it.

use crate::common::*;
use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};
use serde_json::{Value, json};

async fn records(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let reply = app.get(&format!("/v1/audit-events?limit=200{query}"), token).await;
    reply.expect(200)["data"].as_array().unwrap().clone()
}

fn actions(records: &[Value]) -> Vec<&str> {
    records.iter().map(|r| r["action"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn changes_and_sign_ins_are_recorded_with_who_and_where() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    // A failed sign-in of the partner's client, from a named source.
    let client_id = app.get(&format!("/v1/partners/{}/api-clients", partner.id), &app.operator).await.expect(200)["data"]
        [0]["client_id"]
        .as_str()
        .unwrap()
        .to_string();
    let failed = app
        .http
        .post(app.url("/v1/auth/token"))
        .form(&[("grant_type", "client_credentials"), ("client_id", &client_id), ("client_secret", "kps_wrong-guess")])
        .header("x-request-id", "req-failed-sign-in")
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), 401);
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    let (user, _) = app.add_user(&c.admin, &c.tenant, "nikos@fabrikam.example", json!({})).await;

    let all = records(&app, &app.operator, "").await;
    let sign_ins: Vec<&Value> = all.iter().filter(|r| r["action"] == "auth_token").collect();
    let failure = sign_ins.iter().find(|r| r["outcome"] == "failure").expect("the failed sign-in");
    assert_eq!(failure["actor"]["client_id"], client_id.as_str());
    assert_eq!(failure["request_id"], "req-failed-sign-in");
    assert_eq!(failure["source_ip"], "127.0.0.1");
    assert!(sign_ins.iter().any(|r| r["outcome"] == "success" && r["actor"]["role"] == "partner"));
    assert!(sign_ins.iter().any(|r| r["outcome"] == "success" && r["actor"]["role"] == "customer"));

    // The account the partner created, with its tenant.
    let account = all.iter().find(|r| r["action"] == "redemptions_create_account").unwrap();
    assert_eq!(account["actor"]["role"], "partner");
    assert_eq!(account["actor"]["id"], partner.id.as_str());
    assert_eq!(
        (account["target"]["type"].as_str(), account["target"]["id"].as_str()),
        (Some("tenant"), Some(c.tenant.as_str()))
    );
    assert_eq!(account["tenant_id"], c.tenant.as_str());
    // The user the tenant admin created.
    let created = all.iter().find(|r| r["action"] == "users_create").unwrap();
    assert_eq!(
        (created["actor"]["role"].as_str(), created["actor"]["id"].as_str()),
        (Some("customer"), Some(c.admin_id.as_str()))
    );
    assert_eq!(
        (created["target"]["type"].as_str(), created["target"]["id"].as_str()),
        (Some("user"), Some(user.as_str()))
    );
    assert_eq!(created["outcome"], "success");
    // A refused change leaves no record.
    let before = records(&app, &app.operator, "&action=tenants_update").await.len();
    let path = format!("/v1/tenants/{}", c.tenant);
    app.patch(&path, &partner.token, json!({"company_name": "X"})).await.problem(403, "delegated-admin-required");
    assert_eq!(records(&app, &app.operator, "&action=tenants_update").await.len(), before);
    app.patch(&path, &c.admin, json!({"company_name": "Fabrikam SA"})).await.expect(200);
    assert_eq!(records(&app, &app.operator, "&action=tenants_update").await.len(), before + 1);

    // Percent-encoding a letter of the path reaches the same operation, and its record.
    let sneaky = app
        .post("/v1/webhook-endpoint%73", &c.admin, json!({"url": "http://127.0.0.1:9/x", "events": ["tenant.created"]}))
        .await;
    let endpoint = sneaky.expect(201)["id"].as_str().unwrap().to_string();
    let registered = records(&app, &app.operator, "&action=webhooks_register").await;
    assert_eq!(registered.len(), 1);
    assert_eq!(registered[0]["target"]["id"], endpoint.as_str());
    // A tenant admin's own changes are its tenant's records, webhooks included.
    let rotated = format!("/v1/webhook-endpoints/{endpoint}/rotate-secret");
    app.post(&rotated, &c.admin, json!({})).await.expect(200);
    let own = records(&app, &c.admin, "&action=webhooks_rotate_secret").await;
    assert_eq!(own.len(), 1, "the tenant admin reads its own rotation");
    // A password typed into the user-name field is never kept.
    let typo = app
        .http
        .post(app.url("/v1/auth/toke%6E"))
        .form(&[("grant_type", "password"), ("username", "hunter2-my-secret"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(typo.status(), 400);
    let log = app.get("/v1/audit-events?limit=200&action=auth_token", &app.operator).await;
    assert!(!log.text.contains("hunter2"), "{}", log.text);
    assert!(
        log.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["outcome"] == "failure" && r["actor"]["role"] == "anonymous")
    );

    // A sweep that changed something, by the system.
    let end =
        instant(&app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await.expect(200)["ends_at"]);
    app.advance_to(end - chrono::Duration::days(60)).await;
    app.sweep().await;
    let sweeps = records(&app, &app.operator, "&action=sweep").await;
    assert_eq!(sweeps.len(), 1);
    assert_eq!(sweeps[0]["actor"]["role"], "system");
    assert!(sweeps[0]["summary"].as_str().unwrap().contains("renewal_notices_sent=1"));
}

#[tokio::test]
async fn each_reads_what_concerns_it() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let stranger = app.partner("Stranger IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 3).await;
    let d = app.tenant_with_seats(&stranger, "northwind", 3).await;
    app.add_user(&c.admin, &c.tenant, "a@fabrikam.example", json!({})).await;
    app.add_user(&d.admin, &d.tenant, "b@northwind.example", json!({})).await;

    // The tenant admin: its tenant's records only.
    let own = records(&app, &c.admin, "").await;
    assert!(!own.is_empty() && own.iter().all(|r| r["tenant_id"] == c.tenant.as_str()), "{own:?}");
    // Filters narrow, never widen.
    assert!(records(&app, &c.admin, &format!("&tenant_id={}", d.tenant)).await.is_empty());
    // A member reads none.
    let (_, activation) = app.add_user(&c.admin, &c.tenant, "m@fabrikam.example", json!({})).await;
    let (member, _) = app.sign_in("m@fabrikam.example", &activation).await;
    app.get("/v1/audit-events", &member).await.problem(403, "forbidden");

    // The partner: its own actions, not the tenant's users until it administers the tenant.
    let mine = records(&app, &partner.token, "").await;
    assert!(mine.iter().all(|r| r["actor"]["id"] == partner.id.as_str() || r["partner_id"] == partner.id.as_str()));
    assert!(!actions(&mine).contains(&"users_create"));
    assert!(records(&app, &partner.token, &format!("&tenant_id={}", d.tenant)).await.is_empty());
    app.name_partner_of_record(&c, &c.subscription, &partner).await;
    app.delegate(&c, &partner).await;
    let administered = records(&app, &partner.token, &format!("&tenant_id={}", c.tenant)).await;
    assert!(actions(&administered).contains(&"users_create"), "{administered:?}");
    assert!(administered.iter().all(|r| r["tenant_id"] == c.tenant.as_str()));
    assert!(!records(&app, &stranger.token, "").await.iter().any(|r| r["tenant_id"] == c.tenant.as_str()));

    // Time filters and keyset pages.
    let own = records(&app, &c.admin, "").await;
    let first = &own[0];
    let at = first["at"].as_str().unwrap();
    let since = records(&app, &c.admin, &format!("&since={}", urlencode(at))).await;
    assert_eq!(since.len(), own.len());
    assert!(records(&app, &c.admin, &format!("&until={}", urlencode(at))).await.is_empty());
    let page = app.get("/v1/audit-events?limit=1", &c.admin).await.expect(200).clone();
    let next = page["next_cursor"].as_str().unwrap();
    let second = app.get(&format!("/v1/audit-events?limit=1&after={next}"), &c.admin).await.expect(200).clone();
    assert_eq!(second["data"][0]["id"], own[1]["id"]);
    for bad in ["since=yesterday", "tenant_id=nope", "limit=0", "limit=100000"] {
        app.get(&format!("/v1/audit-events?{bad}"), &c.admin).await.problem(422, "validation-failed");
    }
    let long = format!("/v1/audit-events?action={}", "a".repeat(101));
    app.get(&long, &c.admin).await.problem(422, "validation-failed");
}

fn urlencode(text: &str) -> String {
    text.replace('+', "%2B").replace(':', "%3A")
}

/// Not even the service's own database role may change or remove a record.
#[tokio::test]
async fn records_cannot_be_changed_or_deleted() {
    let app = spawn().await;
    app.partner("Contoso IT").await;
    let mut conn = PgConnection::establish(&app.database_url).unwrap();
    for statement in
        ["UPDATE audit_events SET summary = 'nothing happened'", "DELETE FROM audit_events", "TRUNCATE audit_events"]
    {
        let refused = sql_query(statement).execute(&mut conn).unwrap_err().to_string();
        assert!(refused.contains("append-only"), "{statement}: {refused}");
    }
    assert!(!records(&app, &app.operator, "").await.is_empty());
}
