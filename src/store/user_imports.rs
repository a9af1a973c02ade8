//! Bulk user imports: the import, its rows and their outcomes, and the set-wise writes a
//! batch of rows makes (one statement per table, whatever the batch's size).

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, Bool, Bytea, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use uuid::Uuid;

use crate::db::schema::{
    activation_tokens, license_assignments, products, subscriptions, user_import_rows, user_imports, users,
};

use super::{subscriptions::SubscriptionRow, users::UserRow};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = user_imports)]
pub struct ImportRecord {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub importer: String,
    pub rows_total: i32,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub failures: i32,
    pub retry_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = user_import_rows)]
pub struct RowRecord {
    pub import_id: Uuid,
    pub line: i32,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub admin: bool,
    pub license_skus: Vec<Option<String>>,
    pub outcome: Option<String>,
    pub code: Option<String>,
    pub detail: Option<String>,
    pub user_id: Option<Uuid>,
    pub activation_token_sealed: Option<Vec<u8>>,
}

/// Rows per multi-row INSERT (11 binds each, far below PostgreSQL's 65 535).
const INSERT_CHUNK: usize = 1000;

/// Writes an import and all its rows.
/// An import as answered: the import, its rows, and the activation tokens (by line) the
/// caller reads now and never again.
pub struct ImportState {
    pub import: ImportRecord,
    pub rows: Vec<RowRecord>,
    pub tokens: Vec<(i32, String)>,
}

pub fn insert(conn: &mut PgConnection, import: &ImportRecord, rows: &[RowRecord]) -> QueryResult<()> {
    diesel::insert_into(user_imports::table).values(import).execute(conn)?;
    for chunk in rows.chunks(INSERT_CHUNK) {
        diesel::insert_into(user_import_rows::table).values(chunk).execute(conn)?;
    }
    Ok(())
}

pub fn get(conn: &mut PgConnection, tenant_id: Uuid, id: Uuid) -> QueryResult<Option<ImportRecord>> {
    user_imports::table
        .find(id)
        .filter(user_imports::tenant_id.eq(tenant_id))
        .select(ImportRecord::as_select())
        .first(conn)
        .optional()
}

/// An import's rows in line order.
pub fn rows(conn: &mut PgConnection, id: Uuid) -> QueryResult<Vec<RowRecord>> {
    user_import_rows::table
        .filter(user_import_rows::import_id.eq(id))
        .order(user_import_rows::line)
        .select(RowRecord::as_select())
        .load(conn)
}

/// Hands the importer the sealed activation tokens it has not read yet (of users who are
/// administrators *now* only with `admins`), forgetting them.
pub fn take_tokens(conn: &mut PgConnection, id: Uuid, admins: bool) -> QueryResult<Vec<(i32, Vec<u8>)>> {
    let taken: Vec<(i32, Option<Vec<u8>>)> = diesel::sql_query(
        "UPDATE user_import_rows r SET activation_token_sealed = NULL \
         FROM (SELECT x.line, x.activation_token_sealed FROM user_import_rows x \
               WHERE x.import_id = $1 AND x.activation_token_sealed IS NOT NULL \
                 AND ($2 OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.user_id AND u.admin)) \
               FOR UPDATE OF x) old \
         WHERE r.import_id = $1 AND r.line = old.line \
         RETURNING old.line, old.activation_token_sealed",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Bool, _>(admins)
    .load::<TakenToken>(conn)?
    .into_iter()
    .map(|t| (t.line, t.activation_token_sealed))
    .collect();
    Ok(taken.into_iter().filter_map(|(line, sealed)| Some((line, sealed?))).collect())
}

#[derive(QueryableByName)]
struct TakenToken {
    #[diesel(sql_type = Integer)]
    line: i32,
    #[diesel(sql_type = Nullable<Bytea>)]
    activation_token_sealed: Option<Vec<u8>>,
}

/// The oldest unfinished import (or `only` that one) that is not waiting out a failure at
/// `real_now` and whose tenant takes changes, claimed for this transaction: the import row
/// `FOR UPDATE`, its tenant `FOR KEY SHARE` (as every change to a tenant), both `SKIP
/// LOCKED` so a worker never waits for another worker or for a purge holding the tenant.
pub fn claim(
    conn: &mut PgConnection,
    only: Option<Uuid>,
    real_now: DateTime<Utc>,
) -> QueryResult<Option<ImportRecord>> {
    diesel::sql_query(
        "SELECT i.id, i.tenant_id, i.importer, i.rows_total, i.created_at, i.started_at, i.completed_at, \
                i.failures, i.retry_at \
         FROM user_imports i JOIN tenants t ON t.id = i.tenant_id \
         WHERE i.completed_at IS NULL AND (i.retry_at IS NULL OR i.retry_at <= $2) AND t.status = 'active' \
           AND ($1::uuid IS NULL OR i.id = $1) \
         ORDER BY i.created_at, i.id LIMIT 1 \
         FOR UPDATE OF i SKIP LOCKED FOR KEY SHARE OF t SKIP LOCKED",
    )
    .bind::<Nullable<SqlUuid>, _>(only)
    .bind::<Timestamptz, _>(real_now)
    .get_result::<ClaimedImport>(conn)
    .optional()
    .map(|c| c.map(ClaimedImport::into_record))
}

#[derive(QueryableByName)]
struct ClaimedImport {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    tenant_id: Uuid,
    #[diesel(sql_type = Text)]
    importer: String,
    #[diesel(sql_type = Integer)]
    rows_total: i32,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    started_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    completed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Integer)]
    failures: i32,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    retry_at: Option<DateTime<Utc>>,
}

impl ClaimedImport {
    fn into_record(self) -> ImportRecord {
        let Self { id, tenant_id, importer, rows_total, created_at, started_at, completed_at, failures, retry_at } =
            self;
        ImportRecord { id, tenant_id, importer, rows_total, created_at, started_at, completed_at, failures, retry_at }
    }
}

/// A batch failed: the import waits until `retry_at` and its count of failures grows.
pub fn note_failure(conn: &mut PgConnection, id: Uuid, retry_at: DateTime<Utc>) -> QueryResult<i32> {
    diesel::update(user_imports::table.find(id))
        .set((user_imports::failures.eq(user_imports::failures + 1), user_imports::retry_at.eq(retry_at)))
        .returning(user_imports::failures)
        .get_result(conn)
}

/// Gives up the first pending row with an error (after single-row batches kept failing).
pub fn give_up_first_pending(conn: &mut PgConnection, id: Uuid, code: &str, detail: &str) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE user_import_rows SET outcome = 'error', code = $2, detail = $3 \
         WHERE import_id = $1 AND line = (SELECT min(line) FROM user_import_rows WHERE import_id = $1 AND outcome IS NULL)",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Text, _>(code)
    .bind::<Text, _>(detail)
    .execute(conn)
    .map(|_| ())
}

/// A batch committed: the import's failures are behind it.
pub fn clear_failures(conn: &mut PgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(user_imports::table.find(id))
        .set((user_imports::failures.eq(0), user_imports::retry_at.eq(None::<DateTime<Utc>>)))
        .execute(conn)
        .map(|_| ())
}

pub fn mark_started(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(user_imports::table.find(id)).set(user_imports::started_at.eq(now)).execute(conn).map(|_| ())
}

pub fn mark_completed(conn: &mut PgConnection, id: Uuid, now: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(user_imports::table.find(id)).set(user_imports::completed_at.eq(now)).execute(conn).map(|_| ())
}

/// The next `limit` rows still pending, in line order.
pub fn pending(conn: &mut PgConnection, id: Uuid, limit: i64) -> QueryResult<Vec<RowRecord>> {
    user_import_rows::table
        .filter(user_import_rows::import_id.eq(id))
        .filter(user_import_rows::outcome.is_null())
        .order(user_import_rows::line)
        .limit(limit)
        .select(RowRecord::as_select())
        .load(conn)
}

/// Counts by outcome (`None`: pending).
pub fn counts(conn: &mut PgConnection, id: Uuid) -> QueryResult<Vec<(Option<String>, i64)>> {
    user_import_rows::table
        .filter(user_import_rows::import_id.eq(id))
        .group_by(user_import_rows::outcome)
        .select((user_import_rows::outcome, diesel::dsl::count_star()))
        .load(conn)
}

/// The tenant's subscriptions of products with these SKUs, locked in id order (so two
/// batches never wait on each other in a circle), each with its SKU and seats in use.
pub fn lock_subscriptions_of(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    skus: &[String],
) -> QueryResult<Vec<(SubscriptionRow, String, i64)>> {
    let products: Vec<(Uuid, String)> =
        products::table.filter(products::sku.eq_any(skus)).select((products::id, products::sku)).load(conn)?;
    let product_ids: Vec<Uuid> = products.iter().map(|(id, _)| *id).collect();
    let locked: Vec<SubscriptionRow> = subscriptions::table
        .filter(subscriptions::tenant_id.eq(tenant_id))
        .filter(subscriptions::product_id.eq_any(&product_ids))
        .order(subscriptions::id)
        .select(SubscriptionRow::as_select())
        .for_update()
        .load(conn)?;
    let sku_of = |product: Uuid| products.iter().find(|(id, _)| *id == product).map(|(_, sku)| sku.clone());
    let locked: Vec<(SubscriptionRow, String)> =
        locked.into_iter().filter_map(|s| Some((sku_of(s.product_id)?, s))).map(|(sku, s)| (s, sku)).collect();
    let ids: Vec<Uuid> = locked.iter().map(|(s, _)| s.id).collect();
    let assigned: Vec<(Uuid, i64)> = license_assignments::table
        .filter(license_assignments::subscription_id.eq_any(&ids))
        .group_by(license_assignments::subscription_id)
        .select((license_assignments::subscription_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(locked
        .into_iter()
        .map(|(s, sku)| {
            let used = assigned.iter().find(|(id, _)| *id == s.id).map_or(0, |(_, n)| *n);
            (s, sku, used)
        })
        .collect())
}

/// A new activation token: its digest, its user and whether that user is an admin, expiry.
pub type NewActivationToken = (Vec<u8>, (Uuid, bool), DateTime<Utc>);

/// What a batch creates: users, their activation tokens and licences, all at once.
pub struct Created<'a> {
    pub users: &'a [UserRow],
    pub tokens: &'a [NewActivationToken],
    /// Subscription, user.
    pub licenses: &'a [(Uuid, Uuid)],
}

pub fn create(conn: &mut PgConnection, created: Created<'_>, now: DateTime<Utc>) -> QueryResult<()> {
    for chunk in created.users.chunks(INSERT_CHUNK) {
        diesel::insert_into(users::table).values(chunk).execute(conn)?;
    }
    for chunk in created.tokens.chunks(INSERT_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(digest, (user, admin), expires)| {
                (
                    activation_tokens::digest.eq(digest),
                    activation_tokens::user_id.eq(*user),
                    activation_tokens::admin.eq(*admin),
                    activation_tokens::expires_at.eq(*expires),
                    activation_tokens::created_at.eq(now),
                )
            })
            .collect();
        diesel::insert_into(activation_tokens::table).values(values).execute(conn)?;
    }
    for chunk in created.licenses.chunks(INSERT_CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(subscription, user)| {
                (
                    license_assignments::subscription_id.eq(*subscription),
                    license_assignments::user_id.eq(*user),
                    license_assignments::created_at.eq(now),
                )
            })
            .collect();
        diesel::insert_into(license_assignments::table).values(values).execute(conn)?;
    }
    Ok(())
}

/// One row's outcome.
pub struct Outcome {
    pub line: i32,
    pub created: bool,
    pub code: Option<String>,
    pub detail: Option<String>,
    pub user_id: Option<Uuid>,
    pub activation_token_sealed: Option<Vec<u8>>,
}

/// Writes the outcomes of a batch in one statement.
pub fn record_outcomes(conn: &mut PgConnection, id: Uuid, outcomes: &[Outcome]) -> QueryResult<()> {
    let lines: Vec<i32> = outcomes.iter().map(|o| o.line).collect();
    let created: Vec<bool> = outcomes.iter().map(|o| o.created).collect();
    let codes: Vec<Option<&str>> = outcomes.iter().map(|o| o.code.as_deref()).collect();
    let details: Vec<Option<&str>> = outcomes.iter().map(|o| o.detail.as_deref()).collect();
    let user_ids: Vec<Option<Uuid>> = outcomes.iter().map(|o| o.user_id).collect();
    let sealed: Vec<Option<&[u8]>> = outcomes.iter().map(|o| o.activation_token_sealed.as_deref()).collect();
    diesel::sql_query(
        "UPDATE user_import_rows r SET \
           outcome = CASE WHEN o.created THEN 'created' ELSE 'error' END, \
           code = o.code, detail = o.detail, user_id = o.user_id, activation_token_sealed = o.sealed \
         FROM unnest($2::int[], $3::bool[], $4::text[], $5::text[], $6::uuid[], $7::bytea[]) \
           AS o(line, created, code, detail, user_id, sealed) \
         WHERE r.import_id = $1 AND r.line = o.line AND r.outcome IS NULL",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Array<Integer>, _>(lines)
    .bind::<Array<Bool>, _>(created)
    .bind::<Array<Nullable<Text>>, _>(codes)
    .bind::<Array<Nullable<Text>>, _>(details)
    .bind::<Array<Nullable<SqlUuid>>, _>(user_ids)
    .bind::<Array<Nullable<Bytea>>, _>(sealed)
    .execute(conn)
    .map(|_| ())
}

/// Forgets a purged tenant's imports (their rows hold its users' names and addresses).
pub fn delete_of_tenant(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<usize> {
    diesel::delete(user_imports::table.filter(user_imports::tenant_id.eq(tenant_id))).execute(conn)
}
