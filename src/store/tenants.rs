//! Customer tenants and who may see them.

use chrono::{DateTime, Utc};
use diesel::{
    dsl::exists,
    expression::{AppearsOnTable, Expression, SelectableExpression},
    pg::Pg,
    prelude::*,
    query_builder::{AstPass, QueryFragment, QueryId},
    sql_types::{Bool, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::{
    db::schema::tenants,
    domain::statuses::{OfferStatus, RelationshipStatus, TenantStatus},
};

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

/// Which tenants a caller can see.
#[derive(Debug, Clone, Copy)]
pub enum TenantScope {
    All,
    /// Created by the partner, with the partner as partner of record on a subscription, or
    /// with an active delegated-admin relationship at `now`.
    Partner {
        partner_id: Uuid,
        now: DateTime<Utc>,
    },
    Tenant(Uuid),
}

/// "The partner sees the tenant whose id is in `column`" (SPEC §4): it created the tenant,
/// is partner of record on one of its subscriptions, or has an active delegated-admin
/// relationship with it at `now`. One condition for every query that scopes by tenant,
/// whatever table it reads. Correlated `EXISTS` probes are what make a single-row read
/// cheap, and diesel's DSL cannot correlate a subquery, so this is a fragment of fixed SQL
/// (per column) with bound values: prepared once per connection and cached, unlike `sql()`.
#[derive(Debug, Clone, Copy)]
pub struct PartnerSees {
    column: &'static str,
    partner: Uuid,
    now: DateTime<Utc>,
}

impl PartnerSees {
    /// `column` names the tenant id of the rows being filtered, e.g. `"subscriptions.tenant_id"`.
    pub fn tenant(column: &'static str, partner: Uuid, now: DateTime<Utc>) -> Self {
        Self { column, partner, now }
    }
}

impl Expression for PartnerSees {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for PartnerSees {}

impl<QS> SelectableExpression<QS> for PartnerSees {}

impl diesel::expression::ValidGrouping<()> for PartnerSees {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl QueryId for PartnerSees {
    type QueryId = ();
    // The SQL depends on the column: statements are cached by their text instead.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl QueryFragment<Pg> for PartnerSees {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("EXISTS (SELECT 1 FROM tenants vt WHERE vt.id = ");
        out.push_sql(self.column);
        out.push_sql(" AND (vt.created_by_partner_id = ");
        out.push_bind_param::<SqlUuid, _>(&self.partner)?;
        out.push_sql(
            " OR EXISTS (SELECT 1 FROM subscriptions vs WHERE vs.tenant_id = vt.id AND vs.partner_of_record_id = ",
        );
        out.push_bind_param::<SqlUuid, _>(&self.partner)?;
        out.push_sql(") OR EXISTS (SELECT 1 FROM delegated_admin_relationships vr WHERE vr.tenant_id = vt.id AND vr.partner_id = ");
        out.push_bind_param::<SqlUuid, _>(&self.partner)?;
        out.push_sql(" AND vr.status = ");
        out.push_bind_param::<Text, _>(&RelationshipStatus::Active)?;
        out.push_sql(" AND (vr.ends_at > ");
        out.push_bind_param::<Timestamptz, _>(&self.now)?;
        // One that extends itself stays live at its end (see RelationshipRow::is_active).
        out.push_sql(" OR vr.auto_extend))))");
        Ok(())
    }
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

/// Purges a tenant's data (SPEC §8): its users (with their licences and tokens, which the
/// database revokes), its inbox, its delegated-admin relationships, pending offers and user
/// imports go; its name and domain are cleared. Its subscriptions, keys and renewals stay
/// for the partner's records. Returns false when it was purged before.
pub fn purge(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<bool> {
    use crate::db::schema::{delegated_admin_offers as offers, delegated_admin_relationships as relationships};
    use crate::db::schema::{notifications, relationship_notices, users};
    let status: Option<TenantStatus> =
        tenants::table.find(id).select(tenants::status).for_update().first(conn).optional()?;
    if status != Some(TenantStatus::Active) {
        return Ok(false);
    }
    let pending = offers::table.filter(offers::tenant_id.eq(id)).filter(offers::status.eq(OfferStatus::Pending));
    diesel::update(notifications::table.filter(notifications::offer_id.eq_any(pending.select(offers::id.nullable()))))
        .set(notifications::offer_id.eq(None::<Uuid>))
        .execute(conn)?;
    diesel::delete(pending).execute(conn)?;
    let tenant_relationships = relationships::table.filter(relationships::tenant_id.eq(id));
    diesel::delete(
        relationship_notices::table
            .filter(relationship_notices::relationship_id.eq_any(tenant_relationships.select(relationships::id))),
    )
    .execute(conn)?;
    diesel::delete(tenant_relationships).execute(conn)?;
    diesel::delete(notifications::table.filter(notifications::recipient_tenant_id.eq(id))).execute(conn)?;
    super::webhooks::delete_tenant_endpoints(conn, id)?;
    super::user_imports::delete_of_tenant(conn, id)?;
    diesel::delete(users::table.filter(users::tenant_id.eq(id))).execute(conn)?;
    super::Prepared(diesel::update(tenants::table.find(id)).set((
        tenants::status.eq(TenantStatus::DataDeleted),
        tenants::data_deleted_at.eq(now),
        tenants::company_name.eq(DELETED_NAME),
        tenants::domain.eq(None::<String>),
    )))
    .execute(conn)?;
    Ok(true)
}

/// What a purged tenant is called.
pub const DELETED_NAME: &str = "(deleted)";
