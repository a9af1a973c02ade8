//! Reseller relationships (SPEC §13): a distributor invites a partner by its number, the
//! partner accepts or declines, either side ends an active one; an invitation lapses after
//! 30 days. The operator may still record one the older way (a partner's `reseller`).

use chrono::{DateTime, Days, NaiveDate, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz,
    domain::{
        events::{self, Inbox},
        statuses::{EventKind, ResellerStatus},
    },
    error::{Code, Error},
    store::{
        self, Page,
        distributors::{self, DistributorRow},
        partners::{self, PartnerRow},
        resellers::{self, ResellerRecord, ResellerRow, ResellerScope},
        stock::ChainScope,
    },
};

/// Days an invitation waits for an answer.
pub const INVITATION_DAYS: u64 = 30;

fn not_invited(status: ResellerStatus) -> Error {
    Error::new(Code::RelationshipNotInvited, format!("The relationship is {status}; only an invitation is answered."))
}

/// The distributor, present and authorised to act (403 `distributor-not-authorised`).
pub fn authorised(conn: &mut PgConnection, distributor_id: Uuid) -> Result<DistributorRow, Error> {
    let distributor = distributors::lock(conn, distributor_id)?.ok_or_else(|| Error::not_found("distributor"))?;
    if !distributor.authorised {
        return Err(Error::new(
            Code::DistributorNotAuthorised,
            "The distributor's authorisation is suspended: it cannot invite, allocate or receive batches.",
        ));
    }
    Ok(distributor)
}

fn record(conn: &mut PgConnection, id: Uuid) -> Result<ResellerRecord, Error> {
    resellers::get(conn, id)?.ok_or_else(|| Error::not_found("reseller relationship"))
}

/// A distributor invites a partner by its partner number (an unknown one counts against
/// the caller's budget, as at `PUT …/partner-of-record`).
pub fn invite(
    conn: &mut PgConnection,
    principal: &Principal,
    partner_number: &str,
    now: DateTime<Utc>,
) -> Result<ResellerRecord, Error> {
    let distributor = authorised(conn, authz::distributor(principal)?)?;
    let partner = partners::find_by_number(conn, partner_number)?
        .ok_or_else(|| Error::new(Code::UnknownPartnerNumber, "No partner has this partner number."))?;
    resellers::expire_between(conn, distributor.id, partner.id, now)?;
    let row = ResellerRow {
        id: Uuid::now_v7(),
        distributor_id: distributor.id,
        partner_id: partner.id,
        status: ResellerStatus::Invited,
        created_at: now,
        expires_at: now + Days::new(INVITATION_DAYS),
        since: None,
        ended_at: None,
    };
    resellers::insert(conn, &row).map_err(|e| match store::violates(&e, resellers::LIVE_KEY) {
        true => {
            Error::new(Code::RelationshipExists, "An invitation or an active relationship with this partner exists.")
        }
        false => e.into(),
    })?;
    let invited = events::reseller(EventKind::ResellerInvited, row.id, &distributor.name);
    super::notify::deliver(conn, &invited, &[Inbox::Partner(partner.id)], now)?;
    crate::audit::note("reseller-relationship", row.id, None, Some(partner.id));
    record(conn, row.id)
}

fn scope_of(scope: ChainScope) -> ResellerScope {
    match scope {
        ChainScope::All => ResellerScope::All,
        ChainScope::Distributor(d) => ResellerScope::Distributor(d),
        ChainScope::Partner(p) => ResellerScope::Partner(p),
    }
}

pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    status: Option<ResellerStatus>,
    page: Page,
) -> Result<Vec<ResellerRecord>, Error> {
    Ok(resellers::list(conn, scope_of(authz::chain_scope(principal)?), status, page)?)
}

/// A relationship the caller is a side of (the operator: any); 404 otherwise.
pub fn get(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<ResellerRecord, Error> {
    let scope = authz::chain_scope(principal)?;
    let found = record(conn, id)?;
    if !authz::sees_chain(scope, found.0.distributor_id, found.0.partner_id) {
        return Err(Error::not_found("reseller relationship"));
    }
    Ok(found)
}

/// The partner answers an invitation: `accept` makes it active since today.
pub fn answer(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    accept: bool,
    now: DateTime<Utc>,
) -> Result<ResellerRecord, Error> {
    let partner_id = authz::partner(principal)?;
    let row = resellers::lock(conn, id)?
        .filter(|r| r.partner_id == partner_id)
        .ok_or_else(|| Error::not_found("reseller relationship"))?;
    if row.status != ResellerStatus::Invited || row.expires_at <= now {
        let status = if row.status == ResellerStatus::Invited { ResellerStatus::Expired } else { row.status };
        return Err(not_invited(status));
    }
    let (status, kind) = match accept {
        true => (ResellerStatus::Active, EventKind::ResellerAccepted),
        false => (ResellerStatus::Declined, EventKind::ResellerDeclined),
    };
    let since = accept.then(|| now.date_naive());
    resellers::set_status(conn, id, status, since, (!accept).then_some(now))?;
    let partner = partners::get(conn, partner_id)?.ok_or_else(|| Error::not_found("partner"))?;
    super::notify::deliver(
        conn,
        &events::reseller(kind, id, &partner.name),
        &[Inbox::Distributor(row.distributor_id)],
        now,
    )?;
    crate::audit::note("reseller-relationship", id, None, Some(partner_id));
    record(conn, id)
}

/// Either side ends an active relationship; both hear of it.
pub fn end(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<ResellerRecord, Error> {
    let scope = match authz::chain_scope(principal)? {
        ChainScope::All => return Err(Error::forbidden("Only the distributor or the partner ends a relationship.")),
        scope => scope,
    };
    let row = resellers::lock(conn, id)?
        .filter(|r| authz::sees_chain(scope, r.distributor_id, r.partner_id))
        .ok_or_else(|| Error::not_found("reseller relationship"))?;
    if row.status != ResellerStatus::Active {
        return Err(Error::new(
            Code::RelationshipNotActive,
            format!("The relationship is {}; only an active one ends.", row.status),
        ));
    }
    let ended = resellers::set_status(conn, id, ResellerStatus::Ended, row.since, Some(now))?;
    announce_ended(conn, &[ended], now)?;
    crate::audit::note("reseller-relationship", id, None, Some(row.partner_id));
    record(conn, id)
}

/// `reseller_relationship.ended` to both sides of each relationship.
fn announce_ended(conn: &mut PgConnection, ended: &[ResellerRow], now: DateTime<Utc>) -> Result<(), Error> {
    for row in ended {
        let (_, (_, distributor), (_, partner, _)) = record(conn, row.id)?;
        let to_partner = events::reseller(EventKind::ResellerEnded, row.id, &distributor);
        let to_distributor = events::reseller(EventKind::ResellerEnded, row.id, &partner);
        super::notify::deliver_many(
            conn,
            &[
                (&to_partner, &[Inbox::Partner(row.partner_id)]),
                (&to_distributor, &[Inbox::Distributor(row.distributor_id)]),
            ],
            now,
        )?;
    }
    Ok(())
}

/// A partner's `reseller` set the older way: an active relationship since that date with
/// the authorised distributor of that name, made (without API clients) when none has it.
pub fn record_legacy(
    conn: &mut PgConnection,
    partner_id: Uuid,
    distributor: &str,
    since: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let named = DistributorRow { id: Uuid::now_v7(), name: distributor.to_string(), authorised: true, created_at: now };
    let found = distributors::find_or_insert(conn, &named)?;
    let distributor = authorised(conn, found.id)?;
    if resellers::active_between(conn, distributor.id, partner_id)?.is_some() {
        return Ok(());
    }
    let row = ResellerRow {
        id: Uuid::now_v7(),
        distributor_id: distributor.id,
        partner_id,
        status: ResellerStatus::Active,
        created_at: now,
        expires_at: now,
        since: Some(since),
        ended_at: None,
    };
    resellers::insert(conn, &row).map_err(|e| match store::violates(&e, resellers::LIVE_KEY) {
        true => Error::new(Code::RelationshipExists, "An invitation between the two is pending; answer it instead."),
        false => e.into(),
    })
}

/// `reseller: null` the older way: every active relationship of the partner ends.
pub fn end_all_of_partner(conn: &mut PgConnection, partner: &PartnerRow, now: DateTime<Utc>) -> Result<(), Error> {
    let ended = resellers::end_all_of_partner(conn, partner.id, now)?;
    announce_ended(conn, &ended, now)
}

/// The sweeper's part: invitations past their time expire. Returns how many.
pub fn expire_invitations(conn: &mut PgConnection, now: DateTime<Utc>) -> diesel::QueryResult<usize> {
    Ok(resellers::expire_due(conn, now, 500)?.len())
}
