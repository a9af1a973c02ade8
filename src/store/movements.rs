//! The custody ledger (SPEC §13): every change of a card's holder or status, appended in the
//! transaction of the change by the statement that changes the cards (set-wise: one
//! statement a request, however many cards). Nothing updates or deletes a movement.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::{
    db::schema::key_movements as movements,
    domain::statuses::{HolderKind, MovementKind},
};

/// Who moved cards: the role and id of the caller (`system` for the service itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mover {
    pub role: &'static str,
    pub id: Option<Uuid>,
}

impl Mover {
    pub const SYSTEM: Mover = Mover { role: "system", id: None };
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = movements)]
pub struct MovementRow {
    pub id: Uuid,
    pub key_id: Uuid,
    pub serial: i64,
    pub kind: MovementKind,
    pub from_kind: Option<HolderKind>,
    pub from_id: Option<Uuid>,
    pub to_kind: Option<HolderKind>,
    pub to_id: Option<Uuid>,
    pub allocation_id: Option<Uuid>,
    pub redemption_id: Option<Uuid>,
    pub actor_role: String,
    pub actor_id: Option<Uuid>,
    pub at: DateTime<Utc>,
}

/// A card's movements in order, one page.
/// A page of a card's movements in the order they took effect (their ids are time-ordered);
/// `since`: only those from then on.
pub fn of_key(
    conn: &mut PgConnection,
    key_id: Uuid,
    since: Option<DateTime<Utc>>,
    page: super::Page,
) -> QueryResult<Vec<MovementRow>> {
    let mut query = movements::table.filter(movements::key_id.eq(key_id)).into_boxed();
    if let Some(since) = since {
        query = query.filter(movements::at.ge(since));
    }
    query
        .filter(movements::id.gt(page.after_id()))
        .order(movements::id)
        .limit(page.fetch())
        .select(MovementRow::as_select())
        .load(conn)
}

/// When a partner's custody of the card began: the last movement that brought it to it.
pub fn brought_to_partner(
    conn: &mut PgConnection,
    key_id: Uuid,
    partner_id: Uuid,
) -> QueryResult<Option<DateTime<Utc>>> {
    movements::table
        .filter(movements::key_id.eq(key_id))
        .filter(movements::to_kind.eq(HolderKind::Partner))
        .filter(movements::to_id.eq(partner_id))
        .filter(movements::kind.eq_any([MovementKind::Minted, MovementKind::Allocated]))
        .select(diesel::dsl::max(movements::at))
        .first(conn)
}

/// When a recording statement moved a card, from the transaction's business "now" (the
/// parameter `now`, a placeholder): that "now" plus the time the transaction has run. A move
/// that waited for another transaction's lock on the card is thus recorded after it, so a
/// card's ledger, ordered by time, is the order its moves took effect in.
pub fn moved_at(now: &str) -> String {
    format!("({now} + (clock_timestamp() - transaction_timestamp()))")
}

/// The columns every recording statement writes, in this order, from its changed rows.
pub const COLUMNS: &str = "id, key_id, serial, kind, from_kind, from_id, to_kind, to_id, allocation_id, redemption_id, actor_role, actor_id, at";
