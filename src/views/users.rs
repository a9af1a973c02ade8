//! The JSON shapes of users: request bodies (validated where JSON is read) and views.

use crate::store::users::UserRow;
use crate::views::tenants::UserView;
use crate::views::{chunked, csv, secret::ShownOnce};
use actix_web::web::Bytes;
use futures_util::Stream;
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "nikos@fabrikam.example", "first_name": "Nikos", "last_name": "Georgiou",
    "admin": false, "license_subscription_id": "0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01"
}))]
pub struct CreateUser {
    #[validate(email(message = "must be an e-mail address"), length(max = 254, message = "is too long"))]
    #[schema(max_length = 254)]
    pub email: String,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: String,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: String,
    /// Tenant administrator (default false).
    #[serde(default)]
    pub admin: bool,
    /// Assign a licence on this subscription of the tenant right away.
    pub license_subscription_id: Option<Uuid>,
}

/// A new user and the token that lets them set a password.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserCreated {
    pub user: UserView,
    /// Hand to the user: `POST /v1/auth/activate` (valid 7 days, once).
    #[schema(value_type = String)]
    pub activation_token: ShownOnce,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"admin": true}))]
pub struct UpdateUser {
    #[validate(email(message = "must be an e-mail address"), length(max = 254, message = "is too long"))]
    #[schema(max_length = 254)]
    pub email: Option<String>,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: Option<String>,
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: Option<String>,
    pub admin: Option<bool>,
}

/// A licence: a user's seat on a subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct License {
    pub user_id: Uuid,
    pub subscription_id: Uuid,
}

/// Every user of a tenant as CSV: the columns of a user import first, licences as SKUs
/// separated by `;`.
pub fn users_csv(
    rows: Vec<(UserRow, Vec<Uuid>)>,
    skus: std::collections::HashMap<Uuid, String>,
) -> impl Stream<Item = Result<Bytes, Infallible>> {
    let head =
        csv::header(&["email", "first_name", "last_name", "admin", "license_skus", "activated", "id", "created_at"]);
    chunked::body(head, rows, b"", b"", move |(user, held), out| {
        let licences: Vec<&str> = held.iter().filter_map(|s| skus.get(s).map(String::as_str)).collect();
        csv::write_row(
            out,
            &[
                user.email.as_str(),
                &user.first_name,
                &user.last_name,
                &user.admin.to_string(),
                &licences.join(";"),
                &user.password_hash.is_some().to_string(),
                &user.id.to_string(),
                &user.created_at.to_rfc3339(),
            ],
        );
    })
}
