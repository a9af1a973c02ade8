//! The product catalogue, supported markets and domain availability.

use actix_web::{HttpResponse, get, post, web};

use crate::views::catalogue::{Country, CountryList, CreateProduct, DomainAvailability, ProductView};
use crate::{
    app::catalogue, auth::Principal, authz, domain::countries, error::Error, http::problem::Problem, state::AppState,
};
use crate::{
    http::PROBLEM,
    http::extract::Json,
    http::responses::Forbidden,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// List the product catalogue
///
/// Every product keys can be minted for, with its SKU; anyone signed in may read it.
#[utoipa::path(
    tag = "catalogue",
    params(Pagination),
    responses(
        (status = 200, description = "One page of products", body = ListOf<ProductView>),
    ),
)]
#[get("/v1/products")]
pub async fn list_products(
    state: web::Data<AppState>,
    _principal: Principal,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<ProductView>>, Error> {
    let page = pagination.page()?;
    let rows = read(&state, move |conn, _| catalogue::list_products(conn, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |r| r.id, Into::into)))
}

/// Add a product to the catalogue
///
/// The operator adds a product; its SKU is unique (409 otherwise).
#[utoipa::path(
    tag = "catalogue",
    request_body = CreateProduct,
    responses(
        (status = 201, description = "Added", body = ProductView),
        (status = 403, response = Forbidden),
        (status = 409, description = "`sku-taken`", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/products")]
pub async fn create_product(
    state: web::Data<AppState>,
    principal: Principal,
    body: Json<CreateProduct>,
) -> Result<HttpResponse, Error> {
    authz::operator(&principal)?;
    let CreateProduct { sku, name } = body.0;
    let row = transaction(&state, move |conn, now| catalogue::create_product(conn, sku, name, now)).await?;
    Ok(HttpResponse::Created().json(ProductView::from(row)))
}

/// Supported markets
///
/// The countries a tenant can be created in. Embargoed countries are absent.
#[utoipa::path(
    tag = "catalogue",
    responses(
        (status = 200, description = "Every supported market, by code", body = CountryList),
    ),
)]
#[get("/v1/countries")]
pub async fn list_countries(_principal: Principal) -> web::Json<CountryList> {
    let data = countries::SUPPORTED
        .iter()
        .map(|(code, name)| Country { code: code.to_string(), name: name.to_string() })
        .collect();
    web::Json(CountryList { data })
}

/// Is a tenant domain prefix free?
///
/// Whether a tenant's initial domain prefix is free, before the account step asks for it (409
/// `domain-taken` there otherwise).
#[utoipa::path(
    tag = "catalogue",
    params(("name" = String, Path, description = "Domain prefix: lower-case letters, digits, hyphens; 3–63")),
    responses(
        (status = 200, description = "Whether a new tenant may take it", body = DomainAvailability),
        (status = 422, description = "`validation-failed`: not a valid prefix", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/domains/{name}")]
pub async fn domain(
    state: web::Data<AppState>,
    _principal: Principal,
    name: web::Path<String>,
) -> Result<web::Json<DomainAvailability>, Error> {
    let name = name.into_inner();
    let lookup = name.clone();
    let available = read(&state, move |conn, _| catalogue::domain_available(conn, &lookup)).await?;
    Ok(web::Json(DomainAvailability { name, available }))
}
