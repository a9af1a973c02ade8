//! `Principal`: who is calling, as its access token says (`http::extract` reads it).

use uuid::Uuid;

use super::jwt::{Claims, Role};

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Operator { client_id: String },
    Partner { partner_id: Uuid, client_id: String },
    Distributor { distributor_id: Uuid, client_id: String },
    Customer { user_id: Uuid, tenant_id: Uuid, admin: bool },
}

/// The kind of a caller, as the request log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrincipalKind(pub &'static str);

impl Principal {
    pub fn kind(&self) -> PrincipalKind {
        PrincipalKind(match self {
            Self::Operator { .. } => "operator",
            Self::Partner { .. } => "partner",
            Self::Distributor { .. } => "distributor",
            Self::Customer { admin: true, .. } => "customer_admin",
            Self::Customer { .. } => "customer",
        })
    }

    /// Who the caller is, for per-caller budgets and idempotency scopes.
    pub fn key(&self) -> String {
        match self {
            Self::Operator { client_id } => format!("operator:{client_id}"),
            Self::Partner { partner_id, .. } => format!("partner:{partner_id}"),
            Self::Distributor { distributor_id, .. } => format!("distributor:{distributor_id}"),
            Self::Customer { user_id, .. } => format!("user:{user_id}"),
        }
    }

    /// The caller a valid token speaks for.
    pub fn from_claims(claims: Claims) -> Option<Self> {
        match claims.role {
            Role::Operator => Some(Self::Operator { client_id: claims.sub }),
            Role::Partner => Some(Self::Partner { partner_id: claims.partner_id?, client_id: claims.sub }),
            Role::Distributor => {
                Some(Self::Distributor { distributor_id: claims.distributor_id?, client_id: claims.sub })
            }
            Role::Customer => Some(Self::Customer {
                user_id: claims.sub.parse().ok()?,
                tenant_id: claims.tenant_id?,
                admin: claims.admin?,
            }),
        }
    }
}
