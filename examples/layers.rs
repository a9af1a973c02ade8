//! What each of keyport's layers costs its read, built only for `bench/` (`cargo build
//! --release --example layers`). In one process, on one thread, without the network:
//! keyport's whole application (`build_app`, reads inline) answering `GET
//! /v1/subscriptions/{id}` for a partner against the bare stack answering it with the same
//! store call and view, round by round; then the layers one by one — the token check, the
//! metrics, routing and middleware (keyport's application against its handler alone on a
//! route without the database), the request log line, the view. Prints one line of JSON:
//! microseconds per request.
//!
//! Settings (environment): LAYERS_DATABASE_URL, LAYERS_TOKEN (a partner's access token),
//! LAYERS_SUBSCRIPTION (one the partner may read), LAYERS_LOG (the log file), LAYERS_ROUNDS.

use std::{env, hint::black_box, time::Instant};

use actix_web::{
    App, FromRequest, HttpResponse,
    http::{StatusCode, header::AUTHORIZATION},
    test::{self, TestRequest},
    web,
};
use keyport::{
    auth::Principal,
    config::{Execution, Settings},
    http::telemetry::Metrics,
    state::AppState,
    store::{scopes::TenantScope, subscriptions},
    views::subscriptions::SubscriptionView,
};
use uuid::Uuid;

fn setting(name: &str) -> String {
    env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

/// The bare read: keyport's store call and view, nothing else (as `examples/floor.rs`).
async fn bare_read(state: web::Data<AppState>, id: web::Path<Uuid>, partner: web::Data<Uuid>) -> HttpResponse {
    let mut conn = state.pool.get().expect("a connection");
    let now = chrono::Utc::now();
    let scope = TenantScope::Partner { partner_id: **partner, now };
    match subscriptions::get(&mut conn, *id, scope) {
        Ok(Some(record)) => HttpResponse::Ok().json(SubscriptionView::new(record, now, state.settings.periods())),
        _ => HttpResponse::NotFound().finish(),
    }
}

/// Microseconds per round of `work`, after as many rounds to warm up.
macro_rules! per_round {
    ($rounds:expr, $work:expr) => {{
        for _ in 0..$rounds {
            black_box($work);
        }
        let started = Instant::now();
        for _ in 0..$rounds {
            black_box($work);
        }
        started.elapsed().as_secs_f64() * 1e6 / $rounds as f64
    }};
}

#[actix_web::main]
async fn main() {
    let url = setting("LAYERS_DATABASE_URL");
    let token = setting("LAYERS_TOKEN");
    let subscription: Uuid = setting("LAYERS_SUBSCRIPTION").parse().expect("a UUID");
    let rounds: u32 = env::var("LAYERS_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(20_000);
    let mut settings = Settings::for_database(&url);
    settings.execution = Execution::Inline;
    settings.db_pool_size = 2;
    let (state, _) = keyport::bootstrap::prepare(settings, &url).expect("keyport's state");
    let state = web::Data::new(state);
    let metrics = web::Data::new(Metrics::new());
    let bearer = format!("Bearer {token}");
    let path = format!("/v1/subscriptions/{subscription}");
    let claims = state.tokens.verify(&token).expect("a valid token");
    let partner = claims.partner_id.expect("a partner's token");

    let keyport = test::init_service(keyport::build_app(state.clone(), metrics.clone())).await;
    let bare = test::init_service(
        App::new()
            .app_data(state.clone())
            .app_data(web::Data::new(partner))
            .route("/v1/subscriptions/{id}", web::get().to(bare_read)),
    )
    .await;
    let read = |authorised: bool| {
        let request = TestRequest::get().uri(&path);
        if authorised { request.insert_header((AUTHORIZATION, bearer.as_str())) } else { request }.to_request()
    };
    // The reads, alternated round by round so that drift in the database's latency falls on both.
    let (mut bare_read_s, mut keyport_read_s) = (0.0, 0.0);
    for round in 0..2 * rounds {
        let started = Instant::now();
        let answer = test::call_service(&bare, read(false)).await;
        assert_eq!(answer.status(), StatusCode::OK);
        black_box(test::read_body(answer).await);
        let bare_s = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let answer = test::call_service(&keyport, read(true)).await;
        assert_eq!(answer.status(), StatusCode::OK);
        black_box(test::read_body(answer).await);
        if round >= rounds {
            (bare_read_s, keyport_read_s) = (bare_read_s + bare_s, keyport_read_s + started.elapsed().as_secs_f64());
        }
    }
    let (bare_us, keyport_us) = (bare_read_s * 1e6 / rounds as f64, keyport_read_s * 1e6 / rounds as f64);

    // Routing and middleware without the database: `GET /v1/versions` (no token, a fixed
    // answer) through keyport's application, and its handler alone in a bare one.
    let versions = test::init_service(App::new().service(keyport::api::versions::list)).await;
    macro_rules! static_answer {
        ($app:expr) => {{
            let answer = test::call_service($app, TestRequest::get().uri("/v1/versions").to_request()).await;
            assert_eq!(answer.status(), StatusCode::OK);
            test::read_body(answer).await
        }};
    }
    let handler_us = per_round!(rounds, static_answer!(&versions));
    let quiet_us = per_round!(rounds, static_answer!(&keyport));
    // The request log as `keyport serve` writes it: formatted here, written by a thread of its own.
    let log = std::fs::File::create(setting("LAYERS_LOG")).expect("the log file");
    let (writer, _flush) = tracing_appender::non_blocking(log);
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("info,actix_server=warn"))
        .with_writer(writer)
        .with_ansi(false)
        .finish();
    let logged_us = {
        let _logging = tracing::subscriber::set_default(subscriber);
        per_round!(rounds, static_answer!(&keyport))
    };

    let authentication_us = per_round!(rounds, {
        let request = TestRequest::get().uri(&path).insert_header((AUTHORIZATION, bearer.as_str()));
        let request = request.app_data(state.clone()).to_http_request();
        Principal::extract(&request).await.expect("a principal")
    });
    let metrics_us = per_round!(rounds, {
        metrics.record("GET", "/v1/subscriptions/{id}", StatusCode::OK, std::time::Duration::from_micros(900))
    });
    let record = {
        let mut conn = state.pool.get().expect("a connection");
        let scope = TenantScope::Partner { partner_id: partner, now: chrono::Utc::now() };
        subscriptions::get(&mut conn, subscription, scope).expect("the read").expect("the subscription")
    };
    let view_us = per_round!(rounds, {
        let view = SubscriptionView::new(record.clone(), chrono::Utc::now(), state.settings.periods());
        serde_json::to_vec(&view).expect("JSON")
    });
    let figures = serde_json::json!({
        "rounds": rounds,
        "bare": bare_us,
        "keyport": keyport_us,
        "authentication": authentication_us,
        "logging": logged_us - quiet_us,
        "metrics": metrics_us,
        "middleware": quiet_us - handler_us - metrics_us,
        "view": view_us,
    });
    println!("{figures}");
}
