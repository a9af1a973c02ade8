//! Tenants and subscriptions as each role sees them, and status derived from time.

use crate::common::*;
use serde_json::json;

#[tokio::test]
async fn visibility_by_role() {
    let app = spawn().await;
    let creator = app.partner("Contoso IT").await;
    let stranger = app.partner("Litware").await;
    let account = app.customer(&creator, "fabrikam", "maria@fabrikam.example").await;
    let other_account = app.customer(&stranger, "adatum", "admin@adatum.example").await;
    let tenant = account.tenant.as_str();
    let subscription = account.subscription.as_str();
    let (customer, _) = app.sign_in("maria@fabrikam.example", &account.activation_token).await;

    // The creating partner and the operator see it; another partner does not, anywhere.
    app.get(&format!("/v1/tenants/{tenant}"), &creator.token).await.expect(200);
    app.get(&format!("/v1/tenants/{tenant}"), &app.operator).await.expect(200);
    app.get(&format!("/v1/tenants/{tenant}"), &stranger.token).await.problem(404, "not-found");
    app.get(&format!("/v1/subscriptions/{subscription}"), &stranger.token).await.problem(404, "not-found");
    app.get(&format!("/v1/subscriptions?tenant_id={tenant}"), &stranger.token).await.problem(404, "not-found");
    let listed = app.get("/v1/tenants", &stranger.token).await;
    let ids: Vec<&str> =
        listed.expect(200)["data"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [other_account.tenant.as_str()]);
    let all = app.get("/v1/tenants", &app.operator).await;
    assert_eq!(all.expect(200)["data"].as_array().unwrap().len(), 2);

    // The customer sees its own tenant and nothing else.
    let own = app.get("/v1/tenants", &customer).await;
    assert_eq!(own.expect(200)["data"].as_array().unwrap().len(), 1);
    app.get(&format!("/v1/tenants/{tenant}"), &customer).await.expect(200);
    let other_tenant = other_account.tenant.as_str();
    app.get(&format!("/v1/tenants/{other_tenant}"), &customer).await.problem(404, "not-found");
    let other_subscription = other_account.subscription.as_str();
    app.get(&format!("/v1/subscriptions/{other_subscription}"), &customer).await.problem(404, "not-found");
    let subs = app.get(&format!("/v1/subscriptions?tenant_id={tenant}"), &customer).await;
    assert_eq!(subs.expect(200)["data"].as_array().unwrap().len(), 1);
    // Customers have no keys or redemptions.
    app.get("/v1/keys", &customer).await.problem(403, "forbidden");
    app.post("/v1/redemptions", &customer, json!({"acknowledged": true})).await.problem(403, "forbidden");
    app.get("/v1/tenants/not-a-uuid", &customer).await.problem(404, "not-found");
}

#[tokio::test]
async fn status_follows_the_end_date_in_reads_and_filters() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let account = app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
    let id = account.subscription.as_str();
    let sub = app.get(&format!("/v1/subscriptions/{id}"), &partner.token).await;
    let sub = sub.expect(200).clone();
    assert_eq!(sub["status"], "active");
    assert_eq!(sub["term_months"], 12);
    let at = |s: &serde_json::Value| chrono::DateTime::parse_from_rfc3339(s.as_str().unwrap()).unwrap();
    assert_eq!((at(&sub["grace_ends_at"]) - at(&sub["ends_at"])).num_days(), 30);
    assert_eq!((at(&sub["data_retained_until"]) - at(&sub["ends_at"])).num_days(), 120);
    assert!((at(&sub["ends_at"]) - at(&sub["starts_at"])).num_days() >= 365);

    // The clock moves through the term's end; status follows without any sweep.
    let end = instant(&sub["ends_at"]);
    for (days_after, status) in
        [(-1, "active"), (0, "expired"), (29, "expired"), (30, "disabled"), (119, "disabled"), (120, "deleted")]
    {
        app.advance_to(end + chrono::Duration::days(days_after)).await;
        let read = app.get(&format!("/v1/subscriptions/{id}"), &partner.token).await;
        assert_eq!(read.expect(200)["status"], status, "{days_after} days after the end");
        for filter in ["active", "expired", "disabled", "deleted", "superseded"] {
            let listed = app.get(&format!("/v1/subscriptions?status={filter}"), &partner.token).await;
            let n = listed.expect(200)["data"].as_array().unwrap().len();
            assert_eq!(n, usize::from(filter == status), "filter {filter} at {days_after} days");
        }
    }
    app.get("/v1/subscriptions?status=zombie", &partner.token).await.problem(422, "validation-failed");
}
