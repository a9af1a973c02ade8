//! The catalogue: products, and whether a domain prefix is free.

use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    domain::tenant_domain,
    error::{Code, Error},
    store::{
        Page,
        products::{self, ProductRow},
        tenants,
    },
};

pub fn list_products(conn: &mut PgConnection, page: Page) -> Result<Vec<ProductRow>, Error> {
    Ok(products::list(conn, page)?)
}

/// Adds a product; its SKU is unique (409 `sku-taken`).
pub fn create_product(
    conn: &mut PgConnection,
    sku: String,
    name: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ProductRow, Error> {
    let row = ProductRow { id: Uuid::now_v7(), sku, name, created_at: now };
    products::insert(conn, &row)?
        .ok_or_else(|| Error::new(Code::SkuTaken, format!("A product with SKU {} exists.", row.sku)))
}

/// Whether a new tenant may take `name` (422 when it is no valid prefix).
pub fn domain_available(conn: &mut PgConnection, name: &str) -> Result<bool, Error> {
    if let Some(problem) = tenant_domain::domain_problem(name) {
        return Err(Error::invalid("name", problem));
    }
    Ok(!tenants::domain_taken(conn, name)?)
}

/// The supported market for `code`, or the problem that says why not.
pub fn supported_country(code: &str) -> Result<String, Error> {
    use crate::domain::countries;
    if !crate::domain::formats::COUNTRY.matches(code) {
        return Err(Error::invalid("country", crate::domain::formats::COUNTRY.message));
    }
    if countries::supported_market(code).is_some() {
        return Ok(code.to_string());
    }
    let name = countries::embargoed_name(code).unwrap_or(code);
    Err(Error::new(Code::CountryNotSupported, format!("The service is not available in {name}.")))
}
