//! Bulk user imports: submitted as CSV or JSON, decided in the background, read back row
//! by row.

use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use uuid::Uuid;

use crate::{
    app::user_imports as app,
    auth::Principal,
    error::{Code, Error},
    http::problem::Problem,
    state::AppState,
    views::user_imports::{CreateUserImport, UserImportView},
};
use crate::{
    http::PROBLEM,
    http::extract::{is_json, read_body},
    http::responses::PayloadTooLarge,
    state::transaction,
};

/// Import users
///
/// Up to 10 000 users at once, as CSV (`Content-Type: text/csv`: a header naming
/// `email,first_name,last_name` and optionally `admin,license_skus`, SKUs separated by `;`;
/// other columns, such as an export's `id`, are ignored) or JSON (`{users: […]}`). Answers
/// 202 at once; any instance works through the rows in the background: poll
/// `GET …/user-imports/{import_id}` (see `Location`) until `completed`. Each row is
/// all-or-nothing: the user with every licence it asks for, or an `error` with a problem
/// code; seats are never oversold (a row past them gets `no-licenses-available`). Rows
/// with invalid fields are refused at once (`validation-failed`), the others still go
/// ahead. Who may add users (`user_administrator`) may import; admin rows need
/// `global_administrator`, licences `license_administrator`, checked here for the whole
/// import.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id")),
    request_body(content(
        (CreateUserImport = "application/json"),
        (String = "text/csv", example = "email,first_name,last_name,admin,license_skus\neleni@fabrikam.example,Eleni,Papadaki,false,TEAMS-ESSENTIALS\n"),
    )),
    responses(
        (status = 202, description = "Accepted; rows refused for their fields already have their outcome", body = UserImportView,
         headers(("Location" = String, description = "The import, to poll"))),
        (status = 403, description = "`delegated-admin-required`, `delegated-role-required` (`detail` names the role), `forbidden`", body = Problem, content_type = PROBLEM),
        (status = 413, response = PayloadTooLarge),
        (status = 415, description = "`unsupported-media-type`: neither JSON nor CSV", body = Problem, content_type = PROBLEM),
    ),
)]
#[post("/v1/tenants/{id}/user-imports")]
pub async fn create_user_import(
    state: web::Data<AppState>,
    req: HttpRequest,
    principal: Principal,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> Result<HttpResponse, Error> {
    let (tenant_id, csv) = (*id, is_csv(&req));
    if !csv && !is_json(&req) {
        return Err(Error::new(Code::UnsupportedMediaType, "Send the users as `text/csv` or `application/json`."));
    }
    let body = async { read_body(&mut payload.into_inner()).await };
    let view = UserImportView::from(app::import(&state, &principal, tenant_id, body, csv).await?);
    Ok(HttpResponse::Accepted()
        .insert_header((header::LOCATION, format!("/v1/tenants/{tenant_id}/user-imports/{}", view.id)))
        .json(view))
}

fn is_csv(req: &HttpRequest) -> bool {
    let value = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    value.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("text/csv")
}

/// Read a user import
///
/// Its status, counts and every row's outcome so far. For who may read the tenant's
/// directory. The importer also gets, once, the activation token of each user created
/// since it last read the import (`rows[].activation_token`): keep them.
#[utoipa::path(
    tag = "users",
    params(("id" = Uuid, Path, description = "Tenant id"), ("import_id" = Uuid, Path, description = "Import id")),
    responses(
        (status = 200, description = "The import", body = UserImportView),
        (status = 403, description = "`delegated-admin-required`, `forbidden`", body = Problem, content_type = PROBLEM),
    ),
)]
#[get("/v1/tenants/{id}/user-imports/{import_id}")]
pub async fn get_user_import(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, Error> {
    let (tenant_id, import_id) = path.into_inner();
    let sealer = state.pepper.sealer(app::SEALING_PURPOSE);
    // A transaction: the tokens handed over are forgotten in the same step.
    let state_now =
        transaction(&state, move |conn, now| app::get(conn, &principal, &sealer, tenant_id, import_id, now)).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(UserImportView::from(state_now)))
}
