//! `Principal`: who is calling, from the bearer token.

use std::future::{Ready, ready};

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use uuid::Uuid;

use super::jwt::{Claims, Role};
use crate::{AppState, error::ApiError};

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Operator { client_id: String },
    Partner { partner_id: Uuid, client_id: String },
    Customer { user_id: Uuid, tenant_id: Uuid, admin: bool },
}

impl Principal {
    /// Who the caller is, for per-caller budgets and idempotency scopes.
    pub fn key(&self) -> String {
        match self {
            Self::Operator { client_id } => format!("operator:{client_id}"),
            Self::Partner { partner_id, .. } => format!("partner:{partner_id}"),
            Self::Customer { user_id, .. } => format!("user:{user_id}"),
        }
    }

    fn from_claims(claims: Claims) -> Option<Self> {
        match claims.role {
            Role::Operator => Some(Self::Operator { client_id: claims.sub }),
            Role::Partner => Some(Self::Partner { partner_id: claims.partner_id?, client_id: claims.sub }),
            Role::Customer => Some(Self::Customer {
                user_id: claims.sub.parse().ok()?,
                tenant_id: claims.tenant_id?,
                admin: claims.admin?,
            }),
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The claims of the request's bearer token when it is valid and not revoked.
pub fn bearer_claims(req: &HttpRequest, state: &AppState) -> Option<Claims> {
    state.tokens.verify(bearer_token(req)?).filter(|claims| !state.revocations.refuses(claims))
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let principal = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| bearer_claims(req, state))
            .and_then(Principal::from_claims);
        ready(principal.ok_or_else(ApiError::unauthorized))
    }
}
