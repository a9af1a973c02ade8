//! Whether this instance can serve: a writable primary reachable and the migrations applied.

use crate::{db, error::Error, state::AppState};

/// Ready, or 503 with why not. A demoted primary still answers reads: readiness is being
/// able to write.
pub async fn check(state: &AppState) -> Result<(), Error> {
    let pool = state.pool.clone();
    crate::state::blocking(move || -> Result<(), Error> {
        let mut conn = pool.get()?;
        if !db::writable(&mut conn)? {
            return Err(Error::unavailable("the database is read-only (a standby, or a primary being demoted)"));
        }
        if !db::migrations_current(&mut conn) {
            return Err(Error::unavailable("migrations pending"));
        }
        Ok(())
    })
    .await?
}
