//! Failure budgets as rows: a generic cell rate algorithm (GCRA) per subject, one statement
//! per step, so that every instance on the database counts into the same budget.

use chrono::{DateTime, Utc};
use diesel::{data_types::PgInterval, dsl::IntervalDsl, prelude::*, sql_types::Timestamptz};

use crate::db::schema::failure_budgets as budgets;

diesel::define_sql_function! {
    /// PostgreSQL's `greatest` of two instants.
    fn greatest(a: Timestamptz, b: Timestamptz) -> Timestamptz;
}

/// A budget of `per_window` failures each `window`, as the GCRA sees it.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// One failure's share of the window.
    pub share: chrono::Duration,
    pub window: chrono::Duration,
}

impl Rate {
    pub fn per_minute(failures: u32) -> Self {
        let window = chrono::Duration::minutes(1);
        Self { share: window / failures.max(1) as i32, window }
    }

    fn share_interval(&self) -> PgInterval {
        self.share.num_microseconds().unwrap_or(i64::MAX).microseconds()
    }

    /// The latest "whole again" instant at which one more failure still fits.
    fn last_fit(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + self.window - self.share
    }
}

/// Counts one failure of `subject`, atomically: `Ok(None)` when it fit in the budget,
/// `Ok(Some(wait))` when the budget is spent and one more failure fits only after `wait`.
pub fn take(
    conn: &mut PgConnection,
    subject: &[u8],
    rate: Rate,
    now: DateTime<Utc>,
) -> QueryResult<Option<chrono::Duration>> {
    // `filter` of an upsert (ON CONFLICT … DO UPDATE … WHERE) comes from this trait.
    use diesel::query_dsl::methods::FilterDsl;
    let last_fit = rate.last_fit(now);
    let taken = super::Prepared(
        diesel::insert_into(budgets::table)
            .values((budgets::subject.eq(subject), budgets::refilled_at.eq(now + rate.share)))
            .on_conflict(budgets::subject)
            .do_update()
            .set(budgets::refilled_at.eq(greatest(budgets::refilled_at, now) + rate.share_interval()))
            .filter(greatest(budgets::refilled_at, now).le(last_fit))
            .returning(budgets::refilled_at),
    )
    .get_result::<DateTime<Utc>>(conn)
    .optional()?;
    if taken.is_some() {
        return Ok(None);
    }
    let refilled_at: Option<DateTime<Utc>> =
        QueryDsl::select(budgets::table.find(subject), budgets::refilled_at).first(conn).optional()?;
    Ok(Some(refilled_at.map_or(rate.share, |at| at - last_fit)))
}

/// Gives back a failure counted in advance for work that then succeeded.
pub fn give_back(conn: &mut PgConnection, subject: &[u8], rate: Rate) -> QueryResult<()> {
    super::Prepared(
        diesel::update(budgets::table.find(subject))
            .set(budgets::refilled_at.eq(budgets::refilled_at - rate.share_interval())),
    )
    .execute(conn)
    .map(|_| ())
}

/// The first of `subjects` whose budget is spent, with how long until one more failure
/// fits; one statement however many subjects.
pub fn spent(
    conn: &mut PgConnection,
    subjects: &[(&[u8], Rate)],
    now: DateTime<Utc>,
) -> QueryResult<Option<(usize, chrono::Duration)>> {
    let Some(earliest) = subjects.iter().map(|(_, rate)| rate.last_fit(now)).min() else { return Ok(None) };
    let digests: Vec<&[u8]> = subjects.iter().map(|(digest, _)| *digest).collect();
    let refilling: Vec<(Vec<u8>, DateTime<Utc>)> = budgets::table
        .filter(budgets::subject.eq_any(digests))
        .filter(budgets::refilled_at.gt(earliest))
        .select((budgets::subject, budgets::refilled_at))
        .load(conn)?;
    Ok(subjects.iter().enumerate().find_map(|(i, (digest, rate))| {
        let last_fit = rate.last_fit(now);
        let (_, at) = refilling.iter().find(|(subject, _)| subject == digest)?;
        (*at > last_fit).then(|| (i, *at - last_fit))
    }))
}

/// Forgets subjects whose budget is whole again; returns how many.
pub fn forget_refilled(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    diesel::delete(budgets::table.filter(budgets::refilled_at.le(now))).execute(conn)
}
