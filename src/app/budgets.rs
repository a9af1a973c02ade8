//! Counting failures around the work they guard (see `limits`): where the work is what an
//! attacker wants (a password check, a key or number look-up) a failure is reserved
//! *before* it, atomically, and given back when the work succeeds — 64 parallel wrong
//! passwords get at most the budget past the gate, the rest 429 with `Retry-After`.

use std::future::Future;

use crate::{
    error::{Code, Error},
    limits::Subject,
    state::AppState,
    store::budgets,
};

/// Failures counted in advance; [`Reservation::settle`] gives them back when the work
/// succeeded.
#[must_use]
pub struct Reservation(Vec<Subject>);

/// Counts one failure for each subject before the work, all or none, atomically: 429 when
/// any subject's budget is spent (nothing counted then).
pub async fn reserve(state: &AppState, subjects: Vec<Subject>) -> Result<Reservation, Error> {
    let now = state.clock.real_now();
    let taken = subjects.clone();
    let refused = state
        .autocommit(move |conn| {
            use diesel::Connection;
            let take_all = |conn: &mut diesel::PgConnection| {
                for subject in &taken {
                    if let Some(wait) = budgets::take(conn, &subject.digest, subject.budget.rate, now)? {
                        return Err(Refusal::Spent(subject.clone(), wait));
                    }
                }
                Ok(())
            };
            // One subject's count is one statement; several share a transaction, so a
            // refusal of the second undoes the first's count.
            let outcome = match taken.len() {
                1 => take_all(conn),
                _ => conn.transaction(take_all),
            };
            match outcome {
                Ok(()) => Ok(None),
                Err(Refusal::Spent(subject, wait)) => Ok(Some((subject, wait))),
                Err(Refusal::Database(e)) => Err(e.into()),
            }
        })
        .await?;
    match refused {
        Some((subject, wait)) => Err(subject.refused(wait)),
        None => Ok(Reservation(subjects)),
    }
}

/// Why counting stopped: a spent budget (which rolls back the counts already taken in the
/// same transaction), or the database.
enum Refusal {
    Spent(Subject, chrono::Duration),
    Database(diesel::result::Error),
}

impl From<diesel::result::Error> for Refusal {
    fn from(e: diesel::result::Error) -> Self {
        Refusal::Database(e)
    }
}

impl Reservation {
    /// Keeps the counted failures when the work failed; gives them back when it did not.
    pub async fn settle(self, state: &AppState, failed: bool) -> Result<(), Error> {
        if failed || self.0.is_empty() {
            return Ok(());
        }
        let subjects = self.0;
        state
            .alongside(move |conn| {
                for subject in &subjects {
                    budgets::give_back(conn, &subject.digest, subject.budget.rate)?;
                }
                Ok(())
            })
            .await
    }
}

/// Runs `work` behind the budgets of `subjects`: reserved before, kept when `failed` says
/// the outcome was a counted failure, given back otherwise.
pub async fn guarded<T>(
    state: &AppState,
    subjects: Vec<Subject>,
    work: impl Future<Output = Result<T, Error>>,
    failed: impl FnOnce(&Result<T, Error>) -> bool,
) -> Result<T, Error> {
    let reservation = reserve(state, subjects).await?;
    let result = work.await;
    reservation.settle(state, failed(&result)).await?;
    result
}

/// Whether a key look-up failed in a way that counts: malformed, mistyped or unknown.
pub fn key_lookup_failed<T>(result: &Result<T, Error>) -> bool {
    matches!(result, Err(e) if matches!(e.code, Code::InvalidKeyFormat | Code::InvalidKeyChecksum | Code::KeyNotFound))
}

/// For secrets nobody can guess (256-bit client secrets and refresh tokens) the check is a
/// digest comparison, so it runs first; a failure is counted after it, and once a budget is
/// spent every attempt answers 429, right or wrong, until it refills.
pub async fn refuse_when_spent(state: &AppState, subjects: &[Subject]) -> Result<(), Error> {
    let now = state.clock.real_now();
    let checked = subjects.to_vec();
    let spent = state
        .lock_free(move |conn| {
            let subjects: Vec<(&[u8], budgets::Rate)> =
                checked.iter().map(|s| (s.digest.as_slice(), s.budget.rate)).collect();
            Ok(budgets::spent(conn, &subjects, now)?)
        })
        .await?;
    match spent {
        Some((i, wait)) => Err(subjects[i].refused(wait)),
        None => Ok(()),
    }
}

/// Counts a failure that already happened (see [`refuse_when_spent`]); 429 when it no
/// longer fits.
pub async fn count_failure(state: &AppState, subjects: Vec<Subject>) -> Result<(), Error> {
    reserve(state, subjects).await.map(|_| ())
}
