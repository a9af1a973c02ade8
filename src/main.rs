//! The `keyport` command: serve, migrate, openapi, bootstrap, operator, sweep.

use std::{net::TcpListener, path::PathBuf, process::ExitCode};

use actix_web::{HttpServer, web};
use clap::{Parser, Subcommand};
use diesel::Connection;
use keyport::{
    bootstrap::{self, OperatorCredentials},
    config::{ServeSettings, Settings},
    db::{
        self,
        embedded::{self, Durability, EmbeddedPostgres},
    },
    http::telemetry::Metrics,
    jobs,
};

#[derive(Parser)]
#[command(name = "keyport", version, about = "Partners redeem prepaid product keys into customer subscriptions.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP API (and the background sweeper). Without KEYPORT_DATABASE_URL it runs
    /// its own PostgreSQL in --data-dir.
    Serve {
        #[command(flatten)]
        settings: Settings,
        #[command(flatten)]
        serve: ServeSettings,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[command(flatten)]
        settings: Settings,
    },
    /// Print the OpenAPI document (what openapi/keyport.json holds).
    Openapi {
        /// The copy for code generators, without `webhooks` (openapi/keyport.generators.json).
        #[arg(long)]
        for_generators: bool,
    },
    /// Create the operator API client if none exists and print its credentials once.
    Bootstrap {
        #[command(flatten)]
        settings: Settings,
    },
    /// Run one sweep (expiries) and print what it did.
    Sweep {
        #[command(flatten)]
        settings: Settings,
    },
    /// The keys that sign access tokens: rotate, list, retire.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// The bootstrap operator's credentials.
    Operator {
        #[command(subcommand)]
        command: OperatorCommand,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Make a new key sign on every instance at once; the keys it replaces verify until the
    /// longest access-token lifetime has passed, then retire by themselves.
    Rotate {
        #[command(flatten)]
        settings: Settings,
    },
    /// Every key: when made, when it retires, which one signs.
    List {
        #[command(flatten)]
        settings: Settings,
    },
    /// Retire a key now: tokens it signed are refused from their next request (not the key
    /// that signs; rotate first).
    Retire {
        /// The key's `kid` (see `keyport keys list`).
        kid: String,
        #[command(flatten)]
        settings: Settings,
    },
}

#[derive(Subcommand)]
enum OperatorCommand {
    /// Print a new secret for the bootstrap operator client (the old one stops working);
    /// against the same database or data directory as the service, running or not.
    ResetSecret {
        #[command(flatten)]
        settings: Settings,
    },
}

/// The database to use: the configured URL, or the embedded cluster (started here) in the
/// data directory given, or by default in `./.keyport` — moved under /var/lib/keyport when
/// that is out of the `postgres` user's reach.
fn database(settings: &Settings) -> Result<(String, Option<EmbeddedPostgres>), String> {
    if let Some(url) = &settings.database_url {
        return Ok((url.clone(), None));
    }
    let data_dir = match &settings.data_dir {
        Some(dir) => dir.clone(),
        None => {
            let requested = PathBuf::from(embedded::DEFAULT_DATA_DIR);
            let found = embedded::reachable_data_dir(&requested).map_err(|e| e.to_string())?;
            if found != requested {
                eprintln!(
                    "keyport: the postgres user cannot reach ./{} (a parent directory is private), so its data lives in {}",
                    embedded::DEFAULT_DATA_DIR,
                    found.display()
                );
            }
            found
        }
    };
    let cluster = EmbeddedPostgres::start(&data_dir, Durability::Durable).map_err(|e| e.to_string())?;
    eprintln!("keyport: using the embedded PostgreSQL in {}", data_dir.display());
    Ok((cluster.database_url(), Some(cluster)))
}

fn print_credentials(credentials: &Option<OperatorCredentials>) {
    if let Some(c) = credentials {
        println!("Bootstrap operator created. The secret is shown only now; keep it safe:");
        println!("  client_id:     {}", c.client_id);
        println!("  client_secret: {}", c.client_secret);
    }
}

/// The banner's word on the operator's secret: where it was printed, how to get a new one.
fn secret_reminder(settings: &Settings, printed_now: bool) -> Option<String> {
    if settings.bootstrap_operator_secret.is_some() {
        return None; // the environment holds it
    }
    let reset = "`keyport operator reset-secret` (same data directory or database) prints a new one";
    Some(if printed_now {
        format!("The operator's secret is printed above, once; if it is lost, {reset}.")
    } else {
        format!("The operator's secret was printed at the first start; if it is lost, {reset}.")
    })
}

/// glibc's allocator gives threads arenas of their own (up to eight per core) and keeps most
/// of what they free, and raises its threshold for mapping large blocks after freeing one:
/// with four HTTP workers per core, each building its routes at start, and bulk answers of
/// tens of megabytes, that kept 75 MB resident at rest and 140 MB after three 100,000-key
/// mints (bench/RESULTS.md, memory rows). One arena per two cores and large blocks always
/// mapped (so that freeing one gives it back) keep memory near what is in use; the request
/// rate did not move. `MALLOC_ARENA_MAX` / `MALLOC_MMAP_THRESHOLD_` still decide when set.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets allocator parameters; called before any thread starts.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, cores.div_ceil(2) as libc::c_int) };
    }
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
        // SAFETY: as above.
        unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024) };
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn main() -> ExitCode {
    tune_allocator();
    // Lines are written by a thread of their own, so a request never waits on stderr.
    let (writer, _flush_on_exit) = tracing_appender::non_blocking(std::io::stderr());
    let filter = tracing_subscriber::EnvFilter::try_from_env("KEYPORT_LOG")
        // actix's own start and stop lines ("starting forced shutdown") say nothing to act on.
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    // `KEYPORT_LOG_FORMAT=json`: one JSON object per line, its fields at the top level.
    match std::env::var("KEYPORT_LOG_FORMAT").as_deref() {
        Ok("json") => logs.json().flatten_event(true).with_current_span(false).init(),
        _ => logs.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr())).init(),
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Openapi { for_generators } => {
            let doc = if for_generators { keyport::openapi_for_generators() } else { keyport::openapi() };
            println!("{}", serde_json::to_string_pretty(&doc).expect("the document serialises"));
            Ok(())
        }
        Command::Serve { settings, serve } => {
            // The address first: a busy port must leave nothing created and print no secret.
            match TcpListener::bind(serve.bind) {
                Ok(listener) => {
                    with_database(&settings, |url| serve_until_signal(settings.clone(), serve, url, listener))
                }
                Err(e) => Err(format!(
                    "cannot listen on {} ({e}); choose another address with KEYPORT_BIND or --bind",
                    serve.bind
                )),
            }
        }
        Command::Migrate { settings } => with_database(&settings, |url| {
            let mut conn = diesel::PgConnection::establish(url).map_err(|e| format!("cannot connect: {e}"))?;
            let applied = db::migrate(&mut conn)?;
            println!("{} migration(s) applied", applied.len());
            Ok(())
        }),
        Command::Bootstrap { settings } => with_database(&settings, |url| {
            let (_, credentials) = bootstrap::prepare(settings.clone(), url)?;
            if credentials.is_none() {
                println!("An operator API client exists already; nothing to do.");
            }
            print_credentials(&credentials);
            Ok(())
        }),
        Command::Operator { command: OperatorCommand::ResetSecret { settings } } => {
            bootstrap::may_reset_operator_secret(&settings).and_then(|()| reset_operator_secret(&settings))
        }
        Command::Keys { command } => signing_keys(command),
        Command::Sweep { settings } => with_database(&settings, |url| {
            let (state, credentials) = bootstrap::prepare(settings.clone(), url)?;
            print_credentials(&credentials);
            let report = jobs::sweep_now(&state)?;
            println!("{}", serde_json::to_string(&report).expect("serialises"));
            Ok(())
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("keyport: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `keyport keys …`.
fn signing_keys(command: KeysCommand) -> Result<(), String> {
    use keyport::app::signing_keys as keys;
    let settings = match &command {
        KeysCommand::Rotate { settings } | KeysCommand::List { settings } | KeysCommand::Retire { settings, .. } => {
            settings.clone()
        }
    };
    if settings.signing_key_file.is_some() {
        return Err("the signing key comes from KEYPORT_SIGNING_KEY_FILE: replace the file to change it".into());
    }
    with_database(&settings, |url| {
        // On a database no service has started on yet, this creates the operator: say so.
        let (state, credentials) = bootstrap::prepare(settings.clone(), url)?;
        print_credentials(&credentials);
        let mut conn = state.pool.get().map_err(|e| format!("cannot connect to the database: {e}"))?;
        let now = state.clock.real_now();
        let failed = |e: keyport::error::Error| e.detail;
        match command {
            KeysCommand::Rotate { .. } => {
                // What the replaced keys signed runs out within an access token's lifetime.
                let overlap = chrono::Duration::from_std(state.settings.access_token_ttl).map_err(|e| e.to_string())?
                    + chrono::Duration::seconds(keyport::auth::jwt::LEEWAY as i64);
                let kid = keys::rotate(&mut conn, overlap, now).map_err(failed)?;
                println!("{kid} signs from now on, on every instance; the keys before it retire at {}", now + overlap);
            }
            KeysCommand::List { .. } => {
                for key in keys::list(&mut conn, now).map_err(failed)? {
                    let state = match key.retired_at {
                        _ if key.signing => "signs".to_string(),
                        Some(at) if at <= now => format!("retired {at}"),
                        Some(at) => format!("verifies until {at}"),
                        None => "verifies".to_string(),
                    };
                    println!("{}  made {}  {state}", key.kid, key.created_at);
                }
            }
            KeysCommand::Retire { kid, .. } => {
                keys::retire(&mut conn, &kid, now).map_err(failed)?;
                println!("{kid} is retired: tokens it signed are refused from their next request");
            }
        }
        Ok(())
    })
}

/// `keyport operator reset-secret`.
fn reset_operator_secret(settings: &Settings) -> Result<(), String> {
    with_database(settings, |url| {
        let (state, _) = bootstrap::prepare(settings.clone(), url)?;
        let c = bootstrap::reset_operator_secret(&state)?;
        println!("The operator's secret was reset; the old one no longer signs in. Shown only now; keep it safe:");
        println!("  client_id:     {}", c.client_id);
        println!("  client_secret: {}", c.client_secret);
        let minutes = state.settings.access_token_ttl.as_secs().div_ceil(60);
        println!("Access tokens issued before stay valid until they expire (within {minutes} min).");
        Ok(())
    })
}

/// Runs `work` against the database, stopping an embedded cluster afterwards.
fn with_database(settings: &Settings, work: impl FnOnce(&str) -> Result<(), String>) -> Result<(), String> {
    let (url, cluster) = database(settings)?;
    let result = work(&url);
    if let Some(cluster) = cluster {
        cluster.stop();
    }
    result
}

fn serve_until_signal(
    settings: Settings,
    serve: ServeSettings,
    url: &str,
    listener: TcpListener,
) -> Result<(), String> {
    let (sweep_interval, webhook_interval, import_interval) =
        (settings.sweep_interval, settings.webhook_interval, settings.import_interval);
    let reminder = secret_reminder(&settings, false);
    let (state, credentials) = bootstrap::prepare(settings, url)?;
    print_credentials(&credentials);
    let reminder = if credentials.is_some() { secret_reminder(&state.settings, true) } else { reminder };
    let state = web::Data::new(state);
    let metrics = web::Data::new(Metrics::new());
    actix_web::rt::System::new().block_on(async move {
        let (app_state, scraped) = (state.clone(), (state.clone(), metrics.clone()));
        let workers = serve.workers(state.settings.execution);
        let server = HttpServer::new(move || keyport::build_app(app_state.clone(), metrics.clone()))
            .workers(workers)
            .listen(listener)
            .map_err(|e| format!("cannot listen on {}: {e}", serve.bind))?;
        println!("keyport listening on http://{} (Swagger UI at /docs)", serve.bind);
        if let Some(reminder) = &reminder {
            println!("{reminder}");
        }
        let metrics_server = match serve.metrics_bind {
            Some(address) => {
                let server = HttpServer::new(move || keyport::metrics_app(scraped.0.clone(), scraped.1.clone()))
                    .workers(1)
                    .disable_signals()
                    .bind(address)
                    .map_err(|e| format!("cannot listen on {address} for metrics: {e}"))?
                    .run();
                println!("metrics for Prometheus on http://{address}/metrics");
                let handle = server.handle();
                actix_web::rt::spawn(server);
                Some(handle)
            }
            None => None,
        };
        let deliverer = (!webhook_interval.is_zero())
            .then(|| actix_web::rt::spawn(jobs::webhooks::run_periodically(state.clone(), webhook_interval)));
        let importer = (!import_interval.is_zero())
            .then(|| actix_web::rt::spawn(jobs::user_imports::run_periodically(state.clone(), import_interval)));
        let sweeper =
            (!sweep_interval.is_zero()).then(|| actix_web::rt::spawn(jobs::run_periodically(state, sweep_interval)));
        // actix stops gracefully on SIGINT and SIGTERM; the embedded cluster stops after.
        let result = server.run().await.map_err(|e| format!("server error: {e}"));
        if let Some(metrics_server) = metrics_server {
            metrics_server.stop(true).await;
        }
        for job in [sweeper, deliverer, importer].into_iter().flatten() {
            job.abort();
        }
        result
    })
}
