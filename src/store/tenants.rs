//! Customer tenants and who may see them.

use chrono::{DateTime, Utc};
use diesel::{dsl::exists, prelude::*};
use uuid::Uuid;

use super::scopes::{PartnerSees, TenantScope};

use crate::{db::schema::tenants, domain::statuses::TenantStatus};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tenants)]
pub struct TenantRow {
    pub id: Uuid,
    pub company_name: String,
    pub country: String,
    /// None once the tenant's data is deleted (the domain is free again).
    pub domain: Option<String>,
    pub status: TenantStatus,
    /// None for a tenant a customer created itself with a retail key.
    pub created_by_partner_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// The unique constraint on the domain prefix.
pub const DOMAIN_KEY: &str = "tenants_domain_key";

/// Inserts a tenant (a taken domain fails with [`DOMAIN_KEY`]).
pub fn insert(conn: &mut PgConnection, row: &TenantRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(tenants::table).values(row)).execute(conn).map(|_| ())
}

pub fn domain_taken(conn: &mut PgConnection, domain: &str) -> QueryResult<bool> {
    diesel::select(exists(tenants::table.filter(tenants::domain.eq(domain)))).get_result(conn)
}

fn scoped(scope: TenantScope) -> tenants::BoxedQuery<'static, diesel::pg::Pg> {
    let query = tenants::table.into_boxed();
    match scope {
        TenantScope::All => query,
        TenantScope::Tenant(id) => query.filter(tenants::id.eq(id)),
        TenantScope::Partner { partner_id, now } => query.filter(PartnerSees::tenant("tenants.id", partner_id, now)),
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

pub fn set_company_name(conn: &mut PgConnection, id: Uuid, company_name: &str) -> QueryResult<TenantRow> {
    super::Prepared(
        diesel::update(tenants::table.find(id))
            .set(tenants::company_name.eq(company_name))
            .returning(TenantRow::as_returning()),
    )
    .get_result(conn)
}

/// The tenant's status, locked (`FOR KEY SHARE`) until the transaction ends: a change to a
/// tenant takes this first, so a purge (which locks the row `FOR UPDATE`) waits for it, or
/// it for the purge and then sees `data_deleted`.
pub fn lock_for_change(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<TenantStatus>> {
    tenants::table.find(id).select(tenants::status).for_key_share().first(conn).optional()
}

/// The tenant's status, locked `FOR UPDATE` for its purge (see [`lock_for_change`]).
pub fn lock_for_purge(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<TenantStatus>> {
    tenants::table.find(id).select(tenants::status).for_update().first(conn).optional()
}

/// Marks a purged tenant: its name and domain cleared, its status `data_deleted`.
pub fn mark_data_deleted(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<()> {
    super::Prepared(diesel::update(tenants::table.find(id)).set((
        tenants::status.eq(TenantStatus::DataDeleted),
        tenants::data_deleted_at.eq(now),
        tenants::company_name.eq(DELETED_NAME),
        tenants::domain.eq(None::<String>),
    )))
    .execute(conn)
    .map(|_| ())
}

/// What a purged tenant is called.
pub const DELETED_NAME: &str = "(deleted)";
