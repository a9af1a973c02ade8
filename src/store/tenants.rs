//! Customer tenants and who may see them.

use chrono::{DateTime, Utc};
use diesel::{dsl::exists, prelude::*};
use uuid::Uuid;

use crate::db::schema::{subscriptions, tenants};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tenants)]
pub struct TenantRow {
    pub id: Uuid,
    pub company_name: String,
    pub country: String,
    pub domain: String,
    pub status: String,
    pub created_by_partner_id: Uuid,
    pub created_at: DateTime<Utc>,
}

/// Which tenants a caller can see.
#[derive(Debug, Clone, Copy)]
pub enum TenantScope {
    All,
    /// Created by the partner, or with the partner as partner of record on a subscription.
    Partner(Uuid),
    Tenant(Uuid),
}

/// The unique constraint on the domain prefix.
pub const DOMAIN_KEY: &str = "tenants_domain_key";

/// Inserts a tenant (a taken domain fails with [`DOMAIN_KEY`]).
pub fn insert(conn: &mut PgConnection, row: &TenantRow) -> QueryResult<()> {
    diesel::insert_into(tenants::table).values(row).execute(conn).map(|_| ())
}

pub fn domain_taken(conn: &mut PgConnection, domain: &str) -> QueryResult<bool> {
    diesel::select(exists(tenants::table.filter(tenants::domain.eq(domain)))).get_result(conn)
}

fn scoped(scope: TenantScope) -> tenants::BoxedQuery<'static, diesel::pg::Pg> {
    let query = tenants::table.into_boxed();
    match scope {
        TenantScope::All => query,
        TenantScope::Tenant(id) => query.filter(tenants::id.eq(id)),
        TenantScope::Partner(partner) => query.filter(
            tenants::created_by_partner_id.eq(partner).or(exists(
                subscriptions::table
                    .filter(subscriptions::tenant_id.eq(tenants::id))
                    .filter(subscriptions::partner_of_record_id.eq(partner)),
            )),
        ),
    }
}

/// The tenant, when it is within the scope.
pub fn get(conn: &mut PgConnection, id: Uuid, scope: TenantScope) -> QueryResult<Option<TenantRow>> {
    scoped(scope).filter(tenants::id.eq(id)).select(TenantRow::as_select()).first(conn).optional()
}

pub fn list(conn: &mut PgConnection, scope: TenantScope, page: super::Page) -> QueryResult<Vec<TenantRow>> {
    scoped(scope)
        .filter(tenants::id.gt(page.after_id()))
        .order(tenants::id)
        .limit(page.fetch())
        .select(TenantRow::as_select())
        .load(conn)
}
