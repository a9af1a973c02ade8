//! Several `keyport serve` processes on one database: started together on an empty one,
//! they migrate it once; sweeping at once across every threshold, each notice and
//! lifecycle event lands exactly once in each inbox.

use std::collections::BTreeMap;

use crate::common::*;
use diesel::prelude::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_sweep_each_event_exactly_once() {
    let database_url = fresh_database();
    let instances = [serve(&database_url, &[]).await, serve(&database_url, &[]).await, serve(&database_url, &[]).await];
    // The harness's helpers, pointed at the first instance.
    let app = TestApp::attach(&instances[0].base, &database_url).await;
    let partner = app.partner("Contoso IT").await;
    let mut customers = Vec::new();
    for i in 0..4 {
        let c = app.tenant_with_seats(&partner, &format!("tenant{i}"), 2).await;
        app.name_partner_of_record(&c, &c.subscription, &partner).await;
        customers.push(c);
    }
    let end = instant(
        &app.get(&format!("/v1/subscriptions/{}", customers[0].subscription), &partner.token).await.body["ends_at"],
    );

    let sweep_everywhere = || async {
        for _ in 0..3 {
            let sweeps = instances.iter().map(|i| {
                app.http.post(format!("{}/v1/jobs/sweep", i.base)).bearer_auth(&app.operator).json(&json!({})).send()
            });
            for reply in futures::future::join_all(sweeps).await {
                assert_eq!(reply.unwrap().status(), 200);
            }
        }
    };
    let steps = [
        end - chrono::Duration::days(60),
        end - chrono::Duration::days(30),
        end - chrono::Duration::days(7),
        end - chrono::Duration::days(1),
        end + chrono::Duration::hours(1),
        end + chrono::Duration::days(30),
    ];
    for step in steps {
        // Each instance reads the moved clock from the database at once.
        let now = app.advance_to(step).await;
        for instance in &instances[1..] {
            let seen =
                app.http.get(format!("{}/v1/sandbox/clock", instance.base)).bearer_auth(&app.operator).send().await;
            let seen: Value = seen.unwrap().json().await.unwrap();
            assert!((instant(&seen["now"]) - now).num_seconds().abs() < 60);
        }
        sweep_everywhere().await;
    }
    // Before deletion purges them, each tenant inbox holds every notice and event once.
    let expected: Vec<(String, Option<i64>)> = [
        ("subscription.renewal_notice", Some(60)),
        ("subscription.renewal_notice", Some(30)),
        ("subscription.renewal_notice", Some(7)),
        ("subscription.renewal_notice", Some(1)),
        ("subscription.expired", None),
        ("subscription.disabled", None),
    ]
    .into_iter()
    .map(|(e, d)| (e.to_string(), d))
    .collect();
    for c in &customers {
        let inbox: Vec<(String, Option<i64>)> = app
            .inbox(&c.admin)
            .await
            .iter()
            .filter(|n| n["event"].as_str().unwrap().starts_with("subscription."))
            .map(|n| (n["event"].as_str().unwrap().to_string(), n["days_before"].as_i64()))
            .collect();
        assert_eq!(inbox, expected, "tenant inbox of {}", c.tenant);
    }
    app.advance_to(end + chrono::Duration::days(120)).await;
    sweep_everywhere().await;

    // The partner's inbox: per subscription, each event exactly once.
    let mut per_subscription: BTreeMap<String, Vec<(String, Option<i64>)>> = BTreeMap::new();
    for n in
        app.inbox(&partner.token).await.iter().filter(|n| n["event"].as_str().unwrap().starts_with("subscription."))
    {
        per_subscription
            .entry(n["subscription_id"].as_str().unwrap().to_string())
            .or_default()
            .push((n["event"].as_str().unwrap().to_string(), n["days_before"].as_i64()));
    }
    let mut with_deletion = expected.clone();
    with_deletion.push(("subscription.deleted".to_string(), None));
    assert_eq!(per_subscription.len(), customers.len());
    for (subscription, events) in &per_subscription {
        assert_eq!(events, &with_deletion, "partner inbox for {subscription}");
    }
    // And in the database: no inbox holds any event twice (purged tenants included).
    let mut conn = PgConnection::establish(&database_url).unwrap();
    let duplicates: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY recipient_partner_id, recipient_tenant_id, \
         event, tenant_id, subscription_id, days_before HAVING count(*) > 1) AS twice)",
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(duplicates, 0);
    // Deletion purges each tenant's data, its inbox included (SPEC §8): the partners keep theirs.
    let tenant_inboxes: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM notifications WHERE recipient_tenant_id IS NOT NULL)",
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(tenant_inboxes, 0);
}

/// A first deployment: three instances started at once on an empty database. They take
/// turns migrating it, so each migration runs once and every instance comes up.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_migrate_an_empty_database_once() {
    let database_url = empty_database();
    let (a, b, c) = tokio::join!(serve(&database_url, &[]), serve(&database_url, &[]), serve(&database_url, &[]));
    let mut conn = PgConnection::establish(&database_url).unwrap();
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let applied: Count =
        diesel::sql_query("SELECT count(*) AS n FROM __diesel_schema_migrations").get_result(&mut conn).unwrap();
    assert_eq!(applied.n as usize, std::fs::read_dir("migrations").unwrap().count());
    // Each serves, with the secrets the first start created for all of them.
    let app = TestApp::attach(&a.base, &database_url).await;
    for instance in [&a, &b, &c] {
        let reply = app.http.get(format!("{}/v1/partners", instance.base)).bearer_auth(&app.operator).send().await;
        assert_eq!(reply.unwrap().status(), 200);
    }
}

/// The revocation listener on a URL of its own (`KEYPORT_LISTEN_DATABASE_URL`, for a pool
/// behind a transaction-pooling proxy): its sessions are the ones that URL opens, the pool's
/// are not, and a revocation still reaches the other instance before it is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_revocation_listener_connects_with_its_own_url() {
    let database_url = fresh_database();
    let role = format!("listener_{}", &uuid::Uuid::now_v7().simple().to_string()[20..]);
    let mut conn = PgConnection::establish(&database_url).unwrap();
    for grant in [
        format!("CREATE ROLE {role} LOGIN"),
        format!("GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"),
        format!("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"),
    ] {
        diesel::sql_query(grant).execute(&mut conn).unwrap();
    }
    let listen_url = database_url.replacen("user=postgres", &format!("user={role}"), 1);
    assert_ne!(listen_url, database_url, "the harness's URL names its user");
    let own_url = [("KEYPORT_LISTEN_DATABASE_URL", listen_url.as_str())];
    let instances = [serve(&database_url, &own_url).await, serve(&database_url, &own_url).await];

    #[derive(QueryableByName, Debug, PartialEq, Eq, PartialOrd, Ord)]
    struct Session {
        #[diesel(sql_type = diesel::sql_types::Text)]
        application_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        usename: String,
    }
    let sessions: Vec<Session> = diesel::sql_query(
        "SELECT DISTINCT application_name, usename::text AS usename FROM pg_stat_activity \
         WHERE datname = current_database() AND application_name LIKE 'keyport%' ORDER BY 1, 2",
    )
    .load(&mut conn)
    .unwrap();
    let expected =
        [("keyport", "postgres"), ("keyport listener", role.as_str()), ("keyport revocations", role.as_str())];
    let expected: Vec<Session> =
        expected.iter().map(|(a, u)| Session { application_name: a.to_string(), usename: u.to_string() }).collect();
    assert_eq!(sessions, expected);

    let first = TestApp::attach(&instances[0].base, &database_url).await;
    let second = TestApp::attach(&instances[1].base, &database_url).await;
    let partner = first.partner("Contoso IT").await;
    let clients = first.get(&format!("/v1/partners/{}/api-clients", partner.id), &first.operator).await;
    let client_id = clients.expect(200)["data"][0]["client_id"].as_str().unwrap().to_string();
    second.get("/v1/partners/me", &partner.token).await.expect(200);
    first.delete(&format!("/v1/partners/{}/api-clients/{client_id}", partner.id), &partner.token).await.expect(204);
    second.get("/v1/partners/me", &partner.token).await.problem(401, "unauthorized");
}
