//! What falls due for a subscription at a given instant: renewal notices and lifecycle
//! events, and when to look again.

use chrono::{DateTime, Days, Utc};

use super::lifecycle::Periods;

/// Renewal notices for one term: the one to send now and the thresholds passed over.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NoticePlan {
    /// The nearest threshold due and not yet recorded.
    pub send: Option<u32>,
    /// Thresholds due at the same time but farther from the end: recorded as skipped.
    pub skip: Vec<u32>,
}

/// The thresholds (days before `ends_at`) whose moment has come, while the term runs.
fn due_thresholds(ends_at: DateTime<Utc>, now: DateTime<Utc>, notice_days: &[u32]) -> Vec<u32> {
    if now >= ends_at {
        return Vec::new();
    }
    notice_days.iter().copied().filter(|d| now >= ends_at - Days::new((*d).into())).collect()
}

/// Of the notices due at `now`, send only the nearest to the end; the others not yet
/// `recorded` are skipped (a late sweep after an outage sends one notice, not four).
pub fn renewal_notices_due(
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
    notice_days: &[u32],
    recorded: &[u32],
) -> NoticePlan {
    let due = due_thresholds(ends_at, now, notice_days);
    let Some(nearest) = due.iter().copied().min() else {
        return NoticePlan::default();
    };
    let mut skip: Vec<u32> = due.into_iter().filter(|d| *d != nearest && !recorded.contains(d)).collect();
    skip.sort_unstable_by(|a, b| b.cmp(a));
    NoticePlan { send: (!recorded.contains(&nearest)).then_some(nearest), skip }
}

/// The lifecycle steps a term goes through after its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum LifecycleEvent {
    Expired,
    Disabled,
    Deleted,
}

impl LifecycleEvent {
    /// When this step comes for a term ending at `ends_at`.
    pub fn at(self, ends_at: DateTime<Utc>, periods: Periods) -> DateTime<Utc> {
        match self {
            Self::Expired => ends_at,
            Self::Disabled => periods.grace_ends_at(ends_at),
            Self::Deleted => periods.data_retained_until(ends_at),
        }
    }
}

/// Lifecycle events whose moment has come and that are not yet `recorded`, in order.
pub fn lifecycle_events_due(
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
    periods: Periods,
    recorded: &[LifecycleEvent],
) -> Vec<LifecycleEvent> {
    LifecycleEvent::ALL.iter().copied().filter(|e| e.at(ends_at, periods) <= now && !recorded.contains(e)).collect()
}

/// The next instant after `now` at which something falls due for a term ending at
/// `ends_at`, or `None` when its lifecycle is over.
pub fn next_check(
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
    periods: Periods,
    notice_days: &[u32],
) -> Option<DateTime<Utc>> {
    let notices = notice_days.iter().map(|d| ends_at - Days::new((*d).into()));
    let events = LifecycleEvent::ALL.iter().copied().map(|e| e.at(ends_at, periods));
    notices.chain(events).filter(|at| *at > now).min()
}

/// For a term with notices and nothing after its end (a delegated-admin relationship): the
/// next instant after `now` at which a notice or the end itself falls due, `None` once ended.
pub fn next_notice_or_end(ends_at: DateTime<Utc>, now: DateTime<Utc>, notice_days: &[u32]) -> Option<DateTime<Utc>> {
    let notices = notice_days.iter().map(|d| ends_at - Days::new((*d).into()));
    notices.chain(std::iter::once(ends_at)).filter(|at| *at > now).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    const DAYS: [u32; 4] = [60, 30, 7, 1];
    const PERIODS: Periods = Periods { grace_days: 30, retention_days: 120 };

    fn end() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 6, 1, 12, 0, 0).unwrap()
    }

    #[test]
    fn one_notice_at_each_threshold() {
        let at = |days: i64| end() - Duration::days(days);
        assert_eq!(renewal_notices_due(end(), at(61), &DAYS, &[]), NoticePlan::default());
        assert_eq!(renewal_notices_due(end(), at(60), &DAYS, &[]), NoticePlan { send: Some(60), skip: vec![] });
        assert_eq!(renewal_notices_due(end(), at(45), &DAYS, &[60]), NoticePlan::default());
        assert_eq!(renewal_notices_due(end(), at(30), &DAYS, &[60]), NoticePlan { send: Some(30), skip: vec![] });
        assert_eq!(renewal_notices_due(end(), at(1), &DAYS, &[60, 30, 7]), NoticePlan { send: Some(1), skip: vec![] });
        assert_eq!(renewal_notices_due(end(), end(), &DAYS, &[]), NoticePlan::default(), "none once ended");
    }

    #[test]
    fn after_an_outage_only_the_nearest_is_sent() {
        let late = end() - Duration::days(5);
        assert_eq!(renewal_notices_due(end(), late, &DAYS, &[]), NoticePlan { send: Some(7), skip: vec![60, 30] });
        assert_eq!(renewal_notices_due(end(), late, &DAYS, &[60]), NoticePlan { send: Some(7), skip: vec![30] });
        assert_eq!(renewal_notices_due(end(), late, &DAYS, &[60, 30, 7]), NoticePlan::default());
    }

    #[test]
    fn events_in_order_once() {
        let at = |days: i64| end() + Duration::days(days);
        assert!(lifecycle_events_due(end(), at(-1), PERIODS, &[]).is_empty());
        assert_eq!(lifecycle_events_due(end(), at(0), PERIODS, &[]), [LifecycleEvent::Expired]);
        assert!(lifecycle_events_due(end(), at(10), PERIODS, &[LifecycleEvent::Expired]).is_empty());
        assert_eq!(
            lifecycle_events_due(end(), at(200), PERIODS, &[LifecycleEvent::Expired]),
            [LifecycleEvent::Disabled, LifecycleEvent::Deleted]
        );
    }

    #[test]
    fn next_check_walks_the_timeline() {
        let mut now = end() - Duration::days(400);
        let mut stops = Vec::new();
        while let Some(next) = next_check(end(), now, PERIODS, &DAYS) {
            stops.push((next - end()).num_days());
            now = next;
        }
        assert_eq!(stops, [-60, -30, -7, -1, 0, 30, 120]);
    }

    #[test]
    fn a_relationship_has_its_notices_then_its_end() {
        let mut now = end() - Duration::days(100);
        let mut stops = Vec::new();
        while let Some(next) = next_notice_or_end(end(), now, &[30, 7, 1]) {
            stops.push((next - end()).num_days());
            now = next;
        }
        assert_eq!(stops, [-30, -7, -1, 0]);
    }
}
