//! The redemption wizard: attest, add keys, review, confirm, and create the customer's
//! account — tenant, subscriptions and first admin — in one transaction.

use crate::store::keys::KeyHolder;
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::{Committed, Schedule, catalogue::supported_country, keys as key_rules, users as user_rules};
use crate::{
    auth::{Principal, secrets::Pepper},
    authz,
    domain::{
        events::{self, Inbox},
        lifecycle::term_end,
        notices::next_check,
        statuses::{Billing, RedemptionStatus, TenantStatus},
        tenant_domain,
    },
    error::{Code, Error},
    metrics::COUNTERS,
    state::AppState,
    store::{
        self, Page, keys,
        movements::Mover,
        partners,
        products::ProductRow,
        redemptions::{self, Account, Entry, EntryRow, RedemptionRow, Review},
        subscriptions::{self, SubscriptionRow},
        tenants::{self, TenantRow},
        users::UserRow,
    },
    views::redemptions::{AdminInput, CreateAccount},
};

/// Keys one redemption may hold.
pub const MAX_KEYS: i64 = 50;

fn expired() -> Error {
    Error::new(
        Code::RedemptionExpired,
        "The redemption expired after a period without activity and its keys were released; start a new one.",
    )
}

/// The refusal of a request for a step the redemption is past (or not yet at): what
/// happened and what to do next.
fn out_of_step(row: &RedemptionRow) -> Error {
    match row.status {
        RedemptionStatus::Open => {
            Error::new(Code::RedemptionNotConfirmed, "Confirm the keys (POST …/confirm) before creating the account.")
        }
        RedemptionStatus::Confirmed => Error::new(
            Code::RedemptionNotOpen,
            "The redemption is confirmed: its keys can no longer change. Create the account (POST …/account), \
             or cancel the redemption and start a new one.",
        ),
        RedemptionStatus::Completed => Error::new(
            Code::RedemptionCompleted,
            match row.tenant_id {
                Some(tenant) => format!(
                    "The redemption is completed: its account was created (tenant {tenant}). \
                     Start a new redemption for other keys."
                ),
                None => "The redemption is completed. Start a new redemption for other keys.".to_string(),
            },
        ),
        RedemptionStatus::Cancelled => {
            Error::new(Code::RedemptionNotOpen, "The redemption was cancelled and its keys released; start a new one.")
        }
        RedemptionStatus::Expired => expired(),
    }
}

/// The caller's redemption, locked; one whose time ran out is expired here (its keys
/// released, kept after commit) and answered with 410.
fn lock_live(
    conn: &mut PgConnection,
    id: Uuid,
    partner_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<RedemptionRow>, Error> {
    let row = redemptions::lock(conn, id, partner_id)?.ok_or_else(|| Error::not_found("redemption"))?;
    if row.is_live() && row.expires_at <= now {
        redemptions::close(conn, &row, RedemptionStatus::Expired, by(partner_id), now)?;
        crate::audit::refused("redemption-expired");
        return Ok(Err(expired()));
    }
    if row.status == RedemptionStatus::Expired {
        crate::audit::refused("redemption-expired");
        return Ok(Err(expired()));
    }
    Ok(Ok(row))
}

/// Like [`lock_live`], for changes that only an open redemption accepts.
fn lock_open(
    conn: &mut PgConnection,
    id: Uuid,
    partner_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<RedemptionRow>, Error> {
    match lock_live(conn, id, partner_id, now)? {
        Ok(row) if row.status != RedemptionStatus::Open => Err(out_of_step(&row)),
        other => Ok(other),
    }
}

/// A partner moving its cards, as the ledger names it.
fn by(partner_id: Uuid) -> Mover {
    Mover { role: "partner", id: Some(partner_id) }
}

/// Unwraps a live redemption or leaves the function with the committed outcome.
macro_rules! live_or_return {
    ($e:expr) => {
        match $e? {
            Ok(row) => row,
            Err(answer) => return Ok(Err(answer)),
        }
    };
}

fn review(conn: &mut PgConnection, row: RedemptionRow) -> Result<Review, Error> {
    let entries = redemptions::entries(conn, row.id)?;
    Ok((row, entries))
}

/// Opens a redemption for a partner that attested it is the right person to do this.
pub fn open(
    conn: &mut PgConnection,
    partner_id: Uuid,
    acknowledged: bool,
    ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Review, Error> {
    if !acknowledged {
        return Err(Error::new(
            Code::AcknowledgementRequired,
            "Confirm that you are the right person to do this for your company: send acknowledged: true.",
        ));
    }
    let row = RedemptionRow {
        id: Uuid::now_v7(),
        partner_id,
        status: RedemptionStatus::Open,
        created_at: now,
        expires_at: now + ttl,
        tenant_id: None,
    };
    redemptions::insert(conn, &row)?;
    Ok((row, Vec::new()))
}

pub fn list(
    conn: &mut PgConnection,
    partner_id: Uuid,
    status: Option<RedemptionStatus>,
    page: Page,
) -> Result<Vec<RedemptionRow>, Error> {
    Ok(redemptions::list(conn, partner_id, status, page)?)
}

pub fn get(
    conn: &mut PgConnection,
    partner_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Committed<Review>, Error> {
    let row = live_or_return!(lock_live(conn, id, partner_id, now));
    Ok(Ok(review(conn, row)?))
}

/// Cancels an open or confirmed redemption; its keys are released.
pub fn cancel(conn: &mut PgConnection, partner_id: Uuid, id: Uuid, now: DateTime<Utc>) -> Result<Committed<()>, Error> {
    let row = live_or_return!(lock_live(conn, id, partner_id, now));
    if !row.is_live() {
        return Err(out_of_step(&row));
    }
    redemptions::close(conn, &row, RedemptionStatus::Cancelled, by(partner_id), now)?;
    Ok(Ok(()))
}

/// Reserves a key (by its keyed digest) for the redemption; returns its entry and whether
/// it is new (a key the redemption holds already is answered with its entry).
pub fn add_key(
    conn: &mut PgConnection,
    partner_id: Uuid,
    id: Uuid,
    digest: &[u8],
    ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Committed<(Entry, bool)>, Error> {
    live_or_return!(lock_open(conn, id, partner_id, now));
    let (key, product) = key_rules::find(conn, digest, KeyHolder::Partner(partner_id))?;
    let held = redemptions::entry_rows(conn, id)?;
    if let Some(entry) = held.iter().find(|e| e.key_id == key.id) {
        return Ok(Ok(((entry.clone(), key, product), false)));
    }
    if held.len() as i64 >= MAX_KEYS {
        return Err(Error::new(Code::TooManyKeys, format!("A redemption holds at most {MAX_KEYS} keys.")));
    }
    // The conditional update is the one place a key is claimed: of concurrent claims
    // exactly one finds it available.
    if !keys::reserve(conn, key.id, id, by(partner_id), now)? {
        return Err(key_rules::refusal(conn, key.id)?);
    }
    let entry = EntryRow { id: Uuid::now_v7(), redemption_id: id, key_id: key.id, created_at: now };
    redemptions::insert_entry(conn, &entry)?;
    redemptions::update(conn, id, RedemptionStatus::Open, now + ttl, None)?;
    Ok(Ok(((entry, key, product), true)))
}

/// Releases a key while the redemption is open.
pub fn remove_key(
    conn: &mut PgConnection,
    partner_id: Uuid,
    id: Uuid,
    entry_id: Uuid,
    ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Committed<()>, Error> {
    live_or_return!(lock_open(conn, id, partner_id, now));
    let key_id =
        redemptions::delete_entry(conn, id, entry_id)?.ok_or_else(|| Error::not_found("key in this redemption"))?;
    keys::release(conn, id, Some(key_id), by(partner_id), now)?;
    redemptions::update(conn, id, RedemptionStatus::Open, now + ttl, None)?;
    Ok(Ok(()))
}

/// "Done adding product keys": at least one key, and keys of one product share a term.
pub fn confirm(
    conn: &mut PgConnection,
    partner_id: Uuid,
    id: Uuid,
    ttl: Duration,
    now: DateTime<Utc>,
) -> Result<Committed<Review>, Error> {
    // A second "done" answers like the first: nothing changed since.
    let row = live_or_return!(lock_live(conn, id, partner_id, now));
    if !row.is_live() {
        return Err(out_of_step(&row));
    }
    let entries = redemptions::entries(conn, id)?;
    if entries.is_empty() {
        return Err(Error::new(Code::NoKeys, "Add at least one product key before confirming."));
    }
    let mut terms: BTreeMap<Uuid, (String, i32)> = BTreeMap::new();
    for (_, key, product) in &entries {
        let (name, term) = terms.entry(product.id).or_insert((product.name.clone(), key.term_months));
        if *term != key.term_months {
            return Err(Error::new(
                Code::MixedTerms,
                format!("The keys for {name} have different terms; redeem each term separately."),
            ));
        }
    }
    let row = redemptions::update(conn, id, RedemptionStatus::Confirmed, now + ttl, None)?;
    Ok(Ok((row, entries)))
}

/// The customer's account as the account step asks for it.
pub struct NewAccount {
    pub country: String,
    pub company_name: String,
    pub domain: String,
    pub admin_first_name: String,
    pub admin_last_name: String,
    pub admin_email: String,
}

/// Checks an account's country and domain before anything is locked.
pub fn check_account(account: &NewAccount) -> Result<String, Error> {
    if let Some(problem) = tenant_domain::domain_problem(&account.domain) {
        return Err(Error::invalid("domain", problem));
    }
    supported_country(&account.country)
}

/// A new tenant with its first admin (and the admin's activation token), created by a
/// partner or — for retail keys — by its customer (`creator` none).
pub(super) fn open_tenant(
    conn: &mut PgConnection,
    pepper: &Pepper,
    creator: Option<Uuid>,
    account: NewAccount,
    country: String,
    now: DateTime<Utc>,
) -> Result<(TenantRow, UserRow, String), Error> {
    let tenant = TenantRow {
        id: Uuid::now_v7(),
        company_name: account.company_name,
        country,
        domain: Some(account.domain.clone()),
        status: TenantStatus::Active,
        created_by_partner_id: creator,
        created_at: now,
    };
    tenants::insert(conn, &tenant).map_err(|e| {
        if store::violates(&e, tenants::DOMAIN_KEY) {
            Error::new(Code::DomainTaken, format!("The domain {} is already taken.", account.domain))
        } else {
            e.into()
        }
    })?;
    let admin = UserRow {
        id: Uuid::now_v7(),
        tenant_id: tenant.id,
        email: account.admin_email,
        first_name: account.admin_first_name,
        last_name: account.admin_last_name,
        admin: true,
        password_hash: None,
        created_at: now,
    };
    user_rules::insert(conn, &admin)?;
    crate::audit::note("tenant", tenant.id, Some(tenant.id), creator);
    let activation_token = user_rules::issue_activation_token(conn, pepper, &admin, now)?;
    Ok((tenant, admin, activation_token))
}

/// A new partner-billed subscription of a tenant, starting now, with its notice schedule.
pub(super) fn open_subscription(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    product_id: Uuid,
    seats: i32,
    term_months: i32,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<SubscriptionRow, Error> {
    let ends_at = term_end(now, term_months as u32).ok_or_else(|| Error::internal("term out of range"))?;
    let subscription = SubscriptionRow {
        id: Uuid::now_v7(),
        tenant_id,
        product_id,
        seats,
        billing: Billing::Partner,
        term_months,
        starts_at: now,
        ends_at,
        partner_of_record_id: None,
        superseded_by: None,
        created_at: now,
        next_event_at: next_check(ends_at, now, schedule.periods, &schedule.notice_days),
        auto_renew: false,
        term_starts_at: now,
    };
    subscriptions::insert(conn, &subscription)?;
    Ok(subscription)
}

/// "Create my account", from a confirmed redemption, in the caller's one transaction: the
/// tenant, one subscription per product (seats summed), the admin user with a licence on
/// each, the keys marked redeemed and the redemption completed.
pub fn create_account(
    conn: &mut PgConnection,
    pepper: &Pepper,
    partner_id: Uuid,
    id: Uuid,
    account: NewAccount,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<Committed<Account>, Error> {
    let country = check_account(&account)?;
    let row = live_or_return!(lock_live(conn, id, partner_id, now));
    if row.status != RedemptionStatus::Confirmed {
        return Err(out_of_step(&row));
    }
    // The keys first: a revocation that took one out of the redemption before this lock is
    // seen in the entries read after it, and one after it waits for this transaction.
    if keys::lock_reserved(conn, id)? == 0 {
        return Err(Error::new(Code::NoKeys, "Every key of this redemption was revoked; add others."));
    }
    let entries = redemptions::entries(conn, id)?;
    let (tenant, admin, activation_token) = open_tenant(conn, pepper, Some(partner_id), account, country, now)?;
    // One subscription per product; confirm made sure a product's keys share a term.
    let mut per_product: BTreeMap<Uuid, (ProductRow, i32, i32)> = BTreeMap::new();
    for (_, key, product) in &entries {
        let (key, product) = (key.clone(), product.clone());
        let slot = per_product.entry(key.product_id).or_insert((product, 0, key.term_months));
        slot.1 += key.seats;
    }
    // Built from what was written, not read back: no partner of record yet, the admin's seat.
    let mut subscriptions = Vec::with_capacity(per_product.len());
    let mut keys_redeemed = 0;
    for (product_id, (product, seats, term_months)) in per_product {
        let subscription = open_subscription(conn, tenant.id, product_id, seats, term_months, schedule, now)?;
        subscriptions::assign_license(conn, subscription.id, admin.id, now)?;
        keys_redeemed += keys::redeem_reserved(conn, id, product_id, subscription.id, by(partner_id), now)? as u64;
        subscriptions.push((subscription, product, None, 1));
    }
    let from: Vec<Option<Uuid>> = entries.iter().map(|(_, key, _)| key.distributor_id).collect();
    super::stock::announce_redeemed(conn, &from, &format!("redemption:{id}"), now)?;
    redemptions::update(conn, id, RedemptionStatus::Completed, row.expires_at, Some(tenant.id))?;
    let partner_name = partners::get(conn, partner_id)?.map(|p| p.name).unwrap_or_default();
    let created = events::tenant_created(tenant.id, &tenant.company_name, &partner_name);
    let completed = events::redemption_completed(id, tenant.id, &tenant.company_name, subscriptions.len());
    let (both, partner_only) = ([Inbox::Partner(partner_id), Inbox::Tenant(tenant.id)], [Inbox::Partner(partner_id)]);
    super::notify::deliver_many(conn, &[(&created, &both), (&completed, &partner_only)], now)?;
    Ok(Ok(Account { keys_redeemed, tenant, subscriptions, admin, activation_token }))
}

/// How long an untouched redemption lives (`KEYPORT_REDEMPTION_TTL`).
pub fn ttl(state: &AppState) -> Result<Duration, Error> {
    Duration::from_std(state.settings.redemption_ttl).map_err(Error::internal)
}

/// Adds a typed key to a partner's redemption, behind the partner's failure budget of key
/// look-ups; returns the entry and whether it is new.
pub async fn add_typed_key(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    key: &str,
) -> Result<(Entry, bool), Error> {
    let (partner_id, ttl) = (authz::partner(principal)?, ttl(state)?);
    key_rules::looked_up(state, &principal.key(), key, async |digest| {
        state.transaction(move |conn, now| add_key(conn, partner_id, id, &digest, ttl, now)).await?
    })
    .await
}

/// The account to make, as a request names it.
pub fn new_account(country: String, company_name: String, domain: String, admin: AdminInput) -> NewAccount {
    let AdminInput { first_name, last_name, email } = admin;
    NewAccount {
        country,
        company_name,
        domain,
        admin_first_name: first_name,
        admin_last_name: last_name,
        admin_email: email,
    }
}

/// "Create my account": a bad domain or market is told before anything is locked; the
/// rest happens in one transaction. Returns the account and the instant it was made.
pub async fn open_account(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    request: CreateAccount,
) -> Result<(Account, DateTime<Utc>), Error> {
    let partner_id = authz::partner(principal)?;
    let CreateAccount { country, company_name, domain, admin } = request;
    let account = new_account(country, company_name, domain, admin);
    check_account(&account)?;
    let (schedule, pepper) = (state.settings.schedule(), state.pepper.clone());
    let made = state
        .transaction(move |conn, now| {
            Ok(create_account(conn, &pepper, partner_id, id, account, &schedule, now)?.map(|a| (a, now)))
        })
        .await??;
    count_account(&made.0);
    Ok(made)
}

/// A new tenant and the keys it took, for the metrics.
pub fn count_account(account: &Account) {
    COUNTERS.tenants_created.inc();
    COUNTERS.keys_redeemed.inc_by(account.keys_redeemed);
}
