//! The inbox of a partner or of a tenant's administrators.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz,
    domain::statuses::EventKind,
    error::Error,
    store::{
        Page,
        notifications::{self, InboxFilter, NotificationRow},
    },
};

/// One page of the caller's inbox; `event` names one kind only (an unknown name matches
/// nothing).
pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    event: Option<&str>,
    unread: Option<bool>,
    page: Page,
) -> Result<Vec<NotificationRow>, Error> {
    let inbox = authz::inbox(conn, principal)?;
    let event = match event.map(EventKind::parse) {
        None => None,
        Some(Some(kind)) => Some(kind),
        Some(None) => return Ok(Vec::new()),
    };
    Ok(notifications::list(conn, &InboxFilter { inbox, event, unread }, page)?)
}

/// Marks a notification of the caller's inbox read.
pub fn mark_read(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<NotificationRow, Error> {
    let inbox = authz::inbox(conn, principal)?;
    notifications::mark_read(conn, id, inbox, now)?.ok_or_else(|| Error::not_found("notification"))
}
