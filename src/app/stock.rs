//! Cards between a distributor and its resellers (SPEC §13): allocations (by serials and
//! ranges, or by quantity, oldest stock first, against an order or not), returns,
//! revocations of lost or stolen cards, stock reports and low-stock alerts. Each request
//! moves its cards in one statement that also writes their movements; a request that
//! cannot move every card it names moves none.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz,
    domain::{
        events::{self, Chain, Inbox},
        serials::{self, Refusal, Serial},
        statuses::{EventKind, OrderStatus},
    },
    error::{Code, Error},
    store::{
        Page, distributors,
        keys::{self, KeyScope},
        movements::{self, MovementRow, Mover},
        orders, partners, products, resellers,
        stock::{self, AlertRow, AllocationRow, Moved, ReturnRow, StockLine},
    },
    views::stock::{CreateAllocation, CreateReturn, CreateRevocation, SerialRange},
};

/// Most serials a refusal lists.
const LISTED: usize = 20;

/// Who moves cards, as the ledger records it.
pub fn mover(principal: &Principal) -> Mover {
    match principal {
        Principal::Operator { .. } => Mover { role: "operator", id: None },
        Principal::Partner { partner_id, .. } => Mover { role: "partner", id: Some(*partner_id) },
        Principal::Distributor { distributor_id, .. } => Mover { role: "distributor", id: Some(*distributor_id) },
        Principal::Customer { user_id, .. } => Mover { role: "customer", id: Some(*user_id) },
    }
}

/// The named cards as spans of serials, or the problem with them.
fn spans(serials: &Option<Vec<String>>, ranges: &Option<Vec<SerialRange>>) -> Result<Vec<(Serial, Serial)>, Error> {
    let ranges: Vec<(String, String)> = ranges.iter().flatten().map(|r| (r.from.clone(), r.to.clone())).collect();
    serials::spans(serials.as_deref().unwrap_or_default(), &ranges).map_err(|refusal| match refusal {
        Refusal::Field(field, message) => Error::invalid(&field, message),
        Refusal::Range(detail) => Error::new(Code::InvalidSerialRange, format!("The range is not valid: {detail}.")),
    })
}

fn listed(serials: &[Serial]) -> String {
    serials.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// How the request names its cards.
enum Named {
    Serials(Vec<(Serial, Serial)>),
    Quantity { product_id: Uuid, quantity: i64 },
}

fn named(request: &CreateAllocation) -> Result<Named, Error> {
    let by_serials = request.serials.is_some() || request.ranges.is_some();
    match (by_serials, request.product_id, request.quantity) {
        (true, None, None) => Ok(Named::Serials(spans(&request.serials, &request.ranges)?)),
        (false, Some(product_id), Some(quantity)) => Ok(Named::Quantity { product_id, quantity }),
        (true, ..) => {
            Err(Error::invalid("quantity", "name the cards by serials and ranges, or by product_id and quantity"))
        }
        (false, ..) => Err(Error::invalid("quantity", "give product_id and quantity, or serials and ranges")),
    }
}

/// An active relationship between the two, held for the transaction (409 otherwise).
fn relationship_required(conn: &mut PgConnection, distributor_id: Uuid, partner_id: Uuid) -> Result<(), Error> {
    match resellers::active_between(conn, distributor_id, partner_id)? {
        Some(_) => Ok(()),
        None => Err(Error::new(
            Code::ResellerRelationshipRequired,
            "Cards go only to a partner with an active reseller relationship with this distributor.",
        )),
    }
}

fn exceeded(order: &orders::OrderRow, more: i64) -> Error {
    Error::new(
        Code::OrderExceeded,
        format!(
            "The order has {} of {} cards allocated; {more} more would exceed it.",
            order.allocated, order.quantity
        ),
    )
}

/// A distributor ships cards to a reseller partner (SPEC §13); returns the allocation.
pub fn allocate(
    conn: &mut PgConnection,
    principal: &Principal,
    request: CreateAllocation,
    now: DateTime<Utc>,
) -> Result<AllocationRow, Error> {
    let distributor = super::resellers::authorised(conn, authz::distributor(principal)?)?;
    let named = named(&request)?;
    relationship_required(conn, distributor.id, request.partner_id)?;
    let order = match request.order_id {
        Some(order_id) => {
            let order = orders::lock(conn, order_id)?
                .filter(|o| o.distributor_id == distributor.id && o.partner_id == request.partner_id)
                .ok_or_else(|| Error::new(Code::OrderMismatch, "The order is not this partner's order with you."))?;
            if order.status != OrderStatus::Open {
                return Err(Error::new(Code::OrderNotOpen, format!("The order is {}.", order.status)));
            }
            // A quantity past what the order still wants is refused before any card moves.
            if let Named::Quantity { quantity, .. } = &named
                && i64::from(order.allocated) + quantity > i64::from(order.quantity)
            {
                return Err(exceeded(&order, *quantity));
            }
            Some(order)
        }
        None => None,
    };
    let row = AllocationRow {
        id: Uuid::now_v7(),
        distributor_id: distributor.id,
        partner_id: request.partner_id,
        product_id: None,
        quantity: 1,
        first_serial: 0,
        last_serial: 0,
        order_id: request.order_id,
        created_at: now,
    };
    stock::insert_allocation(conn, &row)?;
    let mover = mover(principal);
    let moved = match &named {
        Named::Serials(spans) => {
            let moved = stock::allocate_serials(conn, distributor.id, request.partner_id, row.id, spans, mover, now)?;
            let named: i64 = spans.iter().map(|(f, t)| t.0 - f.0 + 1).sum();
            if moved.cards < named {
                let found: BTreeSet<i64> = stock::serials_of_allocation(conn, row.id)?.into_iter().collect();
                let missing = serials::missing(spans, &found, LISTED);
                return Err(Error::new(
                    Code::KeysNotInStock,
                    format!("These cards are not in your stock: {}; nothing moved.", listed(&missing)),
                )
                .with_serials(missing));
            }
            moved
        }
        Named::Quantity { product_id, quantity } => {
            let (d, p, a) = (distributor.id, request.partner_id, row.id);
            // Quantity allocations of one product of one distributor take turns, so each
            // sees the stock the previous one left; cards that other requests (by serials,
            // revocations, returns) hold are waited for, and taken if they stay in stock. A
            // card that left stock meanwhile is passed over: take the next ones.
            stock::take_turn(conn, d, *product_id)?;
            let mut moved = Moved::default();
            while moved.cards < *quantity {
                let more = stock::allocate_quantity(conn, d, p, a, *product_id, *quantity - moved.cards, mover, now)?;
                moved = moved.and(more);
                if more.cards == 0 {
                    break;
                }
            }
            if moved.cards < *quantity {
                // What this statement took is no longer in stock in its transaction.
                let available = stock::in_stock(conn, distributor.id, *product_id)? + moved.cards;
                return Err(Error::new(
                    Code::InsufficientStock,
                    format!("Only {available} cards of the product are in stock; {quantity} were asked for."),
                )
                .with_available(available));
            }
            moved
        }
    };
    if let Some(order) = &order {
        if moved.product_id != Some(order.product_id) {
            return Err(Error::new(Code::OrderMismatch, "The cards are not of the ordered product."));
        }
        if i64::from(order.allocated) + moved.cards > i64::from(order.quantity) {
            return Err(exceeded(order, moved.cards));
        }
        let updated = orders::add_allocated(conn, order.id, moved.cards as i32, now)?;
        if updated.status == OrderStatus::Fulfilled {
            let fulfilled = events::key_order(
                EventKind::OrderFulfilled,
                order.id,
                order.product_id,
                order.quantity,
                &distributor.name,
            );
            super::notify::deliver(conn, &fulfilled, &[Inbox::Partner(order.partner_id)], now)?;
        }
    }
    let row = stock::complete_allocation(conn, row.id, &moved)?;
    let chain = Chain {
        allocation_id: Some(row.id),
        product_id: row.product_id,
        quantity: Some(row.quantity),
        ..Chain::default()
    };
    let message = format!(
        "{} allocated {} cards to you ({} to {}).",
        distributor.name,
        row.quantity,
        Serial(row.first_serial),
        Serial(row.last_serial)
    );
    let allocated = events::keys_moved(EventKind::KeysAllocated, format!("allocation:{}", row.id), chain, message);
    super::notify::deliver(conn, &allocated, &[Inbox::Partner(row.partner_id)], now)?;
    check_alerts(conn, distributor.id, moved.product_id, now)?;
    crate::audit::note("allocation", row.id, None, Some(row.partner_id));
    Ok(row)
}

/// `keys.redeemed` to each distributor the redeemed cards came from (`from`: each card's
/// distributor, if any): one event per distributor and occurrence, with the count.
pub fn announce_redeemed(
    conn: &mut PgConnection,
    from: &[Option<Uuid>],
    occurrence: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let mut counts: HashMap<Uuid, i32> = HashMap::new();
    for distributor in from.iter().flatten() {
        *counts.entry(*distributor).or_default() += 1;
    }
    for (distributor, cards) in counts {
        let chain = Chain { quantity: Some(cards), ..Chain::default() };
        let message = format!("{cards} of your cards were redeemed by a reseller's customer.");
        let event = events::keys_moved(EventKind::KeysRedeemed, format!("{occurrence}:redeemed"), chain, message);
        super::notify::deliver(conn, &event, &[Inbox::Distributor(distributor)], now)?;
    }
    Ok(())
}

/// After the distributor's stock changed: the alert of `product` (when the change was of
/// one product) or every alert of the distributor.
pub fn check_alerts(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    product: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let products = match product {
        Some(product_id) => vec![product_id],
        None => stock::alerted_products(conn, distributor_id)?,
    };
    for product_id in products {
        check_alert(conn, distributor_id, product_id, now)?;
    }
    Ok(())
}

/// A low-stock alert fires once when the stock falls below its threshold, and is armed
/// again once the stock is back at it or above.
pub fn check_alert(
    conn: &mut PgConnection,
    distributor_id: Uuid,
    product_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(alert) = stock::lock_alert(conn, distributor_id, product_id)? else { return Ok(()) };
    let in_stock = stock::in_stock(conn, distributor_id, product_id)?;
    let below = in_stock < i64::from(alert.threshold);
    if below && alert.armed {
        let product = products::get(conn, product_id)?.map(|p| p.name).unwrap_or_default();
        let low = events::stock_low(distributor_id, product_id, in_stock, alert.threshold, &product, now);
        super::notify::deliver(conn, &low, &[Inbox::Distributor(distributor_id)], now)?;
        stock::set_armed(conn, distributor_id, product_id, false, now)?;
    } else if !below && !alert.armed {
        stock::set_armed(conn, distributor_id, product_id, true, now)?;
    }
    Ok(())
}

/// A partner sends unused cards it got from a distributor back to that distributor's stock.
pub fn give_back(
    conn: &mut PgConnection,
    principal: &Principal,
    request: CreateReturn,
    now: DateTime<Utc>,
) -> Result<ReturnRow, Error> {
    let partner_id = authz::partner(principal)?;
    let spans = spans(&request.serials, &request.ranges)?;
    let named: i64 = spans.iter().map(|(f, t)| t.0 - f.0 + 1).sum();
    let returnable: BTreeSet<i64> = stock::returnable(conn, partner_id, &spans)?.into_iter().collect();
    if (returnable.len() as i64) < named {
        let refused = serials::missing(&spans, &returnable, LISTED);
        return Err(Error::new(
            Code::KeysNotReturnable,
            format!(
                "These cards cannot be returned (reserved, redeemed, revoked, not yours, or not from a distributor): {}; nothing moved.",
                listed(&refused)
            ),
        )
        .with_serials(refused));
    }
    let moved: Moved = stock::return_cards(conn, partner_id, &spans, mover(principal), now)?;
    let Some(distributor_id) = moved.distributor_id else {
        return Err(Error::invalid("serials", "return the cards of one distributor at a time"));
    };
    let row = ReturnRow {
        id: Uuid::now_v7(),
        partner_id,
        distributor_id,
        quantity: moved.cards as i32,
        reason: request.reason,
        created_at: now,
    };
    stock::insert_return(conn, &row)?;
    let partner = partners::get(conn, partner_id)?.map(|p| p.name).unwrap_or_default();
    let chain = Chain { product_id: moved.product_id, quantity: Some(row.quantity), ..Chain::default() };
    let returned = events::keys_moved(
        EventKind::KeysReturned,
        format!("return:{}", row.id),
        chain,
        format!("{partner} returned {} cards to your stock.", row.quantity),
    );
    super::notify::deliver(conn, &returned, &[Inbox::Distributor(distributor_id)], now)?;
    check_alerts(conn, distributor_id, moved.product_id, now)?;
    crate::audit::note("key-return", row.id, None, Some(partner_id));
    Ok(row)
}

/// What a revocation did: how many cards, and the named ones it left (serial, status).
pub struct Revocation {
    pub revoked: i64,
    pub skipped: Vec<(i64, String)>,
}

/// Lost or stolen cards: the operator revokes any, a distributor those minted to it. Every
/// named card that is not redeemed becomes `revoked`; its holder is told.
pub fn revoke(
    conn: &mut PgConnection,
    principal: &Principal,
    request: CreateRevocation,
    now: DateTime<Utc>,
) -> Result<Revocation, Error> {
    let scope = match principal {
        Principal::Operator { .. } => None,
        Principal::Distributor { distributor_id, .. } => Some(*distributor_id),
        _ => return Err(Error::forbidden("Only the operator or the cards' distributor revokes cards.")),
    };
    let spans = match (&request.serials, &request.ranges, request.batch_id) {
        (None, None, Some(_)) => Vec::new(),
        (_, _, None) => spans(&request.serials, &request.ranges)?,
        _ => return Err(Error::invalid("batch_id", "name a batch, or serials and ranges, not both")),
    };
    // What the revocation leaves, read before it: the named cards already revoked, redeemed
    // or not the caller's.
    let skipped = if spans.is_empty() { Vec::new() } else { stock::not_revoked(conn, scope, &spans, 1000)? };
    let revoked = stock::revoke_cards(conn, scope, &spans, request.batch_id, mover(principal), now)?;
    let mut by_holder: HashMap<Inbox, i64> = HashMap::new();
    for group in &revoked {
        let inbox = match (group.holder_partner, group.holder_distributor) {
            (Some(p), _) => Inbox::Partner(p),
            (None, Some(d)) => Inbox::Distributor(d),
            (None, None) => continue,
        };
        *by_holder.entry(inbox).or_default() += group.cards;
    }
    // Cards taken off a distributor's shelf lower its stock.
    for inbox in by_holder.keys() {
        if let Inbox::Distributor(d) = inbox {
            check_alerts(conn, *d, None, now)?;
        }
    }
    let key = Uuid::now_v7();
    for (inbox, cards) in &by_holder {
        let chain = Chain { quantity: Some(*cards as i32), ..Chain::default() };
        let message = format!("{cards} of your cards were revoked (lost or stolen): reason: {}.", request.reason);
        let event = events::keys_moved(EventKind::KeysRevoked, format!("revocation:{key}"), chain, message);
        super::notify::deliver(conn, &event, &[*inbox], now)?;
    }
    crate::audit::note("key-revocation", key, None, None);
    Ok(Revocation { revoked: revoked.iter().map(|g| g.cards).sum(), skipped })
}

pub fn list_allocations(
    conn: &mut PgConnection,
    principal: &Principal,
    page: Page,
) -> Result<Vec<AllocationRow>, Error> {
    Ok(stock::list_allocations(conn, authz::chain_scope(principal)?, page)?)
}

pub fn get_allocation(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<AllocationRow, Error> {
    let scope = authz::chain_scope(principal)?;
    stock::get_allocation(conn, id)?
        .filter(|a| authz::sees_chain(scope, a.distributor_id, a.partner_id))
        .ok_or_else(|| Error::not_found("allocation"))
}

pub fn list_returns(conn: &mut PgConnection, principal: &Principal, page: Page) -> Result<Vec<ReturnRow>, Error> {
    Ok(stock::list_returns(conn, authz::chain_scope(principal)?, page)?)
}

/// A distributor's stock by product (the operator's or its own).
pub fn distributor_report(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<Vec<StockLine>, Error> {
    authz::distributor_record(principal, id)?;
    distributors::get(conn, id)?.ok_or_else(|| Error::not_found("distributor"))?;
    Ok(stock::distributor_stock(conn, id)?)
}

/// A partner's cards by product (the operator's or its own).
pub fn partner_report(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<Vec<StockLine>, Error> {
    authz::partner_record(principal, id)?;
    partners::get(conn, id)?.ok_or_else(|| Error::not_found("partner"))?;
    Ok(stock::partner_stock(conn, id)?)
}

/// A distributor sets its low-stock alert for a product; armed while the stock is at or
/// above the threshold.
pub fn set_alert(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    product_id: Uuid,
    threshold: i32,
    now: DateTime<Utc>,
) -> Result<AlertRow, Error> {
    authz::distributor_record(principal, id)?;
    authz::distributor(principal)?;
    products::get(conn, product_id)?.ok_or_else(|| Error::not_found("product"))?;
    let armed = stock::in_stock(conn, id, product_id)? >= i64::from(threshold);
    let row = stock::put_alert(conn, &AlertRow { distributor_id: id, product_id, threshold, armed, updated_at: now })?;
    crate::audit::note("stock-alert", product_id, None, None);
    Ok(row)
}

/// A card's custody ledger as the caller may read it: the operator all; a distributor every
/// movement of a card minted to it (the tenant of a redemption left out: the second value);
/// a partner, of a card it holds, the movements from the one that brought it there.
pub fn movements(
    conn: &mut PgConnection,
    principal: &Principal,
    key_id: Uuid,
    page: Page,
) -> Result<(Vec<MovementRow>, bool), Error> {
    // Who may read ledgers at all is decided before the key is looked up (no existence
    // oracle for customers).
    let reader = authz::key_reader(principal)?;
    let (key, _) = keys::get(conn, key_id)?.ok_or_else(|| Error::not_found("product key"))?;
    let not_found = || Error::not_found("product key");
    match reader {
        KeyScope::All => Ok((movements::of_key(conn, key_id, None, page)?, false)),
        KeyScope::Distributor(d) if key.distributor_id == Some(d) => {
            Ok((movements::of_key(conn, key_id, None, page)?, true))
        }
        KeyScope::Partner(p) if key.partner_id == Some(p) => {
            let since = movements::brought_to_partner(conn, key_id, p)?.ok_or_else(not_found)?;
            Ok((movements::of_key(conn, key_id, Some(since), page)?, false))
        }
        _ => Err(not_found()),
    }
}
