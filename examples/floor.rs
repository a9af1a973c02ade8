//! The floor of the stack, built only for `bench/` (`cargo build --release --example
//! floor`): the smallest actix-web service that answers keyport's read — the same store
//! call, the same SQL and the same JSON as `GET /v1/subscriptions/{id}` for a partner — with
//! no authentication, authorisation, middleware, logging or metrics, in either execution
//! mode: `block` runs the query on the blocking pool (`web::block`, as keyport does),
//! `inline` on the HTTP worker itself. The pool never tests a connection on checkout.
//!
//! Settings (environment): FLOOR_DATABASE_URL, FLOOR_BIND (127.0.0.1:PORT), FLOOR_PARTNER
//! (the partner the read is for), FLOOR_MODE (block | inline), FLOOR_WORKERS, FLOOR_POOL.

use std::env;

use actix_web::{App, HttpResponse, HttpServer, web};
use diesel::{
    PgConnection,
    r2d2::{ConnectionManager, Pool},
};
use keyport::{
    domain::lifecycle::Periods,
    store::{scopes::TenantScope, subscriptions},
    views::subscriptions::SubscriptionView,
};
use uuid::Uuid;

struct Floor {
    pool: Pool<ConnectionManager<PgConnection>>,
    partner: Uuid,
    inline: bool,
}

/// keyport's defaults (30 days of grace, 120 of retention), so the JSON is the same.
const PERIODS: Periods = Periods { grace_days: 30, retention_days: 120 };

/// The subscription as keyport shows it to the partner, or the status that says why not.
fn view(floor: &Floor, id: Uuid) -> Result<SubscriptionView, u16> {
    let mut conn = floor.pool.get().map_err(|_| 503u16)?;
    let now = chrono::Utc::now();
    match subscriptions::get(&mut conn, id, TenantScope::Partner { partner_id: floor.partner, now }) {
        Ok(Some(record)) => Ok(SubscriptionView::new(record, now, PERIODS)),
        Ok(None) => Err(404),
        Err(_) => Err(500),
    }
}

async fn read(floor: web::Data<Floor>, id: web::Path<Uuid>) -> HttpResponse {
    let id = id.into_inner();
    let found =
        if floor.inline { view(&floor, id) } else { web::block(move || view(&floor, id)).await.unwrap_or(Err(500)) };
    match found {
        Ok(view) => HttpResponse::Ok().json(view),
        Err(status) => HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap_or_default()).finish(),
    }
}

fn setting(name: &str) -> String {
    env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let pool_size: u32 = setting("FLOOR_POOL").parse().expect("FLOOR_POOL is a number");
    let workers: usize = setting("FLOOR_WORKERS").parse().expect("FLOOR_WORKERS is a number");
    let manager = ConnectionManager::<PgConnection>::new(setting("FLOOR_DATABASE_URL"));
    let pool = Pool::builder()
        .max_size(pool_size)
        .min_idle(Some(pool_size))
        .test_on_check_out(false)
        .build(manager)
        .expect("the database answers");
    let floor = web::Data::new(Floor {
        pool,
        partner: setting("FLOOR_PARTNER").parse().expect("FLOOR_PARTNER is a UUID"),
        inline: match setting("FLOOR_MODE").as_str() {
            "inline" => true,
            "block" => false,
            other => panic!("FLOOR_MODE is block or inline, not {other}"),
        },
    });
    HttpServer::new(move || App::new().app_data(floor.clone()).route("/v1/subscriptions/{id}", web::get().to(read)))
        .workers(workers)
        .bind(setting("FLOOR_BIND"))?
        .run()
        .await
}
