//! Rate limits on failures (SPEC §7): failed key look-ups per caller and failed sign-ins
//! per client or user. Successful calls are never counted; once a caller's failures exceed
//! the budget, its next attempts answer 429 with `Retry-After` until the budget refills.
//! The counts live in each instance's memory (governor), so with several instances the
//! effective budget is per instance.

use std::{
    collections::HashMap,
    future::Future,
    num::NonZeroU32,
    sync::Mutex,
    time::{Duration, Instant},
};

use governor::{
    Quota, RateLimiter,
    clock::{Clock, DefaultClock},
    middleware::StateInformationMiddleware,
    state::keyed::DefaultKeyedStateStore,
};

use crate::error::{ApiError, Code};

type Limiter = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>;

/// A budget of failures per minute for each caller.
pub struct FailureLimit {
    limiter: Limiter,
    replenish: Duration,
    blocked: Mutex<HashMap<String, Instant>>,
    what: &'static str,
}

impl FailureLimit {
    pub fn per_minute(failures: u32, what: &'static str) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(failures.max(1)).expect("at least one"));
        Self {
            limiter: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
            replenish: quota.replenish_interval(),
            blocked: Mutex::new(HashMap::new()),
            what,
        }
    }

    /// 429 while `who` has used up its budget of failures.
    pub fn check(&self, who: &str) -> Result<(), ApiError> {
        let mut blocked = self.blocked.lock().unwrap_or_else(|e| e.into_inner());
        match blocked.get(who) {
            Some(until) if *until > Instant::now() => {
                let wait = until.saturating_duration_since(Instant::now()).as_secs() + 1;
                Err(ApiError::rate_limited(format!("Too many failed {}; try again in {wait} s.", self.what), wait))
            }
            Some(_) => {
                blocked.remove(who);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Counts a failure of `who`; once the budget is used up, `who` is refused until it
    /// refills.
    pub fn failed(&self, who: &str) {
        let wait = match self.limiter.check_key(&who.to_string()) {
            Ok(state) if state.remaining_burst_capacity() == 0 => Some(self.replenish),
            Ok(_) => None,
            Err(not_until) => Some(not_until.wait_time_from(DefaultClock::default().now())),
        };
        if let Some(wait) = wait {
            let until = Instant::now() + wait.max(Duration::from_secs(1));
            self.blocked.lock().unwrap_or_else(|e| e.into_inner()).insert(who.to_string(), until);
        }
        if self.limiter.len() > 100_000 {
            self.limiter.retain_recent();
        }
    }
}

/// The service's failure budgets.
pub struct RateLimits {
    pub key_lookups: FailureLimit,
    pub sign_ins: FailureLimit,
}

impl RateLimits {
    pub fn new(key_lookups_per_minute: u32, sign_ins_per_minute: u32) -> Self {
        Self {
            key_lookups: FailureLimit::per_minute(key_lookups_per_minute, "product-key look-ups"),
            sign_ins: FailureLimit::per_minute(sign_ins_per_minute, "sign-ins"),
        }
    }

    /// Runs a request that looks up a product key for `who`, counting it when the key was
    /// malformed, mistyped or unknown.
    pub async fn key_lookup<T>(
        &self,
        who: &str,
        work: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        self.key_lookups.check(who)?;
        let result = work.await;
        if let Err(e) = &result
            && matches!(e.code, Code::InvalidKeyFormat | Code::InvalidKeyChecksum | Code::KeyNotFound)
        {
            self.key_lookups.failed(who);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_beyond_the_budget_are_refused_per_caller() {
        let limit = FailureLimit::per_minute(3, "tries");
        for _ in 0..3 {
            limit.check("a").unwrap();
            limit.failed("a");
        }
        // Three failures in the minute use the budget up: the next attempt waits.
        let refused = limit.check("a").unwrap_err();
        assert_eq!(refused.code, Code::RateLimited);
        assert!(refused.retry_after.unwrap() >= 1);
        limit.check("b").unwrap();
    }
}
