//! Start-up: migrations, shared secrets, signing keys and the bootstrap operator.

use std::sync::Arc;

use chrono::Utc;
use diesel::Connection;
use uuid::Uuid;

use crate::{
    auth::{
        jwt::{KeyPair, TokenKeys},
        revocations::Revocations,
        secrets::{CLIENT_SECRET_PREFIX, Pepper, SecretKind, new_secret, random_bytes},
    },
    clock::Clock,
    config::Settings,
    db,
    domain::statuses::ClientRole,
    state::AppState,
    store::{
        clients::{self, ApiClientRow},
        secrets::{self, SigningKeyRow},
    },
};

/// Credentials of an operator client created just now; shown once.
pub struct OperatorCredentials {
    pub client_id: String,
    pub client_secret: String,
}

/// Connects, migrates and loads (or creates, once for all instances) the shared secrets.
/// Returns the state and the operator credentials when they were generated now.
pub fn prepare(settings: Settings, database_url: &str) -> Result<(AppState, Option<OperatorCredentials>), String> {
    let pool = db::pool(database_url, settings.db_pool_size, Box::new(crate::metrics::PoolWaits))
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    let mut conn = pool.get().map_err(|e| format!("cannot connect to the database: {e}"))?;
    db::migrate(&mut conn)?;
    let clock = Clock::new(settings.sandbox);
    let now = clock.real_now();
    let file_key = match &settings.signing_key_file {
        Some(path) => {
            let pem = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the signing key {}: {e}", path.display()))?;
            Some(KeyPair::from_pem(&pem).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => None,
    };
    if settings.key_pepper.as_ref().is_some_and(|p| p.len() < 32) {
        return Err("KEYPORT_KEY_PEPPER must be at least 32 characters".into());
    }

    let (pepper, keys, operator) = conn
        .transaction(|conn| {
            // One instance at a time, so two first starts agree on one set of secrets.
            secrets::lock_bootstrap(conn)?;
            let pepper = match &settings.key_pepper {
                Some(p) => p.as_bytes().to_vec(),
                None => secrets::get_or_create(conn, "key_pepper", || random_bytes(32), now)?,
            };
            let pepper = Pepper::new(pepper);
            let stored = secrets::live_signing_keys(conn, now)?;
            if stored.is_empty() && file_key.is_none() {
                let pair = KeyPair::from_seed(random_bytes(32).try_into().expect("32 bytes"));
                secrets::insert_signing_key(
                    conn,
                    &SigningKeyRow {
                        kid: pair.kid.clone(),
                        private_der: pair.private_der.clone(),
                        public_key: pair.public_key.clone(),
                        created_at: now,
                    },
                )?;
            }
            let keys = live_keys(conn, file_key.as_ref(), now)?;
            let operator = bootstrap_operator(conn, &settings, &pepper, now)?;
            diesel::QueryResult::Ok((pepper, keys, operator))
        })
        .map_err(|e| format!("start-up bookkeeping failed: {e}"))?;

    crate::auth::password::warm_up();
    let tokens = Arc::new(TokenKeys::new(&keys, &settings.issuer, &settings.audience));
    let revocations = Arc::new(Revocations::new(settings.access_token_ttl));
    // A rotation (`keyport keys rotate`) reaches every instance through the listener.
    let (reloaded, file_key) = (tokens.clone(), file_key.clone());
    revocations.on_keys_changed(Box::new(move |conn| match live_keys(conn, file_key.as_ref(), Utc::now()) {
        Ok(keys) if reloaded.replace(&keys) => tracing::info!(signing = %keys[0].kid, "signing keys reloaded"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "cannot reload the signing keys"),
    }));
    revocations.catch_up(&mut conn, now).map_err(|e| format!("cannot read revocations: {e}"))?;
    revocations.follow(settings.listen_database_url.clone().unwrap_or_else(|| database_url.to_string()));
    drop(conn);
    let limits = crate::limits::FailureBudgets::new(&settings);
    let webhooks = crate::outbound::WebhookClient::new(settings.webhook_allow_private);
    let imports_waiting = Arc::new(tokio::sync::Notify::new());
    Ok((AppState { pool, clock, tokens, revocations, pepper, limits, settings, webhooks, imports_waiting }, operator))
}

/// The keys that verify at `now`, the one that signs first: the configured key when there
/// is one (keys kept in the database still verify), else the newest live key kept there.
fn live_keys(
    conn: &mut diesel::PgConnection,
    file_key: Option<&KeyPair>,
    now: chrono::DateTime<Utc>,
) -> diesel::QueryResult<Vec<KeyPair>> {
    let mut keys: Vec<KeyPair> = secrets::live_signing_keys(conn, now)?
        .into_iter()
        .map(|r| KeyPair { kid: r.kid, private_der: r.private_der, public_key: r.public_key })
        .collect();
    if let Some(pair) = file_key {
        keys.retain(|k| k.kid != pair.kid);
        keys.insert(0, pair.clone());
    }
    Ok(keys)
}

/// Makes sure an operator client exists. With `KEYPORT_BOOTSTRAP_OPERATOR_SECRET` the
/// environment decides its id and secret (on every start); otherwise one is generated on
/// the first start only, and returned to be printed.
fn bootstrap_operator(
    conn: &mut diesel::PgConnection,
    settings: &Settings,
    pepper: &Pepper,
    now: chrono::DateTime<chrono::Utc>,
) -> diesel::QueryResult<Option<OperatorCredentials>> {
    let client_id = settings.bootstrap_operator_id.clone();
    let (secret, generated) = match &settings.bootstrap_operator_secret {
        Some(secret) => (secret.clone(), false),
        None if clients::any_live_operator(conn)? => return Ok(None),
        None => (new_secret(CLIENT_SECRET_PREFIX), true),
    };
    if !set_operator_secret(conn, &client_id, &secret, pepper, now)? {
        tracing::error!(%client_id, "the bootstrap operator id belongs to another kind of client; choose another");
        return Ok(None);
    }
    Ok(generated.then_some(OperatorCredentials { client_id, client_secret: secret }))
}

/// Gives the operator client `client_id` this secret, creating it when there is none (a
/// revoked one lives again). False when the id belongs to a client of another role.
fn set_operator_secret(
    conn: &mut diesel::PgConnection,
    client_id: &str,
    secret: &str,
    pepper: &Pepper,
    now: chrono::DateTime<chrono::Utc>,
) -> diesel::QueryResult<bool> {
    let digest = pepper.digest(SecretKind::ClientSecret, secret);
    match clients::find(conn, client_id)? {
        Some(existing) if existing.role == ClientRole::Operator => {
            clients::set_secret(conn, client_id, &digest)?;
        }
        Some(_) => return Ok(false),
        None => clients::insert(
            conn,
            &ApiClientRow {
                id: Uuid::now_v7(),
                client_id: client_id.to_string(),
                secret_digest: digest,
                role: ClientRole::Operator,
                partner_id: None,
                name: Some("bootstrap operator".into()),
                created_at: now,
                revoked_at: None,
                distributor_id: None,
                previous_secret_digest: None,
                previous_secret_expires_at: None,
                api_version: crate::domain::versions::CURRENT,
            },
        )?,
    }
    Ok(true)
}

/// Whether the operator's secret is this service's to reset: not when the environment sets
/// it (every start would put that one back). Asked before start-up applies the environment's.
pub fn may_reset_operator_secret(settings: &Settings) -> Result<(), String> {
    match settings.bootstrap_operator_secret {
        Some(_) => Err("the operator's secret comes from KEYPORT_BOOTSTRAP_OPERATOR_SECRET; change it there".into()),
        None => Ok(()),
    }
}

/// `keyport operator reset-secret`: a fresh secret for the bootstrap operator client (made
/// again if it was revoked or is gone), the old one refused from now on, and an audit
/// record. Access tokens issued before run out within their lifetime.
pub fn reset_operator_secret(state: &AppState) -> Result<OperatorCredentials, String> {
    let settings = &state.settings;
    may_reset_operator_secret(settings)?;
    let client_id = settings.bootstrap_operator_id.clone();
    let secret = new_secret(CLIENT_SECRET_PREFIX);
    let now = state.clock.real_now();
    let mut conn = state.pool.get().map_err(|e| format!("cannot connect to the database: {e}"))?;
    let done = conn
        .transaction(|conn| {
            if !set_operator_secret(conn, &client_id, &secret, &state.pepper, now)? {
                return Ok(false);
            }
            let target = crate::audit::Target {
                kind: Some("api_client".into()),
                id: Some(client_id.clone()),
                ..Default::default()
            };
            let summary = format!("the secret of operator client {client_id} was reset from the command line");
            crate::audit::record_system(conn, "operator_reset_secret", target, summary, now)?;
            diesel::QueryResult::Ok(true)
        })
        .map_err(|e| format!("cannot reset the secret: {e}"))?;
    if !done {
        return Err(format!("the client id {client_id} belongs to a partner's or distributor's client"));
    }
    Ok(OperatorCredentials { client_id, client_secret: secret })
}
