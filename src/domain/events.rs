//! The events the service tells partners and tenants about, and what they say.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{
    notices::LifecycleEvent,
    statuses::{EventKind, OfferStatus},
};

/// Whose inbox an event goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Inbox {
    Partner(Uuid),
    Tenant(Uuid),
    Distributor(Uuid),
}

/// One event, before it is delivered to its inboxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    /// Identifies the occurrence: delivering the same key twice to an inbox is a no-op.
    pub key: String,
    pub tenant_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub offer_id: Option<Uuid>,
    pub days_before: Option<i32>,
    pub message: String,
    /// Renewal notices: whether the subscription renews by itself at its end (SPEC §15).
    pub will_renew: Option<bool>,
    /// What the distribution chain's events are about (SPEC §13).
    pub chain: Chain,
}

/// The distribution chain's part of an event: its relationship, order, allocation, product
/// and number of cards, where they apply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chain {
    pub reseller_relationship_id: Option<Uuid>,
    pub key_order_id: Option<Uuid>,
    pub allocation_id: Option<Uuid>,
    pub product_id: Option<Uuid>,
    pub quantity: Option<i32>,
}

impl Event {
    fn new(kind: EventKind, key: String, message: String) -> Self {
        Self {
            kind,
            key,
            tenant_id: None,
            subscription_id: None,
            offer_id: None,
            days_before: None,
            message,
            will_renew: None,
            chain: Chain::default(),
        }
    }
}

/// A reseller relationship's step, for the side that did not take it: invited (the
/// partner hears), accepted or declined (the distributor), ended (both).
pub fn reseller(kind: EventKind, relationship_id: Uuid, counterpart: &str) -> Event {
    let message = match kind {
        EventKind::ResellerInvited => format!("{counterpart} invites you to resell its product-key cards."),
        EventKind::ResellerAccepted => format!("{counterpart} accepted your reseller invitation."),
        EventKind::ResellerDeclined => format!("{counterpart} declined your reseller invitation."),
        _ => format!("The reseller relationship with {counterpart} has ended."),
    };
    let chain = Chain { reseller_relationship_id: Some(relationship_id), ..Chain::default() };
    Event { chain, ..Event::new(kind, format!("reseller:{relationship_id}:{}", kind.as_str()), message) }
}

/// Cards moved in one request: allocated (the partner hears), returned (the distributor),
/// revoked (their holder). `key` names the request's occurrence.
pub fn keys_moved(kind: EventKind, key: String, chain: Chain, message: String) -> Event {
    Event { chain, ..Event::new(kind, key, message) }
}

/// An order's step: placed (the distributor hears), fulfilled or rejected (the partner).
pub fn key_order(kind: EventKind, order_id: Uuid, product_id: Uuid, quantity: i32, counterpart: &str) -> Event {
    let message = match kind {
        EventKind::OrderPlaced => format!("{counterpart} ordered {quantity} cards."),
        EventKind::OrderFulfilled => format!("{counterpart} fulfilled your order of {quantity} cards."),
        _ => format!("{counterpart} rejected your order of {quantity} cards."),
    };
    let chain = Chain {
        key_order_id: Some(order_id),
        product_id: Some(product_id),
        quantity: Some(quantity),
        ..Chain::default()
    };
    Event { chain, ..Event::new(kind, format!("order:{order_id}:{}", kind.as_str()), message) }
}

/// A distributor's stock of a product fell below its alert threshold.
pub fn stock_low(
    distributor_id: Uuid,
    product_id: Uuid,
    in_stock: i64,
    threshold: i32,
    product: &str,
    at: DateTime<Utc>,
) -> Event {
    let chain = Chain { product_id: Some(product_id), quantity: Some(in_stock as i32), ..Chain::default() };
    let key = format!("stock:{distributor_id}:{product_id}:{}", at.timestamp_micros());
    let message = format!("Only {in_stock} cards of {product} are in stock (alert below {threshold}).");
    Event { chain, ..Event::new(EventKind::StockLow, key, message) }
}

pub fn offer_created(offer_id: Uuid, tenant_id: Uuid, partner_name: &str) -> Event {
    Event {
        tenant_id: Some(tenant_id),
        offer_id: Some(offer_id),
        ..Event::new(
            EventKind::OfferCreated,
            format!("offer:{offer_id}:created"),
            format!("{partner_name} offers to administer your tenant. Accept or decline the offer."),
        )
    }
}

/// Accepted, declined or expired: the partner hears how its offer ended.
pub fn offer_ended(outcome: OfferStatus, offer_id: Uuid, tenant_id: Uuid, company_name: &str) -> Event {
    let (kind, message) = match outcome {
        OfferStatus::Accepted => {
            (EventKind::OfferAccepted, format!("{company_name} accepted your delegated-administration offer."))
        }
        OfferStatus::Declined => {
            (EventKind::OfferDeclined, format!("{company_name} declined your delegated-administration offer."))
        }
        _ => (
            EventKind::OfferExpired,
            format!("Your delegated-administration offer to {company_name} expired unanswered."),
        ),
    };
    Event {
        tenant_id: Some(tenant_id),
        offer_id: Some(offer_id),
        ..Event::new(kind, format!("offer:{offer_id}:{outcome}"), message)
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
            EventKind::RelationshipTerminated,
            format!("relationship:{relationship_id}:terminated"),
            format!("The delegated administration of {company_name} by {partner_name} has ended."),
        )
    }
}

/// What a relationship event is about, for its message.
#[derive(Debug, Clone, Copy)]
pub struct RelationshipSubject<'a> {
    pub relationship_id: Uuid,
    pub offer_id: Uuid,
    pub tenant_id: Uuid,
    pub partner_name: &'a str,
    pub company_name: &'a str,
    /// The end of the term the event is about (for an extension, the new end).
    pub ends_at: DateTime<Utc>,
}

/// What happens to a relationship as its end comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationshipChange {
    /// It ends in this many days and will not extend.
    Expiring(u32),
    Expired,
    Extended,
}

/// A relationship's expiry notice, expiry or extension, for both sides.
pub fn relationship(s: &RelationshipSubject, change: RelationshipChange) -> Event {
    let (id, ends, date) = (s.relationship_id, s.ends_at.timestamp(), s.ends_at.format("%Y-%m-%d"));
    let who = format!("The delegated administration of {} by {}", s.company_name, s.partner_name);
    let (kind, key, message, days_before) = match change {
        RelationshipChange::Expiring(days) => (
            EventKind::RelationshipExpiring,
            format!("relationship:{id}:{ends}:expiring:{days}"),
            format!("{who} ends within {days} day(s), on {date}. The partner may offer a new relationship."),
            Some(days as i32),
        ),
        RelationshipChange::Expired => {
            (EventKind::RelationshipExpired, format!("relationship:{id}:expired"), format!("{who} has expired."), None)
        }
        RelationshipChange::Extended => (
            EventKind::RelationshipExtended,
            format!("relationship:{id}:{ends}:extended"),
            format!("{who} was extended automatically until {date}."),
            None,
        ),
    };
    Event { tenant_id: Some(s.tenant_id), offer_id: Some(s.offer_id), days_before, ..Event::new(kind, key, message) }
}

/// Added or removed as partner of record; `occurrence` tells repeated changes apart.
pub fn partner_of_record(
    added: bool,
    occurrence: Uuid,
    tenant_id: Uuid,
    subscription_id: Uuid,
    company_name: &str,
    product_name: &str,
) -> Event {
    let (kind, message) = if added {
        (EventKind::PartnerOfRecordAdded, format!("{company_name} named you partner of record for {product_name}."))
    } else {
        (
            EventKind::PartnerOfRecordRemoved,
            format!("{company_name} removed you as partner of record for {product_name}."),
        )
    };
    Event {
        tenant_id: Some(tenant_id),
        subscription_id: Some(subscription_id),
        ..Event::new(kind, format!("por:{occurrence}"), message)
    }
}

/// What a subscription event is about, for its message.
#[derive(Debug, Clone, Copy)]
pub struct SubscriptionSubject<'a> {
    pub subscription_id: Uuid,
    pub tenant_id: Uuid,
    pub company_name: &'a str,
    pub product_name: &'a str,
    /// The end date of the term the event belongs to.
    pub ends_at: chrono::DateTime<chrono::Utc>,
}

impl SubscriptionSubject<'_> {
    fn event(&self, kind: EventKind, key: String, message: String) -> Event {
        Event {
            tenant_id: Some(self.tenant_id),
            subscription_id: Some(self.subscription_id),
            ..Event::new(kind, key, message)
        }
    }

    fn term_key(&self) -> String {
        format!("{}:{}", self.subscription_id, self.ends_at.timestamp_micros())
    }

    fn describe(&self) -> String {
        format!("{}'s subscription to {}", self.company_name, self.product_name)
    }
}

/// A renewal notice; `will_renew`: the subscription renews by itself at its end.
pub fn renewal_notice(s: &SubscriptionSubject, days_before: u32, will_renew: bool) -> Event {
    let when = if days_before == 1 { "tomorrow".to_string() } else { format!("in {days_before} days") };
    let (date, what) = (s.ends_at.format("%Y-%m-%d"), s.describe());
    let message = if will_renew {
        format!("{what} renews by itself {when}, on {date} (direct billing). Turn `auto_renew` off to let it end.")
    } else {
        format!("{what} ends {when}, on {date}. Renew it to keep it running.")
    };
    Event {
        days_before: Some(days_before as i32),
        will_renew: Some(will_renew),
        ..s.event(EventKind::RenewalNotice, format!("notice:{}:{days_before}", s.term_key()), message)
    }
}

/// A step of the lifecycle after the end date.
pub fn lifecycle(s: &SubscriptionSubject, step: LifecycleEvent) -> Event {
    let (kind, message) = match step {
        LifecycleEvent::Expired => (
            EventKind::SubscriptionExpired,
            format!("{} has expired; it stays usable during the grace period.", s.describe()),
        ),
        LifecycleEvent::Disabled => (
            EventKind::SubscriptionDisabled,
            format!("{} is disabled: users have lost access. Renew it to reactivate it.", s.describe()),
        ),
        LifecycleEvent::Deleted => (EventKind::SubscriptionDeleted, format!("{} has been deleted.", s.describe())),
    };
    s.event(kind, format!("{step}:{}", s.term_key()), message)
}

/// How a renewal changed a subscription: renewed, reactivated or superseded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalOutcome {
    Renewed,
    Reactivated,
    Superseded,
}

/// A renewal's event; `renewal_id` identifies the occurrence.
pub fn renewal(s: &SubscriptionSubject, outcome: RenewalOutcome, renewal_id: Uuid) -> Event {
    let until = s.ends_at.format("%Y-%m-%d");
    let (kind, message) = match outcome {
        RenewalOutcome::Renewed => {
            (EventKind::SubscriptionRenewed, format!("{} was renewed until {until}.", s.describe()))
        }
        RenewalOutcome::Reactivated => {
            (EventKind::SubscriptionReactivated, format!("{} was reactivated until {until}.", s.describe()))
        }
        RenewalOutcome::Superseded => {
            (EventKind::SubscriptionSuperseded, format!("{} moved to direct billing by the platform.", s.describe()))
        }
    };
    s.event(kind, format!("renewal:{renewal_id}"), message)
}

/// A direct-billed term cancelled within its window: it ended now, `refund_days` refunded.
pub fn cancelled(s: &SubscriptionSubject, refund_days: i64) -> Event {
    s.event(
        EventKind::SubscriptionCancelled,
        format!("cancelled:{}", s.term_key()),
        format!("{} was cancelled and has ended; {refund_days} day(s) of its term are refunded.", s.describe()),
    )
}

/// A webhook endpoint that kept failing was turned off; `since` is when its failures began.
pub fn webhook_endpoint_disabled(
    endpoint_id: Uuid,
    host: &str,
    tenant_id: Option<Uuid>,
    since: DateTime<Utc>,
) -> Event {
    Event {
        tenant_id,
        ..Event::new(
            EventKind::WebhookEndpointDisabled,
            format!("webhook:{endpoint_id}:{}:disabled", since.timestamp()),
            format!(
                "The webhook endpoint {endpoint_id} ({host}) was turned off: every delivery since {} failed. Fix it, then turn it on again.",
                since.format("%Y-%m-%d %H:%M UTC")
            ),
        )
    }
}

/// The wizard created a customer's tenant (both inboxes are told).
pub fn tenant_created(tenant_id: Uuid, company_name: &str, partner_name: &str) -> Event {
    Event {
        tenant_id: Some(tenant_id),
        ..Event::new(
            EventKind::TenantCreated,
            format!("tenant:{tenant_id}:created"),
            format!("The tenant of {company_name} was created by {partner_name}."),
        )
    }
}

/// A redemption ended in an account: its keys are redeemed (the partner is told).
pub fn redemption_completed(redemption_id: Uuid, tenant_id: Uuid, company_name: &str, subscriptions: usize) -> Event {
    Event {
        tenant_id: Some(tenant_id),
        ..Event::new(
            EventKind::RedemptionCompleted,
            format!("redemption:{redemption_id}:completed"),
            format!("Redemption {redemption_id} completed: {company_name} has {subscriptions} new subscription(s)."),
        )
    }
}
