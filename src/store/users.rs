//! Customer users, their activation tokens and their refresh-token families.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{activation_tokens, license_assignments, refresh_tokens, tenants, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub admin: bool,
    pub password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The unique index on `lower(email)`.
pub const EMAIL_KEY: &str = "users_email_key";

/// Inserts a user (a taken e-mail fails with [`EMAIL_KEY`]).
pub fn insert(conn: &mut PgConnection, row: &UserRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(users::table).values(row)).execute(conn).map(|_| ())
}

diesel::define_sql_function! {
    /// PostgreSQL's `lower`, so the query keeps a fixed shape diesel caches.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// The user who may sign in with this e-mail: any case, tenant not purged.
pub fn find_for_sign_in(conn: &mut PgConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .inner_join(tenants::table)
        .filter(lower(users::email).eq(lower(email)))
        .filter(tenants::status.eq(crate::domain::statuses::TenantStatus::Active))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// An e-mail address folded as the unique index on `lower(email)` folds it (PostgreSQL's
/// `lower`, which differs from Rust's `to_lowercase` on some letters, e.g. `İ`).
pub fn fold_email(conn: &mut PgConnection, email: &str) -> QueryResult<String> {
    diesel::select(lower(email)).get_result(conn)
}

/// A user about to get tokens, locked against deletion until the transaction ends.
pub fn get_for_session(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).for_key_share().first(conn).optional()
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).first(conn).optional()
}

pub fn set_password(conn: &mut PgConnection, id: Uuid, hash: &str) -> QueryResult<()> {
    super::Prepared(diesel::update(users::table.find(id)).set(users::password_hash.eq(hash))).execute(conn).map(|_| ())
}

/// Stores an activation token of `user` (its rights now: `admin`).
pub fn insert_activation_token(
    conn: &mut PgConnection,
    digest: &[u8],
    user: (Uuid, bool),
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(activation_tokens::table).values((
        activation_tokens::digest.eq(digest),
        activation_tokens::user_id.eq(user.0),
        activation_tokens::admin.eq(user.1),
        activation_tokens::expires_at.eq(expires_at),
        activation_tokens::created_at.eq(now),
    )))
    .execute(conn)
    .map(|_| ())
}

/// Whether an activation token is unused and unexpired (without spending it).
pub fn activation_token_live(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        activation_tokens::table
            .filter(activation_tokens::digest.eq(digest))
            .filter(activation_tokens::used_at.is_null())
            .filter(activation_tokens::expires_at.gt(now)),
    ))
    .get_result(conn)
}

/// The user of an unused, unexpired activation token.
pub fn activation_token_user(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> QueryResult<Option<Uuid>> {
    activation_tokens::table
        .filter(activation_tokens::digest.eq(digest))
        .filter(activation_tokens::used_at.is_null())
        .filter(activation_tokens::expires_at.gt(now))
        .select(activation_tokens::user_id)
        .first(conn)
        .optional()
}

/// A user locked for a change of its password or rights (one at a time).
pub fn lock(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).for_no_key_update().first(conn).optional()
}

/// Spends an unused, unexpired activation token; returns its user and whether it was
/// issued to an administrator.
pub fn spend_activation_token(
    conn: &mut PgConnection,
    digest: &[u8],
    now: DateTime<Utc>,
) -> QueryResult<Option<(Uuid, bool)>> {
    super::Prepared(
        diesel::update(
            activation_tokens::table
                .filter(activation_tokens::digest.eq(digest))
                .filter(activation_tokens::used_at.is_null())
                .filter(activation_tokens::expires_at.gt(now)),
        )
        .set(activation_tokens::used_at.eq(now))
        .returning((activation_tokens::user_id, activation_tokens::admin)),
    )
    .get_result(conn)
    .optional()
}

pub fn insert_refresh_token(
    conn: &mut PgConnection,
    digest: &[u8],
    family_id: Uuid,
    user_id: Uuid,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(refresh_tokens::table).values((
        refresh_tokens::digest.eq(digest),
        refresh_tokens::family_id.eq(family_id),
        refresh_tokens::user_id.eq(user_id),
        refresh_tokens::expires_at.eq(expires_at),
        refresh_tokens::created_at.eq(now),
    )))
    .execute(conn)
    .map(|_| ())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
struct RefreshTokenRow {
    family_id: Uuid,
    user_id: Uuid,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

/// What presenting a refresh token found.
pub enum RefreshOutcome {
    /// Valid and now spent: rotate within this family for this user.
    Rotate { family_id: Uuid, user_id: Uuid },
    /// Already spent: the whole family has been revoked.
    Reused,
    /// Unknown, expired or revoked.
    Invalid,
}

/// Revokes every live refresh token of `family`.
pub fn revoke_family(conn: &mut PgConnection, family: Uuid, now: DateTime<Utc>) -> QueryResult<()> {
    super::Prepared(
        diesel::update(refresh_tokens::table.filter(refresh_tokens::family_id.eq(family)))
            .filter(refresh_tokens::revoked_at.is_null())
            .set(refresh_tokens::revoked_at.eq(now)),
    )
    .execute(conn)
    .map(|_| ())
}

/// Revokes the family of a refresh token (spent or not); returns the family, if the token
/// is known.
pub fn revoke_family_of(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> QueryResult<Option<Uuid>> {
    let family: Option<Uuid> =
        refresh_tokens::table.find(digest).select(refresh_tokens::family_id).first(conn).optional()?;
    if let Some(family) = family {
        revoke_family(conn, family, now)?;
    }
    Ok(family)
}

/// Spends a refresh token; a second use revokes every token of its family.
pub fn spend_refresh_token(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> QueryResult<RefreshOutcome> {
    let row =
        refresh_tokens::table.find(digest).select(RefreshTokenRow::as_select()).for_update().first(conn).optional()?;
    let Some(RefreshTokenRow { family_id, user_id, expires_at, used_at, revoked_at }) = row else {
        return Ok(RefreshOutcome::Invalid);
    };
    if used_at.is_some() {
        revoke_family(conn, family_id, now)?;
        return Ok(RefreshOutcome::Reused);
    }
    if revoked_at.is_some() || expires_at <= now {
        return Ok(RefreshOutcome::Invalid);
    }
    super::Prepared(diesel::update(refresh_tokens::table.find(digest)).set(refresh_tokens::used_at.eq(now)))
        .execute(conn)?;
    Ok(RefreshOutcome::Rotate { family_id, user_id })
}

pub fn get_in_tenant(conn: &mut PgConnection, tenant_id: Uuid, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// A user of the tenant, locked against deletion until the transaction ends.
pub fn lock_in_tenant(conn: &mut PgConnection, tenant_id: Uuid, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .for_key_share()
        .first(conn)
        .optional()
}

/// The users of a tenant (or only `only`), with the subscriptions each holds a licence on.
pub fn list(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    only: Option<Uuid>,
    page: super::Page,
) -> QueryResult<Vec<UserRow>> {
    let mut query = users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::id.gt(page.after_id()))
        .order(users::id)
        .limit(page.fetch())
        .select(UserRow::as_select())
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(users::id.eq(id));
    }
    query.load(conn)
}

/// Subscriptions each of `user_ids` holds a licence on, in one query.
pub fn licenses_of(conn: &mut PgConnection, user_ids: &[Uuid]) -> QueryResult<Vec<(Uuid, Uuid)>> {
    license_assignments::table
        .filter(license_assignments::user_id.eq_any(user_ids))
        .order((license_assignments::user_id, license_assignments::subscription_id))
        .select((license_assignments::user_id, license_assignments::subscription_id))
        .load(conn)
}

/// Fields a `PATCH` may change; `None` leaves a field alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub admin: Option<bool>,
}

pub fn update(conn: &mut PgConnection, id: Uuid, changes: &UserChanges) -> QueryResult<UserRow> {
    if changes.email.is_none() && changes.first_name.is_none() && changes.last_name.is_none() && changes.admin.is_none()
    {
        return users::table.find(id).select(UserRow::as_select()).first(conn);
    }
    super::Prepared(diesel::update(users::table.find(id)).set(changes).returning(UserRow::as_returning()))
        .get_result(conn)
}

/// Deletes a user; their licences, activation and refresh tokens go with them.
pub fn delete(conn: &mut PgConnection, id: Uuid) -> QueryResult<()> {
    diesel::delete(users::table.find(id)).execute(conn).map(|_| ())
}

/// Admins of a tenant, locked so that two changes cannot both remove "the other" admin.
pub fn lock_admins(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<Vec<Uuid>> {
    users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::admin.eq(true))
        .select(users::id)
        .for_update()
        .load(conn)
}

/// A licence as an entitlement: the subscription's id, end, replacement and product.
pub type Licence = (Uuid, DateTime<Utc>, Option<Uuid>, Uuid, String, String);

/// The user's licences with what decides whether they are usable, in one indexed query;
/// `None` when the user is not (or no longer) in the tenant.
pub fn entitlements(conn: &mut PgConnection, user_id: Uuid, tenant_id: Uuid) -> QueryResult<Option<Vec<Licence>>> {
    use crate::db::schema::{products, subscriptions};
    let rows: Vec<(Uuid, Option<Licence>)> = super::Prepared(
        users::table
            .left_join(license_assignments::table.inner_join(subscriptions::table.inner_join(products::table)))
            .filter(users::id.eq(user_id))
            .filter(users::tenant_id.eq(tenant_id))
            .select((
                users::id,
                (
                    subscriptions::id,
                    subscriptions::ends_at,
                    subscriptions::superseded_by,
                    products::id,
                    products::sku,
                    products::name,
                )
                    .nullable(),
            )),
    )
    .load(conn)?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut licences: Vec<Licence> = rows.into_iter().filter_map(|(_, licence)| licence).collect();
    licences.sort_by_key(|l| l.0);
    Ok(Some(licences))
}

/// Voids a user's unused activation tokens (a fresh one replaces them).
pub fn void_activation_tokens(conn: &mut PgConnection, user_id: Uuid, now: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(activation_tokens::table.filter(activation_tokens::user_id.eq(user_id)))
        .filter(activation_tokens::used_at.is_null())
        .set(activation_tokens::used_at.eq(now))
        .execute(conn)
}

/// Revokes every live refresh token of the user but those of `keep` (the session asking);
/// returns the sessions ended.
pub fn revoke_other_families(
    conn: &mut PgConnection,
    user_id: Uuid,
    keep: Option<Uuid>,
    now: DateTime<Utc>,
) -> QueryResult<Vec<Uuid>> {
    let mut query = diesel::update(refresh_tokens::table.filter(refresh_tokens::user_id.eq(user_id)))
        .filter(refresh_tokens::revoked_at.is_null())
        .into_boxed();
    if let Some(keep) = keep {
        query = query.filter(refresh_tokens::family_id.ne(keep));
    }
    let mut families: Vec<Uuid> =
        query.set(refresh_tokens::revoked_at.eq(now)).returning(refresh_tokens::family_id).get_results(conn)?;
    families.sort_unstable();
    families.dedup();
    Ok(families)
}

/// Each address as PostgreSQL lower-cases it (the unique index's own folding, which may
/// differ from Rust's) and whether some user already has it. Two statements, so the look-up
/// is always an index scan of `= ANY(…)`, whatever the planner knows of the table.
pub fn fold_emails(conn: &mut PgConnection, emails: &[String]) -> QueryResult<Vec<(String, bool)>> {
    #[derive(QueryableByName)]
    struct Folded {
        #[diesel(sql_type = diesel::sql_types::Text)]
        folded: String,
    }
    let folded: Vec<String> = diesel::sql_query(
        "SELECT lower(e) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS given(e, n) ORDER BY n",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(emails)
    .load::<Folded>(conn)?
    .into_iter()
    .map(|f| f.folded)
    .collect();
    let taken: std::collections::HashSet<String> = users::table
        .filter(lower(users::email).eq_any(&folded))
        .select(lower(users::email))
        .load(conn)?
        .into_iter()
        .collect();
    Ok(folded.into_iter().map(|f| (f.clone(), taken.contains(&f))).collect())
}

/// A purged tenant's users (their licences and tokens go with them; the database records
/// the revocation of their sessions).
pub fn delete_of_tenant(conn: &mut PgConnection, tenant_id: Uuid) -> QueryResult<()> {
    diesel::delete(users::table.filter(users::tenant_id.eq(tenant_id))).execute(conn).map(|_| ())
}
