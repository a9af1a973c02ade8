//! Who may see which rows: the visibility scopes every query that reads tenant data filters
//! by (a leaf: it names tables in SQL, never another store module).

use chrono::{DateTime, Utc};
use diesel::{
    expression::{AppearsOnTable, Expression, SelectableExpression},
    pg::Pg,
    prelude::*,
    query_builder::{AstPass, QueryFragment, QueryId},
    sql_types::{Bool, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::domain::statuses::RelationshipStatus;

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
