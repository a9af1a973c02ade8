//! Bulk user imports (SPEC §11): every row's outcome, seats never oversold, the activation
//! tokens once to the importer, and an import finished by another instance after the one
//! working on it was killed.

use std::time::Duration;

use crate::common::*;
use diesel::{prelude::*, sql_query, sql_types::BigInt};
use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};

const SKU: &str = "M365-BUSINESS-STANDARD";

async fn submit_csv(app: &TestApp, token: &str, tenant: &str, csv: String) -> Reply {
    let request = app
        .http
        .post(app.url(&format!("/v1/tenants/{tenant}/user-imports")))
        .bearer_auth(token)
        .header(CONTENT_TYPE, "text/csv")
        .body(csv);
    TestApp::reply(request.send().await.unwrap()).await
}

/// Polls the import until it is completed; the final answer holds, in each created row,
/// the activation token whichever poll handed it over.
async fn completed(app: &TestApp, token: &str, tenant: &str, id: &str) -> Value {
    let mut tokens = std::collections::HashMap::new();
    for _ in 0..1200 {
        let reply = app.get(&format!("/v1/tenants/{tenant}/user-imports/{id}"), token).await;
        let mut body = reply.expect(200).clone();
        for row in body["rows"].as_array().unwrap() {
            if let Some(token) = row["activation_token"].as_str() {
                let fresh = tokens.insert(row["line"].as_i64().unwrap(), token.to_string()).is_none();
                assert!(fresh, "a token handed over twice: {row}");
            }
        }
        if body["status"] == "completed" {
            for row in body["rows"].as_array_mut().unwrap() {
                if let Some(token) = tokens.get(&row["line"].as_i64().unwrap()) {
                    row["activation_token"] = json!(token);
                }
            }
            return body;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("import {id} did not complete");
}

async fn assigned_seats(app: &TestApp, c: &Customer) -> (i64, i64) {
    let sub = app.get(&format!("/v1/subscriptions/{}", c.subscription), &c.admin).await.expect(200).clone();
    (sub["assigned_seats"].as_i64().unwrap(), sub["seats"].as_i64().unwrap())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(url: &str, query: &str) -> i64 {
    let mut conn = PgConnection::establish(url).unwrap();
    sql_query(query).get_result::<Count>(&mut conn).unwrap().n
}

/// What a row of the big import is and what it must come to.
fn big_import(admin_email: &str) -> (String, Vec<(i32, &'static str)>) {
    let mut csv = String::from("email,first_name,last_name,admin,license_skus\n");
    let mut expected = Vec::new();
    for i in 0..10_000 {
        let (row, code) = match i % 10 {
            0 => (format!("u{i}@big.example,U,{i},,NO-SUCH-SKU"), "unknown-sku"),
            1 => (format!("U{}@BIG.example,Again,{i},,", i - 1), "user-exists"),
            2 => (format!("not-an-address-{i},U,{i},,"), "validation-failed"),
            3 if i == 3 => (format!("{admin_email},Admin,Again,,"), "user-exists"),
            3 => (format!("u{i}@big.example,U,{i},,"), "created"),
            _ => (format!("u{i}@big.example,U,{i},false,{SKU}"), "seat"),
        };
        csv.push_str(&row);
        csv.push('\n');
        expected.push((i + 2, code));
    }
    (csv, expected)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_thousand_rows_each_get_their_outcome_and_seats_are_never_oversold() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "big", 2500).await;
    let (held, seats) = assigned_seats(&app, &c).await;
    let free = (seats - held) as usize;
    let (csv, expected) = big_import("admin@big.example");

    let accepted = submit_csv(&app, &c.admin, &c.tenant, csv).await;
    let body = accepted.expect(202);
    let id = body["id"].as_str().unwrap().to_string();
    let location = accepted.headers["location"].to_str().unwrap();
    assert_eq!(location, format!("/v1/tenants/{}/user-imports/{id}", c.tenant));
    assert_eq!(body["counts"]["total"], 10_000);
    assert_eq!(body["counts"]["error"], 2000, "invalid addresses and repeated ones are refused at once");

    let done = completed(&app, &c.admin, &c.tenant, &id).await;
    let rows = done["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 10_000);
    let mut seat_rows = 0;
    let mut tokens = Vec::new();
    for (row, (line, want)) in rows.iter().zip(&expected) {
        assert_eq!(row["line"], *line);
        let got = (row["outcome"].as_str().unwrap(), row["code"].as_str());
        let want = match *want {
            "created" => ("created", None),
            "seat" => {
                seat_rows += 1;
                if seat_rows <= free { ("created", None) } else { ("error", Some("no-licenses-available")) }
            }
            code => ("error", Some(code)),
        };
        assert_eq!(got, want, "line {line}: {row}");
        if want.0 == "created" {
            assert!(row["user_id"].is_string());
            tokens.push(row["activation_token"].as_str().expect("the importer's token, the first time").to_string());
        } else {
            assert!(row["user_id"].is_null() && row["activation_token"].is_null(), "{row}");
        }
    }
    let created = 999 + free;
    assert_eq!(done["counts"], json!({"total": 10_000, "pending": 0, "created": created, "error": 10_000 - created}));
    assert_eq!(assigned_seats(&app, &c).await, (seats, seats), "every seat is used, none twice");

    // The tokens were handed over once: a second read has none, and one of them activates.
    let again = app.get(&format!("/v1/tenants/{}/user-imports/{id}", c.tenant), &c.admin).await;
    assert!(again.expect(200)["rows"].as_array().unwrap().iter().all(|r| r["activation_token"].is_null()));
    assert_eq!(rows[4]["email"], "u4@big.example");
    let (token, _) = app.sign_in("u4@big.example", &tokens[0]).await;
    app.get("/v1/me", &token).await.expect(200);
    let users = count(&app.database_url, &format!("SELECT count(*) AS n FROM users WHERE tenant_id = '{}'", c.tenant));
    assert_eq!(users, created as i64 + 1);
}

#[tokio::test]
async fn json_imports_and_who_may_import() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 5).await;
    let path = format!("/v1/tenants/{}/user-imports", c.tenant);
    let body = json!({"users": [
        {"email": "eleni@fabrikam.example", "first_name": "Eleni", "last_name": "Papadaki", "license_skus": [SKU]},
        {"email": "kostas@fabrikam.example", "first_name": "Kostas", "last_name": "Ioannou", "admin": true},
        {"email": "x@fabrikam.example", "first_name": "", "last_name": "X"},
    ]});

    // A user who is not an admin, another tenant's admin, a partner without the roles.
    let (_, member_token) = app.add_user(&c.admin, &c.tenant, "member@fabrikam.example", json!({})).await;
    let (member, _) = app.sign_in("member@fabrikam.example", &member_token).await;
    app.post(&path, &member, body.clone()).await.problem(403, "forbidden");
    let other = app.tenant_with_seats(&partner, "northwind", 1).await;
    app.post(&path, &other.admin, body.clone()).await.problem(404, "not-found");
    app.post(&path, &partner.token, body.clone()).await.problem(403, "delegated-admin-required");
    let narrow = app.partner("Narrow IT").await;
    app.name_partner_of_record(&c, &c.subscription, &narrow).await;
    app.delegate_with(&c, &narrow, json!({"roles": ["user_administrator"]})).await;
    let refused = app.post(&path, &narrow.token, body.clone()).await;
    refused.problem(403, "delegated-role-required");
    let plain = json!({"users": [{"email": "plain@fabrikam.example", "first_name": "P", "last_name": "Lain"}]});
    let by_partner = app.post(&path, &narrow.token, plain).await.expect(202).clone();

    // Whole-import refusals change nothing.
    app.post(&path, &c.admin, json!({"users": []})).await.problem(422, "validation-failed");
    app.post(&path, &c.admin, json!({"users": [{"email": "a@b.example"}]})).await.problem(422, "validation-failed");
    let text = app.http.post(app.url(&path)).bearer_auth(&c.admin).header(CONTENT_TYPE, "text/plain").body("x");
    TestApp::reply(text.send().await.unwrap()).await.problem(415, "unsupported-media-type");
    submit_csv(&app, &c.admin, &c.tenant, "mail,name\nx,y\n".into()).await.problem(422, "validation-failed");
    submit_csv(&app, &c.admin, &c.tenant, "email,first_name,last_name\na@b.example,A\n".into())
        .await
        .problem(422, "validation-failed");
    // A NUL character (which PostgreSQL text cannot hold) refuses its row, not the import.
    let nul = submit_csv(&app, &c.admin, &c.tenant, "email,first_name,last_name\nn\0@x.example,N\0,U\n".into()).await;
    assert_eq!(nul.expect(202)["rows"][0]["code"], "validation-failed", "{}", nul.text);
    let too_many = format!("email,first_name,last_name\n{}", "a@b.example,A,B\n".repeat(10_001));
    let refused = submit_csv(&app, &c.admin, &c.tenant, too_many).await;
    refused.problem(422, "validation-failed");
    assert!(refused.body["errors"][0]["message"].as_str().unwrap().contains("10000"), "{}", refused.text);

    let accepted = app.post(&path, &c.admin, body).await.expect(202).clone();
    let id = accepted["id"].as_str().unwrap();
    let done = completed(&app, &c.admin, &c.tenant, id).await;
    let outcomes: Vec<_> =
        done["rows"].as_array().unwrap().iter().map(|r| (&r["line"], &r["outcome"], &r["code"])).collect();
    assert_eq!(
        outcomes,
        [
            (&json!(1), &json!("created"), &Value::Null),
            (&json!(2), &json!("created"), &Value::Null),
            (&json!(3), &json!("error"), &json!("validation-failed")),
        ]
    );
    let eleni = done["rows"][0]["user_id"].as_str().unwrap();
    let user = app.get(&format!("/v1/tenants/{}/users/{eleni}", c.tenant), &c.admin).await.expect(200).clone();
    assert_eq!(user["licenses"], json!([c.subscription]));
    let kostas = done["rows"][1]["user_id"].as_str().unwrap();
    let user = app.get(&format!("/v1/tenants/{}/users/{kostas}", c.tenant), &c.admin).await.expect(200).clone();
    assert_eq!(user["admin"], true);

    // Only the importer reads the tokens: the partner's import, read by the tenant admin,
    // shows none; the partner then gets its one token.
    let theirs = format!("{path}/{}", by_partner["id"].as_str().unwrap());
    let mut seen = Value::Null;
    for _ in 0..100 {
        seen = app.get(&theirs, &c.admin).await.expect(200).clone();
        if seen["status"] == "completed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(seen["rows"][0]["outcome"], "created");
    assert!(seen["rows"][0]["activation_token"].is_null());
    let own = completed(&app, &narrow.token, &c.tenant, by_partner["id"].as_str().unwrap()).await;
    assert!(own["rows"][0]["activation_token"].as_str().unwrap().starts_with("kpa_"));
    let again = app.get(&theirs, &narrow.token).await.expect(200).clone();
    assert!(again["rows"][0]["activation_token"].is_null(), "once only");
    app.get(&format!("{path}/{}", uuid::Uuid::now_v7()), &c.admin).await.problem(404, "not-found");
    app.get(&theirs, &other.admin).await.problem(404, "not-found");
}

/// Four imports at once, each wanting more seats than are left: together they fill the
/// subscription exactly, and every row that found no seat says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_imports_never_oversell_seats() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "fabrikam", 150).await;
    let (held, seats) = assigned_seats(&app, &c).await;
    let imports = (0..4).map(|n| {
        let csv = (0..100).fold(String::from("email,first_name,last_name,license_skus\n"), |mut csv, i| {
            csv.push_str(&format!("u{n}-{i}@fabrikam.example,U,{i},{SKU}\n"));
            csv
        });
        submit_csv(&app, &c.admin, &c.tenant, csv)
    });
    let accepted = futures::future::join_all(imports).await;
    let mut created = 0;
    for reply in accepted {
        let id = reply.expect(202)["id"].as_str().unwrap().to_string();
        let done = completed(&app, &c.admin, &c.tenant, &id).await;
        for row in done["rows"].as_array().unwrap() {
            match row["outcome"].as_str().unwrap() {
                "created" => created += 1,
                _ => assert_eq!(row["code"], "no-licenses-available", "{row}"),
            }
        }
    }
    assert_eq!(created, seats - held);
    assert_eq!(assigned_seats(&app, &c).await, (seats, seats));
}

/// The instance working on an import is killed mid-way; another finishes it. No row is
/// decided twice: each has one outcome, each created user exists once with one token.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_instances_import_is_finished_by_another() {
    let database_url = fresh_database();
    // Small batches, so the import is still running when its instance dies.
    let mut first = serve(&database_url, &[("KEYPORT_IMPORT_BATCH", "20")]).await;
    let app = TestApp::attach(&first.base, &database_url).await;
    let partner = app.partner("Contoso IT").await;
    let c = app.tenant_with_seats(&partner, "crash", 1500).await;
    let (held, seats) = assigned_seats(&app, &c).await;
    let csv = (0..3000).fold(String::from("email,first_name,last_name,license_skus\n"), |mut csv, i| {
        csv.push_str(&format!("u{i}@crash.example,U,{i},{SKU}\n"));
        csv
    });
    let id = submit_csv(&app, &c.admin, &c.tenant, csv).await.expect(202)["id"].as_str().unwrap().to_string();
    let progress = format!("/v1/tenants/{}/user-imports/{id}", c.tenant);
    loop {
        let now = app.get(&progress, &c.admin).await.expect(200).clone();
        assert_ne!(now["status"], "completed", "the import finished before the instance could be killed");
        if now["counts"]["pending"].as_i64().unwrap() < 3000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    first.child.kill().unwrap(); // SIGKILL: no clean-up of any kind
    first.child.wait().unwrap();
    let pending = |url: &str| {
        count(url, &format!("SELECT count(*) AS n FROM user_import_rows WHERE import_id = '{id}' AND outcome IS NULL"))
    };
    let left = pending(&database_url);
    assert!(left > 0 && left < 3000, "{left} rows pending after the kill");

    let second = serve(&database_url, &[]).await;
    let app = TestApp::attach(&second.base, &database_url).await;
    let done = completed(&app, &c.admin, &c.tenant, &id).await;
    assert_eq!(pending(&database_url), 0);
    let rows = done["rows"].as_array().unwrap();
    let created: Vec<&Value> = rows.iter().filter(|r| r["outcome"] == "created").collect();
    assert_eq!(created.len() as i64, seats - held, "the seats, each once");
    assert!(rows.iter().filter(|r| r["outcome"] == "error").all(|r| r["code"] == "no-licenses-available"));
    assert_eq!(assigned_seats(&app, &c).await, (seats, seats));
    let users = count(&database_url, &format!("SELECT count(*) AS n FROM users WHERE tenant_id = '{}'", c.tenant));
    assert_eq!(users, created.len() as i64 + 1);
    let tokens = count(
        &database_url,
        &format!(
            "SELECT count(*) AS n FROM activation_tokens a JOIN users u ON u.id = a.user_id \
             WHERE u.tenant_id = '{}' AND NOT u.admin",
            c.tenant
        ),
    );
    assert_eq!(tokens, created.len() as i64, "one activation token per created user");
    // Each created row names its own user, with its own address.
    let matching = count(
        &database_url,
        &format!(
            "SELECT count(*) AS n FROM user_import_rows r JOIN users u ON u.id = r.user_id AND u.email = r.email \
             WHERE r.import_id = '{id}'"
        ),
    );
    assert_eq!(matching, created.len() as i64);
}

/// The importer's rights are checked again when its rows are decided: a partner whose
/// relationship ended after it submitted creates no one.
#[tokio::test]
async fn rows_are_refused_when_the_importer_lost_its_rights_meanwhile() {
    // An instance without an import worker accepts the import ...
    let accepting = spawn_with(|s| s.import_interval = Duration::ZERO).await;
    let partner = accepting.partner("Contoso IT").await;
    let c = accepting.tenant_with_seats(&partner, "fabrikam", 5).await;
    accepting.name_partner_of_record(&c, &c.subscription, &partner).await;
    let relationship = accepting.delegate_with(&c, &partner, json!({"roles": ["user_administrator"]})).await;
    let body = json!({"users": [{"email": "late@fabrikam.example", "first_name": "L", "last_name": "Ate"}]});
    let accepted = accepting.post(&format!("/v1/tenants/{}/user-imports", c.tenant), &partner.token, body).await;
    let id = accepted.expect(202)["id"].as_str().unwrap().to_string();
    assert_eq!(accepted.body["status"], "queued");
    // ... the customer ends the relationship ...
    accepting
        .send(
            reqwest::Method::DELETE,
            &format!("/v1/delegated-admin-relationships/{relationship}"),
            Some(&c.admin),
            None,
        )
        .await
        .expect(204);
    // ... and another instance's worker decides the row.
    let deciding = spawn_on(test_settings(&accepting.database_url)).await;
    let done = completed(&deciding, &c.admin, &c.tenant, &id).await;
    assert_eq!(done["rows"][0]["outcome"], "error");
    assert_eq!(done["rows"][0]["code"], "delegated-admin-required", "{}", done["rows"][0]);
    let users = deciding.get(&format!("/v1/tenants/{}/users", c.tenant), &c.admin).await;
    assert_eq!(users.expect(200)["data"].as_array().unwrap().len(), 1, "the admin only");
}
