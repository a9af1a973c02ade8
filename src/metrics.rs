//! What this instance did, counted where it happens: the counters every room may bump
//! (keys minted, sweeps, webhook attempts, budget refusals, pool waits). `http::telemetry`
//! registers them with the request metrics and renders them at `GET /metrics`.

use std::sync::LazyLock;

use prometheus::{Histogram, HistogramOpts, IntCounter, IntCounterVec, Opts};

/// The counters (every label from a fixed set).
pub struct Counters {
    pub keys_minted: IntCounter,
    pub keys_redeemed: IntCounter,
    pub keys_revoked: IntCounter,
    pub tenants_created: IntCounter,
    /// By `method`: `product_key`, `direct_billing`.
    pub renewals: IntCounterVec,
    /// By `kind`: `renewal`, `relationship_expiry`.
    pub notices_sent: IntCounterVec,
    pub sweeps: IntCounter,
    pub sweep_seconds: Histogram,
    /// By `kind`: the fields of a sweep report.
    pub sweep_items: IntCounterVec,
    /// By `outcome`: `delivered`, `failed_attempt`.
    pub webhook_attempts: IntCounterVec,
    pub webhook_attempt_seconds: Histogram,
    /// By `kind` of failure budget.
    pub budget_rejections: IntCounterVec,
    pub pool_wait_seconds: Histogram,
    pub pool_timeouts: IntCounter,
}

fn counter(name: &str, help: &str) -> IntCounter {
    IntCounter::new(name, help).expect("valid metric")
}

fn counters(name: &str, help: &str, label: &str) -> IntCounterVec {
    IntCounterVec::new(Opts::new(name, help), &[label]).expect("valid metric")
}

pub static COUNTERS: LazyLock<Counters> = LazyLock::new(|| Counters {
    keys_minted: counter("keyport_keys_minted_total", "Product keys minted or imported"),
    keys_redeemed: counter("keyport_keys_redeemed_total", "Product keys redeemed into subscriptions"),
    keys_revoked: counter("keyport_keys_revoked_total", "Product keys revoked"),
    tenants_created: counter("keyport_tenants_created_total", "Customer tenants created (by partners or by sign-up)"),
    renewals: counters("keyport_renewals_total", "Subscriptions renewed", "method"),
    notices_sent: counters("keyport_notices_sent_total", "Notices the sweeper sent", "kind"),
    sweeps: counter("keyport_sweeps_total", "Sweeps this instance ran"),
    sweep_seconds: Histogram::with_opts(HistogramOpts::new("keyport_sweep_duration_seconds", "Time a sweep took"))
        .expect("valid metric"),
    sweep_items: counters("keyport_sweep_items_total", "What sweeps did, by kind", "kind"),
    webhook_attempts: counters("keyport_webhook_attempts_total", "Webhook delivery attempts, by outcome", "outcome"),
    webhook_attempt_seconds: Histogram::with_opts(HistogramOpts::new(
        "keyport_webhook_attempt_duration_seconds",
        "Time a webhook delivery attempt took",
    ))
    .expect("valid metric"),
    budget_rejections: counters(
        "keyport_budget_rejections_total",
        "Requests refused with 429 by a failure budget",
        "kind",
    ),
    // Most checkouts take microseconds; the tail up to the five-second timeout is what matters.
    pool_wait_seconds: Histogram::with_opts(
        HistogramOpts::new("keyport_db_pool_wait_seconds", "Time work waited for a pool connection")
            .buckets(vec![0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 2.5, 5.0]),
    )
    .expect("valid metric"),
    pool_timeouts: counter("keyport_db_pool_timeouts_total", "Waits for a pool connection that timed out"),
});

/// Times each wait for a pool connection (r2d2 reports every checkout and timeout).
#[derive(Debug)]
pub struct PoolWaits;

/// A checkout that found a connection free at once (`try_get`, which fires no event).
pub fn checked_out_at_once() {
    COUNTERS.pool_wait_seconds.observe(0.0);
}

impl r2d2::HandleEvent for PoolWaits {
    fn handle_checkout(&self, event: r2d2::event::CheckoutEvent) {
        COUNTERS.pool_wait_seconds.observe(event.duration().as_secs_f64());
    }

    fn handle_timeout(&self, event: r2d2::event::TimeoutEvent) {
        COUNTERS.pool_timeouts.inc();
        COUNTERS.pool_wait_seconds.observe(event.timeout().as_secs_f64());
    }
}
