//! Reading the audit log (SPEC §10); records are written by `crate::audit`.

use chrono::{DateTime, Utc};
use diesel::PgConnection;

use crate::{
    auth::Principal,
    authz,
    error::Error,
    state::AppState,
    store::{
        Page,
        audit::{self as store, AuditFilter, AuditRow},
    },
};

/// One page of the records the caller may read.
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    filter: &AuditFilter,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<AuditRow>, Error> {
    let scope = authz::audit_scope(conn, principal, now)?;
    Ok(store::list(conn, scope, filter, page)?)
}

/// The audit record of a job run on demand (its work spans many transactions).
pub async fn record_job_run(state: &AppState, summary: String) -> Result<(), Error> {
    let Some(audit) = crate::audit::current() else { return Ok(()) };
    let at = state.clock.real_now();
    state.autocommit(move |conn| Ok(audit.record_done(conn, &summary, at)?)).await
}
