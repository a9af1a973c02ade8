//! The sandbox clock's offset, shared by every instance on the database.

use diesel::{prelude::*, query_dsl::methods::FilterDsl};

use crate::db::schema::sandbox_clock;

pub fn offset_seconds(conn: &mut PgConnection) -> QueryResult<i64> {
    Ok(sandbox_clock::table.select(sandbox_clock::offset_seconds).first(conn).optional()?.unwrap_or(0))
}

/// Moves the clock forward by `seconds`; returns the new offset.
/// Moves the offset forward by `seconds` unless that would take it past `max`; returns the
/// new offset, or `None` when refused.
pub fn advance(conn: &mut PgConnection, seconds: i64, max: i64) -> QueryResult<Option<i64>> {
    if seconds > max {
        return Ok(None);
    }
    diesel::insert_into(sandbox_clock::table)
        .values((sandbox_clock::id.eq(true), sandbox_clock::offset_seconds.eq(seconds)))
        .on_conflict(sandbox_clock::id)
        .do_update()
        .set(sandbox_clock::offset_seconds.eq(sandbox_clock::offset_seconds + seconds))
        .filter(sandbox_clock::offset_seconds.le(max - seconds))
        .returning(sandbox_clock::offset_seconds)
        .get_result(conn)
        .optional()
}
