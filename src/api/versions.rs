//! The API's dated versions (SPEC §14).

use actix_web::{get, web};

use crate::{domain::versions::RELEASES, views::releases::VersionView};

/// List the API versions
///
/// Every version this service speaks, newest first: when it was released, when an older
/// one ends (`sunset`) and what changed in it. Name one in `Keyport-Version` on a request,
/// or pin an API client to one (`PATCH …/api-clients/{client_id}`); without either a
/// request speaks the current version, the one this document describes. No token needed.
#[utoipa::path(
    tag = "versions",
    responses((status = 200, description = "The versions, newest first", body = Vec<VersionView>)),
    security(()),
)]
#[get("/v1/versions")]
pub async fn list() -> web::Json<Vec<VersionView>> {
    web::Json(RELEASES.iter().map(VersionView::from).collect())
}
