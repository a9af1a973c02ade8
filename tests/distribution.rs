//! The distribution chain (SPEC §13) over HTTP: distributors and their reseller
//! relationships, card serials, stock that stays inert until allocated, allocations,
//! orders, returns, revocations, the custody ledger, stock reports and low-stock alerts,
//! and the events each side hears. The races run across two `keyport serve` processes.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::*;
use diesel::prelude::*;
use serde_json::{Value, json};

/// A distributor with a reseller partner it has an active relationship with.
struct Chain {
    app: TestApp,
    distributor: Distributor,
    partner: Partner,
}

async fn chain() -> Chain {
    let app = spawn().await;
    let distributor = app.distributor("Northwind Distribution").await;
    let partner = app.partner_with(json!({"name": "Contoso IT", "cloud_essentials": true})).await;
    app.relate(&distributor, &partner).await;
    Chain { app, distributor, partner }
}

fn serials(reply: &Reply) -> Vec<String> {
    reply.body["serials"].as_array().expect("serials").iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

fn range(from: &str, to: &str) -> Value {
    json!({"from": from, "to": to})
}

impl TestApp {
    /// The key with this serial as `token` sees it.
    async fn card(&self, token: &str, serial: &str) -> Value {
        let found = self.get(&format!("/v1/keys?serial={serial}"), token).await;
        let data = found.expect(200)["data"].as_array().unwrap().clone();
        assert_eq!(data.len(), 1, "one card has serial {serial}");
        data[0].clone()
    }

    async fn distributor_stock(&self, distributor: &Distributor) -> Value {
        let report = self.get(&format!("/v1/distributors/{}/stock", distributor.id), &distributor.token).await;
        report.expect(200).clone()
    }

    async fn allocate(&self, distributor: &Distributor, body: Value) -> Reply {
        self.post("/v1/allocations", &distributor.token, body).await
    }

    fn movement_kinds(&self, serial: &str) -> Vec<String> {
        #[derive(QueryableByName)]
        struct Kind {
            #[diesel(sql_type = diesel::sql_types::Text)]
            kind: String,
        }
        let mut conn = PgConnection::establish(&self.database_url).unwrap();
        diesel::sql_query("SELECT kind FROM key_movements WHERE serial = $1::bigint ORDER BY at, id")
            .bind::<diesel::sql_types::Text, _>(serial)
            .load::<Kind>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|k| k.kind)
            .collect()
    }
}

#[tokio::test]
async fn reseller_relationships_are_invited_answered_ended_and_expire() {
    let app = spawn().await;
    let distributor = app.distributor("Northwind Distribution").await;
    let partner = app.partner_with(json!({"name": "Contoso IT"})).await;
    let other = app.partner_with(json!({"name": "Litware"})).await;
    let me = app.get("/v1/distributors/me", &distributor.token).await;
    assert_eq!(me.expect(200)["id"], distributor.id.as_str());

    let invite = |number: &str| json!({"partner_number": number});
    let invited = app.post("/v1/reseller-relationships", &distributor.token, invite(&partner.number)).await;
    let invited = invited.expect(201).clone();
    let id = invited["id"].as_str().unwrap().to_string();
    assert_eq!(invited["status"], "invited");
    assert_eq!(invited["distributor"]["name"], "Northwind Distribution");
    assert_eq!(invited["partner"]["partner_number"], partner.number.as_str());
    assert_eq!(instant(&invited["expires_at"]) - instant(&invited["created_at"]), chrono::Duration::days(30));
    assert!(app.events(&partner.token).await.contains(&"reseller_relationship.invited".to_string()));
    app.post("/v1/reseller-relationships", &distributor.token, invite(&partner.number))
        .await
        .problem(409, "relationship-exists");
    app.post("/v1/reseller-relationships", &distributor.token, invite("0000000"))
        .await
        .problem(422, "unknown-partner-number");
    // Only the invited partner answers; nobody else learns the invitation exists.
    let path = format!("/v1/reseller-relationships/{id}");
    app.post(&format!("{path}/accept"), &other.token, json!({})).await.problem(404, "not-found");
    app.get(&path, &other.token).await.problem(404, "not-found");
    app.post(&format!("{path}/accept"), &distributor.token, json!({})).await.problem(403, "forbidden");
    assert_eq!(app.get("/v1/partners/me", &partner.token).await.expect(200)["reseller"], Value::Null);

    let accepted = app.post(&format!("{path}/accept"), &partner.token, json!({})).await;
    let accepted = accepted.expect(200).clone();
    let today = app.now().await.date_naive().to_string();
    assert_eq!((accepted["status"].as_str(), accepted["since"].as_str()), (Some("active"), Some(today.as_str())));
    assert!(app.events(&distributor.token).await.contains(&"reseller_relationship.accepted".to_string()));
    let reseller = app.get("/v1/partners/me", &partner.token).await.expect(200)["reseller"].clone();
    assert_eq!(reseller, json!({"distributor": "Northwind Distribution", "since": today}));
    app.post(&format!("{path}/decline"), &partner.token, json!({})).await.problem(409, "relationship-not-invited");
    let active = app.get("/v1/reseller-relationships?status=active", &partner.token).await;
    assert_eq!(active.expect(200)["data"][0]["id"], id.as_str());

    // Declined by another partner; then ended from the partner's side.
    let second = app.post("/v1/reseller-relationships", &distributor.token, invite(&other.number)).await;
    let second = second.expect(201)["id"].as_str().unwrap().to_string();
    let declined = app.post(&format!("/v1/reseller-relationships/{second}/decline"), &other.token, json!({})).await;
    assert_eq!(declined.expect(200)["status"], "declined");
    assert!(app.events(&distributor.token).await.contains(&"reseller_relationship.declined".to_string()));
    app.delete(&path, &other.token).await.problem(404, "not-found");
    app.delete(&path, &app.operator).await.problem(403, "forbidden");
    let ended = app.delete(&path, &partner.token).await;
    assert_eq!(ended.expect(200)["status"], "ended");
    assert!(ended.body["ended_at"].is_string());
    app.delete(&path, &distributor.token).await.problem(409, "relationship-not-active");
    assert!(app.events(&partner.token).await.contains(&"reseller_relationship.ended".to_string()));
    assert!(app.events(&distributor.token).await.contains(&"reseller_relationship.ended".to_string()));
    assert_eq!(app.get("/v1/partners/me", &partner.token).await.expect(200)["reseller"], Value::Null);

    // An invitation unanswered for 30 days expires: the sweeper marks it, and a new
    // invitation does not wait for the sweeper.
    let third = app.post("/v1/reseller-relationships", &distributor.token, invite(&other.number)).await;
    let third = third.expect(201).clone();
    let fourth = app.post("/v1/reseller-relationships", &distributor.token, invite(&partner.number)).await;
    let fourth = fourth.expect(201)["id"].as_str().unwrap().to_string();
    app.advance_to(instant(&third["expires_at"]) + chrono::Duration::hours(1)).await;
    let third = third["id"].as_str().unwrap();
    app.post(&format!("/v1/reseller-relationships/{third}/accept"), &other.token, json!({}))
        .await
        .problem(409, "relationship-not-invited");
    let again = app.post("/v1/reseller-relationships", &distributor.token, invite(&partner.number)).await;
    assert_eq!(again.expect(201)["status"], "invited");
    let lapsed = app.get(&format!("/v1/reseller-relationships/{fourth}"), &distributor.token).await;
    assert_eq!(lapsed.expect(200)["status"], "expired");
    assert_eq!(app.sweep().await["reseller_invitations_expired"], 1, "the one not yet marked");
    let expired = app.get(&format!("/v1/reseller-relationships/{third}"), &distributor.token).await;
    assert_eq!(expired.expect(200)["status"], "expired");
    let listed = app.get("/v1/reseller-relationships?status=expired", &distributor.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 2);

    // A suspended distributor cannot invite, allocate or receive batches.
    let suspended = app.distributor("Suspended Distribution").await;
    let path = format!("/v1/distributors/{}", suspended.id);
    app.patch(&path, &suspended.token, json!({"authorised": false})).await.problem(403, "forbidden");
    assert_eq!(app.patch(&path, &app.operator, json!({"authorised": false})).await.expect(200)["authorised"], false);
    app.post("/v1/reseller-relationships", &suspended.token, invite(&other.number))
        .await
        .problem(403, "distributor-not-authorised");
    let mint = json!({"product_id": PRODUCT_BASIC, "distributor_id": suspended.id, "seats_per_key": 1,
                      "term_months": 12, "quantity": 1});
    app.post("/v1/key-batches", &app.operator, mint).await.problem(403, "distributor-not-authorised");
    let allocation = json!({"partner_id": other.id, "product_id": PRODUCT_BASIC, "quantity": 1});
    app.allocate(&suspended, allocation).await.problem(403, "distributor-not-authorised");
    // A distributor sees itself only.
    app.get(&format!("/v1/distributors/{}", distributor.id), &suspended.token).await.problem(404, "not-found");
    app.get("/v1/distributors", &distributor.token).await.problem(403, "forbidden");
}

#[tokio::test]
async fn the_reseller_field_of_older_clients_records_relationships() {
    let app = spawn().await;
    let body = json!({"name": "Contoso IT", "reseller": {"distributor": "Legacy Distribution", "since": "2024-03-01"}});
    let partner = app.post("/v1/partners", &app.operator, body).await.expect(201).clone();
    let id = partner["id"].as_str().unwrap();
    assert_eq!(partner["reseller"], json!({"distributor": "Legacy Distribution", "since": "2024-03-01"}));
    let distributors = app.get("/v1/distributors", &app.operator).await;
    let legacy = distributors.expect(200)["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Legacy Distribution")
        .expect("the distributor was made")
        .clone();
    assert_eq!(legacy["authorised"], true);
    let relationships = app.get("/v1/reseller-relationships?status=active", &app.operator).await;
    let relationship = relationships.expect(200)["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"]["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(
        (relationship["since"].as_str(), &relationship["distributor"]["id"]),
        (Some("2024-03-01"), &legacy["id"])
    );

    // A second partner naming the same distributor joins it rather than making another.
    let again = json!({"name": "Litware", "reseller": {"distributor": "Legacy Distribution", "since": "2025-06-01"}});
    app.post("/v1/partners", &app.operator, again).await.expect(201);
    let distributors = app.get("/v1/distributors", &app.operator).await;
    let named = distributors.body["data"].as_array().unwrap().iter().filter(|d| d["name"] == "Legacy Distribution");
    assert_eq!(named.count(), 1);

    // `reseller: null` ends the partner's relationships; naming an existing distributor
    // relates the partner to it.
    let path = format!("/v1/partners/{id}");
    let patched = app.patch(&path, &app.operator, json!({"reseller": null})).await;
    assert_eq!(patched.expect(200)["reseller"], Value::Null);
    let ended = format!("/v1/reseller-relationships/{}", relationship["id"].as_str().unwrap());
    assert_eq!(app.get(&ended, &app.operator).await.expect(200)["status"], "ended");
    let northwind = app.distributor("Northwind Distribution").await;
    let body = json!({"reseller": {"distributor": "Northwind Distribution", "since": "2025-01-15"}});
    let patched = app.patch(&path, &app.operator, body).await;
    assert_eq!(patched.expect(200)["reseller"]["distributor"], "Northwind Distribution");
    let theirs = app.get("/v1/reseller-relationships", &northwind.token).await;
    assert_eq!(theirs.expect(200)["data"][0]["partner"]["id"], id);

    // A suspended distributor's name records nothing.
    app.patch(&format!("/v1/distributors/{}", northwind.id), &app.operator, json!({"authorised": false}))
        .await
        .expect(200);
    let body =
        json!({"name": "Fabrikam", "reseller": {"distributor": "Northwind Distribution", "since": "2025-01-15"}});
    app.post("/v1/partners", &app.operator, body).await.problem(403, "distributor-not-authorised");
}

#[tokio::test]
async fn batches_carry_consecutive_serials_and_the_printer_gets_them_with_the_keys() {
    let Chain { app, distributor, .. } = chain().await;
    let first = app.stock(&distributor, PRODUCT_BASIC, 5).await;
    let second = app.stock(&distributor, PRODUCT_BASIC, 3).await;
    let number = |s: &str| s[..6].parse::<u64>().unwrap();
    assert_eq!(first.first_serial.len(), 12);
    assert_eq!(&first.first_serial[6..], "000001");
    assert_eq!(&first.last_serial[6..], "000005");
    assert_eq!(number(&second.first_serial), number(&first.first_serial) + 1, "batch numbers are sequential");
    // keys[i] is the card with serial first_serial + i.
    for (i, key) in first.keys.iter().enumerate() {
        let card = app.card(&distributor.token, &first.serial(i as u64)).await;
        assert_eq!(&card["key"].as_str().unwrap()[24..], &key[key.len() - 5..]);
        assert_eq!(
            (card["status"].as_str(), card["distributor_id"].as_str()),
            (Some("in_stock"), Some(&*distributor.id))
        );
    }
    let batch = app.get(&format!("/v1/key-batches/{}", first.batch), &distributor.token).await;
    assert_eq!(batch.expect(200)["first_serial"], first.first_serial.as_str());
    let listed = app.get("/v1/keys?limit=100", &distributor.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 8);

    let response = app
        .http
        .post(app.url("/v1/key-batches"))
        .bearer_auth(&app.operator)
        .header("accept", "text/csv")
        .json(&json!({"product_id": PRODUCT_BASIC, "distributor_id": distributor.id, "seats_per_key": 1,
                      "term_months": 12, "quantity": 3}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "serial,key");
    let rows: Vec<(u64, &str)> =
        lines[1..].iter().map(|l| l.split_once(',').unwrap()).map(|(s, k)| (s.parse().unwrap(), k)).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].0, rows[0].0 + 1);
    assert_eq!(rows[2].0, rows[0].0 + 2);
    let card = app.card(&distributor.token, &format!("{:012}", rows[2].0)).await;
    assert_eq!(&card["key"].as_str().unwrap()[24..], &rows[2].1[rows[2].1.len() - 5..]);
}

#[tokio::test]
async fn cards_in_stock_answer_every_partner_and_customer_path_as_unknown_keys() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 2).await;
    // The partner may add seats and renew: partner of record, with delegated administration.
    let customer = app.tenant_with_seats(&partner, "fabrikam", 2).await;
    app.name_partner_of_record(&customer, &customer.subscription, &partner).await;
    app.delegate(&customer, &partner).await;
    let card = stock.keys[0].clone();
    let unknown = keyport::domain::product_key::ProductKey::from_random_body([7; 24]).to_string();
    let redemption = app.open_redemption(&partner).await;
    let attempts = [
        (format!("/v1/redemptions/{redemption}/keys"), partner.token.clone(), json!({"key": "?"})),
        ("/v1/keys/validate".to_string(), partner.token.clone(), json!({"key": "?"})),
        (format!("/v1/subscriptions/{}/keys", customer.subscription), partner.token.clone(), json!({"key": "?"})),
        (
            format!("/v1/subscriptions/{}/renewals", customer.subscription),
            partner.token.clone(),
            json!({"method": "product_key", "key": "?"}),
        ),
        (format!("/v1/tenants/{}/keys", customer.tenant), customer.admin.clone(), json!({"key": "?"})),
    ];
    for (path, token, body) in &attempts {
        let answer = |key: &str| {
            let mut body = body.clone();
            body["key"] = json!(key);
            app.post(path, token, body)
        };
        let (stocked, never) = (answer(&card).await, answer(&unknown).await);
        stocked.problem(404, "key-not-found");
        never.problem(404, "key-not-found");
        assert_eq!(stocked.body["detail"], never.body["detail"], "{path}: no status oracle");
    }
    let signup = json!({"key": card, "country": "GR", "company_name": "Stolen", "domain": "stolen",
                        "admin": {"first_name": "A", "last_name": "B", "email": "a@stolen.example"}});
    app.send(reqwest::Method::POST, "/v1/signup", None, Some(signup)).await.problem(404, "key-not-found");
    // Nobody but the distributor and the operator sees the card in stock.
    let seen = app.get(&format!("/v1/keys?serial={}", stock.first_serial), &partner.token).await;
    assert!(seen.expect(200)["data"].as_array().unwrap().is_empty());

    // Allocated, the card is the partner's to use.
    app.allocate(&distributor, json!({"partner_id": partner.id, "serials": [stock.first_serial]})).await.expect(201);
    let valid = app.post("/v1/keys/validate", &partner.token, json!({"key": card})).await;
    assert_eq!(valid.expect(200)["status"], "available");
}

#[tokio::test]
async fn allocations_move_named_cards_or_a_quantity_oldest_first_and_all_or_nothing() {
    let Chain { app, distributor, partner } = chain().await;
    let a = app.stock(&distributor, PRODUCT_BASIC, 10).await;
    let b = app.stock(&distributor, PRODUCT_BASIC, 10).await;
    let by_serials = json!({"partner_id": partner.id, "serials": [a.serial(0), a.serial(2)],
                            "ranges": [range(&a.serial(4), &a.serial(6))]});
    let allocated = app.allocate(&distributor, by_serials).await.expect(201).clone();
    assert_eq!(allocated["quantity"], 5);
    assert_eq!(
        (allocated["first_serial"].as_str(), allocated["last_serial"].as_str()),
        (Some(&*a.serial(0)), Some(&*a.serial(6)))
    );
    assert_eq!(allocated["product_id"], PRODUCT_BASIC);
    assert_eq!(allocated["distributor_id"], distributor.id.as_str());
    let card = app.card(&partner.token, &a.serial(4)).await;
    assert_eq!(card["status"], "available");
    assert!(app.events(&partner.token).await.contains(&"keys.allocated".to_string()));

    // Oldest stock first: what batch A has left, before batch B.
    let by_quantity = json!({"partner_id": partner.id, "product_id": PRODUCT_BASIC, "quantity": 4});
    let allocated = app.allocate(&distributor, by_quantity).await.expect(201).clone();
    assert_eq!(
        (allocated["first_serial"].as_str(), allocated["last_serial"].as_str()),
        (Some(&*a.serial(1)), Some(&*a.serial(8)))
    );
    for i in [1, 3, 7, 8] {
        assert_eq!(app.card(&partner.token, &a.serial(i)).await["status"], "available");
    }

    let too_many = json!({"partner_id": partner.id, "product_id": PRODUCT_BASIC, "quantity": 12});
    let refused = app.allocate(&distributor, too_many).await;
    refused.problem(409, "insufficient-stock");
    assert_eq!(refused.body["available"], 11);
    // One card already gone: nothing of the request moves, and the answer names it.
    let mixed = json!({"partner_id": partner.id, "serials": [a.serial(0), b.serial(0)]});
    let refused = app.allocate(&distributor, mixed).await;
    refused.problem(409, "keys-not-in-stock");
    assert_eq!(serials(&refused), vec![a.serial(0)]);
    assert_eq!(app.card(&distributor.token, &b.serial(0)).await["status"], "in_stock");
    // At most 20 named in the answer.
    let other = app.distributor("Other Distribution").await;
    let theirs = app.stock(&other, PRODUCT_BASIC, 30).await;
    let foreign = json!({"partner_id": partner.id, "ranges": [range(&theirs.first_serial, &theirs.last_serial)]});
    let refused = app.allocate(&distributor, foreign).await;
    refused.problem(409, "keys-not-in-stock");
    assert_eq!(serials(&refused).len(), 20);
    assert_eq!(serials(&refused)[0], theirs.first_serial);

    let report = app.distributor_stock(&distributor).await;
    assert_eq!(report.as_array().unwrap().len(), 1);
    let line = &report[0];
    assert_eq!(line["product"]["id"], PRODUCT_BASIC);
    assert_eq!((line["in_stock"].as_i64(), line["allocated"].as_i64()), (Some(11), Some(9)));
    let theirs = app.get(&format!("/v1/partners/{}/stock", partner.id), &partner.token).await;
    assert_eq!(theirs.expect(200)[0]["available"], 9);
    // Each side lists its own allocations; an unrelated partner sees none of them.
    let stranger = app.partner("Stranger IT").await;
    let listed = app.get("/v1/allocations", &partner.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 2);
    assert!(app.get("/v1/allocations", &stranger.token).await.expect(200)["data"].as_array().unwrap().is_empty());
    let id = allocated["id"].as_str().unwrap();
    app.get(&format!("/v1/allocations/{id}"), &stranger.token).await.problem(404, "not-found");
    app.get(&format!("/v1/allocations/{id}"), &other.token).await.problem(404, "not-found");
    assert_eq!(app.get(&format!("/v1/allocations/{id}"), &distributor.token).await.expect(200)["quantity"], 4);
}

#[tokio::test]
async fn hostile_allocations_are_refused_with_their_problem_and_move_nothing() {
    let Chain { app, distributor, partner } = chain().await;
    let a = app.stock(&distributor, PRODUCT_BASIC, 10).await;
    let b = app.stock(&distributor, PRODUCT_BASIC, 10).await;
    let other = app.distributor("Other Distribution").await;
    let theirs = app.stock(&other, PRODUCT_BASIC, 2).await;
    let ended_partner = app.partner_with(json!({"name": "Former Reseller"})).await;
    let ended = app.relate(&distributor, &ended_partner).await;
    app.delete(&format!("/v1/reseller-relationships/{ended}"), &distributor.token).await.expect(200);
    let stranger = app.partner_with(json!({"name": "Stranger IT"})).await;
    app.relate(&distributor, &stranger).await;
    let order = app
        .post(
            "/v1/key-orders",
            &stranger.token,
            json!({"distributor_id": distributor.id, "product_id": PRODUCT_BASIC, "quantity": 5}),
        )
        .await;
    let strangers_order = order.expect(201)["id"].as_str().unwrap().to_string();
    let before = app.distributor_stock(&distributor).await;

    let p = partner.id.as_str();
    let position = |s: &Stock, n: u64| format!("{}{n:06}", &s.first_serial[..6]);
    let many: Vec<String> = (0..100_001).map(|i| format!("{:06}{:06}", 1 + i / 999_999, 1 + i % 999_999)).collect();
    let cases: Vec<(Value, u16, &str)> = vec![
        (json!({"partner_id": p, "ranges": [range(&a.serial(5), &b.serial(1))]}), 422, "invalid-serial-range"),
        (json!({"partner_id": p, "ranges": [range(&a.serial(5), &a.serial(1))]}), 422, "invalid-serial-range"),
        (
            json!({"partner_id": p, "ranges": [range(&a.serial(0), &position(&a, 100_001))]}),
            422,
            "invalid-serial-range",
        ),
        (json!({"partner_id": p, "ranges": [range("000000000001", "999999999999")]}), 422, "invalid-serial-range"),
        (json!({"partner_id": p, "serials": [a.serial(1), a.serial(1)]}), 422, "validation-failed"),
        (
            json!({"partner_id": p, "serials": [a.serial(1)], "ranges": [range(&a.serial(0), &a.serial(3))]}),
            422,
            "validation-failed",
        ),
        (json!({"partner_id": p, "serials": [a.serial(1), theirs.first_serial]}), 409, "keys-not-in-stock"),
        (json!({"partner_id": p, "serials": many}), 422, "validation-failed"),
        (json!({"partner_id": p, "serials": ["12ab"]}), 422, "validation-failed"),
        (json!({"partner_id": p, "serials": ["000001000000"]}), 422, "validation-failed"),
        (json!({"partner_id": p, "serials": []}), 422, "validation-failed"),
        (json!({"partner_id": p}), 422, "validation-failed"),
        (json!({"partner_id": ended_partner.id, "serials": [a.serial(1)]}), 409, "reseller-relationship-required"),
        (
            json!({"partner_id": "00000000-0000-7000-8000-000000000000", "serials": [a.serial(1)]}),
            409,
            "reseller-relationship-required",
        ),
        (json!({"partner_id": p, "serials": [a.serial(1)], "order_id": strangers_order}), 422, "order-mismatch"),
        (json!({"partner_id": p, "product_id": PRODUCT_BASIC, "quantity": 0}), 422, "validation-failed"),
        (json!({"partner_id": p, "product_id": PRODUCT_BASIC, "quantity": -1}), 422, "validation-failed"),
        (
            json!({"partner_id": p, "product_id": PRODUCT_BASIC, "quantity": 1_000_000_000_000_000_000i64}),
            422,
            "validation-failed",
        ),
        (json!({"partner_id": p, "product_id": PRODUCT_BASIC, "quantity": 1e300}), 422, "validation-failed"),
        (
            json!({"partner_id": p, "product_id": PRODUCT_BASIC, "quantity": 1, "serials": [a.serial(1)]}),
            422,
            "validation-failed",
        ),
        (json!({"partner_id": p, "product_id": PRODUCT_STANDARD, "quantity": 1}), 409, "insufficient-stock"),
    ];
    for (body, status, code) in cases {
        let shown = body.to_string().chars().take(160).collect::<String>();
        let reply = app.allocate(&distributor, body).await;
        assert_eq!((reply.status.as_u16(), reply.code()), (status, code), "{shown}: {}", reply.text);
    }
    // Partners and customers cannot allocate at all.
    let body = json!({"partner_id": p, "serials": [a.serial(1)]});
    app.post("/v1/allocations", &partner.token, body.clone()).await.problem(403, "forbidden");
    app.post("/v1/allocations", &app.operator, body).await.problem(403, "forbidden");
    assert_eq!(app.distributor_stock(&distributor).await, before, "nothing moved");
    assert!(app.get("/v1/allocations", &distributor.token).await.expect(200)["data"].as_array().unwrap().is_empty());
    // A foreign order is not found either way: another distributor cannot fulfil it.
    let theirs_too = json!({"partner_id": stranger.id, "serials": [theirs.first_serial], "order_id": strangers_order});
    app.post("/v1/reseller-relationships", &other.token, json!({"partner_number": stranger.number})).await.expect(201);
    app.allocate(&other, theirs_too).await.problem(409, "reseller-relationship-required");
}

#[tokio::test]
async fn orders_are_fulfilled_by_allocations_or_rejected_or_cancelled() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 20).await;
    app.stock(&distributor, PRODUCT_STANDARD, 5).await;
    let place = |quantity: i64| {
        app.post(
            "/v1/key-orders",
            &partner.token,
            json!({"distributor_id": distributor.id, "product_id": PRODUCT_BASIC, "quantity": quantity, "reference": "PO-7"}),
        )
    };
    let order = place(5).await.expect(201).clone();
    let id = order["id"].as_str().unwrap().to_string();
    assert_eq!((order["status"].as_str(), order["allocated"].as_i64()), (Some("open"), Some(0)));
    assert!(app.events(&distributor.token).await.contains(&"key_order.placed".to_string()));
    for quantity in [0, 100_001, -3] {
        place(quantity).await.problem(422, "validation-failed");
    }
    let loner = app.partner_with(json!({"name": "Loner"})).await;
    let body = json!({"distributor_id": distributor.id, "product_id": PRODUCT_BASIC, "quantity": 1});
    app.post("/v1/key-orders", &loner.token, body).await.problem(409, "reseller-relationship-required");
    app.get(&format!("/v1/key-orders/{id}"), &loner.token).await.problem(404, "not-found");

    let against = |body: Value| {
        let mut body = body;
        body["partner_id"] = json!(partner.id);
        body["order_id"] = json!(id);
        app.allocate(&distributor, body)
    };
    against(json!({"product_id": PRODUCT_STANDARD, "quantity": 1})).await.problem(422, "order-mismatch");
    against(json!({"ranges": [range(&stock.serial(0), &stock.serial(2))]})).await.expect(201);
    let open = app.get(&format!("/v1/key-orders/{id}"), &partner.token).await;
    assert_eq!((open.body["allocated"].as_i64(), open.body["status"].as_str()), (Some(3), Some("open")));
    app.post(&format!("/v1/key-orders/{id}/cancel"), &partner.token, json!({})).await.problem(409, "order-not-open");
    against(json!({"product_id": PRODUCT_BASIC, "quantity": 3})).await.problem(409, "order-exceeded");
    against(json!({"product_id": PRODUCT_BASIC, "quantity": 2})).await.expect(201);
    let fulfilled = app.get(&format!("/v1/key-orders/{id}"), &distributor.token).await;
    assert_eq!((fulfilled.body["allocated"].as_i64(), fulfilled.body["status"].as_str()), (Some(5), Some("fulfilled")));
    assert!(app.events(&partner.token).await.contains(&"key_order.fulfilled".to_string()));
    against(json!({"product_id": PRODUCT_BASIC, "quantity": 1})).await.problem(409, "order-not-open");
    assert_eq!(app.distributor_stock(&distributor).await[0]["in_stock"], 15, "nothing moved by the refusals");

    let second = place(2).await.expect(201)["id"].as_str().unwrap().to_string();
    app.post(&format!("/v1/key-orders/{second}/reject"), &partner.token, json!({"reason": "no"}))
        .await
        .problem(403, "forbidden");
    let rejected =
        app.post(&format!("/v1/key-orders/{second}/reject"), &distributor.token, json!({"reason": "Sold out"})).await;
    assert_eq!(
        (rejected.body["status"].as_str(), rejected.body["reason"].as_str()),
        (Some("rejected"), Some("Sold out"))
    );
    assert!(app.events(&partner.token).await.contains(&"key_order.rejected".to_string()));
    app.post(&format!("/v1/key-orders/{second}/reject"), &distributor.token, json!({"reason": "again"}))
        .await
        .problem(409, "order-not-open");
    let third = place(2).await.expect(201)["id"].as_str().unwrap().to_string();
    app.post(&format!("/v1/key-orders/{third}/cancel"), &distributor.token, json!({})).await.problem(403, "forbidden");
    let cancelled = app.post(&format!("/v1/key-orders/{third}/cancel"), &partner.token, json!({})).await;
    assert_eq!(cancelled.expect(200)["status"], "cancelled");
    let open = app.get("/v1/key-orders?status=open", &partner.token).await;
    assert!(open.expect(200)["data"].as_array().unwrap().is_empty());
    let all = app.get("/v1/key-orders", &distributor.token).await;
    assert_eq!(all.expect(200)["data"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn partners_return_unused_cards_and_only_those() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 6).await;
    let all = json!({"partner_id": partner.id, "ranges": [range(&stock.first_serial, &stock.last_serial)]});
    app.allocate(&distributor, all).await.expect(201);
    // Card 0 reserved in an open redemption, card 1 redeemed, card 2 revoked.
    let reserved = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{reserved}/keys"), &partner.token, json!({"key": stock.keys[0]}))
        .await
        .expect(201);
    let redeemed = app.confirmed_redemption(&partner, &stock.keys[1..2]).await;
    app.post(
        &format!("/v1/redemptions/{redeemed}/account"),
        &partner.token,
        account_body("fabrikam", "a@fabrikam.example"),
    )
    .await
    .expect(201);
    let revocation = json!({"serials": [stock.serial(2)], "reason": "Damaged"});
    app.post("/v1/key-revocations", &distributor.token, revocation).await.expect(200);
    let direct = app.partner("Direct IT").await;
    let minted = app.mint(&direct, PRODUCT_BASIC, 1, 12, 1).await;
    let direct_serial =
        app.get("/v1/keys", &direct.token).await.body["data"][0]["serial"].as_str().unwrap().to_string();
    assert_eq!(minted.len(), 1);

    for (i, token) in [(0, &partner.token), (1, &partner.token), (2, &partner.token), (3, &direct.token)] {
        let reply = app.post("/v1/key-returns", token, json!({"serials": [stock.serial(i)]})).await;
        reply.problem(409, "keys-not-returnable");
        assert_eq!(serials(&reply), vec![stock.serial(i)]);
    }
    let reply = app.post("/v1/key-returns", &direct.token, json!({"serials": [direct_serial]})).await;
    reply.problem(409, "keys-not-returnable");
    // One refused card, nothing moves.
    let reply = app
        .post("/v1/key-returns", &partner.token, json!({"ranges": [range(&stock.serial(2), &stock.serial(5))]}))
        .await;
    assert_eq!(serials(&reply), vec![stock.serial(2)]);
    assert_eq!(app.distributor_stock(&distributor).await[0]["in_stock"], 0);

    let returned = app
        .post(
            "/v1/key-returns",
            &partner.token,
            json!({"ranges": [range(&stock.serial(3), &stock.serial(5))], "reason": "Overstock"}),
        )
        .await;
    let returned = returned.expect(201).clone();
    assert_eq!((returned["quantity"].as_i64(), returned["distributor_id"].as_str()), (Some(3), Some(&*distributor.id)));
    let line = app.distributor_stock(&distributor).await[0].clone();
    assert_eq!(
        (line["in_stock"].as_i64(), line["allocated"].as_i64(), line["redeemed"].as_i64(), line["revoked"].as_i64()),
        (Some(3), Some(1), Some(1), Some(1))
    );
    assert!(app.events(&distributor.token).await.contains(&"keys.returned".to_string()));
    // Back in stock, the card is inert again for the partner.
    app.post("/v1/keys/validate", &partner.token, json!({"key": stock.keys[4]})).await.problem(404, "key-not-found");
    assert_eq!(app.movement_kinds(&stock.serial(4)), ["minted", "allocated", "returned"]);
    let listed = app.get("/v1/key-returns", &distributor.token).await;
    assert_eq!(listed.expect(200)["data"][0]["id"], returned["id"]);
    app.post("/v1/key-returns", &distributor.token, json!({"serials": [stock.serial(3)]}))
        .await
        .problem(403, "forbidden");
}

#[tokio::test]
async fn revoked_cards_leave_redemptions_and_answer_only_their_holder() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 6).await;
    let four = json!({"partner_id": partner.id, "ranges": [range(&stock.serial(1), &stock.serial(3))],
                      "serials": [stock.serial(5)]});
    app.allocate(&distributor, four).await.expect(201);
    // Card 5 in a confirmed redemption whose account is not made yet.
    let confirmed = app.confirmed_redemption(&partner, &stock.keys[5..6]).await;
    // Card 0 in stock, 1 available, 2 reserved, 3 redeemed, 4 in stock.
    let open = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{open}/keys"), &partner.token, json!({"key": stock.keys[2]})).await.expect(201);
    let done = app.confirmed_redemption(&partner, &stock.keys[3..4]).await;
    app.post(
        &format!("/v1/redemptions/{done}/account"),
        &partner.token,
        account_body("fabrikam", "a@fabrikam.example"),
    )
    .await
    .expect(201);

    let body = json!({"ranges": [range(&stock.serial(0), &stock.serial(3))], "serials": [stock.serial(5)],
                      "reason": "Box lost in transit"});
    app.post("/v1/key-revocations", &partner.token, body.clone()).await.problem(403, "forbidden");
    let other = app.distributor("Other Distribution").await;
    let theirs = app.post("/v1/key-revocations", &other.token, body.clone()).await;
    assert_eq!(theirs.expect(200)["revoked"], 0, "another distributor revokes nothing of these");
    let revoked = app.post("/v1/key-revocations", &distributor.token, body).await.expect(200).clone();
    assert_eq!(revoked["revoked"], 4);
    assert_eq!(revoked["skipped"], json!([{"serial": stock.serial(3), "status": "redeemed"}]));
    let redemption = app.get(&format!("/v1/redemptions/{open}"), &partner.token).await;
    assert!(
        redemption.expect(200)["keys"].as_array().unwrap().is_empty(),
        "the reserved card left: {}",
        redemption.text
    );
    assert!(app.events(&partner.token).await.contains(&"keys.revoked".to_string()));
    assert!(app.events(&distributor.token).await.contains(&"keys.revoked".to_string()), "card 0 was in its stock");
    // The confirmed redemption lost its only key: no account comes of it.
    app.post(&format!("/v1/redemptions/{confirmed}/account"), &partner.token, account_body("lost", "a@lost.example"))
        .await
        .problem(422, "no-keys");

    // The holder learns the card is revoked; anyone else meets an unknown key.
    let again = app.open_redemption(&partner).await;
    let path = format!("/v1/redemptions/{again}/keys");
    app.post(&path, &partner.token, json!({"key": stock.keys[1]})).await.problem(409, "key-revoked");
    let stranger = app.partner("Stranger IT").await;
    let theirs = app.open_redemption(&stranger).await;
    app.post(&format!("/v1/redemptions/{theirs}/keys"), &stranger.token, json!({"key": stock.keys[1]}))
        .await
        .problem(404, "key-not-found");
    assert_eq!(app.movement_kinds(&stock.serial(2)), ["minted", "allocated", "reserved", "revoked"]);

    // The operator revokes a whole batch: what is left of it.
    let whole =
        app.post("/v1/key-revocations", &app.operator, json!({"batch_id": stock.batch, "reason": "Recall"})).await;
    assert_eq!(whole.expect(200)["revoked"], 1);
    let line = app.distributor_stock(&distributor).await[0].clone();
    assert_eq!(
        (line["in_stock"].as_i64(), line["redeemed"].as_i64(), line["revoked"].as_i64()),
        (Some(0), Some(1), Some(5))
    );
    let both = json!({"batch_id": stock.batch, "serials": [stock.serial(0)], "reason": "x"});
    app.post("/v1/key-revocations", &app.operator, both).await.problem(422, "validation-failed");
    let without_reason = json!({"serials": [stock.serial(0)], "reason": ""});
    app.post("/v1/key-revocations", &app.operator, without_reason).await.problem(422, "validation-failed");
}

async fn ledger(app: &TestApp, path: &str, token: &str) -> Vec<Value> {
    app.get(path, token).await.expect(200)["data"].as_array().unwrap().clone()
}

#[tokio::test]
async fn the_custody_ledger_follows_each_card_and_each_side_reads_its_part() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 2).await;
    app.allocate(&distributor, json!({"partner_id": partner.id, "serials": [stock.first_serial]})).await.expect(201);
    let redemption = app.confirmed_redemption(&partner, &stock.keys[..1]).await;
    let account = app
        .post(
            &format!("/v1/redemptions/{redemption}/account"),
            &partner.token,
            account_body("fabrikam", "a@fabrikam.example"),
        )
        .await;
    let tenant = account.expect(201)["tenant"]["id"].as_str().unwrap().to_string();
    let key = app.card(&distributor.token, &stock.first_serial).await["id"].as_str().unwrap().to_string();
    let path = format!("/v1/keys/{key}/movements");
    let kinds = |rows: &[Value]| rows.iter().map(|m| m["kind"].as_str().unwrap().to_string()).collect::<Vec<_>>();

    let all = ledger(&app, &path, &app.operator).await;
    assert_eq!(kinds(&all), ["minted", "allocated", "reserved", "redeemed"]);
    assert_eq!(all[0]["to"], json!({"kind": "distributor", "id": distributor.id}));
    assert_eq!(all[1]["from"], json!({"kind": "distributor", "id": distributor.id}));
    assert_eq!(all[1]["to"], json!({"kind": "partner", "id": partner.id}));
    assert_eq!(all[1]["actor"], json!({"role": "distributor", "id": distributor.id}));
    assert_eq!(all[2]["redemption_id"], redemption.as_str());
    assert_eq!(all[3]["to"], json!({"kind": "tenant", "id": tenant}));
    assert!(all.iter().all(|m| m["serial"] == stock.first_serial.as_str()));

    let theirs = ledger(&app, &path, &distributor.token).await;
    assert_eq!(kinds(&theirs), kinds(&all));
    assert_eq!(theirs[3]["to"], json!({"kind": "tenant", "id": null}), "the distributor does not learn the tenant");
    let partners = ledger(&app, &path, &partner.token).await;
    assert_eq!(kinds(&partners), ["allocated", "reserved", "redeemed"]);
    // Page by page, the partner's part is whole from its first page.
    let first = app.get(&format!("{path}?limit=1"), &partner.token).await.expect(200).clone();
    assert_eq!(kinds(first["data"].as_array().unwrap()), ["allocated"]);
    let next = format!("{path}?limit=2&after={}", first["next_cursor"].as_str().expect("more to read"));
    let rest = app.get(&next, &partner.token).await.expect(200)["data"].as_array().unwrap().clone();
    assert_eq!(kinds(&rest), ["reserved", "redeemed"]);
    assert_eq!(partners[2]["to"]["id"], tenant.as_str());
    let stranger = app.partner("Stranger IT").await;
    app.get(&path, &stranger.token).await.problem(404, "not-found");
    let other = app.distributor("Other Distribution").await;
    app.get(&path, &other.token).await.problem(404, "not-found");
    app.get(&path, &app.tenant_with_seats(&stranger, "elsewhere", 1).await.admin).await.problem(403, "forbidden");

    // The operator revokes the other card while it is still in stock; its distributor hears.
    let other_card = app.card(&distributor.token, &stock.serial(1)).await["id"].as_str().unwrap().to_string();
    let revoked = app.post(&format!("/v1/keys/{other_card}/revoke"), &app.operator, json!({})).await;
    assert_eq!(revoked.expect(200)["status"], "revoked");
    assert_eq!(app.movement_kinds(&stock.serial(1)), ["minted", "revoked"]);
    assert!(app.events(&distributor.token).await.contains(&"keys.revoked".to_string()));

    // The distributor hears of the redemption, with the count, once.
    let redeemed: Vec<Value> =
        app.inbox(&distributor.token).await.into_iter().filter(|n| n["event"] == "keys.redeemed").collect();
    assert_eq!(redeemed.len(), 1);
    assert_eq!(redeemed[0]["quantity"], 1);

    // Nothing updates or deletes a movement, not even a statement of the service's own.
    let mut conn = PgConnection::establish(&app.database_url).unwrap();
    for statement in
        ["UPDATE key_movements SET kind = 'minted'", "DELETE FROM key_movements", "TRUNCATE key_movements CASCADE"]
    {
        let refused = diesel::sql_query(statement).execute(&mut conn);
        assert!(refused.is_err(), "{statement} was allowed");
    }
    assert_eq!(ledger(&app, &path, &app.operator).await.len(), 4);
}

#[tokio::test]
async fn a_low_stock_alert_fires_once_per_fall_below_its_threshold() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 6).await;
    let path = format!("/v1/distributors/{}/stock-alerts/{PRODUCT_BASIC}", distributor.id);
    let alert = app.put(&path, &distributor.token, Some(json!({"threshold": 5}))).await;
    assert_eq!((alert.expect(200)["armed"].as_bool(), alert.body["threshold"].as_i64()), (Some(true), Some(5)));
    app.put(&path, &app.operator, Some(json!({"threshold": 5}))).await.problem(403, "forbidden");
    app.put(&path, &distributor.token, Some(json!({"threshold": -1}))).await.problem(422, "validation-failed");
    let missing = format!("/v1/distributors/{}/stock-alerts/00000000-0000-7000-8000-000000000000", distributor.id);
    app.put(&missing, &distributor.token, Some(json!({"threshold": 1}))).await.problem(404, "not-found");
    let lows =
        || async { app.inbox(&distributor.token).await.into_iter().filter(|n| n["event"] == "stock.low").count() };
    let take = |n: i64| {
        app.allocate(&distributor, json!({"partner_id": partner.id, "product_id": PRODUCT_BASIC, "quantity": n}))
    };
    take(1).await.expect(201); // 5 left: not below
    assert_eq!(lows().await, 0);
    take(1).await.expect(201); // 4: below
    assert_eq!(lows().await, 1);
    take(1).await.expect(201); // 3: still below, said already
    assert_eq!(lows().await, 1);
    let back = json!({"ranges": [range(&stock.serial(0), &stock.serial(2))]});
    app.post("/v1/key-returns", &partner.token, back).await.expect(201); // 6: armed again
    assert_eq!(lows().await, 1);
    take(2).await.expect(201); // 4: below once more
    assert_eq!(lows().await, 2);
    // New stock arms it again; a revocation from the shelf is a fall like any other.
    let more = app.stock(&distributor, PRODUCT_BASIC, 4).await; // 8
    assert_eq!(lows().await, 2);
    let revocation = json!({"ranges": [range(&more.first_serial, &more.last_serial)], "reason": "Lost"});
    app.post("/v1/key-revocations", &distributor.token, revocation).await.expect(200); // 4
    assert_eq!(lows().await, 3);
}

#[tokio::test]
async fn a_distributors_webhooks_hear_its_events() {
    let Chain { app, distributor, partner } = chain().await;
    let receiver = Receiver::start().await;
    let events = ["keys.redeemed", "key_order.placed", "keys.returned", "stock.low"];
    let created = app
        .post("/v1/webhook-endpoints", &distributor.token, json!({"url": receiver.url("/d"), "events": events}))
        .await;
    let secret = created.expect(201)["secret"].as_str().unwrap().to_string();
    let listed = app.get("/v1/webhook-endpoints", &partner.token).await;
    assert!(listed.expect(200)["data"].as_array().unwrap().is_empty(), "the partner does not see it");
    let stock = app.stock(&distributor, PRODUCT_BASIC, 3).await;
    app.put(
        &format!("/v1/distributors/{}/stock-alerts/{PRODUCT_BASIC}", distributor.id),
        &distributor.token,
        Some(json!({"threshold": 2})),
    )
    .await
    .expect(200);
    let order = json!({"distributor_id": distributor.id, "product_id": PRODUCT_BASIC, "quantity": 2});
    app.post("/v1/key-orders", &partner.token, order).await.expect(201);
    let two = json!({"partner_id": partner.id, "ranges": [range(&stock.serial(0), &stock.serial(1))]});
    app.allocate(&distributor, two).await.expect(201);
    app.post("/v1/key-returns", &partner.token, json!({"serials": [stock.serial(1)]})).await.expect(201);
    let redemption = app.confirmed_redemption(&partner, &stock.keys[..1]).await;
    app.post(
        &format!("/v1/redemptions/{redemption}/account"),
        &partner.token,
        account_body("fabrikam", "a@fabrikam.example"),
    )
    .await
    .expect(201);
    app.post("/v1/jobs/deliver-webhooks", &app.operator, json!({})).await.expect(200);
    let received = receiver.received();
    let types: BTreeSet<String> = received.iter().map(|r| r.json()["type"].as_str().unwrap().to_string()).collect();
    assert_eq!(types, events.iter().map(|e| e.to_string()).collect());
    assert!(received.iter().all(|r| r.signed_with(&secret)));
    let redeemed = received.iter().map(|r| r.json()).find(|b| b["type"] == "keys.redeemed").unwrap();
    assert_eq!(redeemed["data"]["quantity"], 1);
}

#[tokio::test]
async fn every_write_of_the_chain_is_in_the_audit_log() {
    let Chain { app, distributor, partner } = chain().await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 2).await;
    let allocated =
        app.allocate(&distributor, json!({"partner_id": partner.id, "serials": [stock.first_serial]})).await;
    let id = allocated.expect(201)["id"].as_str().unwrap().to_string();
    let log = app.get("/v1/audit-events?limit=200", &app.operator).await;
    let record = log.expect(200)["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "distribution_allocate")
        .expect("an allocation record")
        .clone();
    assert_eq!(record["actor"]["role"], "distributor");
    assert_eq!(record["actor"]["id"], distributor.id.as_str());
    assert_eq!(record["target"]["id"], id.as_str());
    // The distributor reads the records of its own acts.
    let own = app.get("/v1/audit-events?limit=200", &distributor.token).await;
    let actions: Vec<&str> =
        own.expect(200)["data"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(
        actions.contains(&"distribution_allocate") && actions.contains(&"reseller_relationships_invite"),
        "{actions:?}"
    );
}

// Races, across two `keyport serve` processes on one database. -----------------------------

struct Pair {
    app: TestApp,
    bases: [String; 2],
    _instances: [Instance; 2],
}

async fn pair() -> Pair {
    let database_url = fresh_database();
    let instances = [serve(&database_url, &[]).await, serve(&database_url, &[]).await];
    let app = TestApp::attach(&instances[0].base, &database_url).await;
    Pair { bases: [instances[0].base.clone(), instances[1].base.clone()], app, _instances: instances }
}

impl Pair {
    /// `POST path` on instance `i % 2`.
    async fn post(&self, i: usize, path: &str, token: &str, body: Value, idempotency: Option<&str>) -> Reply {
        let mut request = self.app.http.post(format!("{}{path}", self.bases[i % 2])).bearer_auth(token).json(&body);
        if let Some(key) = idempotency {
            request = request.header("Idempotency-Key", key);
        }
        TestApp::reply(request.send().await.unwrap()).await
    }
}

/// Per serial: the kinds of its movements, in order.
fn ledger_of(app: &TestApp, batch: &str) -> BTreeMap<i64, Vec<String>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        serial: i64,
        #[diesel(sql_type = diesel::sql_types::Text)]
        kind: String,
    }
    let mut conn = PgConnection::establish(&app.database_url).unwrap();
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT m.serial, m.kind FROM key_movements m JOIN product_keys k ON k.id = m.key_id \
         WHERE k.batch_id = $1::uuid ORDER BY m.serial, m.at, m.id",
    )
    .bind::<diesel::sql_types::Text, _>(batch)
    .load(&mut conn)
    .unwrap();
    let mut ledger: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for row in rows {
        ledger.entry(row.serial).or_default().push(row.kind);
    }
    ledger
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_allocations_of_the_same_cards_on_two_instances_one_wins() {
    let pair = pair().await;
    let app = &pair.app;
    let distributor = app.distributor("Northwind Distribution").await;
    let (a, b) = (app.partner_with(json!({"name": "A"})).await, app.partner_with(json!({"name": "B"})).await);
    app.relate(&distributor, &a).await;
    app.relate(&distributor, &b).await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 400).await;
    for round in 0..8u64 {
        let cards = range(&stock.serial(round * 50), &stock.serial(round * 50 + 49));
        let racing = [&a, &b].into_iter().enumerate().map(|(i, partner)| {
            pair.post(
                i,
                "/v1/allocations",
                &distributor.token,
                json!({"partner_id": partner.id, "ranges": [cards]}),
                None,
            )
        });
        let replies = futures::future::join_all(racing).await;
        let won: Vec<&Reply> = replies.iter().filter(|r| r.status.as_u16() == 201).collect();
        assert_eq!(won.len(), 1, "round {round}: {:?}", replies.iter().map(|r| &r.text).collect::<Vec<_>>());
        let lost = replies.iter().find(|r| r.status.as_u16() != 201).unwrap();
        lost.problem(409, "keys-not-in-stock");
        assert_eq!(won[0].body["quantity"], 50);
    }
    let ledger = ledger_of(app, &stock.batch);
    assert_eq!(ledger.len(), 400);
    assert!(ledger.values().all(|kinds| kinds == &["minted", "allocated"]), "one allocation per card");
    let mut held = 0;
    for p in [&a, &b] {
        let report = app.get(&format!("/v1/partners/{}/stock", p.id), &p.token).await;
        // A partner that won no round holds none: its report has no line.
        held += report.expect(200).as_array().unwrap().first().map_or(0, |l| l["available"].as_i64().unwrap());
    }
    assert_eq!(held, 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn quantity_allocations_racing_over_one_stock_never_oversell() {
    let pair = pair().await;
    let app = &pair.app;
    let distributor = app.distributor("Northwind Distribution").await;
    let mut partners = Vec::new();
    for name in ["A", "B", "C", "D"] {
        let partner = app.partner_with(json!({"name": name})).await;
        app.relate(&distributor, &partner).await;
        partners.push(partner);
    }
    let stock = app.stock(&distributor, PRODUCT_BASIC, 100).await;
    let racing = (0..32).map(|i| {
        let body = json!({"partner_id": partners[i % 4].id, "product_id": PRODUCT_BASIC, "quantity": 7});
        pair.post(i, "/v1/allocations", &distributor.token, body, None)
    });
    let replies = futures::future::join_all(racing).await;
    let mut handed = 0;
    for reply in &replies {
        match reply.status.as_u16() {
            201 => handed += reply.body["quantity"].as_i64().unwrap(),
            _ => reply.problem(409, "insufficient-stock"),
        }
    }
    // Whole requests only, never past the stock (a request that found too few unlocked
    // cards while others held theirs may fail though some remain: it never oversells).
    assert!((7..=100).contains(&handed) && handed % 7 == 0, "handed {handed} of 100 cards");
    let ledger = ledger_of(app, &stock.batch);
    let allocated = ledger.values().filter(|kinds| kinds.iter().any(|k| k == "allocated")).count() as i64;
    assert_eq!(allocated, handed, "each card handed once");
    assert!(ledger.values().all(|kinds| kinds.iter().filter(|k| *k == "allocated").count() <= 1));
    let mut held = 0;
    for p in &partners {
        let report = app.get(&format!("/v1/partners/{}/stock", p.id), &p.token).await;
        held += report.expect(200).as_array().unwrap().first().map_or(0, |l| l["available"].as_i64().unwrap());
    }
    assert_eq!(held, handed);
    assert_eq!(app.distributor_stock(&distributor).await[0]["in_stock"].as_i64().unwrap(), 100 - handed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_allocation_racing_a_revocation_leaves_each_card_in_one_state() {
    let pair = pair().await;
    let app = &pair.app;
    let distributor = app.distributor("Northwind Distribution").await;
    let partner = app.partner_with(json!({"name": "Contoso IT"})).await;
    app.relate(&distributor, &partner).await;
    let stock = app.stock(&distributor, PRODUCT_BASIC, 200).await;
    for round in 0..4u64 {
        let cards = json!([range(&stock.serial(round * 50), &stock.serial(round * 50 + 49))]);
        let allocation = json!({"partner_id": partner.id, "ranges": cards});
        let revocation = json!({"ranges": cards, "reason": "Stolen"});
        let (allocated, revoked) = futures::join!(
            pair.post(round as usize, "/v1/allocations", &distributor.token, allocation, None),
            pair.post(round as usize + 1, "/v1/key-revocations", &distributor.token, revocation, None)
        );
        assert_eq!(revoked.expect(200)["revoked"], 50, "round {round}: every card revoked, in stock or allocated");
        match allocated.status.as_u16() {
            201 => assert_eq!(allocated.body["quantity"], 50),
            _ => allocated.problem(409, "keys-not-in-stock"),
        }
        let ledger = ledger_of(app, &stock.batch);
        for i in round * 50..round * 50 + 50 {
            let serial: i64 = stock.serial(i).parse().unwrap();
            let kinds = &ledger[&serial];
            let expected: &[&str] = if allocated.status.as_u16() == 201 {
                &["minted", "allocated", "revoked"]
            } else {
                &["minted", "revoked"]
            };
            assert_eq!(kinds, expected, "card {serial}");
        }
    }
    let line = app.distributor_stock(&distributor).await[0].clone();
    assert_eq!((line["in_stock"].as_i64(), line["revoked"].as_i64()), (Some(0), Some(200)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_identical_allocations_with_one_idempotency_key_allocate_once() {
    let pair = pair().await;
    let app = &pair.app;
    let distributor = app.distributor("Northwind Distribution").await;
    let partner = app.partner_with(json!({"name": "Contoso IT"})).await;
    app.relate(&distributor, &partner).await;
    app.stock(&distributor, PRODUCT_BASIC, 100).await;
    let body = json!({"partner_id": partner.id, "product_id": PRODUCT_BASIC, "quantity": 10});
    let racing = (0..64).map(|i| pair.post(i, "/v1/allocations", &distributor.token, body.clone(), Some("ship-once")));
    let replies = futures::future::join_all(racing).await;
    let created: Vec<&Reply> = replies.iter().filter(|r| r.status.as_u16() == 201).collect();
    assert!(!created.is_empty());
    for reply in &created {
        assert_eq!(reply.body["id"], created[0].body["id"], "every success is the same allocation");
    }
    for reply in replies.iter().filter(|r| r.status.as_u16() != 201) {
        reply.problem(409, "idempotency-key-in-flight");
    }
    let listed = app.get("/v1/allocations", &distributor.token).await;
    assert_eq!(listed.expect(200)["data"].as_array().unwrap().len(), 1);
    assert_eq!(app.distributor_stock(&distributor).await[0]["in_stock"], 90);
}

#[tokio::test]
async fn the_upgrade_makes_relationships_of_resellers_and_gives_every_key_a_serial_and_a_ledger() {
    use diesel_migrations::MigrationHarness;
    let url = fresh_database();
    let app = spawn_on(test_settings(&url)).await;
    let body =
        json!({"name": "Contoso IT", "reseller": {"distributor": "Northwind Distribution", "since": "2024-03-01"}});
    let partner = app.partner_with(body).await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 1, 12, 4).await;
    // Key 0 redeemed, key 1 reserved, key 2 revoked, key 3 available.
    let redeemed = app.confirmed_redemption(&partner, &keys[..1]).await;
    app.post(
        &format!("/v1/redemptions/{redeemed}/account"),
        &partner.token,
        account_body("fabrikam", "a@fabrikam.example"),
    )
    .await
    .expect(201);
    let open = app.open_redemption(&partner).await;
    app.post(&format!("/v1/redemptions/{open}/keys"), &partner.token, json!({"key": keys[1]})).await.expect(201);
    let listed = app.get("/v1/keys?limit=10", &partner.token).await.expect(200)["data"].as_array().unwrap().clone();
    let by_last_five = |key: &str| {
        let id =
            listed.iter().find(|k| k["key"].as_str().unwrap().ends_with(&key[key.len() - 5..])).unwrap()["id"].clone();
        id.as_str().unwrap().to_string()
    };
    let ids: Vec<String> = keys.iter().map(|k| by_last_five(k)).collect();
    app.post(&format!("/v1/keys/{}/revoke", ids[2]), &app.operator, json!({})).await.expect(200);
    drop(app);

    // Back to the schema before the chain, and up again as an upgrade would.
    let mut conn = PgConnection::establish(&url).unwrap();
    while conn.revert_last_migration(keyport::db::MIGRATIONS).unwrap().to_string() != "20261206000017" {}
    drop(conn);
    let app = spawn_on(test_settings(&url)).await;

    let me = app.get("/v1/partners/me", &partner.token).await;
    assert_eq!(me.expect(200)["reseller"], json!({"distributor": "Northwind Distribution", "since": "2024-03-01"}));
    let relationships = app.get("/v1/reseller-relationships", &partner.token).await;
    let relationship = relationships.expect(200)["data"][0].clone();
    assert_eq!((relationship["status"].as_str(), relationship["since"].as_str()), (Some("active"), Some("2024-03-01")));
    assert_eq!(relationship["distributor"]["name"], "Northwind Distribution");

    let mut serials = Vec::new();
    for (id, expected) in ids.iter().zip([
        &["minted", "redeemed"][..],
        &["minted", "reserved"][..],
        &["minted", "revoked"][..],
        &["minted"][..],
    ]) {
        let key = app.get("/v1/keys?limit=10", &partner.token).await.expect(200)["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id.as_str())
            .unwrap()
            .clone();
        serials.push(key["serial"].as_str().unwrap().parse::<u64>().unwrap());
        let ledger = app.get(&format!("/v1/keys/{id}/movements"), &app.operator).await.expect(200)["data"].clone();
        let kinds: Vec<&str> = ledger.as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, expected, "key {id}");
    }
    serials.sort();
    assert_eq!(serials[3] - serials[0], 3, "one batch, consecutive serials: {serials:?}");
    assert_eq!(serials[0] % 1_000_000, 1);
    // The batch reads back with its first and last serial; new batches number after it.
    let batch = app.get("/v1/key-batches", &partner.token).await.expect(200)["data"][0].clone();
    assert_eq!(batch["first_serial"], format!("{:012}", serials[0]));
    let next = app.mint(&partner, PRODUCT_BASIC, 1, 12, 1).await;
    assert_eq!(next.len(), 1);
    let batches = app.get("/v1/key-batches", &partner.token).await.expect(200)["data"].as_array().unwrap().clone();
    let numbers: Vec<u64> = batches.iter().map(|b| b["first_serial"].as_str().unwrap()[..6].parse().unwrap()).collect();
    assert_eq!(numbers.len(), 2);
    assert_ne!(numbers[0], numbers[1]);
}
