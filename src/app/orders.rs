//! Orders of key cards (SPEC §13): a reseller partner asks one of its distributors for a
//! quantity of a product; the distributor fulfils it with allocations that name it, or
//! rejects it; the partner may cancel it while nothing is allocated.

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use crate::{
    auth::Principal,
    authz,
    domain::{
        events::{self, Inbox},
        statuses::{EventKind, OrderStatus},
    },
    error::{Code, Error},
    store::{
        Page, distributors,
        orders::{self, OrderRow},
        partners, products, resellers,
    },
    views::orders::CreateOrder,
};

/// A partner places an order with a distributor it has an active relationship with.
pub fn place(
    conn: &mut PgConnection,
    principal: &Principal,
    request: CreateOrder,
    now: DateTime<Utc>,
) -> Result<OrderRow, Error> {
    let partner_id = authz::partner(principal)?;
    products::get(conn, request.product_id)?.ok_or_else(|| Error::invalid("product_id", "no such product"))?;
    if resellers::active_between(conn, request.distributor_id, partner_id)?.is_none() {
        return Err(Error::new(
            Code::ResellerRelationshipRequired,
            "Orders go only to a distributor you have an active reseller relationship with.",
        ));
    }
    let row = OrderRow {
        id: Uuid::now_v7(),
        partner_id,
        distributor_id: request.distributor_id,
        product_id: request.product_id,
        quantity: request.quantity,
        allocated: 0,
        status: OrderStatus::Open,
        reference: request.reference,
        reason: None,
        created_at: now,
        updated_at: now,
    };
    orders::insert(conn, &row)?;
    let partner = partners::get(conn, partner_id)?.map(|p| p.name).unwrap_or_default();
    let placed = events::key_order(EventKind::OrderPlaced, row.id, row.product_id, row.quantity, &partner);
    super::notify::deliver(conn, &placed, &[Inbox::Distributor(row.distributor_id)], now)?;
    crate::audit::note("key-order", row.id, None, Some(partner_id));
    Ok(row)
}

pub fn list(
    conn: &mut PgConnection,
    principal: &Principal,
    status: Option<OrderStatus>,
    page: Page,
) -> Result<Vec<OrderRow>, Error> {
    Ok(orders::list(conn, authz::chain_scope(principal)?, status, page)?)
}

pub fn get(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<OrderRow, Error> {
    let scope = authz::chain_scope(principal)?;
    orders::get(conn, id)?
        .filter(|o| authz::sees_chain(scope, o.distributor_id, o.partner_id))
        .ok_or_else(|| Error::not_found("key order"))
}

/// An open order of the caller's, locked (404 when not the caller's side).
fn open_order(conn: &mut PgConnection, principal: &Principal, id: Uuid) -> Result<OrderRow, Error> {
    let scope = authz::chain_scope(principal)?;
    let order = orders::lock(conn, id)?
        .filter(|o| authz::sees_chain(scope, o.distributor_id, o.partner_id))
        .ok_or_else(|| Error::not_found("key order"))?;
    if order.status != OrderStatus::Open {
        return Err(Error::new(Code::OrderNotOpen, format!("The order is {}.", order.status)));
    }
    Ok(order)
}

/// The distributor rejects an open order, saying why; the partner hears of it.
pub fn reject(
    conn: &mut PgConnection,
    principal: &Principal,
    id: Uuid,
    reason: String,
    now: DateTime<Utc>,
) -> Result<OrderRow, Error> {
    authz::distributor(principal)?;
    let order = open_order(conn, principal, id)?;
    let row = orders::set_status(conn, id, OrderStatus::Rejected, Some(reason), now)?;
    let distributor = distributors::get(conn, order.distributor_id)?.map(|d| d.name).unwrap_or_default();
    let rejected = events::key_order(EventKind::OrderRejected, id, order.product_id, order.quantity, &distributor);
    super::notify::deliver(conn, &rejected, &[Inbox::Partner(order.partner_id)], now)?;
    crate::audit::note("key-order", id, None, Some(order.partner_id));
    Ok(row)
}

/// The partner cancels an open order while nothing is allocated against it.
pub fn cancel(conn: &mut PgConnection, principal: &Principal, id: Uuid, now: DateTime<Utc>) -> Result<OrderRow, Error> {
    authz::partner(principal)?;
    let order = open_order(conn, principal, id)?;
    if order.allocated > 0 {
        return Err(Error::new(
            Code::OrderNotOpen,
            "Cards were allocated against the order; it can no longer be cancelled.",
        ));
    }
    crate::audit::note("key-order", id, None, Some(order.partner_id));
    Ok(orders::set_status(conn, id, OrderStatus::Cancelled, None, now)?)
}
