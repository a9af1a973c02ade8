//! The sandbox clock: the operator moves the service's "now" forward for every instance.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;

use crate::{error::Error, store::sandbox};

/// How far the sandbox clock may move in total: 100 years.
pub const MAX_OFFSET_SECONDS: i64 = 36_525 * 86_400;

/// "Now" on the sandbox clock, and how far it is ahead of real time.
pub fn read(conn: &mut PgConnection, now: DateTime<Utc>) -> Result<(DateTime<Utc>, i64), Error> {
    Ok((now, sandbox::offset_seconds(conn)?))
}

/// Moves the clock forward by `step` (at least an hour, at most 100 years in all); `now`
/// was read before the move.
pub fn advance(conn: &mut PgConnection, step: Duration, now: DateTime<Utc>) -> Result<(DateTime<Utc>, i64), Error> {
    if step <= Duration::zero() {
        return Err(Error::invalid("days", "move the clock forward by at least an hour"));
    }
    let offset = sandbox::advance(conn, step.num_seconds(), MAX_OFFSET_SECONDS)?
        .ok_or_else(|| Error::invalid("days", "the sandbox clock moves at most 100 years in total (36525 days)"))?;
    Ok((now + step, offset))
}
