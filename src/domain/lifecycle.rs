//! A subscription's status as a function of time, and the dates that follow from its end.

use chrono::{DateTime, Days, Months, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a subscription stands at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionStatus {
    /// Before the end date.
    Active,
    /// Past the end date, in grace: still fully usable.
    Expired,
    /// Past grace: users lose access, data kept, admins can reactivate by renewing.
    Disabled,
    /// Past retention: terminal; the tenant's data is purged when nothing else is live.
    Deleted,
    /// Replaced by a direct-billing renewal.
    Superseded,
}

/// The time rules of a deployment: grace and retention after a subscription's end, and
/// the days before it at which renewal notices go out.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub periods: Periods,
    pub notice_days: Vec<u32>,
}

/// The periods after the end date (settings `KEYPORT_GRACE_DAYS`, `KEYPORT_RETENTION_DAYS`).
#[derive(Debug, Clone, Copy)]
pub struct Periods {
    pub grace_days: u32,
    pub retention_days: u32,
}

impl Periods {
    pub fn grace_ends_at(&self, ends_at: DateTime<Utc>) -> DateTime<Utc> {
        ends_at + Days::new(self.grace_days.into())
    }

    pub fn data_retained_until(&self, ends_at: DateTime<Utc>) -> DateTime<Utc> {
        ends_at + Days::new(self.retention_days.into())
    }

    pub fn status(&self, ends_at: DateTime<Utc>, superseded: bool, now: DateTime<Utc>) -> SubscriptionStatus {
        if superseded {
            SubscriptionStatus::Superseded
        } else if now < ends_at {
            SubscriptionStatus::Active
        } else if now < self.grace_ends_at(ends_at) {
            SubscriptionStatus::Expired
        } else if now < self.data_retained_until(ends_at) {
            SubscriptionStatus::Disabled
        } else {
            SubscriptionStatus::Deleted
        }
    }
}

/// The end of a term of `months` starting at `starts_at` (calendar months, clamped to the
/// month's last day: a term from 31 January ends on the last day of the month it lands in).
pub fn term_end(starts_at: DateTime<Utc>, months: u32) -> Option<DateTime<Utc>> {
    starts_at.checked_add_months(Months::new(months))
}

/// The terms an automatic renewal adds to a term ending at `ends_at`, as `(start, end)`
/// pairs: each begins where the one before ended (no day lost, none given), until one
/// runs past `now` — several after a sweeper's downtime longer than a term.
pub fn automatic_terms(ends_at: DateTime<Utc>, months: u32, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut terms = Vec::new();
    let mut start = ends_at;
    while start <= now {
        let Some(end) = term_end(start, months.max(1)) else { break };
        terms.push((start, end));
        start = end;
    }
    terms
}

/// How long after a direct-billed term began it may be cancelled for a refund.
pub const CANCELLATION_WINDOW_DAYS: u64 = 7;

/// Until when a term that began at `term_starts_at` may be cancelled.
pub fn cancellable_until(term_starts_at: DateTime<Utc>) -> DateTime<Utc> {
    term_starts_at + Days::new(CANCELLATION_WINDOW_DAYS)
}

/// One licence, as the right to use its product now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitlement {
    pub subscription_id: uuid::Uuid,
    pub product: (uuid::Uuid, String, String),
    pub status: SubscriptionStatus,
    /// While the subscription is `active` or `expired` (its grace period).
    pub usable: bool,
    /// When it stops being usable unless renewed (none once replaced).
    pub usable_until: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn status_moves_through_grace_and_retention() {
        let periods = Periods { grace_days: 30, retention_days: 120 };
        let end = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let at = |days: i64| end + chrono::Duration::days(days);
        assert_eq!(periods.status(end, false, at(-1)), SubscriptionStatus::Active);
        assert_eq!(periods.status(end, false, at(0)), SubscriptionStatus::Expired);
        assert_eq!(periods.status(end, false, at(29)), SubscriptionStatus::Expired);
        assert_eq!(periods.status(end, false, at(30)), SubscriptionStatus::Disabled);
        assert_eq!(periods.status(end, false, at(119)), SubscriptionStatus::Disabled);
        assert_eq!(periods.status(end, false, at(120)), SubscriptionStatus::Deleted);
        assert_eq!(periods.status(end, true, at(-1)), SubscriptionStatus::Superseded);
    }

    #[test]
    fn automatic_terms_follow_each_other_until_one_runs_past_now() {
        let end = Utc.with_ymd_and_hms(2027, 1, 31, 12, 0, 0).unwrap();
        assert!(automatic_terms(end, 12, end - chrono::Duration::seconds(1)).is_empty(), "not due yet");
        let at_end = automatic_terms(end, 12, end);
        assert_eq!(at_end, [(end, Utc.with_ymd_and_hms(2028, 1, 31, 12, 0, 0).unwrap())], "due at the end itself");
        // Down for 75 days with monthly terms: three terms, back to back.
        let terms = automatic_terms(end, 1, end + chrono::Duration::days(75));
        let ends: Vec<_> = terms.iter().map(|(_, e)| e.date_naive().to_string()).collect();
        assert_eq!(ends, ["2027-02-28", "2027-03-28", "2027-04-28"]);
        assert!(terms.windows(2).all(|w| w[0].1 == w[1].0), "no day lost, none given");
        assert!(terms.last().unwrap().1 > end + chrono::Duration::days(75));
    }

    #[test]
    fn terms_are_calendar_months() {
        let start = Utc.with_ymd_and_hms(2026, 1, 31, 12, 0, 0).unwrap();
        assert_eq!(term_end(start, 1).unwrap(), Utc.with_ymd_and_hms(2026, 2, 28, 12, 0, 0).unwrap());
        assert_eq!(term_end(start, 12).unwrap(), Utc.with_ymd_and_hms(2027, 1, 31, 12, 0, 0).unwrap());
    }
}
