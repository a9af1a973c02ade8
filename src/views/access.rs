//! The JSON shapes of access checks.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{catalogue::ProductView, tenants::TenantView, tenants::UserView};
use crate::domain::lifecycle::{Entitlement, SubscriptionStatus};

/// The signed-in customer user.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeView {
    /// The user (`admin` says whether it administers the tenant).
    pub user: UserView,
    pub tenant: TenantView,
}

/// A licence as the right to use its product now.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntitlementView {
    pub subscription_id: Uuid,
    pub product: ProductView,
    /// The subscription's status at this instant.
    pub status: SubscriptionStatus,
    /// Whether the product may be used now: while the subscription is `active` or `expired`
    /// (its grace period); not from `disabled` on.
    pub usable: bool,
    /// When it stops being usable unless renewed (the end of the grace period); none once
    /// the subscription was replaced.
    pub usable_until: Option<DateTime<Utc>>,
}

impl From<Entitlement> for EntitlementView {
    fn from(e: Entitlement) -> Self {
        let (id, sku, name) = e.product;
        Self {
            subscription_id: e.subscription_id,
            product: ProductView { id, sku, name },
            status: e.status,
            usable: e.usable,
            usable_until: e.usable_until,
        }
    }
}

/// A user's entitlements, one per licence.
#[derive(Debug, Serialize, ToSchema)]
pub struct Entitlements {
    pub data: Vec<EntitlementView>,
}
