//! Customer users, their activation tokens and their refresh-token families.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{activation_tokens, refresh_tokens, tenants, users};

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
    diesel::insert_into(users::table).values(row).execute(conn).map(|_| ())
}

/// The user who may sign in with this e-mail: any case, tenant not purged.
pub fn find_for_sign_in(conn: &mut PgConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .inner_join(tenants::table)
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("lower(users.email) = lower(")
                .bind::<diesel::sql_types::Text, _>(email.to_string())
                .sql(")"),
        )
        .filter(tenants::status.eq("active"))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

pub fn get(conn: &mut PgConnection, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).first(conn).optional()
}

pub fn set_password(conn: &mut PgConnection, id: Uuid, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id)).set(users::password_hash.eq(hash)).execute(conn).map(|_| ())
}

pub fn insert_activation_token(
    conn: &mut PgConnection,
    digest: &[u8],
    user_id: Uuid,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(activation_tokens::table)
        .values((
            activation_tokens::digest.eq(digest),
            activation_tokens::user_id.eq(user_id),
            activation_tokens::expires_at.eq(expires_at),
            activation_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Spends an unused, unexpired activation token; returns its user.
pub fn spend_activation_token(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> QueryResult<Option<Uuid>> {
    diesel::update(
        activation_tokens::table
            .filter(activation_tokens::digest.eq(digest))
            .filter(activation_tokens::used_at.is_null())
            .filter(activation_tokens::expires_at.gt(now)),
    )
    .set(activation_tokens::used_at.eq(now))
    .returning(activation_tokens::user_id)
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
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::digest.eq(digest),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::expires_at.eq(expires_at),
            refresh_tokens::created_at.eq(now),
        ))
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

/// Spends a refresh token; a second use revokes every token of its family.
pub fn spend_refresh_token(conn: &mut PgConnection, digest: &[u8], now: DateTime<Utc>) -> QueryResult<RefreshOutcome> {
    let row =
        refresh_tokens::table.find(digest).select(RefreshTokenRow::as_select()).for_update().first(conn).optional()?;
    let Some(RefreshTokenRow { family_id, user_id, expires_at, used_at, revoked_at }) = row else {
        return Ok(RefreshOutcome::Invalid);
    };
    if used_at.is_some() {
        diesel::update(refresh_tokens::table.filter(refresh_tokens::family_id.eq(family_id)))
            .filter(refresh_tokens::revoked_at.is_null())
            .set(refresh_tokens::revoked_at.eq(now))
            .execute(conn)?;
        return Ok(RefreshOutcome::Reused);
    }
    if revoked_at.is_some() || expires_at <= now {
        return Ok(RefreshOutcome::Invalid);
    }
    diesel::update(refresh_tokens::table.find(digest)).set(refresh_tokens::used_at.eq(now)).execute(conn)?;
    Ok(RefreshOutcome::Rotate { family_id, user_id })
}
