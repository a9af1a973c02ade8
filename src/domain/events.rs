//! The events the service tells partners and tenants about, and what they say.

use uuid::Uuid;

/// Whose inbox an event goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inbox {
    Partner(Uuid),
    Tenant(Uuid),
}

/// One event, before it is delivered to its inboxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `delegated_admin_offer.created`, `partner_of_record.added`, …
    pub name: &'static str,
    /// Identifies the occurrence: delivering the same key twice to an inbox is a no-op.
    pub key: String,
    pub tenant_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub offer_id: Option<Uuid>,
    pub days_before: Option<i32>,
    pub message: String,
}

impl Event {
    fn new(name: &'static str, key: String, message: String) -> Self {
        Self { name, key, tenant_id: None, subscription_id: None, offer_id: None, days_before: None, message }
    }
}

pub fn offer_created(offer_id: Uuid, tenant_id: Uuid, partner_name: &str) -> Event {
    Event {
        tenant_id: Some(tenant_id),
        offer_id: Some(offer_id),
        ..Event::new(
            "delegated_admin_offer.created",
            format!("offer:{offer_id}:created"),
            format!("{partner_name} offers to administer your tenant. Accept or decline the offer."),
        )
    }
}

/// `accepted`, `declined` or `expired`: the partner hears how its offer ended.
pub fn offer_ended(outcome: &'static str, offer_id: Uuid, tenant_id: Uuid, company_name: &str) -> Event {
    let (name, message) = match outcome {
        "accepted" => {
            ("delegated_admin_offer.accepted", format!("{company_name} accepted your delegated-administration offer."))
        }
        "declined" => {
            ("delegated_admin_offer.declined", format!("{company_name} declined your delegated-administration offer."))
        }
        _ => (
            "delegated_admin_offer.expired",
            format!("Your delegated-administration offer to {company_name} expired unanswered."),
        ),
    };
    Event {
        tenant_id: Some(tenant_id),
        offer_id: Some(offer_id),
        ..Event::new(name, format!("offer:{offer_id}:{outcome}"), message)
    }
}

pub fn relationship_terminated(
    relationship_id: Uuid,
    offer_id: Uuid,
    tenant_id: Uuid,
    partner_name: &str,
    company_name: &str,
) -> Event {
    Event {
        tenant_id: Some(tenant_id),
        offer_id: Some(offer_id),
        ..Event::new(
            "delegated_admin_relationship.terminated",
            format!("relationship:{relationship_id}:terminated"),
            format!("The delegated administration of {company_name} by {partner_name} has ended."),
        )
    }
}

/// `added` or `removed` as partner of record; `occurrence` tells repeated changes apart.
pub fn partner_of_record(
    change: &'static str,
    occurrence: Uuid,
    tenant_id: Uuid,
    subscription_id: Uuid,
    company_name: &str,
    product_name: &str,
) -> Event {
    let (name, message) = if change == "added" {
        ("partner_of_record.added", format!("{company_name} named you partner of record for {product_name}."))
    } else {
        ("partner_of_record.removed", format!("{company_name} removed you as partner of record for {product_name}."))
    };
    Event {
        tenant_id: Some(tenant_id),
        subscription_id: Some(subscription_id),
        ..Event::new(name, format!("por:{occurrence}"), message)
    }
}
