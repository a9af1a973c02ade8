//! OAuth API clients of the operator, of partners and of distributors.

use crate::domain::{statuses::ClientRole, versions::ApiVersion};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::api_clients;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_clients)]
pub struct ApiClientRow {
    pub id: Uuid,
    pub client_id: String,
    pub secret_digest: Vec<u8>,
    pub role: ClientRole,
    pub partner_id: Option<Uuid>,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub distributor_id: Option<Uuid>,
    /// The secret before the last rotation, and until when it still signs in.
    pub previous_secret_digest: Option<Vec<u8>>,
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    /// The version its requests speak when they do not name one.
    pub api_version: ApiVersion,
}

/// Whose API clients: a partner's or a distributor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientOwner {
    Partner(Uuid),
    Distributor(Uuid),
}

pub fn insert(conn: &mut PgConnection, row: &ApiClientRow) -> QueryResult<()> {
    super::Prepared(diesel::insert_into(api_clients::table).values(row)).execute(conn).map(|_| ())
}

/// A client that has not been revoked.
pub fn find_live(conn: &mut PgConnection, client_id: &str) -> QueryResult<Option<ApiClientRow>> {
    api_clients::table
        .filter(api_clients::client_id.eq(client_id))
        .filter(api_clients::revoked_at.is_null())
        .select(ApiClientRow::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut PgConnection, client_id: &str) -> QueryResult<Option<ApiClientRow>> {
    api_clients::table
        .filter(api_clients::client_id.eq(client_id))
        .select(ApiClientRow::as_select())
        .first(conn)
        .optional()
}

pub fn any_live_operator(conn: &mut PgConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        api_clients::table.filter(api_clients::role.eq(ClientRole::Operator)).filter(api_clients::revoked_at.is_null()),
    ))
    .get_result(conn)
}

/// Sets a client's secret (the bootstrap operator's secret follows the environment).
pub fn set_secret(conn: &mut PgConnection, client_id: &str, digest: &[u8]) -> QueryResult<usize> {
    super::Prepared(
        diesel::update(api_clients::table.filter(api_clients::client_id.eq(client_id)))
            .set((api_clients::secret_digest.eq(digest), api_clients::revoked_at.eq(None::<DateTime<Utc>>))),
    )
    .execute(conn)
}

/// An owner's live clients, one page.
pub fn list_for(conn: &mut PgConnection, owner: ClientOwner, page: super::Page) -> QueryResult<Vec<ApiClientRow>> {
    let query = api_clients::table
        .filter(api_clients::revoked_at.is_null())
        .filter(api_clients::id.gt(page.after_id()))
        .order(api_clients::id)
        .limit(page.fetch())
        .select(ApiClientRow::as_select());
    match owner {
        ClientOwner::Partner(id) => query.filter(api_clients::partner_id.eq(id)).load(conn),
        ClientOwner::Distributor(id) => query.filter(api_clients::distributor_id.eq(id)).load(conn),
    }
}

/// Revokes an owner's live client; false when there is none by that id.
/// Gives an owner's live client a new secret; the one it had signs in until
/// `previous_until`. One statement: concurrent rotations take turns on the row, each
/// keeping the secret the one before it set, so only the last two sign in.
pub fn rotate_secret(
    conn: &mut PgConnection,
    owner: ClientOwner,
    client_id: &str,
    digest: &[u8],
    previous_until: DateTime<Utc>,
) -> QueryResult<Option<ApiClientRow>> {
    let of_owner =
        api_clients::table.filter(api_clients::client_id.eq(client_id)).filter(api_clients::revoked_at.is_null());
    let rotation = (
        api_clients::previous_secret_digest.eq(api_clients::secret_digest.nullable()),
        api_clients::previous_secret_expires_at.eq(Some(previous_until)),
        api_clients::secret_digest.eq(digest),
    );
    match owner {
        ClientOwner::Partner(id) => diesel::update(of_owner.filter(api_clients::partner_id.eq(id)))
            .set(rotation)
            .returning(ApiClientRow::as_returning())
            .get_result(conn),
        ClientOwner::Distributor(id) => diesel::update(of_owner.filter(api_clients::distributor_id.eq(id)))
            .set(rotation)
            .returning(ApiClientRow::as_returning())
            .get_result(conn),
    }
    .optional()
}

/// What a `PATCH` changes of a client (fields left out stay).
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = api_clients)]
pub struct ClientChange {
    pub name: Option<String>,
    pub api_version: Option<ApiVersion>,
}

/// Changes an owner's live client; `None` when it has none by that id.
pub fn update(
    conn: &mut PgConnection,
    owner: ClientOwner,
    client_id: &str,
    change: &ClientChange,
) -> QueryResult<Option<ApiClientRow>> {
    let of_owner =
        api_clients::table.filter(api_clients::client_id.eq(client_id)).filter(api_clients::revoked_at.is_null());
    if change.name.is_none() && change.api_version.is_none() {
        let query = of_owner.select(ApiClientRow::as_select());
        return match owner {
            ClientOwner::Partner(id) => query.filter(api_clients::partner_id.eq(id)).first(conn),
            ClientOwner::Distributor(id) => query.filter(api_clients::distributor_id.eq(id)).first(conn),
        }
        .optional();
    }
    match owner {
        ClientOwner::Partner(id) => diesel::update(of_owner.filter(api_clients::partner_id.eq(id)))
            .set(change)
            .returning(ApiClientRow::as_returning())
            .get_result(conn),
        ClientOwner::Distributor(id) => diesel::update(of_owner.filter(api_clients::distributor_id.eq(id)))
            .set(change)
            .returning(ApiClientRow::as_returning())
            .get_result(conn),
    }
    .optional()
}

pub fn revoke(conn: &mut PgConnection, owner: ClientOwner, client_id: &str, now: DateTime<Utc>) -> QueryResult<bool> {
    let of_owner =
        api_clients::table.filter(api_clients::client_id.eq(client_id)).filter(api_clients::revoked_at.is_null());
    match owner {
        ClientOwner::Partner(id) => diesel::update(of_owner.filter(api_clients::partner_id.eq(id)))
            .set(api_clients::revoked_at.eq(now))
            .execute(conn),
        ClientOwner::Distributor(id) => diesel::update(of_owner.filter(api_clients::distributor_id.eq(id)))
            .set(api_clients::revoked_at.eq(now))
            .execute(conn),
    }
    .map(|n| n == 1)
}
