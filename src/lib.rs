//! keyport: partners redeem prepaid product keys into customer tenants and subscriptions.

pub mod api;
pub mod app;
pub mod audit;
pub mod auth;
pub mod authz;
pub mod bootstrap;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod http;
pub mod jobs;
pub mod limits;
pub mod metrics;
pub mod outbound;
pub mod state;
pub mod store;
pub mod views;

use actix_web::{
    App, HttpRequest,
    body::MessageBody,
    dev::{ServiceFactory, ServiceRequest, ServiceResponse},
    middleware::from_fn,
    web,
};
use http::security::Schemes as SignInSchemes;
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, service_config::ServiceConfig};
use utoipa_swagger_ui::{Config as SwaggerConfig, SwaggerUi};

use crate::{error::Error, http::telemetry::Metrics, state::AppState};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "keyport",
        description = "Partners redeem prepaid product keys into customer tenants and subscriptions.\n\n\
            Errors are RFC 9457 `application/problem+json` documents whose `code` is stable; \
            lists are keyset-paginated with `limit` and `after`; every response carries `X-Request-Id`.\n\n\
            **Versions.** This document describes API version `2026-12-06` (`info.version`). A request \
            names the version it speaks in `Keyport-Version`; without it, the version its API client is \
            pinned to (`api_version`, set when the client is made and moved with `PATCH …/api-clients/{client_id}`), \
            else the current one. Every answer names its version in `Keyport-Version`; one given in a version \
            with a sunset date also carries `Deprecation`, `Sunset` and a `Link` to `/changelog`. \
            `GET /v1/versions` lists the versions and what changed in each.",
        // Set from `domain::versions::CURRENT` by `with_contract`.
        version = "2026-12-06",
        contact(name = "keyport"),
    ),
    servers((url = "/", description = "The keyport that serves this document")),
    modifiers(&SignInSchemes),
    components(
        schemas(http::problem::Problem, error::FieldError, views::webhooks::WebhookEvent, views::webhooks::WebhookEventData),
        responses(
            http::responses::MalformedBody,
            http::responses::Unauthorized,
            http::responses::Forbidden,
            http::responses::NotFound,
            http::responses::PayloadTooLarge,
            http::responses::NotJson,
            http::responses::ValidationFailed,
            http::responses::Unavailable,
        ),
    ),
    tags(
        (name = "auth", description = "Tokens, activation and signing keys"),
        (name = "partners", description = "Partners, their programme status and API clients"),
        (name = "distributors", description = "Authorised distributors: their API clients, stock and low-stock alerts"),
        (name = "reseller relationships", description = "Which partners resell which distributor's cards"),
        (name = "distribution", description = "Key cards between distributors and resellers: allocations, orders, returns, revocations"),
        (name = "catalogue", description = "Products, markets and domain names"),
        (name = "keys", description = "Key batches and product keys"),
        (name = "redemptions", description = "The redemption wizard: from product keys to a customer account"),
        (name = "tenants", description = "Customer tenants"),
        (name = "users", description = "A tenant's users and their licences"),
        (name = "subscriptions", description = "Subscriptions, their seats and partner of record"),
        (name = "delegated administration", description = "Offers to administer a tenant, and the relationships they become"),
        (name = "notifications", description = "The inbox of a partner or of a tenant's administrators"),
        (name = "webhooks", description = "Signed HTTP deliveries of what reaches an inbox"),
        (name = "access", description = "Who is signed in, and what it may use now"),
        (name = "audit", description = "Who changed what, signed in, or swept, from where"),
        (name = "versions", description = "Dated API versions: which this service speaks, and when older ones end"),
        (name = "operations", description = "Health, readiness, metrics and jobs"),
        (name = "sandbox", description = "The sandbox clock (only with KEYPORT_SANDBOX=true)"),
    ),
)]
struct ApiDoc;

/// Every operation of the API, in groups by the first segments of their paths (see
/// `http::routes`: a request is tried only against its group's routes). Every route must be
/// in the group of its path's prefix; order matters where paths overlap (`/me` before `/{id}`).
fn routes(cfg: &mut ServiceConfig) {
    use api::*;
    use http::routes::under;
    use utoipa_actix_web::scope;
    cfg.service(
        scope("")
            .guard(under("/v1/auth"))
            .service(auth::token)
            .service(auth::revoke)
            .service(auth::activate)
            .service(auth::change_password),
    )
    .service(auth::jwks)
    .service(auth::metadata)
    .service(versions::list)
    .service(
        scope("")
            .guard(under("/v1/partners"))
            .service(partners::create)
            .service(partners::list)
            .service(partners::me)
            .service(partners::get_one)
            .service(partners::update)
            .service(partners::create_client)
            .service(partners::list_clients)
            .service(partners::update_client)
            .service(partners::revoke_client)
            .service(partners::rotate_client_secret)
            .service(stock::partner_stock),
    )
    .service(
        scope("")
            .guard(under("/v1/distributors"))
            .service(distributors::create)
            .service(distributors::list)
            .service(distributors::me)
            .service(distributors::get_one)
            .service(distributors::update)
            .service(distributors::create_client)
            .service(distributors::list_clients)
            .service(distributors::update_client)
            .service(distributors::revoke_client)
            .service(distributors::rotate_client_secret)
            .service(distributors::stock_report)
            .service(distributors::put_alert),
    )
    .service(
        scope("")
            .guard(under("/v1/reseller-relationships"))
            .service(resellers::invite)
            .service(resellers::list)
            .service(resellers::get_one)
            .service(resellers::accept)
            .service(resellers::decline)
            .service(resellers::end),
    )
    .service(
        scope("")
            .guard(under("/v1/allocations"))
            .service(stock::allocate)
            .service(stock::list_allocations)
            .service(stock::get_allocation),
    )
    .service(stock::return_keys)
    .service(stock::list_returns)
    .service(stock::revoke_keys)
    .service(
        scope("")
            .guard(under("/v1/key-orders"))
            .service(orders::place_order)
            .service(orders::list_orders)
            .service(orders::get_order)
            .service(orders::reject_order)
            .service(orders::cancel_order),
    )
    .service(catalogue::list_products)
    .service(catalogue::create_product)
    .service(catalogue::list_countries)
    .service(scope("").guard(under("/v1/domains")).service(catalogue::domain))
    .service(
        scope("")
            .guard(under("/v1/key-batches"))
            .service(keys::create_batch)
            .service(keys::list_batches)
            .service(keys::get_batch),
    )
    .service(
        scope("")
            .guard(under("/v1/keys"))
            .service(keys::list_keys)
            .service(keys::validate_key)
            .service(keys::revoke_key)
            .service(stock::movements),
    )
    .service(
        scope("")
            .guard(under("/v1/redemptions"))
            .service(redemptions::create)
            .service(redemptions::list)
            .service(redemptions::get_one)
            .service(redemptions::cancel)
            .service(redemptions::add_key)
            .service(redemptions::remove_key)
            .service(redemptions::confirm)
            .service(redemptions::create_account),
    )
    .service(redemptions::sign_up)
    .service(
        scope("")
            .guard(under("/v1/tenants"))
            .service(redemptions::redeem_into_tenant)
            .service(tenants::list)
            .service(tenants::get_one)
            .service(tenants::update)
            .service(users::create)
            .service(users::list)
            .service(users::get_one)
            .service(users::update)
            .service(users::remove)
            .service(users::assign)
            .service(users::free)
            .service(users::reissue_activation)
            .service(user_imports::create_user_import)
            .service(user_imports::get_user_import)
            .service(access::user_entitlements),
    )
    .service(access::me)
    .service(access::my_entitlements)
    .service(
        scope("")
            .guard(under("/v1/subscriptions"))
            .service(subscriptions::list)
            .service(subscriptions::get_one)
            .service(subscriptions::set_partner_of_record)
            .service(subscriptions::remove_partner_of_record)
            .service(subscriptions::add_seats)
            .service(subscriptions::update)
            .service(subscriptions::cancel)
            .service(renewals::renew)
            .service(renewals::list_renewals),
    )
    .service(
        scope("")
            .guard(under("/v1/delegated-admin-offers"))
            .service(delegation::create_offer)
            .service(delegation::list_offers)
            .service(delegation::get_offer)
            .service(delegation::accept_offer)
            .service(delegation::decline_offer)
            .service(delegation::revoke_offer),
    )
    .service(
        scope("")
            .guard(under("/v1/delegated-admin-relationships"))
            .service(delegation::list_relationships)
            .service(delegation::get_relationship)
            .service(delegation::terminate_relationship)
            .service(delegation::update_relationship),
    )
    .service(scope("").guard(under("/v1/notifications")).service(notifications::list).service(notifications::mark_read))
    .service(
        scope("")
            .guard(under("/v1/webhook-endpoints"))
            .service(webhooks::register)
            .service(webhooks::list)
            .service(webhooks::get)
            .service(webhooks::update)
            .service(webhooks::remove)
            .service(webhooks::rotate_secret)
            .service(webhooks::test)
            .service(webhooks::deliveries)
            .service(webhooks::redeliver),
    )
    .service(audit::list)
    .service(jobs::sweep)
    .service(jobs::deliver_webhooks)
    .service(sandbox::clock)
    .service(sandbox::advance)
    .service(ops::healthz)
    .service(ops::readyz)
    .service(ops::metrics);
}

/// The document as the code makes it, before the finer rewrites of [`refined`].
pub(crate) fn document() -> utoipa::openapi::OpenApi {
    let (_, doc) = App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(routes).split_for_parts();
    with_contract(doc)
}

/// The published OpenAPI document.
pub fn openapi() -> serde_json::Value {
    refined(&document())
}

/// The document for code generators: the same but for the 3.1 `webhooks` section, which
/// generators turn into calls to paths that do not exist (`POST /ping` on the API's host).
/// The event payloads stay in `components` for receivers.
pub fn openapi_for_generators() -> serde_json::Value {
    let mut doc = openapi();
    doc.as_object_mut().expect("the document is an object").remove("webhooks");
    doc
}

/// Adds what the routes share (idempotency, rate limits) once every route is known.
fn with_contract(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    doc.info.version = domain::versions::CURRENT.as_str().to_string();
    http::contract::SharedAnswers.modify(&mut doc);
    http::contract::IntegrationContract.modify(&mut doc);
    http::contract::Webhooks.modify(&mut doc);
    doc
}

/// The document as published: the finer rewrites, made on it as JSON (each operation's
/// problem codes, the formats of constrained strings, an example for every answer, links
/// from what creates a resource to what acts on it).
fn refined(doc: &utoipa::openapi::OpenApi) -> serde_json::Value {
    let mut json = serde_json::to_value(doc).expect("the document serialises");
    http::problems::refine(&mut json);
    http::formats::apply(&mut json);
    http::examples::add(&mut json);
    http::links::add(&mut json);
    http::security::offer_flows(&mut json);
    json
}

/// Swagger UI at `/docs`: each request's time shown, and nothing fetched
/// from elsewhere (no online validator badge), so it works offline.
fn swagger_ui() -> SwaggerConfig<'static> {
    SwaggerConfig::new(["/openapi.json"]).display_request_duration(true).validator_url("none")
}

/// Anything no route matched.
async fn no_route(req: HttpRequest) -> Result<actix_web::HttpResponse, Error> {
    Err(Error::new(error::Code::NotFound, format!("No operation {} {}.", req.method(), req.path())))
}

/// The metrics listener (`KEYPORT_METRICS_BIND`): `GET /metrics` without a token, nothing else.
pub fn metrics_app(
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .app_data(metrics)
        .route("/metrics", web::get().to(api::ops::metrics_for_scraper))
        .default_service(web::to(no_route))
        .wrap(from_fn(http::headers::harden))
}

/// The document as published in the repository, which a test holds to what [`openapi`]
/// makes from the code: served as it is, so no worker builds and keeps a JSON copy of its
/// own (the document is large, and the memory each build took stayed with its worker).
static PUBLISHED_JSON: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/keyport.json"));

/// `GET /openapi.json`: the published document.
async fn published_document() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().content_type("application/json").body(PUBLISHED_JSON)
}

/// Its copy for code generators, as published in the repository too.
static GENERATORS_JSON: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/keyport.generators.json"));

/// `GET /openapi.generators.json`: the document without `webhooks` ([`openapi_for_generators`]).
async fn generators_document() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().content_type("application/json").body(GENERATORS_JSON)
}

/// What changed in each version, as kept in the repository (`Link` of deprecated versions' answers).
static CHANGELOG: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/CHANGELOG.md"));

/// `GET /changelog`: the changelog, Markdown.
async fn changelog() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().content_type("text/markdown; charset=utf-8").body(CHANGELOG)
}

/// The application: routes, documentation, extractor error handling and middleware.
pub fn build_app(
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, doc) = App::new().into_utoipa_app().openapi(ApiDoc::openapi()).configure(routes).split_for_parts();
    http::routes::install(|| with_contract(doc));
    app.app_data(state)
        .app_data(metrics)
        .app_data(web::PathConfig::default().error_handler(http::extract::path_error))
        .app_data(web::QueryConfig::default().error_handler(http::extract::query_error))
        .route("/openapi.json", web::get().to(published_document))
        .route("/openapi.generators.json", web::get().to(generators_document))
        .route(http::versions::CHANGELOG_PATH, web::get().to(changelog))
        // The banner and the README say /docs: the UI lives under /docs/.
        .service(web::redirect("/docs", "/docs/").permanent())
        .service(SwaggerUi::new("/docs/{_:.*}").config(swagger_ui()))
        .default_service(web::to(no_route))
        .wrap(from_fn(http::audit::scope))
        .wrap(from_fn(http::idempotency::guard))
        .wrap(from_fn(http::extract::refuse_nul_in_url))
        .wrap(from_fn(http::versions::negotiate))
        .wrap(from_fn(http::telemetry::observe))
        .wrap(from_fn(http::headers::harden))
}
