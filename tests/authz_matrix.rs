//! The authorisation model of the whole API, as a table: every operation of the OpenAPI
//! document called as each of seventeen principals (six of them partners holding delegated
//! roles, one a distributor), against the statuses in
//! `tests/authz_matrix.tsv`. An operation without a row fails the test, so no endpoint
//! can skip it.

use std::collections::BTreeMap;

use crate::common::*;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use diesel::prelude::*;
use reqwest::Method;
use serde_json::{Value, json};

const PRINCIPALS: [&str; 17] = [
    "none",
    "garbled",
    "expired",
    "operator",
    "creator",
    "delegated",
    "unrelated",
    "tenant_admin",
    "member",
    "other_admin",
    "distributor",
    "reader",
    "user_admin",
    "license_admin",
    "billing_admin",
    "global_admin",
    "all_but_global",
];
/// The roles of the partners in the last six columns, in order.
const ROLE_SETS: [&[&str]; 6] = [
    &["directory_reader"],
    &["user_administrator"],
    &["license_administrator"],
    &["billing_administrator"],
    &["global_administrator"],
    &["directory_reader", "user_administrator", "license_administrator", "billing_administrator"],
];
const PRODUCT_PREMIUM: &str = "01900000-0000-7000-8000-000000000003";

/// Everything the table speaks of: tenant T (created by `creator`, partner of record
/// `delegated` on its first subscription with an active relationship of the default roles,
/// `offerer` on its second, none on its third), its admin and a plain member, tenant T2 of
/// `unrelated`, and six partners with a relationship to T holding the roles of
/// [`ROLE_SETS`] (partner of record nowhere); a distributor with an active reseller
/// relationship with `creator`, stock, an order of the creator's and an allocation against
/// it.
struct World {
    app: TestApp,
    creator: Partner,
    delegated: Partner,
    unrelated: Partner,
    offerer: Partner,
    holders: Vec<Partner>,
    tenant: Customer,
    subscriptions: Vec<String>,
    member_id: String,
    tokens: Vec<Option<String>>,
    batch: String,
    offer: String,
    relationship: String,
    notification: String,
    distributor: Distributor,
    reseller: String,
    order: String,
    allocation: String,
    card: String,
    counter: std::sync::atomic::AtomicUsize,
}

fn id(reply: &Reply, pointer: &str) -> String {
    reply
        .body
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} in {}", reply.text))
        .to_string()
}

/// An operator token that expired an hour ago, signed with the service's own key.
fn expired_token(app: &TestApp) -> String {
    let payload = app.operator.split('.').nth(1).unwrap();
    let mut claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    let now = chrono::Utc::now().timestamp();
    claims["iat"] = json!(now - 7200);
    claims["exp"] = json!(now - 3600);
    let mut conn = PgConnection::establish(&app.database_url).unwrap();
    use keyport::db::schema::signing_keys;
    let (kid, der): (String, Vec<u8>) =
        signing_keys::table.select((signing_keys::kid, signing_keys::private_der)).first(&mut conn).unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::EdDSA);
    header.kid = Some(kid);
    jsonwebtoken::encode(&header, &claims, &jsonwebtoken::EncodingKey::from_ed_der(&der)).unwrap()
}

impl World {
    async fn build() -> Self {
        let app = spawn().await;
        let creator = app.partner("Creator").await;
        let delegated = app.partner("Delegated").await;
        let unrelated = app.partner("Unrelated").await;
        let offerer = app.partner("Offerer").await;

        // Tenant T with three subscriptions, made by the creator.
        let mut keys = Vec::new();
        for product in [PRODUCT_STANDARD, PRODUCT_BASIC, PRODUCT_PREMIUM] {
            keys.extend(app.mint(&creator, product, 100, 12, 1).await);
        }
        let redemption = app.confirmed_redemption(&creator, &keys).await;
        let account = app
            .post(
                &format!("/v1/redemptions/{redemption}/account"),
                &creator.token,
                account_body("matrix", "admin@matrix.example"),
            )
            .await;
        let account = account.expect(201).clone();
        let (admin, _) = app.sign_in("admin@matrix.example", account["activation_token"].as_str().unwrap()).await;
        let mut subscriptions: Vec<(String, String)> = account["subscriptions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["product"]["id"].as_str().unwrap().to_string(), s["id"].as_str().unwrap().to_string()))
            .collect();
        subscriptions.sort(); // by product: Basic, Standard, Premium
        let subscriptions: Vec<String> = subscriptions.into_iter().map(|(_, s)| s).collect();
        let tenant = Customer {
            tenant: account["tenant"]["id"].as_str().unwrap().to_string(),
            subscription: subscriptions[0].clone(),
            admin_id: account["admin_user"]["id"].as_str().unwrap().to_string(),
            admin,
        };
        app.name_partner_of_record(&tenant, &subscriptions[0], &delegated).await;
        app.name_partner_of_record(&tenant, &subscriptions[1], &offerer).await;
        let relationship = app.delegate(&tenant, &delegated).await;
        // Each role holder offers while partner of record on the third subscription, which
        // has none again afterwards.
        let mut holders = Vec::new();
        for (i, roles) in ROLE_SETS.iter().enumerate() {
            let holder = app.partner(&format!("Holder {i}")).await;
            app.name_partner_of_record(&tenant, &subscriptions[2], &holder).await;
            app.delegate_with(&tenant, &holder, json!({"roles": roles})).await;
            holders.push(holder);
        }
        app.delete(&format!("/v1/subscriptions/{}/partner-of-record", subscriptions[2]), &tenant.admin)
            .await
            .expect(204);
        let offers = app.get("/v1/delegated-admin-offers", &delegated.token).await;
        let offer = id(&offers, "/data/0/id");
        let (member_id, activation) =
            app.add_user(&tenant.admin, &tenant.tenant, "member@matrix.example", json!({})).await;
        let (member, _) = app.sign_in("member@matrix.example", &activation).await;
        let other = app.tenant_with_seats(&unrelated, "elsewhere", 2).await;
        let batches = app.get("/v1/key-batches", &creator.token).await;
        let batch = id(&batches, "/data/0/id");
        let inbox = app.get("/v1/notifications", &tenant.admin).await;
        let notification = id(&inbox, "/data/0/id");

        let distributor = app.distributor("Matrix Distribution").await;
        let reseller = app.relate(&distributor, &creator).await;
        let stock = app.stock(&distributor, PRODUCT_BASIC, 300).await;
        let body = json!({"distributor_id": distributor.id, "product_id": PRODUCT_BASIC, "quantity": 1000});
        let order = id(&app.post("/v1/key-orders", &creator.token, body).await, "/id");
        let body = json!({"partner_id": creator.id, "serials": [stock.serial(0)], "order_id": order});
        let allocation = id(&app.post("/v1/allocations", &distributor.token, body).await, "/id");
        let card = id(&app.get(&format!("/v1/keys?serial={}", stock.serial(0)), &creator.token).await, "/data/0/id");

        let tokens = vec![
            None,
            Some("not-a-token".to_string()),
            Some(expired_token(&app)),
            Some(app.operator.clone()),
            Some(creator.token.clone()),
            Some(delegated.token.clone()),
            Some(unrelated.token.clone()),
            Some(tenant.admin.clone()),
            Some(member),
            Some(other.admin.clone()),
            Some(distributor.token.clone()),
        ]
        .into_iter()
        .chain(holders.iter().map(|h| Some(h.token.clone())))
        .collect();
        // The matrix cancels a key-billed subscription (refused once authorised); one real
        // cancellation, on a tenant of its own, leaves the operation's audit record.
        let aside = app.tenant_with_seats(&creator, "cancelled-aside", 1).await;
        let renewal = app
            .post(
                &format!("/v1/subscriptions/{}/renewals", aside.subscription),
                &aside.admin,
                json!({"method": "direct_billing"}),
            )
            .await;
        let direct = id(&renewal, "/new_subscription_id");
        app.post(&format!("/v1/subscriptions/{direct}/cancel"), &aside.admin, json!({})).await.expect(200);
        World {
            app,
            creator,
            delegated,
            unrelated,
            offerer,
            holders,
            tenant,
            subscriptions,
            member_id,
            tokens,
            batch,
            offer,
            relationship,
            notification,
            distributor,
            reseller,
            order,
            allocation,
            card,
            counter: Default::default(),
        }
    }

    fn unique(&self) -> usize {
        self.counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    async fn fresh_user(&self, licence: bool) -> String {
        let n = self.unique();
        let extra = if licence { json!({"license_subscription_id": self.subscriptions[2]}) } else { json!({}) };
        self.app.add_user(&self.tenant.admin, &self.tenant.tenant, &format!("fresh{n}@matrix.example"), extra).await.0
    }

    async fn fresh_key(&self, owner: &Partner, product: &str) -> String {
        self.app.mint(owner, product, 1, 12, 1).await.remove(0)
    }

    async fn fresh_redemption(&self, with_key: bool) -> (String, Option<String>) {
        let id = self.app.open_redemption(&self.creator).await;
        if !with_key {
            return (id, None);
        }
        let key = self.fresh_key(&self.creator, PRODUCT_BASIC).await;
        let entry =
            self.app.post(&format!("/v1/redemptions/{id}/keys"), &self.creator.token, json!({"key": key})).await;
        (id, Some(self::id(&entry, "/id")))
    }

    /// A pending offer of `offerer` to T, clearing the way first (its earlier offer revoked,
    /// its relationship ended).
    async fn fresh_offer(&self) -> String {
        let app = &self.app;
        let pending = app.get("/v1/delegated-admin-offers?status=pending", &self.offerer.token).await;
        for offer in pending.body["data"].as_array().unwrap() {
            let id = offer["id"].as_str().unwrap();
            app.post(&format!("/v1/delegated-admin-offers/{id}/revoke"), &self.offerer.token, json!({}))
                .await
                .expect(200);
        }
        let relationships = app.get("/v1/delegated-admin-relationships", &self.offerer.token).await;
        for r in relationships.body["data"].as_array().unwrap().iter().filter(|r| r["status"] == "active") {
            let id = r["id"].as_str().unwrap();
            app.delete(&format!("/v1/delegated-admin-relationships/{id}"), &self.offerer.token).await.expect(204);
        }
        let offer = app
            .post(
                "/v1/delegated-admin-offers",
                &self.offerer.token,
                json!({"tenant_id": self.tenant.tenant, "message": "m"}),
            )
            .await;
        id(&offer, "/id")
    }

    /// A fresh retail key of `product`, minted by the operator.
    async fn retail_key(&self, product: &str) -> String {
        let body =
            json!({"product_id": product, "channel": "retail", "seats_per_key": 1, "term_months": 12, "quantity": 1});
        let batch = self.app.post("/v1/key-batches", &self.app.operator, body).await;
        id(&batch, "/keys/0")
    }

    /// A fresh webhook endpoint of T's (a call may delete it), leaving room under the
    /// per-owner limit.
    async fn tenant_endpoint(&self) -> String {
        let app = &self.app;
        let listed = app.get("/v1/webhook-endpoints?limit=100", &self.tenant.admin).await;
        for endpoint in listed.expect(200)["data"].as_array().unwrap() {
            app.delete(&format!("/v1/webhook-endpoints/{}", endpoint["id"].as_str().unwrap()), &self.tenant.admin)
                .await
                .expect(204);
        }
        let body = json!({"url": "http://127.0.0.1:9/tenant", "events": ["subscription.expired"]});
        let created = app.post("/v1/webhook-endpoints", &self.tenant.admin, body).await;
        id(&created, "/id")
    }

    /// A pending invitation of the matrix distributor to `delegated`, clearing the way first
    /// (an earlier invitation declined, an active relationship ended).
    async fn fresh_invitation(&self) -> String {
        let app = &self.app;
        let (distributor, partner) = (&self.distributor, &self.delegated);
        let listed = app.get("/v1/reseller-relationships?limit=100", &distributor.token).await;
        for r in listed.expect(200)["data"].as_array().unwrap() {
            let id = r["id"].as_str().unwrap();
            match (r["partner"]["id"].as_str() == Some(partner.id.as_str()), r["status"].as_str().unwrap()) {
                (true, "invited") => {
                    let path = format!("/v1/reseller-relationships/{id}/decline");
                    app.post(&path, &partner.token, json!({})).await.expect(200);
                }
                (true, "active") => {
                    app.delete(&format!("/v1/reseller-relationships/{id}"), &distributor.token).await.expect(200);
                }
                _ => {}
            }
        }
        let body = json!({"partner_number": partner.number});
        id(&app.post("/v1/reseller-relationships", &distributor.token, body).await, "/id")
    }

    /// A fresh open order of the creator's from the matrix distributor.
    async fn fresh_order(&self) -> String {
        let body = json!({"distributor_id": self.distributor.id, "product_id": PRODUCT_BASIC, "quantity": 1});
        id(&self.app.post("/v1/key-orders", &self.creator.token, body).await, "/id")
    }

    /// The partner principal `who` is, if it is one.
    fn partner_of(&self, who: usize) -> Option<&Partner> {
        match PRINCIPALS[who] {
            "creator" => Some(&self.creator),
            "delegated" => Some(&self.delegated),
            "unrelated" => Some(&self.unrelated),
            _ => self.holders.get(who.checked_sub(PRINCIPALS.len() - ROLE_SETS.len())?),
        }
    }

    /// The concrete request for one operation as principal `who`: path parameters filled
    /// in with objects of the world (fresh ones where the call consumes them) and a valid
    /// body (keys are the caller's own where it is a partner).
    async fn request(&self, op: &str, who: usize) -> (String, Option<Value>) {
        let key_owner = self.partner_of(who).unwrap_or(&self.delegated);
        let t = &self.tenant.tenant;
        let (s0, s2) = (&self.subscriptions[0], &self.subscriptions[2]);
        let m = &self.member_id;
        let c = &self.creator.id;
        let d = &self.distributor.id;
        let n = self.unique();
        match op {
            "POST /v1/auth/token" => (
                "/v1/auth/token".into(),
                Some(
                    json!({"grant_type": "client_credentials", "client_id": OPERATOR_ID, "client_secret": OPERATOR_SECRET}),
                ),
            ),
            // A token nobody holds: revoking it changes nothing for the principals that follow.
            "POST /v1/auth/revoke" => ("/v1/auth/revoke".into(), Some(json!({"token": format!("kpr_unknown{n}")}))),
            "POST /v1/auth/activate" => {
                let reply = self
                    .app
                    .post(
                        &format!("/v1/tenants/{t}/users"),
                        &self.tenant.admin,
                        json!({"email": format!("act{n}@matrix.example"), "first_name": "A", "last_name": "B"}),
                    )
                    .await;
                let token = id(&reply, "/activation_token");
                (
                    "/v1/auth/activate".into(),
                    Some(json!({"activation_token": token, "password": "a long enough password"})),
                )
            }
            "GET /.well-known/jwks.json"
            | "GET /v1/versions"
            | "GET /.well-known/oauth-authorization-server"
            | "GET /healthz"
            | "GET /readyz"
            | "GET /metrics" => (op.split(' ').nth(1).unwrap().into(), None),
            "POST /v1/partners" => ("/v1/partners".into(), Some(json!({"name": format!("P{n}")}))),
            "GET /v1/partners"
            | "GET /v1/partners/me"
            | "GET /v1/products"
            | "GET /v1/countries"
            | "GET /v1/key-batches"
            | "GET /v1/keys"
            | "GET /v1/redemptions"
            | "GET /v1/tenants"
            | "GET /v1/subscriptions"
            | "GET /v1/delegated-admin-offers"
            | "GET /v1/delegated-admin-relationships"
            | "GET /v1/notifications"
            | "GET /v1/audit-events"
            | "GET /v1/me"
            | "GET /v1/me/entitlements"
            | "GET /v1/distributors"
            | "GET /v1/distributors/me"
            | "GET /v1/reseller-relationships"
            | "GET /v1/allocations"
            | "GET /v1/key-returns"
            | "GET /v1/key-orders" => (op.split(' ').nth(1).unwrap().into(), None),
            "GET /v1/partners/{id}" | "GET /v1/partners/{id}/api-clients" => (op[4..].replace("{id}", c), None),
            "PATCH /v1/partners/{id}" => (format!("/v1/partners/{c}"), Some(json!({"name": "Creator"}))),
            "POST /v1/partners/{id}/api-clients" => (format!("/v1/partners/{c}/api-clients"), Some(json!({}))),
            "DELETE /v1/partners/{id}/api-clients/{client_id}" => {
                let client =
                    self.app.post(&format!("/v1/partners/{c}/api-clients"), &self.app.operator, json!({})).await;
                (format!("/v1/partners/{c}/api-clients/{}", id(&client, "/client_id")), None)
            }
            "POST /v1/partners/{id}/api-clients/{client_id}/rotate-secret" => {
                let client =
                    self.app.post(&format!("/v1/partners/{c}/api-clients"), &self.app.operator, json!({})).await;
                (format!("/v1/partners/{c}/api-clients/{}/rotate-secret", id(&client, "/client_id")), Some(json!({})))
            }
            "PATCH /v1/partners/{id}/api-clients/{client_id}" => {
                let client =
                    self.app.post(&format!("/v1/partners/{c}/api-clients"), &self.app.operator, json!({})).await;
                let path = format!("/v1/partners/{c}/api-clients/{}", id(&client, "/client_id"));
                (path, Some(json!({"api_version": "2026-11-24"})))
            }
            "POST /v1/products" => ("/v1/products".into(), Some(json!({"sku": format!("SKU-{n}"), "name": "Product"}))),
            "GET /v1/domains/{name}" => ("/v1/domains/matrix".into(), None),
            "POST /v1/key-batches" => (
                "/v1/key-batches".into(),
                Some(
                    json!({"product_id": PRODUCT_BASIC, "partner_id": c, "seats_per_key": 1, "term_months": 12, "quantity": 1}),
                ),
            ),
            "GET /v1/key-batches/{id}" => (format!("/v1/key-batches/{}", self.batch), None),
            "POST /v1/keys/validate" => {
                ("/v1/keys/validate".into(), Some(json!({"key": self.fresh_key(&self.creator, PRODUCT_BASIC).await})))
            }
            "POST /v1/keys/{id}/revoke" => {
                self.fresh_key(&self.creator, PRODUCT_BASIC).await;
                let keys = self.app.get("/v1/keys?status=available&limit=200", &self.creator.token).await;
                let last =
                    keys.body["data"].as_array().unwrap().iter().last().unwrap()["id"].as_str().unwrap().to_string();
                (format!("/v1/keys/{last}/revoke"), Some(json!({})))
            }
            "POST /v1/redemptions" => ("/v1/redemptions".into(), Some(json!({"acknowledged": true}))),
            "GET /v1/redemptions/{id}" | "DELETE /v1/redemptions/{id}" => {
                let (r, _) = self.fresh_redemption(false).await;
                (format!("/v1/redemptions/{r}"), None)
            }
            "POST /v1/redemptions/{id}/keys" => {
                let (r, _) = self.fresh_redemption(false).await;
                let key = self.fresh_key(&self.creator, PRODUCT_BASIC).await;
                (format!("/v1/redemptions/{r}/keys"), Some(json!({"key": key})))
            }
            "DELETE /v1/redemptions/{id}/keys/{entry_id}" => {
                let (r, entry) = self.fresh_redemption(true).await;
                (format!("/v1/redemptions/{r}/keys/{}", entry.unwrap()), None)
            }
            "POST /v1/redemptions/{id}/confirm" => {
                let (r, _) = self.fresh_redemption(true).await;
                (format!("/v1/redemptions/{r}/confirm"), Some(json!({})))
            }
            "POST /v1/redemptions/{id}/account" => {
                let (r, _) = self.fresh_redemption(true).await;
                self.app
                    .post(&format!("/v1/redemptions/{r}/confirm"), &self.creator.token, json!({}))
                    .await
                    .expect(200);
                (
                    format!("/v1/redemptions/{r}/account"),
                    Some(account_body(&format!("fresh{n}"), &format!("owner{n}@fresh.example"))),
                )
            }
            "GET /v1/tenants/{id}" => (format!("/v1/tenants/{t}"), None),
            "PATCH /v1/tenants/{id}" => (format!("/v1/tenants/{t}"), Some(json!({"company_name": "Matrix Ltd"}))),
            "POST /v1/tenants/{id}/users" => (
                format!("/v1/tenants/{t}/users"),
                Some(json!({"email": format!("new{n}@matrix.example"), "first_name": "N", "last_name": "U"})),
            ),
            "GET /v1/tenants/{id}/users" => (format!("/v1/tenants/{t}/users"), None),
            "POST /v1/tenants/{id}/user-imports" => (
                format!("/v1/tenants/{t}/user-imports"),
                Some(
                    json!({"users": [{"email": format!("import{n}@matrix.example"), "first_name": "I", "last_name": "U"}]}),
                ),
            ),
            "GET /v1/tenants/{id}/user-imports/{import_id}" => {
                let body = json!({"users": [{"email": format!("read{n}@matrix.example"), "first_name": "R", "last_name": "U"}]});
                let import = self.app.post(&format!("/v1/tenants/{t}/user-imports"), &self.tenant.admin, body).await;
                (format!("/v1/tenants/{t}/user-imports/{}", id(&import, "/id")), None)
            }
            "GET /v1/tenants/{id}/users/{user_id}" => (format!("/v1/tenants/{t}/users/{m}"), None),
            "GET /v1/tenants/{id}/users/{user_id}/entitlements" => {
                (format!("/v1/tenants/{t}/users/{m}/entitlements"), None)
            }
            "PATCH /v1/tenants/{id}/users/{user_id}" => {
                (format!("/v1/tenants/{t}/users/{m}"), Some(json!({"first_name": "Maya"})))
            }
            "POST /v1/tenants/{id}/users/{user_id}/activation" => {
                (format!("/v1/tenants/{t}/users/{}/activation", self.fresh_user(false).await), None)
            }
            // The same password again: every customer's current one, so each call succeeds.
            "POST /v1/auth/password" => (
                "/v1/auth/password".into(),
                Some(json!({"current_password": "correct horse battery staple",
                            "new_password": "correct horse battery staple"})),
            ),
            "DELETE /v1/tenants/{id}/users/{user_id}" => {
                (format!("/v1/tenants/{t}/users/{}", self.fresh_user(false).await), None)
            }
            "PUT /v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}" => {
                (format!("/v1/tenants/{t}/users/{}/licenses/{s2}", self.fresh_user(false).await), None)
            }
            "DELETE /v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}" => {
                (format!("/v1/tenants/{t}/users/{}/licenses/{s2}", self.fresh_user(true).await), None)
            }
            "GET /v1/subscriptions/{id}" => (format!("/v1/subscriptions/{s0}"), None),
            "PUT /v1/subscriptions/{id}/partner-of-record" => (
                format!("/v1/subscriptions/{s2}/partner-of-record"),
                Some(json!({"partner_number": self.delegated.number})),
            ),
            "DELETE /v1/subscriptions/{id}/partner-of-record" => {
                (format!("/v1/subscriptions/{s2}/partner-of-record"), None)
            }
            // A partner adds its own keys, a customer retail keys (SPEC §11).
            "POST /v1/subscriptions/{id}/keys" => {
                let key = match self.partner_of(who) {
                    Some(partner) => self.fresh_key(partner, PRODUCT_BASIC).await,
                    None => self.retail_key(PRODUCT_BASIC).await,
                };
                (format!("/v1/subscriptions/{s0}/keys"), Some(json!({"key": key})))
            }
            "POST /v1/delegated-admin-offers" => {
                ("/v1/delegated-admin-offers".into(), Some(json!({"tenant_id": t, "message": "Let us help"})))
            }
            "GET /v1/delegated-admin-offers/{id}" => (format!("/v1/delegated-admin-offers/{}", self.offer), None),
            "POST /v1/delegated-admin-offers/{id}/accept"
            | "POST /v1/delegated-admin-offers/{id}/decline"
            | "POST /v1/delegated-admin-offers/{id}/revoke" => {
                let action = op.rsplit('/').next().unwrap();
                (format!("/v1/delegated-admin-offers/{}/{action}", self.fresh_offer().await), Some(json!({})))
            }
            "GET /v1/delegated-admin-relationships/{id}" => {
                (format!("/v1/delegated-admin-relationships/{}", self.relationship), None)
            }
            "DELETE /v1/delegated-admin-relationships/{id}" => {
                let offer = self.fresh_offer().await;
                let accepted = self
                    .app
                    .post(&format!("/v1/delegated-admin-offers/{offer}/accept"), &self.tenant.admin, json!({}))
                    .await;
                (format!("/v1/delegated-admin-relationships/{}", id(&accepted, "/id")), None)
            }
            "POST /v1/notifications/{id}/read" => {
                (format!("/v1/notifications/{}/read", self.notification), Some(json!({})))
            }
            "POST /v1/jobs/sweep" => ("/v1/jobs/sweep".into(), Some(json!({}))),
            "POST /v1/signup" => (
                "/v1/signup".into(),
                Some(json!({"key": self.retail_key(PRODUCT_BASIC).await, "country": "GR",
                            "company_name": format!("Retail {n}"), "domain": format!("retail{n}"),
                            "admin": {"first_name": "A", "last_name": "B", "email": format!("a@retail{n}.example")}})),
            ),
            "POST /v1/tenants/{id}/keys" => {
                (format!("/v1/tenants/{t}/keys"), Some(json!({"key": self.retail_key(PRODUCT_BASIC).await})))
            }
            "POST /v1/jobs/deliver-webhooks" => ("/v1/jobs/deliver-webhooks".into(), Some(json!({}))),
            "POST /v1/webhook-endpoints" => (
                "/v1/webhook-endpoints".into(),
                Some(json!({"url": format!("http://127.0.0.1:9/hook{n}"), "events": ["subscription.expired"]})),
            ),
            "GET /v1/webhook-endpoints" => ("/v1/webhook-endpoints".into(), None),
            "GET /v1/webhook-endpoints/{id}"
            | "DELETE /v1/webhook-endpoints/{id}"
            | "POST /v1/webhook-endpoints/{id}/rotate-secret"
            | "POST /v1/webhook-endpoints/{id}/test"
            | "GET /v1/webhook-endpoints/{id}/deliveries" => {
                let endpoint = self.tenant_endpoint().await;
                (op.split(' ').nth(1).unwrap().replace("{id}", &endpoint), None)
            }
            "PATCH /v1/webhook-endpoints/{id}" => {
                (format!("/v1/webhook-endpoints/{}", self.tenant_endpoint().await), Some(json!({"enabled": true})))
            }
            "POST /v1/webhook-endpoints/{id}/deliveries/{delivery_id}/redeliver" => {
                let endpoint = self.tenant_endpoint().await;
                let ping = self
                    .app
                    .post(&format!("/v1/webhook-endpoints/{endpoint}/test"), &self.tenant.admin, json!({}))
                    .await;
                (format!("/v1/webhook-endpoints/{endpoint}/deliveries/{}/redeliver", id(&ping, "/id")), None)
            }
            "GET /v1/sandbox/clock" => ("/v1/sandbox/clock".into(), None),
            "POST /v1/sandbox/clock/advance" => {
                ("/v1/sandbox/clock/advance".into(), Some(json!({"days": 0, "hours": 1})))
            }
            "POST /v1/subscriptions/{id}/renewals" => (
                format!("/v1/subscriptions/{s0}/renewals"),
                Some(json!({"method": "product_key", "key": self.fresh_key(key_owner, PRODUCT_BASIC).await})),
            ),
            // Key-billed: turning automatic renewal off is no change; cancelling is refused (409)
            // once authorised.
            "PATCH /v1/subscriptions/{id}" => (format!("/v1/subscriptions/{s0}"), Some(json!({"auto_renew": false}))),
            "POST /v1/subscriptions/{id}/cancel" => (format!("/v1/subscriptions/{s0}/cancel"), None),
            "PATCH /v1/delegated-admin-relationships/{id}" => (
                format!("/v1/delegated-admin-relationships/{}", self.relationship),
                Some(json!({"auto_extend": false})),
            ),
            "GET /v1/subscriptions/{id}/renewals" => (format!("/v1/subscriptions/{s0}/renewals"), None),
            "POST /v1/distributors" => ("/v1/distributors".into(), Some(json!({"name": format!("D{n}")}))),
            "GET /v1/distributors/{id}"
            | "GET /v1/distributors/{id}/api-clients"
            | "GET /v1/distributors/{id}/stock" => (op[4..].replace("{id}", d), None),
            "PATCH /v1/distributors/{id}" => (format!("/v1/distributors/{d}"), Some(json!({"authorised": true}))),
            "POST /v1/distributors/{id}/api-clients" => (format!("/v1/distributors/{d}/api-clients"), Some(json!({}))),
            "DELETE /v1/distributors/{id}/api-clients/{client_id}" => {
                let client =
                    self.app.post(&format!("/v1/distributors/{d}/api-clients"), &self.app.operator, json!({})).await;
                (format!("/v1/distributors/{d}/api-clients/{}", id(&client, "/client_id")), None)
            }
            "POST /v1/distributors/{id}/api-clients/{client_id}/rotate-secret" => {
                let client =
                    self.app.post(&format!("/v1/distributors/{d}/api-clients"), &self.app.operator, json!({})).await;
                let path = format!("/v1/distributors/{d}/api-clients/{}/rotate-secret", id(&client, "/client_id"));
                (path, Some(json!({})))
            }
            "PATCH /v1/distributors/{id}/api-clients/{client_id}" => {
                let client =
                    self.app.post(&format!("/v1/distributors/{d}/api-clients"), &self.app.operator, json!({})).await;
                let path = format!("/v1/distributors/{d}/api-clients/{}", id(&client, "/client_id"));
                (path, Some(json!({"api_version": "2026-11-24"})))
            }
            "PUT /v1/distributors/{id}/stock-alerts/{product_id}" => {
                (format!("/v1/distributors/{d}/stock-alerts/{PRODUCT_BASIC}"), Some(json!({"threshold": 1})))
            }
            // A partner nobody has invited yet.
            "POST /v1/reseller-relationships" => {
                let partner = self.app.post("/v1/partners", &self.app.operator, json!({"name": format!("R{n}")})).await;
                ("/v1/reseller-relationships".into(), Some(json!({"partner_number": id(&partner, "/partner_number")})))
            }
            "GET /v1/reseller-relationships/{id}" => (format!("/v1/reseller-relationships/{}", self.reseller), None),
            "POST /v1/reseller-relationships/{id}/accept" | "POST /v1/reseller-relationships/{id}/decline" => {
                let action = op.rsplit('/').next().unwrap();
                (format!("/v1/reseller-relationships/{}/{action}", self.fresh_invitation().await), Some(json!({})))
            }
            "DELETE /v1/reseller-relationships/{id}" => {
                let invitation = self.fresh_invitation().await;
                let path = format!("/v1/reseller-relationships/{invitation}");
                self.app.post(&format!("{path}/accept"), &self.delegated.token, json!({})).await.expect(200);
                (path, None)
            }
            "POST /v1/allocations" => {
                ("/v1/allocations".into(), Some(json!({"partner_id": c, "product_id": PRODUCT_BASIC, "quantity": 1})))
            }
            "GET /v1/allocations/{id}" => (format!("/v1/allocations/{}", self.allocation), None),
            // A card just allocated to the creator.
            "POST /v1/key-returns" => {
                let body = json!({"partner_id": c, "product_id": PRODUCT_BASIC, "quantity": 1});
                let allocation = self.app.post("/v1/allocations", &self.distributor.token, body).await;
                ("/v1/key-returns".into(), Some(json!({"serials": [id(&allocation, "/first_serial")]})))
            }
            // A card just minted into the distributor's stock.
            "POST /v1/key-revocations" => {
                let stock = self.app.stock(&self.distributor, PRODUCT_BASIC, 1).await;
                ("/v1/key-revocations".into(), Some(json!({"serials": [stock.first_serial], "reason": "Lost"})))
            }
            "POST /v1/key-orders" => (
                "/v1/key-orders".into(),
                Some(json!({"distributor_id": d, "product_id": PRODUCT_BASIC, "quantity": 1})),
            ),
            "GET /v1/key-orders/{id}" => (format!("/v1/key-orders/{}", self.order), None),
            "POST /v1/key-orders/{id}/reject" => {
                (format!("/v1/key-orders/{}/reject", self.fresh_order().await), Some(json!({"reason": "Sold out"})))
            }
            "POST /v1/key-orders/{id}/cancel" => (format!("/v1/key-orders/{}/cancel", self.fresh_order().await), None),
            "GET /v1/keys/{id}/movements" => (format!("/v1/keys/{}/movements", self.card), None),
            "GET /v1/partners/{id}/stock" => (format!("/v1/partners/{c}/stock"), None),
            other => panic!("no request is defined for {other}: add it here and a row to tests/authz_matrix.tsv"),
        }
    }
}

fn expectations() -> BTreeMap<String, Vec<u16>> {
    let text = include_str!("authz_matrix.tsv");
    let mut table = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 1 + PRINCIPALS.len(), "malformed row: {line}");
        let statuses = cells[1..].iter().map(|c| c.trim().parse().expect("a status")).collect();
        assert!(table.insert(cells[0].trim().to_string(), statuses).is_none(), "two rows for {}", cells[0]);
    }
    table
}

fn operations() -> Vec<String> {
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            ops.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    ops
}

#[tokio::test]
async fn every_operation_for_every_principal() {
    let world = World::build().await;
    let expected = expectations();
    let ops = operations();
    let missing: Vec<&String> = ops.iter().filter(|op| !expected.contains_key(*op)).collect();
    assert!(missing.is_empty(), "operations without a row in tests/authz_matrix.tsv: {missing:?}");
    let stale: Vec<&String> = expected.keys().filter(|op| !ops.contains(op)).collect();
    assert!(stale.is_empty(), "rows for operations the document no longer has: {stale:?}");

    let mut mismatches = Vec::new();
    let mut actual_table = String::new();
    let mut handed_out: Vec<String> = world.tokens.iter().flatten().cloned().collect();
    handed_out.push(OPERATOR_SECRET.to_string());
    for op in &ops {
        let method: Method = op.split(' ').next().unwrap().parse().unwrap();
        let mut actual = Vec::new();
        for (who, token) in world.tokens.iter().enumerate() {
            let (path, body) = world.request(op, who).await;
            let reply = world.app.send(method.clone(), &path, token.as_deref(), body).await;
            secrets_in(&reply.body, &mut handed_out);
            let status = reply.status.as_u16();
            assert!(status < 500, "{op} as {}: {}", PRINCIPALS[who], reply.text);
            // The OAuth endpoints answer errors in RFC 6749 form, not as problems.
            if status >= 400 && !matches!(op.as_str(), "POST /v1/auth/token" | "POST /v1/auth/revoke") {
                reply.code();
            }
            if status != expected[op][who] {
                mismatches.push(format!(
                    "{op} as {}: expected {}, got {status}: {}",
                    PRINCIPALS[who], expected[op][who], reply.text
                ));
            }
            actual.push(status.to_string());
        }
        actual_table.push_str(&format!("{op}\t{}\n", actual.join("\t")));
    }
    assert!(
        mismatches.is_empty(),
        "{} unexpected statuses:\n{}\n\nas observed:\n{actual_table}",
        mismatches.len(),
        mismatches.join("\n")
    );
    audit_covers_every_change_and_holds_no_secret(&world, &handed_out);
}

/// Every secret-looking string in an answer: tokens and secrets by their prefixes, JWTs,
/// product keys.
fn secrets_in(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            let key = s.len() == 29 && s.split('-').count() == 5 && s.split('-').all(|g| g.len() == 5);
            let prefixed = ["kps_", "kpa_", "kpr_", "whsec_", "eyJ"].iter().any(|p| s.starts_with(p)) && s.len() > 20;
            if key || prefixed {
                found.push(s.clone());
            }
        }
        Value::Array(items) => items.iter().for_each(|v| secrets_in(v, found)),
        Value::Object(fields) => fields.values().for_each(|v| secrets_in(v, found)),
        _ => {}
    }
}

/// After every operation ran as every principal: each state-changing operation of the
/// document left an audit record (a new one without fails here), and no record holds any
/// secret the run handed out.
fn audit_covers_every_change_and_holds_no_secret(world: &World, handed_out: &[String]) {
    #[derive(QueryableByName)]
    struct Text {
        #[diesel(sql_type = diesel::sql_types::Text)]
        text: String,
    }
    let mut conn = PgConnection::establish(&world.app.database_url).unwrap();
    let actions: Vec<String> = diesel::sql_query("SELECT DISTINCT action AS text FROM audit_events")
        .load::<Text>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|t| t.text)
        .collect();
    let doc = serde_json::to_value(keyport::openapi()).unwrap();
    let mut unaudited = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"].as_str().unwrap();
            if method != "get" && !actions.iter().any(|a| a == id) {
                unaudited.push(format!("{} {path} ({id})", method.to_uppercase()));
            }
        }
    }
    assert!(unaudited.is_empty(), "state-changing operations without an audit record: {unaudited:?}");
    let log: String = diesel::sql_query("SELECT row_to_json(a)::text AS text FROM audit_events a")
        .load::<Text>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert!(handed_out.len() > 50, "the run handed out secrets to look for: {}", handed_out.len());
    for secret in handed_out {
        assert!(!log.contains(secret.as_str()), "the audit log holds a secret: {secret}");
    }
}
