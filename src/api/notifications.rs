//! The notification inbox of a partner or of a tenant's administrators.

use actix_web::{get, post, web};
use uuid::Uuid;

use crate::views::notifications::{NotificationQuery, NotificationView};
use crate::{app::notifications, auth::Principal, error::Error, state::AppState};
use crate::{
    http::responses::Forbidden,
    state::read,
    state::transaction,
    views::pages::{ListOf, Pagination},
};

/// Read the inbox
///
/// A partner reads its own inbox; a tenant administrator the tenant's.
#[utoipa::path(
    tag = "notifications",
    params(NotificationQuery, Pagination),
    responses(
        (status = 200, description = "One page of notifications, oldest first", body = ListOf<NotificationView>),
        (status = 403, response = Forbidden),
    ),
)]
#[get("/v1/notifications")]
pub async fn list(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<NotificationQuery>,
    pagination: web::Query<Pagination>,
) -> Result<web::Json<ListOf<NotificationView>>, Error> {
    let page = pagination.page()?;
    let NotificationQuery { event, unread } = query.into_inner();
    let rows =
        read(&state, move |conn, _| notifications::list(conn, &principal, event.as_deref(), unread, page)).await?;
    Ok(web::Json(ListOf::page(page, rows, |n| n.id, Into::into)))
}

/// Mark a notification read
///
/// Marks one notification of the caller's inbox read; marking it again changes nothing.
#[utoipa::path(
    tag = "notifications",
    params(("id" = Uuid, Path, description = "Notification id")),
    responses(
        (status = 200, description = "The notification, read", body = NotificationView),
        (status = 403, response = Forbidden),
    ),
)]
#[post("/v1/notifications/{id}/read")]
pub async fn mark_read(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<NotificationView>, Error> {
    let id = *id;
    let row = transaction(&state, move |conn, now| notifications::mark_read(conn, &principal, id, now)).await?;
    Ok(web::Json(row.into()))
}
