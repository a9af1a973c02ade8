//! Product keys: minting and importing batches, reading and checking keys, revoking them,
//! and why a key someone tried to use was refused.

use crate::store::keys::KeyHolder;
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use rand::Rng;
use uuid::Uuid;

use crate::{
    auth::{
        Principal,
        secrets::{Pepper, SecretKind},
    },
    authz,
    domain::{
        events::{self, Chain, Inbox},
        product_key::{KeyFormatError, ProductKey},
        serials::Serial,
        statuses::{EventKind, KeyStatus},
    },
    error::{Code, Error, FieldError},
    metrics::COUNTERS,
    state::AppState,
    store::{
        self, Page, distributors,
        keys::KeyScope,
        keys::{self, KeyBatchRow, KeyDigest, KeyFilter, KeyRow},
        movements::Mover,
        partners, products,
        products::ProductRow,
        resellers,
    },
    views::keys::{CreateKeyBatch, KeyChannel, KeyQuery},
};

/// Most keys one batch mints or imports.
pub const MAX_BATCH: usize = 100_000;

/// The problem for a key that failed before any lookup.
pub fn format_problem(e: KeyFormatError) -> Error {
    match e {
        KeyFormatError::Format => Error::new(
            Code::InvalidKeyFormat,
            "A product key is 25 characters from BCDFGHJKMPQRTVWXY2346789, shown as five groups of five.",
        ),
        KeyFormatError::Checksum => {
            Error::new(Code::InvalidKeyChecksum, "The key's check character does not match: a character was mistyped.")
        }
    }
}

/// A typed key, parsed (format and check character) before any lookup.
pub fn parse(text: &str) -> Result<ProductKey, Error> {
    ProductKey::parse(text).map_err(format_problem)
}

pub fn not_found() -> Error {
    Error::new(Code::KeyNotFound, "No such product key.")
}

/// Why a key that a conditional claim found unavailable was refused, by its status now.
pub fn refusal(conn: &mut PgConnection, key_id: Uuid) -> Result<Error, Error> {
    let status = keys::get(conn, key_id)?.map(|(k, _)| k.status);
    Ok(match status {
        Some(KeyStatus::Redeemed) => Error::new(Code::KeyAlreadyRedeemed, "The product key was already redeemed."),
        Some(KeyStatus::Revoked) => Error::new(Code::KeyRevoked, "The product key was revoked."),
        _ => Error::new(Code::KeyReserved, "The product key is held by another open redemption."),
    })
}

/// What a batch is for, and where its keys come from.
pub struct NewBatch {
    pub product_id: Uuid,
    /// The partner it goes to straight (None: a retail batch, or a distributor's).
    pub partner_id: Option<Uuid>,
    /// The distributor whose stock it goes to.
    pub distributor_id: Option<Uuid>,
    pub seats_per_key: i32,
    pub term_months: i32,
    pub keys: BatchKeys,
}

/// Fresh keys, or keys made elsewhere.
pub enum BatchKeys {
    Mint(usize),
    Import(Vec<String>),
}

/// The keys of a batch: minted fresh, or parsed from an import (every bad one reported,
/// up to a hundred).
fn batch_keys(source: &BatchKeys) -> Result<Vec<ProductKey>, Error> {
    match source {
        BatchKeys::Mint(quantity) => {
            let mut rng = rand::rng();
            Ok((0..*quantity)
                .map(|_| ProductKey::from_random_body(std::array::from_fn(|_| rng.random_range(0..24))))
                .collect())
        }
        BatchKeys::Import(typed) => {
            let mut errors = Vec::new();
            let mut keys = Vec::with_capacity(typed.len());
            let mut seen = std::collections::HashSet::new();
            for (i, text) in typed.iter().enumerate() {
                let field = format!("keys[{i}]");
                match ProductKey::parse(text) {
                    Ok(key) if !seen.insert(key.canonical().to_string()) => {
                        errors.push(FieldError { field, message: "appears twice in this import".into() })
                    }
                    Ok(key) => keys.push(key),
                    Err(e) => errors.push(FieldError { field, message: format_problem(e).detail }),
                }
                if errors.len() >= 100 {
                    break; // enough to act on; the rest can wait for the next try
                }
            }
            if errors.is_empty() { Ok(keys) } else { Err(Error::validation(errors)) }
        }
    }
}

/// Mints or imports a batch for a reseller partner, a distributor's stock or retail;
/// returns it with its keys in plain text (the only time they exist outside the caller's
/// hands), `keys[i]` being the card with serial `first_serial + i`. Imports of keys already
/// known, also by a concurrent import, are refused whole (409 `key-exists`).
pub fn create_batch(
    conn: &mut PgConnection,
    pepper: &Pepper,
    batch: NewBatch,
    mover: Mover,
    now: DateTime<Utc>,
) -> Result<(KeyBatchRow, Vec<ProductKey>), Error> {
    let plain = batch_keys(&batch.keys)?;
    let imported = matches!(batch.keys, BatchKeys::Import(_));
    products::get(conn, batch.product_id)?.ok_or_else(|| Error::invalid("product_id", "no such product"))?;
    if let Some(partner_id) = batch.partner_id {
        partners::get(conn, partner_id)?.ok_or_else(|| Error::invalid("partner_id", "no such partner"))?;
        if !resellers::is_reseller(conn, partner_id)? {
            return Err(Error::new(
                Code::PartnerNotReseller,
                "Key batches go only to partners with a reseller relationship with an authorised distributor.",
            ));
        }
    }
    if let Some(distributor_id) = batch.distributor_id {
        distributors::get(conn, distributor_id)?
            .ok_or_else(|| Error::invalid("distributor_id", "no such distributor"))?;
        super::resellers::authorised(conn, distributor_id)?;
    }
    let number = keys::next_batch_number(conn)?;
    let digests: Vec<KeyDigest> = plain
        .iter()
        .enumerate()
        .map(|(i, k)| KeyDigest {
            digest: pepper.digest(SecretKind::ProductKey, k.canonical()),
            last_five: k.last_five().to_string(),
            serial: Serial::of(number, i as u64 + 1).0,
        })
        .collect();
    let known = |n: usize| {
        Error::new(Code::KeyExists, format!("{n} of the imported keys are already known; nothing was imported."))
    };
    if imported {
        let all: Vec<Vec<u8>> = digests.iter().map(|d| d.digest.clone()).collect();
        let existing = keys::existing_digests(conn, &all)?;
        if !existing.is_empty() {
            return Err(known(existing.len()));
        }
    }
    let row = KeyBatchRow {
        id: Uuid::now_v7(),
        product_id: batch.product_id,
        partner_id: batch.partner_id,
        seats_per_key: batch.seats_per_key,
        term_months: batch.term_months,
        quantity: plain.len() as i32,
        imported,
        created_at: now,
        channel: if batch.partner_id.is_some() || batch.distributor_id.is_some() {
            keys::PARTNER
        } else {
            keys::RETAIL
        }
        .to_string(),
        distributor_id: batch.distributor_id,
        number,
    };
    match keys::insert_batch(conn, &row, digests, mover) {
        Ok(_) => {
            // New stock may lift a distributor's product back to its alert's threshold.
            if let Some(distributor_id) = row.distributor_id {
                super::stock::check_alerts(conn, distributor_id, Some(row.product_id), row.created_at)?;
            }
            crate::audit::note("key-batch", row.id, None, row.partner_id);
            Ok((row, plain))
        }
        // A concurrent import of the same keys committed first.
        Err(e) if imported && store::violates(&e, keys::DIGEST_KEY) => Err(known(plain.len())),
        // Two fresh keys colliding is a one-in-10^33 event: refuse rather than hand out a dud.
        Err(e) => Err(e.into()),
    }
}

/// Batches the caller may read: the operator's all, a partner's and a distributor's their own.
pub fn list_batches(conn: &mut PgConnection, scope: KeyScope, page: Page) -> Result<Vec<KeyBatchRow>, Error> {
    Ok(keys::list_batches(conn, scope, page)?)
}

pub fn get_batch(conn: &mut PgConnection, scope: KeyScope, id: Uuid) -> Result<KeyBatchRow, Error> {
    keys::get_batch(conn, id)?
        .filter(|b| match scope {
            KeyScope::All => true,
            KeyScope::Partner(p) => b.partner_id == Some(p),
            KeyScope::Distributor(d) => b.distributor_id == Some(d),
        })
        .ok_or_else(|| Error::not_found("key batch"))
}

pub fn list_keys(conn: &mut PgConnection, filter: &KeyFilter, page: Page) -> Result<Vec<(KeyRow, ProductRow)>, Error> {
    Ok(keys::list(conn, filter, page)?)
}

/// A key list's filters, within the caller's scope.
pub fn filter(scope: KeyScope, query: KeyQuery) -> Result<KeyFilter, Error> {
    let serial = match &query.serial {
        Some(text) => {
            Some(Serial::parse(text).ok_or_else(|| Error::invalid("serial", "must be a card serial: 12 digits"))?.0)
        }
        None => None,
    };
    Ok(KeyFilter {
        scope,
        serial,
        status: query.status,
        product_id: query.product_id,
        batch_id: query.batch_id,
        retail: query.channel.map(|c| c == KeyChannel::Retail),
    })
}

/// A typed product key's keyed digest, once its format and check character passed.
pub fn digest_of(pepper: &Pepper, text: &str) -> Result<Vec<u8>, Error> {
    let key = parse(text)?;
    Ok(pepper.digest(SecretKind::ProductKey, key.canonical()))
}

/// Runs `work` on a typed key's digest behind the failure budget of key look-ups of `who`
/// (SPEC §7): a malformed, mistyped or unknown key counts; anything else gives it back.
pub async fn looked_up<T>(
    state: &AppState,
    who: &str,
    text: &str,
    work: impl AsyncFnOnce(Vec<u8>) -> Result<T, Error>,
) -> Result<T, Error> {
    let subjects = vec![state.limits.key_lookups.subject(who)];
    let lookup = async { work(digest_of(&state.pepper, text)?).await };
    super::budgets::guarded(state, subjects, lookup, super::budgets::key_lookup_failed).await
}

/// A key by its digest, when the caller may see it (another partner's is not found).
pub fn find(conn: &mut PgConnection, digest: &[u8], holder: KeyHolder) -> Result<(KeyRow, ProductRow), Error> {
    keys::find_by_digest(conn, digest, holder)?.ok_or_else(not_found)
}

/// Revokes an available key; revoking a revoked one changes nothing.
pub fn revoke(
    conn: &mut PgConnection,
    id: Uuid,
    mover: Mover,
    now: DateTime<Utc>,
) -> Result<(KeyRow, ProductRow), Error> {
    let revoked = keys::revoke(conn, id, mover, now)?;
    let (key, product) = keys::get(conn, id)?.ok_or_else(|| Error::not_found("product key"))?;
    if revoked {
        // Its holder is told, as of a revocation of many cards.
        let holder = match (key.partner_id, key.distributor_id) {
            (Some(p), _) => Some(Inbox::Partner(p)),
            (None, Some(d)) => Some(Inbox::Distributor(d)),
            (None, None) => None,
        };
        if let Some(inbox) = holder {
            let chain = Chain { product_id: Some(key.product_id), quantity: Some(1), ..Chain::default() };
            let message = format!("Your card {} was revoked.", Serial(key.serial));
            let event = events::keys_moved(EventKind::KeysRevoked, format!("revocation:{id}"), chain, message);
            super::notify::deliver(conn, &event, &[inbox], now)?;
        }
        if let Some(d) = key.distributor_id.filter(|_| key.partner_id.is_none()) {
            super::stock::check_alerts(conn, d, Some(key.product_id), now)?;
        }
    }
    match key.status {
        KeyStatus::Reserved => Err(Error::new(Code::KeyReserved, "The key is held by an open redemption.")),
        KeyStatus::Redeemed => Err(Error::new(Code::KeyAlreadyRedeemed, "The key was already redeemed.")),
        _ => Ok((key, product)),
    }
}

impl TryFrom<CreateKeyBatch> for NewBatch {
    type Error = Error;

    /// Mint (`quantity`) or import (`keys`), never both; partner keys name their partner,
    /// retail keys none.
    fn try_from(request: CreateKeyBatch) -> Result<Self, Error> {
        let keys = match (request.quantity, request.keys) {
            (Some(quantity), None) => BatchKeys::Mint(quantity as usize),
            (None, Some(typed)) => BatchKeys::Import(typed),
            _ => return Err(Error::invalid("quantity", "give either quantity (mint) or keys (import), not both")),
        };
        let (partner_id, distributor_id) = match (
            request.channel.unwrap_or(KeyChannel::Partner),
            request.partner_id,
            request.distributor_id,
        ) {
            (KeyChannel::Partner, None, None) => {
                return Err(Error::invalid(
                    "partner_id",
                    "give partner_id (straight to a partner) or distributor_id (its stock); channel retail has neither",
                ));
            }
            (KeyChannel::Partner, Some(_), Some(_)) => {
                return Err(Error::invalid("distributor_id", "give partner_id or distributor_id, not both"));
            }
            (KeyChannel::Retail, None, None) => (None, None),
            (KeyChannel::Retail, ..) => {
                return Err(Error::invalid("partner_id", "retail keys have no partner or distributor"));
            }
            (KeyChannel::Partner, partner_id, distributor_id) => (partner_id, distributor_id),
        };
        let (product_id, seats_per_key, term_months) = (request.product_id, request.seats_per_key, request.term_months);
        Ok(NewBatch { product_id, partner_id, distributor_id, seats_per_key, term_months, keys })
    }
}

/// The operator mints or imports a batch; returns it with its keys in plain text.
pub async fn mint(
    state: &AppState,
    principal: &Principal,
    request: CreateKeyBatch,
) -> Result<(KeyBatchRow, Vec<ProductKey>), Error> {
    authz::operator(principal)?;
    let (batch, pepper, mover) = (NewBatch::try_from(request)?, state.pepper.clone(), super::stock::mover(principal));
    let made = state.transaction(move |conn, now| create_batch(conn, &pepper, batch, mover, now)).await?;
    COUNTERS.keys_minted.inc_by(made.1.len() as u64);
    Ok(made)
}

/// What a caller learns of a typed key without reserving it: a partner of its own keys,
/// the operator of any; behind the caller's failure budget of key look-ups.
pub async fn check(state: &AppState, principal: &Principal, key: &str) -> Result<(KeyRow, ProductRow), Error> {
    let holder = match authz::key_reader(principal)? {
        KeyScope::All => KeyHolder::Anyone,
        KeyScope::Partner(partner) => KeyHolder::Partner(partner),
        KeyScope::Distributor(_) => return Err(Error::forbidden("Distributors read their cards at GET /v1/keys.")),
    };
    looked_up(state, &principal.key(), key, async |digest| {
        state.transaction(move |conn, _| find(conn, &digest, holder)).await
    })
    .await
}

/// The operator revokes an available key.
pub async fn revoke_one(state: &AppState, principal: &Principal, id: Uuid) -> Result<(KeyRow, ProductRow), Error> {
    authz::operator(principal)?;
    let mover = super::stock::mover(principal);
    let revoked = state.transaction(move |conn, now| revoke(conn, id, mover, now)).await?;
    COUNTERS.keys_revoked.inc();
    Ok(revoked)
}
