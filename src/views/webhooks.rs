//! The JSON shapes of webhooks: endpoints, deliveries and what a delivery carries.

use crate::views::secret::ShownOnce;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::{
    domain::{statuses::EventKind, versions::ApiVersion},
    store::{
        notifications::NotificationRow,
        webhooks::{DeliveryRow, EndpointRow},
    },
};

/// The name of an inbox event, as endpoints subscribe to it and the inbox shows it: the
/// document's `webhooks` but `ping`. (A schema only: the text is `EventKind`'s.)
pub struct EventType;

impl utoipa::PartialSchema for EventType {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        names("The name of an inbox event (the document's `webhooks` lists each with its payload).", &[])
    }
}

impl ToSchema for EventType {}

/// What a delivery carries: an inbox event, or `ping` (only from `POST …/test`).
pub struct DeliveredEventType;

impl utoipa::PartialSchema for DeliveredEventType {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        names("An inbox event's name, or `ping` for a test delivery.", &["ping"])
    }
}

impl ToSchema for DeliveredEventType {}

fn names(description: &str, more: &[&'static str]) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::{ObjectBuilder, Type};
    let names = EventKind::ALL.iter().map(|k| k.as_str()).chain(more.iter().copied());
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(names)).description(Some(description)).into()
}

/// Where a delivery stands (`DeliveryView.status`).
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)] // a schema: the text comes from store/mapping.rs
pub enum DeliveryStatus {
    /// To be tried (again).
    Pending,
    /// A 2xx answered.
    Delivered,
    /// The retry schedule is spent.
    Failed,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://hooks.example.com/keyport", "events": ["subscription.renewal_notice", "delegated_admin_offer.accepted"], "description": "CRM sync"}))]
pub struct CreateEndpoint {
    /// Where deliveries are POSTed: an `https` URL whose host resolves only to public
    /// addresses (else 422 `webhook-url-forbidden`).
    #[validate(length(min = 1, max = 2048, message = "must be 1 to 2048 characters"))]
    #[schema(min_length = 1, max_length = 2048)]
    pub url: String,
    /// The event types to receive (see the document's `webhooks`), 1 to 32.
    #[validate(length(min = 1, max = 32, message = "must name 1 to 32 event types"))]
    #[schema(min_items = 1, max_items = 32, value_type = Vec<EventType>)]
    pub events: Vec<String>,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"enabled": true}))]
pub struct UpdateEndpoint {
    #[validate(length(min = 1, max = 2048, message = "must be 1 to 2048 characters"))]
    #[schema(min_length = 1, max_length = 2048)]
    pub url: Option<String>,
    #[validate(length(min = 1, max = 32, message = "must name 1 to 32 event types"))]
    #[schema(min_items = 1, max_items = 32, value_type = Option<Vec<EventType>>)]
    pub events: Option<Vec<String>>,
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// `false` pauses deliveries (they wait); `true` resumes them, also after the service
    /// turned the endpoint off for failing.
    pub enabled: Option<bool>,
    /// The API version deliveries are rendered in from now on (`GET /v1/versions`).
    pub api_version: Option<ApiVersion>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointView {
    pub id: Uuid,
    /// The partner whose inbox's events it receives (none: the operator's, every inbox).
    pub partner_id: Option<Uuid>,
    /// The tenant whose inbox's events it receives.
    pub tenant_id: Option<Uuid>,
    pub url: String,
    #[schema(value_type = Vec<EventType>)]
    pub events: Vec<String>,
    pub description: Option<String>,
    /// Off when paused by its owner or turned off after failing for 3 days.
    pub enabled: bool,
    /// Until when the secret before the last rotation still signs, if it does.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    /// Since when every attempt has failed, if they do.
    pub failing_since: Option<DateTime<Utc>>,
    /// The API version its deliveries are rendered in: the version of the request that
    /// registered it, until a `PATCH` moves it. Deliveries carry it as `Keyport-Version`.
    pub api_version: ApiVersion,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl EndpointView {
    pub fn new(row: EndpointRow, now: DateTime<Utc>) -> Self {
        Self {
            id: row.id,
            partner_id: row.owner_partner_id,
            tenant_id: row.owner_tenant_id,
            url: row.url,
            events: row.events.into_iter().flatten().collect(),
            description: row.description,
            enabled: row.enabled,
            previous_secret_expires_at: row.previous_secret_expires_at.filter(|t| *t > now),
            failing_since: row.failing_since,
            api_version: row.api_version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// An endpoint with its signing secret, shown only in this answer. (Before 2026-12-06:
/// `{endpoint, secret}`.)
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointWithSecret {
    #[serde(flatten)]
    pub endpoint: EndpointView,
    /// `whsec_…`: the HMAC-SHA256 key of `Keyport-Signature`. Keep it; it is not shown again.
    #[schema(value_type = String, example = "whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    pub secret: ShownOnce,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: Uuid,
    pub endpoint_id: Uuid,
    /// The event's id (`Keyport-Event-Id`): what receivers dedupe by.
    pub event_id: Uuid,
    /// An inbox event's name, or `ping`.
    #[schema(value_type = DeliveredEventType)]
    pub event_type: String,
    /// `pending` (to be tried, again), `delivered` (a 2xx), `failed` (the schedule is spent).
    #[schema(value_type = DeliveryStatus)]
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last answer, if there was one.
    pub last_status_code: Option<i32>,
    /// Why the last attempt got no answer (timeout, refused address, …).
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<DeliveryRow> for DeliveryView {
    fn from(row: DeliveryRow) -> Self {
        Self {
            id: row.id,
            endpoint_id: row.endpoint_id,
            event_id: row.event_id,
            event_type: row.event_type,
            status: row.status,
            attempts: row.attempts,
            next_attempt_at: row.next_attempt_at,
            last_attempt_at: row.last_attempt_at,
            last_status_code: row.last_status_code,
            last_error: row.last_error,
            created_at: row.created_at,
        }
    }
}

/// What a delivery POSTs (`Keyport-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret,
/// "<t>.<body>")>`, one `v1` per live secret; `Keyport-Event-Id`).
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEvent {
    /// The event's id: the same in every retry; dedupe by it.
    pub id: Uuid,
    /// The event type.
    #[serde(rename = "type")]
    #[schema(value_type = DeliveredEventType)]
    pub kind: String,
    pub created_at: DateTime<Utc>,
    pub data: WebhookEventData,
}

impl WebhookEvent {
    /// An inbox notification as its deliveries carry it.
    pub fn of_notification(n: &NotificationRow) -> Self {
        Self {
            id: n.id,
            kind: n.event.as_str().to_string(),
            created_at: n.created_at,
            data: WebhookEventData {
                id: Some(n.id),
                event: Some(n.event.as_str().to_string()),
                tenant_id: n.tenant_id,
                subscription_id: n.subscription_id,
                offer_id: n.offer_id,
                days_before: n.days_before,
                message: n.message.clone(),
                created_at: Some(n.created_at),
                endpoint_id: None,
                reseller_relationship_id: n.reseller_relationship_id,
                key_order_id: n.key_order_id,
                allocation_id: n.allocation_id,
                product_id: n.product_id,
                quantity: n.quantity,
                will_renew: n.will_renew,
            },
        }
    }

    /// The test delivery of `POST /v1/webhook-endpoints/{id}/test`.
    pub fn ping(event_id: Uuid, endpoint_id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            id: event_id,
            kind: "ping".to_string(),
            created_at: now,
            data: WebhookEventData {
                id: None,
                event: None,
                tenant_id: None,
                subscription_id: None,
                offer_id: None,
                days_before: None,
                message: "A test delivery from keyport.".to_string(),
                created_at: None,
                endpoint_id: Some(endpoint_id),
                reseller_relationship_id: None,
                key_order_id: None,
                allocation_id: None,
                product_id: None,
                quantity: None,
                will_renew: None,
            },
        }
    }
}

/// The inbox notification the event is (for `ping`: `endpoint_id` and `message`).
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEventData {
    pub id: Option<Uuid>,
    #[schema(value_type = Option<EventType>)]
    pub event: Option<String>,
    pub tenant_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub offer_id: Option<Uuid>,
    /// Renewal and expiry notices: days before the end.
    pub days_before: Option<i32>,
    pub message: String,
    pub created_at: Option<DateTime<Utc>>,
    /// `ping` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<Uuid>,
    /// The distribution chain's events (SPEC §13), where they apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reseller_relationship_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_order_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i32>,
    /// Renewal notices: whether the subscription renews by itself at its end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub will_renew: Option<bool>,
}
