//! Every setting of the service: a flag, a `KEYPORT_*` environment variable and a default.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::Args;

use crate::domain::lifecycle::{Periods, Schedule};

/// Settings shared by every sub-command.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// PostgreSQL connection URL (PostgreSQL 14+). When unset, keyport runs its own
    /// PostgreSQL from the machine's server binaries in `--data-dir` (the embedded default).
    #[arg(long, env = "KEYPORT_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// Connection URL for the revocation listener, which needs a session of its own
    /// (`LISTEN`): set it when `KEYPORT_DATABASE_URL` goes through a transaction-pooling
    /// proxy (PgBouncer in transaction mode), to reach PostgreSQL directly or through a
    /// session-mode pool. Default: `KEYPORT_DATABASE_URL`.
    #[arg(long, env = "KEYPORT_LISTEN_DATABASE_URL", hide_env_values = true)]
    pub listen_database_url: Option<String>,

    /// Directory of the embedded PostgreSQL cluster (used only without a database URL).
    /// Default `./.keyport`; run as root from a directory the `postgres` user cannot reach
    /// (under /root, say), the data then lives under /var/lib/keyport instead.
    #[arg(long, env = "KEYPORT_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Connections in the database pool of each instance.
    #[arg(long, env = "KEYPORT_DB_POOL_SIZE", default_value_t = 16)]
    pub db_pool_size: u32,

    /// Where a request's reads run: `inline` on the HTTP worker serving it, when a pool
    /// connection is free at that moment (else as `pool` does), or `pool`: handed to the
    /// blocking pool. Writes, bulk reads and password hashing always run on the blocking pool.
    /// `inline` answers reads faster and with a shorter tail (bench/RESULTS.md, `floor`).
    #[arg(long, env = "KEYPORT_EXECUTION", value_enum, default_value_t = Execution::Inline)]
    pub execution: Execution,

    /// PEM file (PKCS#8) of the Ed25519 key that signs access tokens. When unset, a key is
    /// generated once and kept in the database, where every instance finds it.
    #[arg(long, env = "KEYPORT_SIGNING_KEY_FILE")]
    pub signing_key_file: Option<PathBuf>,

    /// Server pepper for the keyed digests of product keys and generated secrets (at least
    /// 32 characters). When unset, one is generated once and kept in the database.
    #[arg(long, env = "KEYPORT_KEY_PEPPER", hide_env_values = true)]
    pub key_pepper: Option<String>,

    /// `iss` claim of the access tokens this service issues and accepts.
    #[arg(long, env = "KEYPORT_ISSUER", default_value = "keyport")]
    pub issuer: String,

    /// `aud` claim of the access tokens this service issues and accepts.
    #[arg(long, env = "KEYPORT_AUDIENCE", default_value = "keyport-api")]
    pub audience: String,

    /// Lifetime of an access token, e.g. `15m`, `900s`, `1h`.
    #[arg(long, env = "KEYPORT_ACCESS_TOKEN_TTL", default_value = "15m", value_parser = parse_duration)]
    pub access_token_ttl: Duration,

    /// Lifetime of a refresh token, e.g. `30d`.
    #[arg(long, env = "KEYPORT_REFRESH_TOKEN_TTL", default_value = "30d", value_parser = parse_duration)]
    pub refresh_token_ttl: Duration,

    /// How long an open or confirmed redemption may stay untouched before it expires.
    #[arg(long, env = "KEYPORT_REDEMPTION_TTL", default_value = "30m", value_parser = parse_duration)]
    pub redemption_ttl: Duration,

    /// How often the background sweeper runs inside `keyport serve` (first at start); `0`
    /// turns it off, leaving sweeps to other instances or to `POST /v1/jobs/sweep`.
    #[arg(long, env = "KEYPORT_SWEEP_INTERVAL", default_value = "60s", value_parser = parse_duration)]
    pub sweep_interval: Duration,

    /// How often each `keyport serve` looks for webhook deliveries that are due (first at
    /// start); `0` turns its delivery worker off, leaving them to other instances or to
    /// `POST /v1/jobs/deliver-webhooks`.
    #[arg(long, env = "KEYPORT_WEBHOOK_INTERVAL", default_value = "2s", value_parser = parse_duration)]
    pub webhook_interval: Duration,

    /// How often each `keyport serve` looks for user imports to work on (first at start;
    /// an import is also started at once by the instance that accepts it); `0` turns its
    /// import worker off, leaving imports to other instances.
    #[arg(long, env = "KEYPORT_IMPORT_INTERVAL", default_value = "1s", value_parser = parse_duration)]
    pub import_interval: Duration,

    /// Rows of a user import decided in one transaction: larger is faster, smaller holds
    /// the tenant's subscriptions locked for less time.
    #[arg(long, env = "KEYPORT_IMPORT_BATCH", default_value_t = 500,
          value_parser = clap::value_parser!(i64).range(1..=5000))]
    pub import_batch: i64,

    /// The waits between a webhook delivery's attempts, comma-separated (`1m,2m,4m,…`); when
    /// they are spent the delivery has failed. Default: doubling from 1 minute to at most
    /// 12 hours, 3 days in all.
    #[arg(long, env = "KEYPORT_WEBHOOK_RETRY_SCHEDULE", value_delimiter = ',', value_parser = parse_retry_wait,
          num_args = 0..=100)]
    pub webhook_retry_schedule: Vec<Duration>,

    /// Lets webhook endpoints use `http` and reach loopback, private and link-local
    /// addresses: for development and tests only.
    #[arg(long, env = "KEYPORT_WEBHOOK_ALLOW_PRIVATE", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhook_allow_private: bool,

    /// Days after a subscription's end during which it stays usable (status `expired`).
    #[arg(long, env = "KEYPORT_GRACE_DAYS", default_value_t = 30)]
    pub grace_days: u32,

    /// Days after a subscription's end until its data is deleted.
    #[arg(long, env = "KEYPORT_RETENTION_DAYS", default_value_t = 120)]
    pub retention_days: u32,

    /// Days before a subscription's end at which renewal notices go out, comma-separated.
    #[arg(long, env = "KEYPORT_NOTICE_DAYS", value_delimiter = ',', default_value = "60,30,7,1",
          value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub notice_days: Vec<u32>,

    /// Sandbox mode: enables `/v1/sandbox/clock`, through which the operator moves the
    /// service's "now" forward (for every instance on the database) to try out time rules.
    #[arg(long, env = "KEYPORT_SANDBOX", default_value_t = false, action = clap::ArgAction::Set)]
    pub sandbox: bool,

    /// Failed product-key look-ups (malformed, mistyped, unknown) a caller may make per
    /// minute before its look-ups answer 429.
    #[arg(long, env = "KEYPORT_KEY_LOOKUP_FAILURES_PER_MINUTE", default_value_t = 20)]
    pub key_lookup_failures_per_minute: u32,

    /// Failed sign-ins per client or user per minute before its sign-ins answer 429.
    #[arg(long, env = "KEYPORT_SIGN_IN_FAILURES_PER_MINUTE", default_value_t = 10)]
    pub sign_in_failures_per_minute: u32,

    /// Failed token requests per source address per minute before the address's token
    /// requests answer 429 (against password spraying).
    #[arg(long, env = "KEYPORT_SIGN_IN_FAILURES_PER_SOURCE_PER_MINUTE", default_value_t = 100)]
    pub sign_in_failures_per_source_per_minute: u32,

    /// Unknown partner numbers a caller may try per minute (naming a partner of record)
    /// before its attempts answer 429.
    #[arg(long, env = "KEYPORT_PARTNER_NUMBER_FAILURES_PER_MINUTE", default_value_t = 10)]
    pub partner_number_failures_per_minute: u32,

    /// Proxies (addresses or CIDR ranges, comma-separated) whose `Forwarded` /
    /// `X-Forwarded-For` headers name the caller's address; from anyone else they are ignored.
    #[arg(long, env = "KEYPORT_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Client id of the bootstrap operator created on first start.
    #[arg(long, env = "KEYPORT_BOOTSTRAP_OPERATOR_ID", default_value = "operator")]
    pub bootstrap_operator_id: String,

    /// Secret of the bootstrap operator; when unset one is generated and printed once.
    #[arg(long, env = "KEYPORT_BOOTSTRAP_OPERATOR_SECRET", hide_env_values = true)]
    pub bootstrap_operator_secret: Option<String>,
}

impl Settings {
    pub fn periods(&self) -> Periods {
        Periods { grace_days: self.grace_days, retention_days: self.retention_days }
    }

    pub fn schedule(&self) -> Schedule {
        Schedule { periods: self.periods(), notice_days: self.notice_days.clone() }
    }

    /// The waits between a webhook delivery's attempts.
    pub fn webhook_schedule(&self) -> Vec<Duration> {
        if self.webhook_retry_schedule.is_empty() {
            crate::domain::webhooks::default_schedule()
        } else {
            self.webhook_retry_schedule.clone()
        }
    }

    /// Settings for tests and tools: every default, with the given database.
    pub fn for_database(url: &str) -> Self {
        use clap::Parser;
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            settings: Settings,
        }
        let mut settings = Only::parse_from(["keyport"]).settings;
        settings.database_url = Some(url.to_string());
        settings
    }
}

/// Where a request's reads run (`KEYPORT_EXECUTION`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Execution {
    /// On the HTTP worker itself: no hand-off to another thread and back.
    Inline,
    /// On the blocking pool, leaving the worker free while the database answers.
    Pool,
}

/// Settings of `keyport serve` beyond the shared ones.
#[derive(Debug, Clone, Args)]
pub struct ServeSettings {
    /// Address to listen on.
    #[arg(long, env = "KEYPORT_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Serve `GET /metrics` without a token on this address too (for Prometheus, off the
    /// public port); the public port answers it to the operator only.
    #[arg(long, env = "KEYPORT_METRICS_BIND")]
    pub metrics_bind: Option<SocketAddr>,

    /// HTTP worker threads (default: four per core with `KEYPORT_EXECUTION=inline`, where a
    /// worker waits while its read runs; one per core with `pool`).
    #[arg(long, env = "KEYPORT_WORKERS", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub workers: Option<u16>,
}

impl ServeSettings {
    /// The HTTP workers to start.
    pub fn workers(&self, execution: Execution) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        self.workers.map(usize::from).unwrap_or(match execution {
            Execution::Inline => 4 * cores,
            Execution::Pool => cores,
        })
    }
}

/// A wait between webhook attempts: a duration of at most 30 days (so a schedule's sum
/// stays far from any overflow).
fn parse_retry_wait(text: &str) -> Result<Duration, String> {
    let wait = parse_duration(text)?;
    if wait > Duration::from_secs(30 * 86_400) {
        return Err(format!("`{text}`: a wait between attempts is at most 30d"));
    }
    Ok(wait)
}

/// `90`, `90s`, `15m`, `2h`, `30d`: a whole number with an optional unit (seconds by default).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().map_err(|_| format!("`{text}` is not a duration like 30s, 15m, 2h or 7d"))?;
    let factor = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("`{text}`: the unit must be s, m, h or d")),
    };
    number.checked_mul(factor).map(Duration::from_secs).ok_or_else(|| format!("`{text}` is too long"))
}

#[cfg(test)]
mod tests {
    use super::parse_duration;
    use std::time::Duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("2h").unwrap(), Duration::from_secs(7200));
        assert_eq!(parse_duration("30d").unwrap(), Duration::from_secs(2_592_000));
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("5w").is_err());
        assert!(parse_duration("-5s").is_err());
    }
}
