//! Reading the audit log (SPEC §10); records are written by `crate::audit`.

use chrono::{DateTime, Utc};
use diesel::PgConnection;

use crate::{
    auth::Principal,
    authz,
    error::Error,
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
