//! Who may see and do what. Every handler asks here; none decides by itself.
//! Invisible objects answer 404 (no existence oracle); visible but forbidden ones 403.

use uuid::Uuid;

use crate::{auth::Principal, error::ApiError, store::tenants::TenantScope};

/// Operator-only actions (registering partners, minting keys, running jobs).
pub fn operator(p: &Principal) -> Result<(), ApiError> {
    match p {
        Principal::Operator { .. } => Ok(()),
        _ => Err(ApiError::forbidden("Only the platform operator may do this.")),
    }
}

/// Partner-only actions (redemptions); returns the partner.
pub fn partner(p: &Principal) -> Result<Uuid, ApiError> {
    match p {
        Principal::Partner { partner_id, .. } => Ok(*partner_id),
        _ => Err(ApiError::forbidden("Only a partner may do this.")),
    }
}

/// Reads of partner-owned collections (keys, batches): the operator sees all (`None`),
/// a partner its own; customers may not.
pub fn key_reader(p: &Principal) -> Result<Option<Uuid>, ApiError> {
    match p {
        Principal::Operator { .. } => Ok(None),
        Principal::Partner { partner_id, .. } => Ok(Some(*partner_id)),
        Principal::Customer { .. } => Err(ApiError::forbidden("Customers have no product keys.")),
    }
}

/// A partner record and what hangs off it (its API clients): the operator and the partner
/// itself; anyone else is told it does not exist.
pub fn partner_record(p: &Principal, partner_id: Uuid) -> Result<(), ApiError> {
    match p {
        Principal::Operator { .. } => Ok(()),
        Principal::Partner { partner_id: own, .. } if *own == partner_id => Ok(()),
        _ => Err(ApiError::not_found("partner")),
    }
}

/// Which tenants the caller can see (SPEC §4).
pub fn tenant_scope(p: &Principal) -> TenantScope {
    match p {
        Principal::Operator { .. } => TenantScope::All,
        Principal::Partner { partner_id, .. } => TenantScope::Partner(*partner_id),
        Principal::Customer { tenant_id, .. } => TenantScope::Tenant(*tenant_id),
    }
}
