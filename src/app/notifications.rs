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
    // A name outside the closed set is a mistake to say, not an empty inbox to show.
    let event = match event.map(EventKind::parse) {
        None => None,
        Some(Some(kind)) => Some(kind),
        Some(None) => return Err(Error::invalid("event", "is not an event type (see `EventType` in the document)")),
    };
    let inbox = authz::inbox(conn, principal)?;
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
