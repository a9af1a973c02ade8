//! The service's notion of "now": every time rule reads it from here.

use chrono::{DateTime, Utc};
use diesel::PgConnection;

/// Where "now" comes from. Rules that depend on time are handed the instant this returns;
/// nothing else in the service reads the system clock.
#[derive(Debug, Clone, Default)]
pub struct Clock;

impl Clock {
    /// The business "now", read inside the caller's transaction so one request sees one
    /// instant throughout.
    pub fn now(&self, _conn: &mut PgConnection) -> diesel::QueryResult<DateTime<Utc>> {
        Ok(Utc::now())
    }

    /// Wall-clock time, for what must follow real time whatever the business clock says:
    /// JWT `iat`/`exp` and start-up bookkeeping.
    pub fn real_now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
