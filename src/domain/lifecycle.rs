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
    fn terms_are_calendar_months() {
        let start = Utc.with_ymd_and_hms(2026, 1, 31, 12, 0, 0).unwrap();
        assert_eq!(term_end(start, 1).unwrap(), Utc.with_ymd_and_hms(2026, 2, 28, 12, 0, 0).unwrap());
        assert_eq!(term_end(start, 12).unwrap(), Utc.with_ymd_and_hms(2027, 1, 31, 12, 0, 0).unwrap());
    }
}
