//! Delegated administration: a partner's offer, the customer's answer, the relationship it
//! becomes and its end, and the expiry of offers nobody answered.

use chrono::{DateTime, Days, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::Committed;
use crate::{
    auth::Principal,
    authz,
    domain::{
        events::{self, Inbox, RelationshipChange, RelationshipSubject},
        notices,
        roles::{DelegatedRole, Roles},
        statuses::{NoticeOutcome, OfferStatus, RelationshipStatus},
    },
    error::{Code, Error},
    store::{
        self, Page,
        delegation::{self, OfferRow, RelationshipRow},
        partners,
        partners::PartnerRow,
        subscriptions, tenants,
    },
    views::delegation::{CreateOffer, UpdateRelationship},
};

/// Days an offer waits for an answer.
pub const OFFER_DAYS: u64 = 90;
/// Length of a relationship when the offer does not say (the longest allowed).
pub const DEFAULT_DURATION_DAYS: i32 = 730;
/// How many offers or relationships past their time a request tidies up on its way.
const TIDY: i64 = 10;
/// How far an auto-extending relationship moves its end each time.
pub const EXTENSION_DAYS: u64 = 180;
/// Days before a relationship's end at which both sides hear it will not extend.
pub const NOTICE_DAYS: [u32; 3] = [30, 7, 1];

/// What a partner offers.
pub struct NewOffer {
    pub tenant_id: Uuid,
    pub message: String,
    pub duration_days: Option<i32>,
    pub roles: Roles,
    pub auto_extend: bool,
}

fn company_name(conn: &mut PgConnection, tenant_id: Uuid) -> Result<String, Error> {
    Ok(tenants::get(conn, tenant_id, crate::store::scopes::TenantScope::All)?
        .map(|t| t.company_name)
        .unwrap_or_default())
}

fn partner(conn: &mut PgConnection, id: Uuid) -> Result<PartnerRow, Error> {
    partners::get(conn, id)?.ok_or_else(|| Error::not_found("partner"))
}

/// A partner's offer to administer a tenant: it must be enrolled in Cloud Essentials and
/// partner of record there, with no pending offer and no live relationship; the tenant is
/// notified.
pub fn create_offer(
    conn: &mut PgConnection,
    principal: &Principal,
    partner_id: Uuid,
    offer: NewOffer,
    now: DateTime<Utc>,
) -> Result<OfferRow, Error> {
    let tenant_id = offer.tenant_id;
    if offer.auto_extend && offer.roles.contains(DelegatedRole::GlobalAdministrator) {
        return Err(Error::new(
            Code::AutoExtendNotAllowed,
            "A relationship with global_administrator cannot extend itself; offer it without auto_extend.",
        ));
    }
    authz::tenant_to_change(conn, principal, tenant_id, now)?;
    let partner = partner(conn, partner_id)?;
    if !partner.cloud_essentials {
        return Err(Error::new(
            Code::CloudEssentialsRequired,
            "Offering delegated administration needs enrolment in Cloud Essentials.",
        ));
    }
    if !subscriptions::partner_of_record_in_tenant(conn, tenant_id, partner_id)? {
        return Err(Error::new(
            Code::PartnerOfRecordRequired,
            "The customer must first name you partner of record on one of its subscriptions.",
        ));
    }
    // Offers and relationships past their time make way before the checks.
    expire_offers(conn, now, Some((partner_id, tenant_id)), TIDY)?;
    advance_relationships(conn, now, Some((partner_id, tenant_id)), TIDY)?;
    let pending = || Error::new(Code::OfferPending, "An offer of yours to this tenant is waiting for an answer.");
    if delegation::pending_offer_exists(conn, partner_id, tenant_id, now)? {
        return Err(pending());
    }
    if delegation::active_relationship(conn, partner_id, tenant_id, now)?.is_some() {
        return Err(Error::new(Code::RelationshipExists, "You already administer this tenant."));
    }
    let row = OfferRow {
        id: Uuid::now_v7(),
        partner_id,
        tenant_id,
        message: offer.message,
        status: OfferStatus::Pending,
        duration_days: offer.duration_days.unwrap_or(DEFAULT_DURATION_DAYS),
        created_at: now,
        expires_at: now + Days::new(OFFER_DAYS),
        decided_at: None,
        roles: offer.roles,
        auto_extend: offer.auto_extend,
    };
    delegation::insert_offer(conn, &row)
        .map_err(|e| if store::violates(&e, delegation::ONE_PENDING) { pending() } else { e.into() })?;
    crate::audit::note("delegated-admin-offer", row.id, Some(tenant_id), Some(row.partner_id));
    let event = events::offer_created(row.id, tenant_id, &partner.name);
    super::notify::deliver(conn, &event, &[Inbox::Tenant(tenant_id)], now)?;
    Ok(row)
}

/// Offers the caller may read: a partner those it sent, a tenant admin those received.
pub fn list_offers(
    conn: &mut PgConnection,
    principal: &Principal,
    status: Option<OfferStatus>,
    page: Page,
    now: DateTime<Utc>,
) -> Result<Vec<OfferRow>, Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    Ok(delegation::list_offers(conn, scope, status, now, page)?)
}

pub fn get_offer(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<OfferRow, Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    delegation::get_offer(conn, id)?
        .filter(|o| authz::sees(scope, o.partner_id, o.tenant_id))
        .ok_or_else(|| Error::not_found("offer"))
}

/// The offer, locked, for one who may see it; one found past its time is expired here
/// (kept after commit) and answered `offer-not-pending`.
fn lock_pending_offer(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<OfferRow>, Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    let offer = delegation::lock_offer(conn, id)?
        .filter(|o| authz::sees(scope, o.partner_id, o.tenant_id))
        .ok_or_else(|| Error::not_found("offer"))?;
    let not_pending = || Error::new(Code::OfferNotPending, "The offer is no longer pending.");
    if offer.status == OfferStatus::Pending && !offer.is_pending(now) {
        expire_offers(conn, now, Some((offer.partner_id, offer.tenant_id)), TIDY)?;
        crate::audit::refused("offer-not-pending");
        return Ok(Err(not_pending()));
    }
    if offer.status != OfferStatus::Pending {
        return Err(not_pending());
    }
    Ok(Ok(offer))
}

/// The customer accepts: the relationship begins; the partner is told.
pub fn accept_offer(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<(RelationshipRow, PartnerRow)>, Error> {
    let offer = match lock_pending_offer(conn, principal, id, now)? {
        Ok(offer) => offer,
        Err(answer) => return Ok(Err(answer)),
    };
    authz::answers_offers(principal)?;
    let exists = || Error::new(Code::RelationshipExists, "This partner already administers the tenant.");
    advance_relationships(conn, now, Some((offer.partner_id, offer.tenant_id)), TIDY)?;
    if delegation::active_relationship(conn, offer.partner_id, offer.tenant_id, now)?.is_some() {
        return Err(exists());
    }
    delegation::decide_offer(conn, id, OfferStatus::Accepted, now)?;
    let ends_at = now + Days::new(offer.duration_days as u64);
    let relationship = RelationshipRow {
        id: Uuid::now_v7(),
        partner_id: offer.partner_id,
        tenant_id: offer.tenant_id,
        offer_id: offer.id,
        status: RelationshipStatus::Active,
        starts_at: now,
        ends_at,
        terminated_at: None,
        roles: offer.roles,
        auto_extend: offer.auto_extend,
        next_event_at: next_look(ends_at, offer.auto_extend, now),
    };
    // A relationship past its end that a concurrent sweep holds still counts as live.
    delegation::insert_relationship(conn, &relationship)
        .map_err(|e| if store::violates(&e, delegation::ONE_ACTIVE) { exists() } else { e.into() })?;
    crate::audit::note("delegated-admin-relationship", relationship.id, Some(offer.tenant_id), Some(offer.partner_id));
    let company = company_name(conn, offer.tenant_id)?;
    let event = events::offer_ended(OfferStatus::Accepted, offer.id, offer.tenant_id, &company);
    super::notify::deliver(conn, &event, &[Inbox::Partner(offer.partner_id)], now)?;
    Ok(Ok((relationship, partner(conn, offer.partner_id)?)))
}

/// The customer declines; the partner is told.
pub fn decline_offer(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<OfferRow>, Error> {
    if let Err(answer) = lock_pending_offer(conn, principal, id, now)? {
        return Ok(Err(answer));
    }
    authz::answers_offers(principal)?;
    let offer =
        delegation::decide_offer(conn, id, OfferStatus::Declined, now)?.ok_or_else(|| Error::not_found("offer"))?;
    crate::audit::note("delegated-admin-offer", offer.id, Some(offer.tenant_id), Some(offer.partner_id));
    let company = company_name(conn, offer.tenant_id)?;
    let event = events::offer_ended(OfferStatus::Declined, offer.id, offer.tenant_id, &company);
    super::notify::deliver(conn, &event, &[Inbox::Partner(offer.partner_id)], now)?;
    Ok(Ok(offer))
}

/// The partner withdraws its offer while it is pending.
pub fn revoke_offer(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<OfferRow>, Error> {
    let offer = match lock_pending_offer(conn, principal, id, now)? {
        Ok(offer) => offer,
        Err(answer) => return Ok(Err(answer)),
    };
    authz::partner(principal)?;
    let revoked = delegation::decide_offer(conn, offer.id, OfferStatus::Revoked, now)?;
    crate::audit::note("delegated-admin-offer", offer.id, Some(offer.tenant_id), Some(offer.partner_id));
    Ok(Ok(revoked.ok_or_else(|| Error::not_found("offer"))?))
}

pub fn list_relationships(
    conn: &mut PgConnection,
    principal: &Principal,
    page: Page,
) -> Result<Vec<(RelationshipRow, PartnerRow)>, Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    Ok(delegation::list_relationships(conn, scope, page)?)
}

pub fn get_relationship(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
) -> Result<(RelationshipRow, PartnerRow), Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    delegation::get_relationship(conn, id)?
        .filter(|(r, _)| authz::sees(scope, r.partner_id, r.tenant_id))
        .ok_or_else(|| Error::not_found("relationship"))
}

/// Either side ends a live relationship; both are told.
pub fn terminate_relationship(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    let row = delegation::lock_relationship(conn, id)?
        .filter(|r| authz::sees(scope, r.partner_id, r.tenant_id))
        .ok_or_else(|| Error::not_found("relationship"))?;
    authz::ends_relationships(principal)?;
    if !row.is_active(now) {
        return Err(Error::new(Code::RelationshipNotActive, "The relationship has already ended."));
    }
    let row = delegation::terminate(conn, id, now)?;
    crate::audit::note("delegated-admin-relationship", row.id, Some(row.tenant_id), Some(row.partner_id));
    let partner = partner(conn, row.partner_id)?;
    let company = company_name(conn, row.tenant_id)?;
    let event = events::relationship_terminated(row.id, row.offer_id, row.tenant_id, &partner.name, &company);
    super::notify::deliver(conn, &event, &[Inbox::Partner(row.partner_id), Inbox::Tenant(row.tenant_id)], now)?;
    Ok(())
}

/// Expires pending offers past their time (of one partner and tenant, or all) and tells
/// each partner; returns how many. Claimed rows and the per-inbox event key make this
/// exactly once however many callers race.
pub fn expire_offers(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    pair: Option<(Uuid, Uuid)>,
    limit: i64,
) -> diesel::QueryResult<usize> {
    let due = delegation::due_offers(conn, now, pair, limit)?;
    for offer in &due {
        delegation::decide_offer(conn, offer.id, OfferStatus::Expired, now)?;
        let company = tenants::get(conn, offer.tenant_id, crate::store::scopes::TenantScope::All)?
            .map(|t| t.company_name)
            .unwrap_or_default();
        let event = events::offer_ended(OfferStatus::Expired, offer.id, offer.tenant_id, &company);
        super::notify::deliver(conn, &event, &[Inbox::Partner(offer.partner_id)], now)?;
    }
    Ok(due.len())
}

/// When the sweeper next looks at a live relationship: at its end when it extends itself,
/// else at its next expiry notice or its end.
fn next_look(ends_at: DateTime<Utc>, auto_extend: bool, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if auto_extend { Some(ends_at) } else { notices::next_notice_or_end(ends_at, now, &NOTICE_DAYS) }
}

/// The customer turns auto-extend off: the relationship ends at the end of its current
/// term (moved on first if an extension was due and not yet swept), with its notices.
pub fn stop_auto_extend(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(RelationshipRow, PartnerRow), Error> {
    let scope = authz::delegation_scope(conn, principal)?;
    let row = delegation::lock_relationship(conn, id)?
        .filter(|r| authz::sees(scope, r.partner_id, r.tenant_id))
        .ok_or_else(|| Error::not_found("relationship"))?;
    authz::changes_relationship_terms(principal)?;
    crate::audit::note("delegated-admin-relationship", row.id, Some(row.tenant_id), Some(row.partner_id));
    if !row.is_active(now) {
        return Err(Error::new(Code::RelationshipNotActive, "The relationship has already ended."));
    }
    let row = if row.auto_extend {
        let ends_at = extended_end(row.ends_at, now);
        // The sweeper looks at once: a notice may already be due for the new end.
        delegation::set_term(conn, id, ends_at, false, Some(now))?
    } else {
        row
    };
    Ok((row.clone(), partner(conn, row.partner_id)?))
}

/// The end of an auto-extending relationship's current term at `now`.
fn extended_end(mut ends_at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    while ends_at <= now {
        ends_at = ends_at + Days::new(EXTENSION_DAYS);
    }
    ends_at
}

/// What a batch of relationship work did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RelationshipCounts {
    pub claimed: usize,
    pub notices_sent: u64,
    pub expired: u64,
    pub extended: u64,
}

/// Does what is due for up to `limit` live relationships (optionally of one partner and
/// tenant): expiry notices 30, 7 and 1 days before the end of one that will not extend,
/// then its expiry; the extension of one that extends itself. Notices are recorded before
/// they are announced and relationships are claimed under lock, so racing sweepers
/// announce each exactly once (the mechanism of subscriptions' renewal notices).
pub fn advance_relationships(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    pair: Option<(Uuid, Uuid)>,
    limit: i64,
) -> diesel::QueryResult<RelationshipCounts> {
    let due = delegation::claim_due_relationships(conn, now, pair, limit)?;
    let mut counts = RelationshipCounts { claimed: due.len(), ..Default::default() };
    for row in due {
        let mut changes = Vec::new();
        let mut ends_at = row.ends_at;
        if row.auto_extend {
            if ends_at <= now {
                ends_at = extended_end(ends_at, now);
                delegation::set_term(conn, row.id, ends_at, true, next_look(ends_at, true, now))?;
                changes.push(RelationshipChange::Extended);
                counts.extended += 1;
            } else {
                delegation::set_next_event(conn, row.id, next_look(ends_at, true, now))?;
            }
        } else {
            let recorded: Vec<u32> =
                delegation::recorded_notices(conn, row.id, ends_at)?.into_iter().map(|d| d as u32).collect();
            let plan = notices::renewal_notices_due(ends_at, now, &NOTICE_DAYS, &recorded);
            for days in plan.skip {
                delegation::record_notice(conn, row.id, ends_at, days as i32, NoticeOutcome::Skipped, now)?;
            }
            if let Some(days) = plan.send
                && delegation::record_notice(conn, row.id, ends_at, days as i32, NoticeOutcome::Sent, now)?
            {
                changes.push(RelationshipChange::Expiring(days));
                counts.notices_sent += 1;
            }
            if ends_at <= now {
                delegation::expire(conn, row.id)?;
                changes.push(RelationshipChange::Expired);
                counts.expired += 1;
            } else {
                delegation::set_next_event(conn, row.id, next_look(ends_at, false, now))?;
            }
        }
        if !changes.is_empty() {
            let partner = partners::get(conn, row.partner_id)?.map(|p| p.name).unwrap_or_default();
            let company = tenants::get(conn, row.tenant_id, crate::store::scopes::TenantScope::All)?
                .map(|t| t.company_name)
                .unwrap_or_default();
            let subject = RelationshipSubject {
                relationship_id: row.id,
                offer_id: row.offer_id,
                tenant_id: row.tenant_id,
                partner_name: &partner,
                company_name: &company,
                ends_at,
            };
            let inboxes = [Inbox::Partner(row.partner_id), Inbox::Tenant(row.tenant_id)];
            for change in changes {
                super::notify::deliver(conn, &events::relationship(&subject, change), &inboxes, now)?;
            }
        }
    }
    Ok(counts)
}

impl From<CreateOffer> for NewOffer {
    /// An offer that names no roles asks for the default ones (never global).
    fn from(request: CreateOffer) -> Self {
        let CreateOffer { tenant_id, message, duration_days, roles, auto_extend } = request;
        let roles = Roles::of(roles.as_deref().unwrap_or(&Roles::DEFAULT));
        NewOffer { tenant_id, message, duration_days, roles, auto_extend: auto_extend.unwrap_or(false) }
    }
}

/// A tenant admin changes a relationship: only turning auto-extend off (the partner's offer
/// turns it on, with the customer's acceptance).
pub fn update_relationship(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    change: UpdateRelationship,
    now: DateTime<Utc>,
) -> Result<(RelationshipRow, PartnerRow), Error> {
    if change.auto_extend {
        return Err(Error::invalid("auto_extend", "can only be turned off here; the partner's offer turns it on"));
    }
    stop_auto_extend(conn, principal, id, now)
}
