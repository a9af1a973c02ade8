//! The service's notion of "now": every time rule reads it from here.

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;

use crate::store::sandbox;

/// Where "now" comes from: the system clock, moved forward in sandbox mode by an offset
/// kept in the database, so every instance sees the same "now". Rules that depend on time
/// are handed the instant this returns; nothing else in the service reads the system clock.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    sandbox: bool,
}

impl Clock {
    pub fn new(sandbox: bool) -> Self {
        Self { sandbox }
    }

    pub fn is_sandbox(&self) -> bool {
        self.sandbox
    }

    /// The business "now", read inside the caller's transaction so one request sees one
    /// instant throughout.
    pub fn now(&self, conn: &mut PgConnection) -> diesel::QueryResult<DateTime<Utc>> {
        let real = Utc::now();
        if !self.sandbox {
            return Ok(real);
        }
        Ok(real + Duration::seconds(sandbox::offset_seconds(conn)?))
    }

    /// Wall-clock time, for what must follow real time whatever the business clock says:
    /// JWT `iat`/`exp` and start-up bookkeeping.
    pub fn real_now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
