//! SQL: diesel rows and queries as plain functions over `&mut PgConnection`.
//! Callers own the transaction; every function takes `now` rather than reading a clock.

pub mod audit;
pub mod budgets;
pub mod clients;
pub mod delegation;
pub mod distributors;
pub mod idempotency;
pub mod keys;
pub mod mapping;
pub mod movements;
pub mod notifications;
pub mod orders;
pub mod partners;
pub mod products;
pub mod redemptions;
pub mod resellers;
pub mod revocations;
pub mod sandbox;
pub mod scopes;
pub mod secrets;
pub mod stock;
pub mod subscriptions;
pub mod tenants;
pub mod user_imports;
pub mod users;
pub mod webhooks;

use diesel::{
    pg::Pg,
    query_builder::{AstPass, Query, QueryFragment, QueryId},
    result::{DatabaseErrorKind, Error},
};
use uuid::Uuid;

/// A write diesel would plan on every call, prepared once per connection instead.
///
/// diesel caches no `UPDATE`, no upsert and no insert with a `DEFAULT` in it, because such
/// a statement's text can change with its values while its Rust type stays the same. Here
/// the cache key is the statement's text (and its bind types), so each shape gets its own
/// prepared statement and a reused one is always the right one. Only for statements of a
/// few fixed shapes: one whose text grows with its input (an `IN` list, a multi-row insert)
/// would fill the cache.
#[derive(Debug, Clone, Copy)]
pub struct Prepared<Q>(pub Q);

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Prepared<Q> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Pg>) -> diesel::QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _: &Pg) -> diesel::QueryResult<bool> {
        Ok(true)
    }
}

impl<Q> QueryId for Prepared<Q> {
    type QueryId = ();
    // Keyed by text, never by type: see above.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Prepared<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> diesel::RunQueryDsl<Conn> for Prepared<Q> {}

impl<Q: QueryFragment<Pg>> Prepared<Q> {
    /// Runs a statement without a `RETURNING` of its own and answers how many rows it
    /// touched. (diesel's own `execute` judges caching on a reference, which never
    /// forwards [`Prepared`]'s verdict; its load path takes the statement itself.)
    pub fn execute(self, conn: &mut diesel::PgConnection) -> diesel::QueryResult<usize> {
        use diesel::RunQueryDsl;
        Ok(Counted(self.0).load::<i32>(conn)?.len())
    }
}

/// A statement with `RETURNING 1`, so the rows it touched can be counted.
struct Counted<Q>(Q);

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Counted<Q> {
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, Pg>) -> diesel::QueryResult<()> {
        self.0.walk_ast(pass.reborrow())?;
        pass.push_sql(" RETURNING 1");
        Ok(())
    }

    fn is_safe_to_cache_prepared(&self, _: &Pg) -> diesel::QueryResult<bool> {
        Ok(true)
    }
}

impl<Q> QueryId for Counted<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> Query for Counted<Q> {
    type SqlType = diesel::sql_types::Integer;
}

impl<Q, Conn> diesel::RunQueryDsl<Conn> for Counted<Q> {}

/// True when `e` is a unique violation of `constraint`.
pub fn violates(e: &Error, constraint: &str) -> bool {
    matches!(e, Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info)
        if info.constraint_name() == Some(constraint))
}

/// Rows per multi-row INSERT: PostgreSQL binds at most 65 535 parameters in a statement,
/// so a batch of any size is written in chunks of this many rows (at most 32 columns each).
pub const ROWS_PER_INSERT: usize = 2000;

/// A keyset page: at most `limit` rows with ids after `after`, in id order.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: i64,
    pub after: Option<Uuid>,
}

impl Page {
    /// The lower bound of the id range (the nil UUID sorts before every UUIDv7).
    pub fn after_id(&self) -> Uuid {
        self.after.unwrap_or(Uuid::nil())
    }

    /// Rows fetched: one more than the limit tells whether another page exists.
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }

    /// Cuts the extra row and returns the id to continue after, if any.
    pub fn finish<T>(&self, mut rows: Vec<T>, id: impl Fn(&T) -> Uuid) -> (Vec<T>, Option<Uuid>) {
        if rows.len() as i64 > self.limit {
            rows.truncate(self.limit as usize);
            let next = rows.last().map(id);
            (rows, next)
        } else {
            (rows, None)
        }
    }
}
