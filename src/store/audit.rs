//! The audit log: appended, never changed (the table's triggers refuse it).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{audit_events, delegated_admin_relationships as relationships};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_role: String,
    pub actor_id: Option<Uuid>,
    pub actor_client_id: Option<String>,
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub tenant_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub source_ip: Option<String>,
    pub outcome: String,
    pub summary: String,
}

/// The smallest UUIDv7 of the millisecond `at` (ids of records made at or after it sort
/// at or after this one).
fn first_id_at(at: DateTime<Utc>) -> Uuid {
    let ms = u64::try_from(at.timestamp_millis()).unwrap_or(0).min((1 << 48) - 1);
    let mut bytes = [0u8; 16];
    bytes[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    bytes[6] = 0x70;
    bytes[8] = 0x80;
    Uuid::from_bytes(bytes)
}

pub fn append(conn: &mut PgConnection, row: &AuditRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(audit_events::table).values(row)).execute(conn).map(drop)
}

/// Whose records a caller reads.
#[derive(Debug, Clone, Copy)]
pub enum AuditScope {
    All,
    /// Its own actions, those naming it, and those on tenants it administers now.
    Partner {
        partner_id: Uuid,
        now: DateTime<Utc>,
    },
    Tenant(Uuid),
    /// Its own actions (a distributor's).
    Actor(Uuid),
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub tenant_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

pub fn list(
    conn: &mut PgConnection,
    scope: AuditScope,
    filter: &AuditFilter,
    page: super::Page,
) -> QueryResult<Vec<AuditRow>> {
    let mut query = audit_events::table
        .filter(audit_events::id.gt(page.after_id()))
        .order(audit_events::id)
        .limit(page.fetch())
        .select(AuditRow::as_select())
        .into_boxed();
    query = match scope {
        AuditScope::All => query,
        AuditScope::Tenant(t) => query.filter(audit_events::tenant_id.eq(t)),
        AuditScope::Actor(a) => query.filter(audit_events::actor_id.eq(a)),
        AuditScope::Partner { partner_id, now } => {
            let administered = relationships::table
                .filter(relationships::partner_id.eq(partner_id))
                .filter(relationships::status.eq(crate::domain::statuses::RelationshipStatus::Active))
                .filter(relationships::ends_at.gt(now).or(relationships::auto_extend))
                .select(relationships::tenant_id.nullable());
            query.filter(
                audit_events::actor_id
                    .eq(partner_id)
                    .or(audit_events::partner_id.eq(partner_id))
                    .or(audit_events::tenant_id.eq_any(administered))
                    .assume_not_null(),
            )
        }
    };
    if let Some(t) = filter.tenant_id {
        query = query.filter(audit_events::tenant_id.eq(t));
    }
    if let Some(p) = filter.partner_id {
        query = query.filter(audit_events::partner_id.eq(p).or(audit_events::actor_id.eq(p)).assume_not_null());
    }
    if let Some(a) = filter.actor_id {
        query = query.filter(audit_events::actor_id.eq(a));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_events::action.eq(action.clone()));
    }
    if let Some(since) = filter.since {
        // Ids are UUIDv7 drawn just after `at`: the id bound lets the primary key skip
        // everything older, however long the log.
        query = query.filter(audit_events::id.ge(first_id_at(since))).filter(audit_events::at.ge(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_events::at.lt(until));
    }
    query.load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_id_of_a_millisecond_sorts_before_every_later_one() {
        let at = Utc::now();
        let later = Uuid::now_v7();
        assert!(first_id_at(at) <= later);
        assert!(first_id_at(at + chrono::Duration::seconds(1)) > later);
        assert_eq!(first_id_at(at).get_version_num(), 7);
        assert_eq!(first_id_at(DateTime::<Utc>::MIN_UTC), first_id_at(DateTime::UNIX_EPOCH));
    }
}
