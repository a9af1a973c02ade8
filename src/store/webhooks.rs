//! Webhook endpoints and their deliveries.

use chrono::{DateTime, Utc};
use diesel::{prelude::*, sql_types::Timestamptz};
use uuid::Uuid;

use super::notifications::NotificationRow;
use crate::db::schema::{webhook_deliveries, webhook_endpoints};
use crate::domain::versions::ApiVersion;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    pub id: Uuid,
    pub owner_partner_id: Option<Uuid>,
    pub owner_tenant_id: Option<Uuid>,
    pub url: String,
    pub events: Vec<Option<String>>,
    pub description: Option<String>,
    pub enabled: bool,
    pub secret_sealed: Vec<u8>,
    pub previous_secret_sealed: Option<Vec<u8>>,
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub failing_since: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub owner_distributor_id: Option<Uuid>,
    /// The version its deliveries are rendered in.
    pub api_version: ApiVersion,
}

impl EndpointRow {
    /// Whether it takes `event` from the inbox `notification` went to.
    pub fn takes(&self, notification: &NotificationRow) -> bool {
        let owner = match (self.owner_partner_id, self.owner_tenant_id, self.owner_distributor_id) {
            (Some(p), ..) => notification.recipient_partner_id == Some(p),
            (_, Some(t), _) => notification.recipient_tenant_id == Some(t),
            (.., Some(d)) => notification.recipient_distributor_id == Some(d),
            (None, None, None) => true,
        };
        owner && self.events.iter().any(|e| e.as_deref() == Some(notification.event.as_str()))
    }
}

/// Whose endpoints a caller sees.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    All,
    Partner(Uuid),
    Tenant(Uuid),
    Distributor(Uuid),
}

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: Uuid,
    pub endpoint_id: Uuid,
    pub event_id: Uuid,
    pub event_type: String,
    pub payload: serde_json::Value,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub leased_until: Option<DateTime<Utc>>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const FAILED: &str = "failed";

impl DeliveryRow {
    /// A delivery due now of `payload` to `endpoint`.
    pub fn new(
        endpoint: Uuid,
        event_id: Uuid,
        event_type: &str,
        payload: serde_json::Value,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: Uuid::now_v7(),
            endpoint_id: endpoint,
            event_id,
            event_type: event_type.to_string(),
            payload,
            status: PENDING.to_string(),
            attempts: 0,
            next_attempt_at: Some(now),
            leased_until: None,
            last_attempt_at: None,
            last_status_code: None,
            last_error: None,
            created_at: now,
        }
    }
}

/// The enabled endpoints that may take one of these fresh notifications: their owners'
/// (the inboxes they went to) and the operator's.
pub fn endpoints_for(conn: &mut PgConnection, fresh: &[NotificationRow]) -> QueryResult<Vec<EndpointRow>> {
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let partners: Vec<Uuid> = fresh.iter().filter_map(|n| n.recipient_partner_id).collect();
    let tenants: Vec<Uuid> = fresh.iter().filter_map(|n| n.recipient_tenant_id).collect();
    let distributors: Vec<Uuid> = fresh.iter().filter_map(|n| n.recipient_distributor_id).collect();
    super::Prepared(
        webhook_endpoints::table
            .filter(webhook_endpoints::enabled)
            .filter(
                webhook_endpoints::owner_partner_id
                    .eq_any(partners)
                    .or(webhook_endpoints::owner_tenant_id.eq_any(tenants))
                    .or(webhook_endpoints::owner_distributor_id.eq_any(distributors))
                    .or(webhook_endpoints::owner_partner_id
                        .is_null()
                        .and(webhook_endpoints::owner_tenant_id.is_null())
                        .and(webhook_endpoints::owner_distributor_id.is_null())),
            )
            .select(EndpointRow::as_select()),
    )
    .load(conn)
}

/// Stores deliveries (one per endpoint and event: a second one is a no-op).
pub fn insert_deliveries(conn: &mut PgConnection, rows: &[DeliveryRow]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let mut inserted = 0;
    for chunk in rows.chunks(super::ROWS_PER_INSERT) {
        inserted +=
            diesel::insert_into(webhook_deliveries::table).values(chunk).on_conflict_do_nothing().execute(conn)?;
    }
    Ok(inserted)
}

/// Takes the owner's lock for this transaction: registrations of one owner one at a time.
pub fn lock_owner(conn: &mut PgConnection, owner: Owner) -> QueryResult<()> {
    let name = match owner {
        Owner::All => "webhooks:operator".to_string(),
        Owner::Partner(p) => format!("webhooks:partner:{p}"),
        Owner::Tenant(t) => format!("webhooks:tenant:{t}"),
        Owner::Distributor(d) => format!("webhooks:distributor:{d}"),
    };
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1)::bigint)")
        .bind::<diesel::sql_types::Text, _>(name)
        .execute(conn)
        .map(drop)
}

/// How many endpoints the owner has (the operator: its own).
pub fn count_owned(conn: &mut PgConnection, owner: Owner) -> QueryResult<i64> {
    let query = webhook_endpoints::table.count().into_boxed();
    match owner {
        Owner::All => query.filter(
            webhook_endpoints::owner_partner_id
                .is_null()
                .and(webhook_endpoints::owner_tenant_id.is_null())
                .and(webhook_endpoints::owner_distributor_id.is_null()),
        ),
        Owner::Partner(p) => query.filter(webhook_endpoints::owner_partner_id.eq(p)),
        Owner::Tenant(t) => query.filter(webhook_endpoints::owner_tenant_id.eq(t)),
        Owner::Distributor(d) => query.filter(webhook_endpoints::owner_distributor_id.eq(d)),
    }
    .get_result(conn)
}

pub fn insert_endpoint(conn: &mut PgConnection, row: &EndpointRow) -> QueryResult<()> {
    diesel::insert_into(webhook_endpoints::table).values(row).execute(conn).map(drop)
}

fn owned_by(
    owner: Owner,
) -> Box<dyn BoxableExpression<webhook_endpoints::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool>> {
    match owner {
        Owner::All => Box::new(diesel::dsl::sql::<diesel::sql_types::Bool>("TRUE")),
        Owner::Partner(p) => Box::new(webhook_endpoints::owner_partner_id.eq(p).assume_not_null()),
        Owner::Tenant(t) => Box::new(webhook_endpoints::owner_tenant_id.eq(t).assume_not_null()),
        Owner::Distributor(d) => Box::new(webhook_endpoints::owner_distributor_id.eq(d).assume_not_null()),
    }
}

pub fn list_endpoints(conn: &mut PgConnection, owner: Owner, page: super::Page) -> QueryResult<Vec<EndpointRow>> {
    webhook_endpoints::table
        .filter(owned_by(owner))
        .filter(webhook_endpoints::id.gt(page.after_id()))
        .order(webhook_endpoints::id)
        .limit(page.fetch())
        .select(EndpointRow::as_select())
        .load(conn)
}

/// The endpoint, locked for a change, when `owner` sees it.
pub fn lock_endpoint(conn: &mut PgConnection, id: Uuid, owner: Owner) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::id.eq(id))
        .filter(owned_by(owner))
        .select(EndpointRow::as_select())
        .for_update()
        .first(conn)
        .optional()
}

pub fn get_endpoint(conn: &mut PgConnection, id: Uuid, owner: Owner) -> QueryResult<Option<EndpointRow>> {
    webhook_endpoints::table
        .filter(webhook_endpoints::id.eq(id))
        .filter(owned_by(owner))
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()
}

/// Writes the endpoint's changeable fields back.
pub fn save_endpoint(conn: &mut PgConnection, row: &EndpointRow) -> QueryResult<()> {
    diesel::update(webhook_endpoints::table.find(row.id))
        .set((
            webhook_endpoints::url.eq(&row.url),
            webhook_endpoints::events.eq(&row.events),
            webhook_endpoints::description.eq(&row.description),
            webhook_endpoints::enabled.eq(row.enabled),
            webhook_endpoints::secret_sealed.eq(&row.secret_sealed),
            webhook_endpoints::previous_secret_sealed.eq(&row.previous_secret_sealed),
            webhook_endpoints::previous_secret_expires_at.eq(row.previous_secret_expires_at),
            webhook_endpoints::failing_since.eq(row.failing_since),
            webhook_endpoints::updated_at.eq(row.updated_at),
            webhook_endpoints::api_version.eq(row.api_version),
        ))
        .execute(conn)
        .map(drop)
}

pub fn delete_endpoint(conn: &mut PgConnection, id: Uuid) -> QueryResult<()> {
    diesel::delete(webhook_endpoints::table.find(id)).execute(conn).map(drop)
}

/// A tenant's endpoints go with its data.
pub fn delete_tenant_endpoints(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<usize> {
    diesel::delete(webhook_endpoints::table.filter(webhook_endpoints::owner_tenant_id.eq(tenant_id))).execute(conn)
}

pub fn insert_delivery(conn: &mut PgConnection, row: &DeliveryRow) -> QueryResult<()> {
    diesel::insert_into(webhook_deliveries::table).values(row).execute(conn).map(drop)
}

pub fn list_deliveries(conn: &mut PgConnection, endpoint_id: Uuid, page: super::Page) -> QueryResult<Vec<DeliveryRow>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .filter(webhook_deliveries::id.gt(page.after_id()))
        .order(webhook_deliveries::id)
        .limit(page.fetch())
        .select(DeliveryRow::as_select())
        .load(conn)
}

/// Makes a delivery of the endpoint due again now.
pub fn redeliver(
    conn: &mut PgConnection,
    endpoint_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<Option<DeliveryRow>> {
    diesel::update(webhook_deliveries::table)
        .filter(webhook_deliveries::id.eq(id))
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        // The lease stays: a delivery being sent right now is not claimed twice; its
        // worker records the outcome, and a failure is tried again now.
        .set((webhook_deliveries::status.eq(PENDING), webhook_deliveries::next_attempt_at.eq(now)))
        .returning(DeliveryRow::as_returning())
        .get_result(conn)
        .optional()
}

/// A claimed delivery and the endpoint it goes to.
pub type Claimed = (DeliveryRow, EndpointRow);

/// Claims up to `limit` deliveries due at `now` (business time) for enabled endpoints,
/// each held by this worker until `lease_until` (real time): `FOR UPDATE SKIP LOCKED`, so
/// racing workers on any instance never claim the same one. The attempt is counted here,
/// so one cut short by a crash still counts.
pub fn claim_due(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    real_now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> QueryResult<Vec<Claimed>> {
    let claimed: Vec<DeliveryRow> = diesel::sql_query(
        "UPDATE webhook_deliveries d SET leased_until = $3, attempts = d.attempts + 1 \
         WHERE d.id IN (SELECT w.id FROM webhook_deliveries w \
                        JOIN webhook_endpoints e ON e.id = w.endpoint_id AND e.enabled \
                        WHERE w.status = 'pending' AND w.next_attempt_at <= $1 \
                          AND (w.leased_until IS NULL OR w.leased_until < $2) \
                        ORDER BY w.next_attempt_at LIMIT $4 FOR UPDATE OF w SKIP LOCKED) \
         RETURNING d.*",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<Timestamptz, _>(real_now)
    .bind::<Timestamptz, _>(lease_until)
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .load(conn)?;
    if claimed.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = claimed.iter().map(|d| d.endpoint_id).collect();
    let endpoints: Vec<EndpointRow> = webhook_endpoints::table
        .filter(webhook_endpoints::id.eq_any(ids))
        .select(EndpointRow::as_select())
        .load(conn)?;
    Ok(claimed
        .into_iter()
        .filter_map(|d| endpoints.iter().find(|e| e.id == d.endpoint_id).cloned().map(|e| (d, e)))
        .collect())
}

/// What one attempt came to.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub status: &'static str,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub at: DateTime<Utc>,
}

/// Records an attempt of a delivery this worker still holds, and the endpoint's health: a
/// success ends its failing streak, a failure starts one. `None` when the lease was lost
/// meanwhile (another worker holds the delivery now; this attempt's outcome is dropped);
/// else the endpoint's `failing_since` afterwards. The endpoint is locked first, as every
/// change of an endpoint and its deliveries does, so they cannot deadlock.
pub fn record_attempt(
    conn: &mut PgConnection,
    delivery: &DeliveryRow,
    attempt: &Attempt,
) -> QueryResult<Option<Option<DateTime<Utc>>>> {
    let endpoint: Option<Uuid> = webhook_endpoints::table
        .find(delivery.endpoint_id)
        .select(webhook_endpoints::id)
        .for_update()
        .first(conn)
        .optional()?;
    if endpoint.is_none() {
        return Ok(None); // deleted meanwhile, its deliveries with it
    }
    let updated = diesel::update(webhook_deliveries::table.find(delivery.id))
        .filter(webhook_deliveries::status.eq(PENDING))
        .filter(webhook_deliveries::leased_until.nullable().eq(delivery.leased_until))
        .set((
            webhook_deliveries::status.eq(attempt.status),
            webhook_deliveries::next_attempt_at.eq(attempt.next_attempt_at),
            webhook_deliveries::leased_until.eq(None::<DateTime<Utc>>),
            webhook_deliveries::last_attempt_at.eq(attempt.at),
            webhook_deliveries::last_status_code.eq(attempt.status_code),
            webhook_deliveries::last_error.eq(&attempt.error),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Ok(None);
    }
    #[derive(QueryableByName)]
    struct Health {
        #[diesel(sql_type = diesel::sql_types::Nullable<Timestamptz>)]
        failing_since: Option<DateTime<Utc>>,
    }
    let query = diesel::sql_query(
        "UPDATE webhook_endpoints SET failing_since = CASE WHEN $2 THEN NULL ELSE COALESCE(failing_since, $3) END \
         WHERE id = $1 RETURNING failing_since",
    )
    .bind::<diesel::sql_types::Uuid, _>(delivery.endpoint_id)
    .bind::<diesel::sql_types::Bool, _>(attempt.status == DELIVERED)
    .bind::<Timestamptz, _>(attempt.at);
    let health: Option<Health> = query.get_result(conn).optional()?;
    Ok(Some(health.and_then(|h| h.failing_since)))
}

/// Turns an endpoint off (it kept failing); `true` when it was on.
pub fn disable(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<bool> {
    diesel::update(webhook_endpoints::table.find(id))
        .filter(webhook_endpoints::enabled)
        .set((webhook_endpoints::enabled.eq(false), webhook_endpoints::updated_at.eq(now)))
        .execute(conn)
        .map(|n| n == 1)
}

/// How many `ping` deliveries wait for the endpoint.
pub fn pending_pings(conn: &mut PgConnection, endpoint_id: Uuid) -> QueryResult<i64> {
    webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
        .filter(webhook_deliveries::event_type.eq("ping"))
        .filter(webhook_deliveries::status.eq(PENDING))
        .count()
        .get_result(conn)
}
