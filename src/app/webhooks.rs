//! Webhooks (SPEC §10): endpoints an owner registers, and the delivery of what reaches its
//! inbox. The HTTP attempt itself happens outside any transaction (`jobs::webhooks`); here
//! are the steps before and after it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::{
        Principal,
        secrets::{Sealer, WEBHOOK_SECRET_PREFIX, new_secret},
    },
    authz,
    domain::{
        events::{self, Inbox},
        statuses::EventKind,
        versions::ApiVersion,
        webhooks::{Retry, retry, signature_header},
    },
    error::{Code, Error},
    state::AppState,
    store::{
        Page,
        webhooks::{self as store, Attempt, DeliveryRow, EndpointRow, Owner},
    },
    views::webhooks::{CreateEndpoint, UpdateEndpoint},
};

/// What the sealing key of webhook secrets is derived for.
pub const SEALING_PURPOSE: &str = "webhook-secrets";
/// How long a rotated secret keeps signing beside its successor.
pub const ROTATION_OVERLAP: chrono::Duration = chrono::Duration::hours(24);
/// Test deliveries that may wait for one endpoint at a time.
pub const PENDING_PINGS: i64 = 5;
/// Endpoints one owner may have: each is a fan-out of every event.
pub const ENDPOINTS_PER_OWNER: usize = 16;

/// An endpoint to register; the URL is vetted by the caller (it needs the network).
#[derive(Debug, Clone)]
pub struct NewEndpoint {
    pub url: String,
    pub events: Vec<String>,
    pub description: Option<String>,
    /// The registering request's version, which its deliveries are rendered in.
    pub api_version: ApiVersion,
}

/// A change to an endpoint; a new URL is vetted by the caller.
#[derive(Debug, Clone, Default)]
pub struct EndpointChange {
    pub url: Option<String>,
    pub events: Option<Vec<String>>,
    pub description: Option<String>,
    pub enabled: Option<bool>,
    pub api_version: Option<ApiVersion>,
}

/// Event names an endpoint may take: every kind of inbox event, each once.
fn event_names(names: &[String]) -> Result<Vec<Option<String>>, Error> {
    let mut kinds: Vec<EventKind> = Vec::new();
    for name in names {
        let kind =
            EventKind::parse(name).ok_or_else(|| Error::invalid("events", format!("`{name}` is not an event type")))?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds.into_iter().map(|k| Some(k.as_str().to_string())).collect())
}

pub fn register(
    conn: &mut PgConnection,
    principal: &Principal,
    new: NewEndpoint,
    sealer: &Sealer,
    now: DateTime<Utc>,
) -> Result<(EndpointRow, String), Error> {
    let owner = authz::webhook_owner(conn, principal)?;
    let events = event_names(&new.events)?;
    let (owner_partner_id, owner_tenant_id, owner_distributor_id) = match owner {
        Owner::All => (None, None, None),
        Owner::Partner(p) => (Some(p), None, None),
        Owner::Tenant(t) => (None, Some(t), None),
        Owner::Distributor(d) => (None, None, Some(d)),
    };
    // A tenant's endpoint goes with its data: none for a tenant being purged.
    if let Owner::Tenant(tenant_id) = owner {
        authz::tenant_to_change(conn, principal, tenant_id, now)?;
    }
    // Serialises registrations of one owner, so the limit holds under concurrency.
    store::lock_owner(conn, owner)?;
    if store::count_owned(conn, owner)? >= ENDPOINTS_PER_OWNER as i64 {
        return Err(Error::invalid("url", format!("an owner has at most {ENDPOINTS_PER_OWNER} webhook endpoints")));
    }
    let secret = new_secret(WEBHOOK_SECRET_PREFIX);
    let row = EndpointRow {
        id: Uuid::now_v7(),
        owner_partner_id,
        owner_tenant_id,
        url: new.url,
        events,
        description: new.description,
        enabled: true,
        secret_sealed: sealer.seal(secret.as_bytes()),
        previous_secret_sealed: None,
        previous_secret_expires_at: None,
        failing_since: None,
        created_at: now,
        updated_at: now,
        owner_distributor_id,
        api_version: new.api_version,
    };
    store::insert_endpoint(conn, &row)?;
    crate::audit::note("webhook-endpoint", row.id, row.owner_tenant_id, row.owner_partner_id);
    Ok((row, secret))
}

pub fn list(conn: &mut PgConnection, principal: &Principal, page: Page) -> Result<Vec<EndpointRow>, Error> {
    let owner = authz::webhook_owner(conn, principal)?;
    Ok(store::list_endpoints(conn, owner, page)?)
}

pub fn get(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<EndpointRow, Error> {
    let owner = authz::webhook_owner(conn, principal)?;
    store::get_endpoint(conn, id, owner)?.ok_or_else(|| Error::not_found("webhook endpoint"))
}

/// The caller's endpoint, locked for a change (which the audit record names).
fn locked(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<EndpointRow, Error> {
    let owner = authz::webhook_owner(conn, principal)?;
    let row = store::lock_endpoint(conn, id, owner)?.ok_or_else(|| Error::not_found("webhook endpoint"))?;
    crate::audit::note("webhook-endpoint", row.id, row.owner_tenant_id, row.owner_partner_id);
    Ok(row)
}

pub fn update(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    change: EndpointChange,
    now: DateTime<Utc>,
) -> Result<EndpointRow, Error> {
    let mut row = locked(conn, principal, id)?;
    if let Some(url) = change.url {
        // A new address starts with a clean record.
        if url != row.url {
            row.failing_since = None;
        }
        row.url = url;
    }
    if let Some(events) = change.events {
        row.events = event_names(&events)?;
    }
    if let Some(description) = change.description {
        row.description = Some(description);
    }
    if let Some(enabled) = change.enabled {
        // Turned on again: a fresh start, not the rest of an old failing streak.
        if enabled && !row.enabled {
            row.failing_since = None;
        }
        row.enabled = enabled;
    }
    if let Some(api_version) = change.api_version {
        row.api_version = api_version;
    }
    row.updated_at = now;
    store::save_endpoint(conn, &row)?;
    Ok(row)
}

pub fn delete(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<(), Error> {
    locked(conn, principal, id)?;
    Ok(store::delete_endpoint(conn, id)?)
}

/// A new secret, shown once; the current one keeps signing beside it for 24 hours.
pub fn rotate_secret(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    sealer: &Sealer,
    now: DateTime<Utc>,
) -> Result<(EndpointRow, String), Error> {
    let mut row = locked(conn, principal, id)?;
    let secret = new_secret(WEBHOOK_SECRET_PREFIX);
    row.previous_secret_sealed = Some(std::mem::replace(&mut row.secret_sealed, sealer.seal(secret.as_bytes())));
    row.previous_secret_expires_at = Some(now + ROTATION_OVERLAP);
    row.updated_at = now;
    store::save_endpoint(conn, &row)?;
    Ok((row, secret))
}

/// Queues a `ping` delivery to the endpoint.
pub fn test(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<DeliveryRow, Error> {
    let row = locked(conn, principal, id)?;
    // Test pings wait their turn like any delivery; a queue of them is not a test.
    if store::pending_pings(conn, row.id)? >= PENDING_PINGS {
        return Err(Error {
            retry_after: Some(60),
            ..Error::new(Code::RateLimited, format!("{PENDING_PINGS} test deliveries already wait for this endpoint."))
        });
    }
    let event_id = Uuid::now_v7();
    let payload = super::notify::body(&crate::views::webhooks::WebhookEvent::ping(event_id, row.id, now));
    let delivery = DeliveryRow::new(row.id, event_id, "ping", payload, now);
    store::insert_delivery(conn, &delivery)?;
    Ok(delivery)
}

pub fn deliveries(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    page: Page,
) -> Result<Vec<DeliveryRow>, Error> {
    get(conn, principal, id)?;
    Ok(store::list_deliveries(conn, id, page)?)
}

/// Makes a delivery due again now (one more attempt; a spent schedule fails it again).
pub fn redeliver(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    delivery_id: Uuid,
    now: DateTime<Utc>,
) -> Result<DeliveryRow, Error> {
    locked(conn, principal, id)?;
    store::redeliver(conn, id, delivery_id, now)?.ok_or_else(|| Error::not_found("delivery"))
}

/// A claimed delivery, ready to send: where, what, and its signature.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub delivery: DeliveryRow,
    pub endpoint: EndpointRow,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
    /// Why it must not be sent, if so (the attempt then fails with this reason).
    pub refusal: Option<String>,
}

/// Claims due deliveries and signs each with the endpoint's live secrets (the previous
/// one too while its overlap lasts), stamped with the real time.
pub fn claim(
    conn: &mut PgConnection,
    sealer: &Sealer,
    now: DateTime<Utc>,
    real_now: DateTime<Utc>,
    lease: Duration,
    limit: i64,
) -> Result<Vec<Outgoing>, Error> {
    let lease_until = real_now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(1));
    let claimed = store::claim_due(conn, now, real_now, lease_until, limit)?;
    Ok(claimed
        .into_iter()
        .map(|(delivery, endpoint)| {
            // Stored in the current version's shape; sent in the endpoint's.
            let mut payload = delivery.payload.clone();
            crate::views::versions::event_at(endpoint.api_version, &delivery.event_type, &mut payload);
            let body = serde_json::to_vec(&payload).unwrap_or_default();
            // A secret sealed under another pepper cannot be opened: nothing is sent
            // unsigned; the attempt fails until the owner rotates the secret.
            let Some(current) = sealer.open(&endpoint.secret_sealed) else {
                let refusal = Some("the endpoint's secret cannot be opened (the pepper changed): rotate it".into());
                return Outgoing { delivery, endpoint, body, headers: Vec::new(), refusal };
            };
            let mut secrets = vec![current];
            if endpoint.previous_secret_expires_at.is_some_and(|t| t > now)
                && let Some(previous) = endpoint.previous_secret_sealed.as_deref().and_then(|s| sealer.open(s))
            {
                secrets.push(previous);
            }
            let secrets: Vec<&[u8]> = secrets.iter().map(Vec::as_slice).collect();
            let headers = vec![
                ("keyport-event-id", delivery.event_id.to_string()),
                ("keyport-event-type", delivery.event_type.clone()),
                ("keyport-version", endpoint.api_version.as_str().to_string()),
                ("keyport-signature", signature_header(&secrets, real_now.timestamp(), &body)),
            ];
            Outgoing { delivery, endpoint, body, headers, refusal: None }
        })
        .collect())
}

/// What a pass of the delivery worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct DeliveryReport {
    /// Attempts made.
    pub attempted: u32,
    /// Deliveries answered with a 2xx.
    pub delivered: u32,
    /// Failed attempts to be tried again later.
    pub retrying: u32,
    /// Deliveries whose schedule is spent: `failed`.
    pub failed: u32,
    /// Endpoints turned off after failing for the whole schedule.
    pub endpoints_disabled: u32,
}

/// Records an attempt's outcome (`Ok(status)` or why there was no answer): a 2xx is
/// delivered; anything else is tried again by the schedule, then failed. An endpoint
/// whose every attempt has failed for the schedule's whole span is turned off and its
/// owner told.
pub fn finish(
    conn: &mut PgConnection,
    out: &Outgoing,
    outcome: Result<u16, String>,
    schedule: &[Duration],
    now: DateTime<Utc>,
    report: &mut DeliveryReport,
) -> Result<(), Error> {
    let delivered = matches!(outcome, Ok(200..=299));
    let (status_code, error) = match &outcome {
        Ok(code) => (Some(i32::from(*code)), None),
        Err(reason) => (None, Some(reason.chars().take(500).collect::<String>())),
    };
    let attempts = u32::try_from(out.delivery.attempts).unwrap_or(u32::MAX);
    let (status, next_attempt_at) = if delivered {
        (store::DELIVERED, None)
    } else {
        match retry(schedule, attempts) {
            Retry::After(wait) => {
                let wait = chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::days(1));
                (store::PENDING, Some(now.checked_add_signed(wait).unwrap_or(now + chrono::Duration::days(1))))
            }
            Retry::GiveUp => (store::FAILED, None),
        }
    };
    let attempt = Attempt { status, next_attempt_at, status_code, error, at: now };
    let Some(failing_since) = store::record_attempt(conn, &out.delivery, &attempt)? else {
        // The lease ran out and another worker holds the delivery: its outcome counts.
        return Ok(());
    };
    report.attempted += 1;
    match status {
        store::DELIVERED => report.delivered += 1,
        store::FAILED => report.failed += 1,
        _ => report.retrying += 1,
    }
    let span: Duration = schedule.iter().sum();
    let span = chrono::Duration::from_std(span).unwrap_or(chrono::Duration::days(3));
    if let Some(since) = failing_since
        && now - since >= span
        && store::disable(conn, out.endpoint.id, now)?
    {
        report.endpoints_disabled += 1;
        let target = crate::audit::Target {
            kind: Some("webhook-endpoint".into()),
            id: Some(out.endpoint.id.to_string()),
            tenant_id: out.endpoint.owner_tenant_id,
            partner_id: out.endpoint.owner_partner_id,
            refused: None,
        };
        let summary = format!("turned off: every delivery failed since {since}");
        crate::audit::record_system(conn, "webhook_endpoint_disabled", target, summary, now)?;
        let host = reqwest::Url::parse(&out.endpoint.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let event = events::webhook_endpoint_disabled(out.endpoint.id, &host, out.endpoint.owner_tenant_id, since);
        let inbox = match (out.endpoint.owner_partner_id, out.endpoint.owner_tenant_id) {
            (Some(p), _) => Some(Inbox::Partner(p)),
            (_, Some(t)) => Some(Inbox::Tenant(t)),
            _ => None, // the operator has no inbox
        };
        if let Some(inbox) = inbox {
            super::notify::deliver(conn, &event, &[inbox], now)?;
        }
    }
    Ok(())
}

/// Vets a URL the way every delivery will (SPEC §10): 422 `webhook-url-forbidden`.
async fn vetted(state: &AppState, url: String) -> Result<String, Error> {
    state
        .webhooks
        .vet(&url)
        .await
        .map(|_| url)
        .map_err(|refused| Error::new(Code::WebhookUrlForbidden, format!("The URL {}.", refused.0)))
}

/// Registers an endpoint; returns it with its secret (shown once) and the instant. Who may
/// register is settled before the URL is looked up: no name resolution for callers who may
/// not.
pub async fn register_endpoint(
    state: &AppState,
    principal: &Principal,
    request: CreateEndpoint,
    api_version: ApiVersion,
) -> Result<((EndpointRow, String), DateTime<Utc>), Error> {
    let CreateEndpoint { url, events, description } = request;
    let caller = principal.clone();
    state.read(move |conn, _| authz::webhook_owner(conn, &caller).map(drop)).await?;
    let new = NewEndpoint { url: vetted(state, url).await?, events, description, api_version };
    let (sealer, principal) = (state.pepper.sealer(SEALING_PURPOSE), principal.clone());
    state.transaction(move |conn, now| Ok((register(conn, &principal, new, &sealer, now)?, now))).await
}

/// Changes an endpoint; a new URL is vetted once the endpoint is known to be the caller's.
pub async fn update_endpoint(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    request: UpdateEndpoint,
) -> Result<(EndpointRow, DateTime<Utc>), Error> {
    let UpdateEndpoint { url, events, description, enabled, api_version } = request;
    let url = match url {
        Some(url) => {
            let caller = principal.clone();
            state.read(move |conn, _| get(conn, &caller, id).map(drop)).await?;
            Some(vetted(state, url).await?)
        }
        None => None,
    };
    let (change, principal) = (EndpointChange { url, events, description, enabled, api_version }, principal.clone());
    state.transaction(move |conn, now| Ok((update(conn, &principal, id, change, now)?, now))).await
}
