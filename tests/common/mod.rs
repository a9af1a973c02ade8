//! Test harness: a throw-away PostgreSQL cluster per test process (or the one named by
//! KEYPORT_TEST_DATABASE_URL), a fresh database per test cloned from a migrated template,
//! and the real HTTP server on a loopback port.

pub mod receiver;
pub mod schema;
pub use receiver::{Received, Receiver};

use std::{
    path::PathBuf,
    sync::{Mutex, OnceLock},
    time::Duration,
};

use actix_web::{HttpServer, web};
use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};
use keyport::{
    bootstrap,
    config::Settings,
    db::{
        self,
        embedded::{Durability, EmbeddedPostgres},
    },
    http::telemetry::Metrics,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

pub const OPERATOR_ID: &str = "test-operator";
pub const OPERATOR_SECRET: &str = "test-operator-secret-0123456789";
pub const PRODUCT_STANDARD: &str = "01900000-0000-7000-8000-000000000002";
pub const PRODUCT_BASIC: &str = "01900000-0000-7000-8000-000000000001";
const TEMPLATE: &str = "keyport_template";

/// The cluster tests run against: how to reach a database by name.
struct Cluster {
    url_for: Box<dyn Fn(&str) -> String + Send + Sync>,
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();
static EMBEDDED_DIR: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);
static CREATE_DATABASE: Mutex<()> = Mutex::new(());

extern "C" fn stop_embedded_cluster() {
    let Ok(guard) = EMBEDDED_DIR.lock() else { return };
    let Some((dir, pg_ctl)) = guard.as_ref() else { return };
    let pgdata = dir.join("pgdata");
    // SAFETY: geteuid has no preconditions.
    let mut command = if unsafe { libc::geteuid() } == 0 {
        let mut c = std::process::Command::new("runuser");
        c.args(["-u", "postgres", "--", pg_ctl]);
        c
    } else {
        std::process::Command::new(pg_ctl)
    };
    let _ = command
        .args(["-D", &pgdata.to_string_lossy(), "-m", "immediate", "-w", "stop"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let _ = std::fs::remove_dir_all(dir);
}

/// Replaces the database name in a URL (`postgres://…/name?…` or `… dbname=name …`).
fn with_database(url: &str, name: &str) -> String {
    if url.contains("dbname=") {
        return url
            .split_whitespace()
            .map(|part| if part.starts_with("dbname=") { format!("dbname={name}") } else { part.to_string() })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let (base, query) = url.split_once('?').map(|(b, q)| (b, Some(q))).unwrap_or((url, None));
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

fn cluster() -> &'static Cluster {
    CLUSTER.get_or_init(|| {
        let cluster = match std::env::var("KEYPORT_TEST_DATABASE_URL") {
            Ok(url) => Cluster { url_for: Box::new(move |name| with_database(&url, name)) },
            Err(_) => {
                let dir = std::env::temp_dir().join(format!("keyport-test-{}", std::process::id()));
                let _ = std::fs::remove_dir_all(&dir);
                let pg = EmbeddedPostgres::start(&dir, Durability::Throwaway).expect("start the test PostgreSQL");
                let pg_ctl = db::embedded::find_server_binaries().unwrap().join("pg_ctl");
                *EMBEDDED_DIR.lock().unwrap() = Some((dir, pg_ctl.to_string_lossy().into_owned()));
                // SAFETY: registers a plain extern "C" function to run at process exit.
                unsafe { libc::atexit(stop_embedded_cluster) };
                let base = pg.url_for("postgres");
                Cluster { url_for: Box::new(move |name| with_database(&base, name)) }
            }
        };
        let mut admin = PgConnection::establish(&(cluster.url_for)("postgres")).expect("connect to the test cluster");
        sql_query(format!("DROP DATABASE IF EXISTS {TEMPLATE}")).execute(&mut admin).unwrap();
        sql_query(format!("CREATE DATABASE {TEMPLATE}")).execute(&mut admin).unwrap();
        let mut template = PgConnection::establish(&(cluster.url_for)(TEMPLATE)).unwrap();
        db::migrate(&mut template).expect("migrate the template");
        cluster
    })
}

/// A new database cloned from the migrated template.
pub fn fresh_database() -> String {
    new_database(TEMPLATE)
}

/// A new database with no keyport tables yet, as a first deployment finds it.
pub fn empty_database() -> String {
    new_database("template0")
}

fn new_database(template: &str) -> String {
    let cluster = cluster();
    let name = format!("t_{}", uuid::Uuid::now_v7().simple());
    let _one_at_a_time = CREATE_DATABASE.lock().unwrap_or_else(|e| e.into_inner());
    let mut admin = PgConnection::establish(&(cluster.url_for)("postgres")).unwrap();
    sql_query(format!("CREATE DATABASE {name} TEMPLATE {template}")).execute(&mut admin).unwrap();
    (cluster.url_for)(&name)
}

/// Settings for a test server on `url`.
pub fn test_settings(url: &str) -> Settings {
    let mut settings = Settings::for_database(url);
    settings.db_pool_size = 8;
    settings.sandbox = true;
    // Test receivers listen on loopback.
    settings.webhook_allow_private = true;
    settings.bootstrap_operator_id = OPERATOR_ID.into();
    settings.bootstrap_operator_secret = Some(OPERATOR_SECRET.into());
    settings
}

/// A running keyport on its own database.
pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    pub database_url: String,
    pub operator: String,
    /// The in-process server this handle runs, if any (None for another process's).
    server: Option<actix_web::dev::ServerHandle>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stopping the server drops its pool, so finished tests hold no connections.
        if let Some(server) = &self.server {
            drop(server.stop(false));
        }
    }
}

pub async fn spawn() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let database_url = fresh_database();
    let mut settings = test_settings(&database_url);
    adjust(&mut settings);
    spawn_on(settings).await
}

/// Starts a server with exactly these settings (the database must exist).
pub async fn spawn_on(settings: Settings) -> TestApp {
    let database_url = settings.database_url.clone().unwrap();
    let app_database_url = database_url.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (state, _) = bootstrap::prepare(settings, &database_url).expect("prepare the app");
        let state = web::Data::new(state);
        let metrics = web::Data::new(Metrics::new());
        actix_web::rt::System::new().block_on(async move {
            // Imports are decided in the background, as in `keyport serve`.
            let interval = state.settings.import_interval;
            if !interval.is_zero() {
                actix_web::rt::spawn(keyport::jobs::user_imports::run_periodically(state.clone(), interval));
            }
            let server = HttpServer::new(move || keyport::build_app(state.clone(), metrics.clone()))
                .workers(2)
                .disable_signals()
                .bind(("127.0.0.1", 0))
                .expect("bind a loopback port");
            let addr = server.addrs()[0];
            let running = server.run();
            tx.send((addr, running.handle())).unwrap();
            let _ = running.await;
        });
    });
    let (addr, server) = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60)))
        .await
        .unwrap()
        .expect("the server starts");
    let http = reqwest::Client::builder().pool_max_idle_per_host(64).build().unwrap();
    let base = format!("http://{addr}");
    let mut app = TestApp { base, http, database_url: app_database_url, operator: String::new(), server: Some(server) };
    app.operator = app.client_token(OPERATOR_ID, OPERATOR_SECRET).await;
    app
}

/// A response: status, headers and the JSON body (Null when there is none).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Reply {
    /// The problem `code`, asserting the body is a problem document.
    pub fn code(&self) -> &str {
        let ct = self.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert_eq!(ct, "application/problem+json", "not a problem: {} {}", self.status, self.text);
        assert_eq!(self.body["status"], self.status.as_u16(), "{}", self.text);
        assert_eq!(self.body["type"], format!("/problems/{}", self.body["code"].as_str().unwrap()));
        self.body["code"].as_str().unwrap()
    }

    #[track_caller]
    pub fn expect(&self, status: u16) -> &Value {
        assert_eq!(self.status.as_u16(), status, "unexpected answer: {}", self.text);
        &self.body
    }

    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "unexpected answer: {}", self.text);
        assert_eq!(self.code(), code, "{}", self.text);
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn send(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Reply {
        let mut request = self.http.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let method = request.try_clone().and_then(|r| r.build().ok()).map(|r| r.method().clone());
        let reply = Self::reply(request.send().await.expect("the request is answered")).await;
        if let Some(method) = method {
            held_to_the_document(&method, path, &reply);
        }
        reply
    }

    pub async fn reply(response: reqwest::Response) -> Reply {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply { status, headers, body, text }
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.send(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.send(Method::POST, path, Some(token), Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Reply {
        self.send(Method::PATCH, path, Some(token), Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Reply {
        self.send(Method::DELETE, path, Some(token), None).await
    }

    /// An access token for an API client.
    pub async fn client_token(&self, client_id: &str, secret: &str) -> String {
        let reply = self
            .send(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(json!({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret})),
            )
            .await;
        reply.expect(200)["access_token"].as_str().unwrap().to_string()
    }

    /// Registers a partner (a reseller unless told otherwise) and signs in as its API client.
    pub async fn partner(&self, name: &str) -> Partner {
        self.partner_with(json!({
            "name": name,
            "reseller": {"distributor": "Northwind Distribution", "since": "2025-01-15"},
            "cloud_essentials": true
        }))
        .await
    }

    pub async fn partner_with(&self, body: Value) -> Partner {
        let partner = self.post("/v1/partners", &self.operator, body).await.expect(201).clone();
        let id = partner["id"].as_str().unwrap().to_string();
        let client = self.post(&format!("/v1/partners/{id}/api-clients"), &self.operator, json!({})).await;
        let client = client.expect(201);
        let token =
            self.client_token(client["client_id"].as_str().unwrap(), client["client_secret"].as_str().unwrap()).await;
        Partner { id, number: partner["partner_number"].as_str().unwrap().to_string(), token }
    }

    /// Mints `quantity` keys of a product for a partner; returns them in plain text.
    pub async fn mint(&self, partner: &Partner, product: &str, seats: i32, term: i32, quantity: i32) -> Vec<String> {
        let reply = self
            .post(
                "/v1/key-batches",
                &self.operator,
                json!({"product_id": product, "partner_id": partner.id, "seats_per_key": seats,
                       "term_months": term, "quantity": quantity}),
            )
            .await;
        reply.expect(201)["keys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
    }

    /// An open redemption of the partner's.
    pub async fn open_redemption(&self, partner: &Partner) -> String {
        let reply = self.post("/v1/redemptions", &partner.token, json!({"acknowledged": true})).await;
        reply.expect(201)["id"].as_str().unwrap().to_string()
    }

    /// A confirmed redemption holding `keys`.
    pub async fn confirmed_redemption(&self, partner: &Partner, keys: &[String]) -> String {
        let id = self.open_redemption(partner).await;
        for key in keys {
            self.post(&format!("/v1/redemptions/{id}/keys"), &partner.token, json!({"key": key})).await.expect(201);
        }
        self.post(&format!("/v1/redemptions/{id}/confirm"), &partner.token, json!({})).await.expect(200);
        id
    }

    /// The whole wizard: a new tenant with one subscription, its admin not yet activated.
    pub async fn customer(&self, partner: &Partner, domain: &str, email: &str) -> NewCustomer {
        let keys = self.mint(partner, PRODUCT_STANDARD, 10, 12, 1).await;
        let id = self.confirmed_redemption(partner, &keys).await;
        let reply =
            self.post(&format!("/v1/redemptions/{id}/account"), &partner.token, account_body(domain, email)).await;
        let body = reply.expect(201).clone();
        let text = |pointer: &str| body.pointer(pointer).and_then(Value::as_str).unwrap().to_string();
        NewCustomer {
            tenant: text("/tenant/id"),
            subscription: text("/subscriptions/0/id"),
            admin_id: text("/admin_user/id"),
            activation_token: text("/activation_token"),
            body,
        }
    }

    /// Activates and signs in a customer user; returns (access token, refresh token).
    pub async fn sign_in(&self, email: &str, activation_token: &str) -> (String, String) {
        let password = "correct horse battery staple";
        self.send(
            Method::POST,
            "/v1/auth/activate",
            None,
            Some(json!({"activation_token": activation_token, "password": password})),
        )
        .await
        .expect(200);
        let reply = self
            .send(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(json!({"grant_type": "password", "username": email, "password": password})),
            )
            .await;
        let body = reply.expect(200);
        (body["access_token"].as_str().unwrap().to_string(), body["refresh_token"].as_str().unwrap().to_string())
    }
}

pub fn account_body(domain: &str, email: &str) -> Value {
    json!({
        "country": "GR",
        "company_name": "Fabrikam Ltd",
        "domain": domain,
        "admin": {"first_name": "Maria", "last_name": "Papadopoulou", "email": email}
    })
}

/// A partner and its API token.
#[derive(Debug, Clone)]
pub struct Partner {
    pub id: String,
    pub number: String,
    pub token: String,
}

impl TestApp {
    /// `post` with owned arguments, for firing many requests at once.
    pub async fn post_owned(&self, path: String, token: String, body: Value) -> Reply {
        self.post(&path, &token, body).await
    }
}

/// A customer tenant made through the wizard, its admin not yet activated.
#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub tenant: String,
    pub subscription: String,
    pub admin_id: String,
    pub activation_token: String,
    /// The whole 201 answer.
    pub body: Value,
}

/// A customer tenant made through the wizard, with its admin signed in.
#[derive(Debug, Clone)]
pub struct Customer {
    pub tenant: String,
    pub subscription: String,
    pub admin_id: String,
    pub admin: String,
}

impl TestApp {
    /// A tenant with one subscription (`seats` seats of Business Standard) and its admin's token.
    pub async fn tenant_with_seats(&self, partner: &Partner, domain: &str, seats: i32) -> Customer {
        let keys = self.mint(partner, PRODUCT_STANDARD, seats, 12, 1).await;
        let id = self.confirmed_redemption(partner, &keys).await;
        let email = format!("admin@{domain}.example");
        let reply =
            self.post(&format!("/v1/redemptions/{id}/account"), &partner.token, account_body(domain, &email)).await;
        let account = reply.expect(201).clone();
        let (admin, _) = self.sign_in(&email, account["activation_token"].as_str().unwrap()).await;
        Customer {
            tenant: account["tenant"]["id"].as_str().unwrap().to_string(),
            subscription: account["subscriptions"][0]["id"].as_str().unwrap().to_string(),
            admin_id: account["admin_user"]["id"].as_str().unwrap().to_string(),
            admin,
        }
    }

    /// Adds a user to a tenant; returns (user id, activation token).
    pub async fn add_user(&self, token: &str, tenant: &str, email: &str, extra: Value) -> (String, String) {
        let mut body = json!({"email": email, "first_name": "Nikos", "last_name": "Georgiou"});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let reply = self.post(&format!("/v1/tenants/{tenant}/users"), token, body).await;
        let created = reply.expect(201);
        (created["user"]["id"].as_str().unwrap().to_string(), created["activation_token"].as_str().unwrap().to_string())
    }

    /// The tenant admin names `partner` partner of record on a subscription.
    pub async fn name_partner_of_record(&self, customer: &Customer, subscription: &str, partner: &Partner) {
        self.send(
            Method::PUT,
            &format!("/v1/subscriptions/{subscription}/partner-of-record"),
            Some(&customer.admin),
            Some(json!({"partner_number": partner.number})),
        )
        .await
        .expect(200);
    }

    /// Offer by `partner` (default roles), accepted by the tenant admin; returns the
    /// relationship id.
    pub async fn delegate(&self, customer: &Customer, partner: &Partner) -> String {
        self.delegate_with(customer, partner, json!({})).await
    }

    /// Offer by `partner` with `extra` fields (`roles`, `auto_extend`, …), accepted by the
    /// tenant admin; returns the relationship id.
    pub async fn delegate_with(&self, customer: &Customer, partner: &Partner, extra: Value) -> String {
        let mut body = json!({"tenant_id": customer.tenant, "message": "Let us help"});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        let offer = self.post("/v1/delegated-admin-offers", &partner.token, body).await;
        let offer_id = offer.expect(201)["id"].as_str().unwrap().to_string();
        let accepted =
            self.post(&format!("/v1/delegated-admin-offers/{offer_id}/accept"), &customer.admin, json!({})).await;
        accepted.expect(201)["id"].as_str().unwrap().to_string()
    }

    pub async fn put(&self, path: &str, token: &str, body: Option<Value>) -> Reply {
        self.send(Method::PUT, path, Some(token), body).await
    }

    /// The events in an inbox, oldest first.
    pub async fn events(&self, token: &str) -> Vec<String> {
        let reply = self.get("/v1/notifications?limit=200", token).await;
        reply.expect(200)["data"].as_array().unwrap().iter().map(|n| n["event"].as_str().unwrap().to_string()).collect()
    }
}

pub type Instant = chrono::DateTime<chrono::Utc>;

pub fn instant(value: &Value) -> Instant {
    chrono::DateTime::parse_from_rfc3339(value.as_str().expect("a time")).expect("RFC 3339").to_utc()
}

impl TestApp {
    /// The sandbox clock's "now".
    pub async fn now(&self) -> Instant {
        instant(&self.get("/v1/sandbox/clock", &self.operator).await.expect(200)["now"])
    }

    /// Moves the sandbox clock forward to just past `target` (within the hour after it).
    pub async fn advance_to(&self, target: Instant) -> Instant {
        let gap = target - self.now().await;
        assert!(gap > chrono::Duration::zero(), "the clock only moves forward");
        let hours = (gap.num_seconds() + 3599) / 3600;
        let body = json!({"days": hours / 24, "hours": hours % 24});
        instant(&self.post("/v1/sandbox/clock/advance", &self.operator, body).await.expect(200)["now"])
    }

    /// Runs the sweeper now; returns its report.
    pub async fn sweep(&self) -> Value {
        self.post("/v1/jobs/sweep", &self.operator, json!({})).await.expect(200).clone()
    }

    /// Notifications in an inbox, oldest first (all of them).
    pub async fn inbox(&self, token: &str) -> Vec<Value> {
        let reply = self.get("/v1/notifications?limit=200", token).await;
        reply.expect(200)["data"].as_array().unwrap().clone()
    }
}

impl TestApp {
    /// A handle on a keyport already running at `base` (another process), with an operator
    /// token. The server is not stopped by this handle.
    pub async fn attach(base: &str, database_url: &str) -> TestApp {
        let mut app = TestApp {
            base: base.to_string(),
            http: reqwest::Client::new(),
            database_url: database_url.to_string(),
            operator: String::new(),
            server: None,
        };
        app.operator = app.client_token(OPERATOR_ID, OPERATOR_SECRET).await;
        app
    }
}

/// A `keyport serve` child process on a loopback port, killed when dropped.
pub struct Instance {
    pub child: std::process::Child,
    pub base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts `keyport serve` on `database_url` (sandbox mode, the test operator, a 1 s sweep)
/// with `extra` environment settings, and waits until it is ready.
pub async fn serve(database_url: &str, extra: &[(&str, &str)]) -> Instance {
    let port = free_port();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_keyport"));
    command
        .arg("serve")
        .env("KEYPORT_DATABASE_URL", database_url)
        .env("KEYPORT_BIND", format!("127.0.0.1:{port}"))
        .env("KEYPORT_SANDBOX", "true")
        .env("KEYPORT_SWEEP_INTERVAL", "1s")
        .env("KEYPORT_WEBHOOK_ALLOW_PRIVATE", "true")
        .env("KEYPORT_WORKERS", "2")
        .env("KEYPORT_DB_POOL_SIZE", "6")
        .env("KEYPORT_BOOTSTRAP_OPERATOR_ID", OPERATOR_ID)
        .env("KEYPORT_BOOTSTRAP_OPERATOR_SECRET", OPERATOR_SECRET)
        .env("KEYPORT_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    for (name, value) in extra {
        command.env(name, value);
    }
    let mut instance =
        Instance { child: command.spawn().expect("start keyport serve"), base: format!("http://127.0.0.1:{port}") };
    let http = reqwest::Client::new();
    for _ in 0..300 {
        if http.get(format!("{}/readyz", instance.base)).send().await.is_ok_and(|r| r.status() == 200) {
            return instance;
        }
        if let Ok(Some(status)) = instance.child.try_wait() {
            panic!("keyport serve exited with {status}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("keyport serve did not become ready on {}", instance.base);
}

/// Every problem a test meets must be one its operation documents: its status, and its
/// code in that status's enum. So the published codes cannot fall behind the code's error
/// paths that the tests reach.
#[track_caller]
pub fn held_to_the_document(method: &Method, path: &str, reply: &Reply) {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let problem = reply.headers.get("content-type").is_some_and(|v| v == "application/problem+json");
    let Some(code) = reply.body["code"].as_str().filter(|_| problem) else { return };
    if code == "internal" {
        return; // a 500 fails the test on its own
    }
    let doc = DOC.get_or_init(|| serde_json::to_value(keyport::openapi()).unwrap());
    let path = path.split('?').next().unwrap();
    let given: Vec<&str> = path.split('/').collect();
    // The template that matches with the most literal segments (`/partners/me` over `/partners/{id}`).
    let template = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|t| {
            let parts: Vec<&str> = t.split('/').collect();
            parts.len() == given.len() && parts.iter().zip(&given).all(|(t, g)| t.starts_with('{') || t == g)
        })
        .max_by_key(|t| t.split('/').filter(|p| !p.starts_with('{')).count());
    let Some(template) = template else { return }; // no such route: nothing documented
    let method = method.as_str().to_lowercase();
    if doc["paths"][template].get(&method).is_none() {
        return;
    }
    let status = reply.status.as_u16();
    let codes = keyport::http::problems::documented(doc, &method, template, status)
        .unwrap_or_else(|| panic!("{method} {template} answered {status}, which it does not document: {}", reply.text));
    assert!(
        codes.iter().any(|c| c == code),
        "{method} {template} answered {status} `{code}`, which it does not document (it lists {codes:?})"
    );
}

/// A distributor and its API token.
#[derive(Debug, Clone)]
pub struct Distributor {
    pub id: String,
    pub token: String,
}

/// A batch minted into a distributor's stock.
#[derive(Debug, Clone)]
pub struct Stock {
    pub batch: String,
    pub first_serial: String,
    pub last_serial: String,
    /// The cards' keys, in serial order.
    pub keys: Vec<String>,
}

impl Stock {
    /// The serial of the `i`th card of the batch (from 0).
    pub fn serial(&self, i: u64) -> String {
        format!("{:012}", self.first_serial.parse::<u64>().unwrap() + i)
    }
}

impl TestApp {
    /// Registers an authorised distributor and signs in as its API client.
    pub async fn distributor(&self, name: &str) -> Distributor {
        let created = self.post("/v1/distributors", &self.operator, json!({"name": name})).await.expect(201).clone();
        let id = created["id"].as_str().unwrap().to_string();
        let client = self.post(&format!("/v1/distributors/{id}/api-clients"), &self.operator, json!({})).await;
        let client = client.expect(201);
        let token =
            self.client_token(client["client_id"].as_str().unwrap(), client["client_secret"].as_str().unwrap()).await;
        Distributor { id, token }
    }

    /// The distributor invites the partner and the partner accepts; returns the
    /// relationship id.
    pub async fn relate(&self, distributor: &Distributor, partner: &Partner) -> String {
        let invited = self
            .post("/v1/reseller-relationships", &distributor.token, json!({"partner_number": partner.number}))
            .await;
        let id = invited.expect(201)["id"].as_str().unwrap().to_string();
        self.post(&format!("/v1/reseller-relationships/{id}/accept"), &partner.token, json!({})).await.expect(200);
        id
    }

    /// The operator mints `quantity` cards of a product (1 seat, 12 months) into the
    /// distributor's stock.
    pub async fn stock(&self, distributor: &Distributor, product: &str, quantity: i32) -> Stock {
        let body = json!({"product_id": product, "distributor_id": distributor.id, "seats_per_key": 1,
                          "term_months": 12, "quantity": quantity});
        let batch = self.post("/v1/key-batches", &self.operator, body).await.expect(201).clone();
        let text = |field: &str| batch[field].as_str().unwrap().to_string();
        Stock {
            batch: text("id"),
            first_serial: text("first_serial"),
            last_serial: text("last_serial"),
            keys: batch["keys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect(),
        }
    }
}
