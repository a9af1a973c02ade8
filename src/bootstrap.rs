//! Start-up: migrations, shared secrets, signing keys and the bootstrap operator.

use std::sync::Arc;

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
            let mut keys: Vec<KeyPair> = secrets::live_signing_keys(conn)?
                .into_iter()
                .map(|r| KeyPair { kid: r.kid, private_der: r.private_der, public_key: r.public_key })
                .collect();
            if keys.is_empty() && file_key.is_none() {
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
                keys.push(pair);
            }
            if let Some(pair) = &file_key {
                // The configured key signs; keys kept in the database still verify.
                keys.retain(|k| k.kid != pair.kid);
                keys.insert(0, pair.clone());
            }
            let operator = bootstrap_operator(conn, &settings, &pepper, now)?;
            diesel::QueryResult::Ok((pepper, keys, operator))
        })
        .map_err(|e| format!("start-up bookkeeping failed: {e}"))?;

    crate::auth::password::warm_up();
    let tokens = TokenKeys::new(&keys, &settings.issuer, &settings.audience);
    let revocations = Arc::new(Revocations::new(settings.access_token_ttl));
    revocations.catch_up(&mut conn, now).map_err(|e| format!("cannot read revocations: {e}"))?;
    revocations.follow(settings.listen_database_url.clone().unwrap_or_else(|| database_url.to_string()));
    drop(conn);
    let limits = crate::limits::FailureBudgets::new(&settings);
    let webhooks = crate::outbound::WebhookClient::new(settings.webhook_allow_private);
    let imports_waiting = Arc::new(tokio::sync::Notify::new());
    Ok((AppState { pool, clock, tokens, revocations, pepper, limits, settings, webhooks, imports_waiting }, operator))
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
    let digest = pepper.digest(SecretKind::ClientSecret, &secret);
    match clients::find(conn, &client_id)? {
        Some(existing) if existing.role == ClientRole::Operator => {
            clients::set_secret(conn, &client_id, &digest)?;
        }
        Some(_) => {
            tracing::error!(%client_id, "the bootstrap operator id belongs to a partner client; choose another");
            return Ok(None);
        }
        None => clients::insert(
            conn,
            &ApiClientRow {
                id: Uuid::now_v7(),
                client_id: client_id.clone(),
                secret_digest: digest,
                role: ClientRole::Operator,
                partner_id: None,
                name: Some("bootstrap operator".into()),
                created_at: now,
                revoked_at: None,
                distributor_id: None,
            },
        )?,
    }
    Ok(generated.then_some(OperatorCredentials { client_id, client_secret: secret }))
}
