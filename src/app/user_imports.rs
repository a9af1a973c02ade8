//! Bulk user imports (SPEC §11): the importer's rights are checked when it submits and
//! again for each batch (a relationship may end meanwhile); the rows are decided in batches
//! by whichever instance's worker claims the import. A batch is one transaction — its
//! users, licences, tokens and outcomes commit together — so an instance that dies
//! mid-batch leaves those rows pending for another, never done.

use std::{collections::HashSet, future::Future};

use chrono::{DateTime, Days, Utc};
use diesel::PgConnection;
use uuid::Uuid;

use super::users::ACTIVATION_DAYS;
use crate::store::user_imports::ImportState;
use crate::{
    auth::{
        Principal,
        secrets::{ACTIVATION_TOKEN_PREFIX, Pepper, Sealer, SecretKind, new_secret},
    },
    authz::{self, Action, TenantAccess},
    domain::{
        lifecycle::{Periods, SubscriptionStatus},
        user_imports::{self as rows, ImportRow, RowRefusal},
    },
    error::{Code, Error, Kind},
    state::AppState,
    store::{
        subscriptions::SubscriptionRow,
        user_imports::{self as store, Created, ImportRecord, Outcome, RowRecord},
        users::{self, UserRow},
    },
    views::user_imports::CreateUserImport,
};

/// What the importer's unread activation tokens are sealed with.
pub const SEALING_PURPOSE: &str = "user-import-activation-tokens";

/// Whether the caller may import users into the tenant at all: checked before its body is
/// read, so who may not never has one parsed.
pub fn may_import(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    authz::tenant(conn, principal, tenant_id, now)?.may(Action::ManageUsers)
}

/// Queues an import of `rows` (already read and checked) into a tenant the caller may add
/// users to; admins among them need `ManageAdmins`, licences `ManageLicenses`.
pub fn submit(
    conn: &mut PgConnection,
    principal: &Principal,
    tenant_id: Uuid,
    rows: Vec<(ImportRow, Option<RowRefusal>)>,
    now: DateTime<Utc>,
) -> Result<ImportState, Error> {
    let access = authz::tenant_to_change(conn, principal, tenant_id, now)?;
    access.may(Action::ManageUsers)?;
    let wanted = rows.iter().filter(|(_, refusal)| refusal.is_none()).map(|(row, _)| row);
    let (admins, licences) = wanted.fold((false, false), |(a, l), r| (a || r.admin, l || !r.license_skus.is_empty()));
    if admins {
        access.may(Action::ManageAdmins)?;
    }
    if licences {
        access.may(Action::ManageLicenses)?;
    }
    let id = Uuid::now_v7();
    let records: Vec<RowRecord> = rows
        .into_iter()
        .map(|(row, refusal)| RowRecord {
            import_id: id,
            line: row.line,
            email: row.email,
            first_name: row.first_name,
            last_name: row.last_name,
            admin: row.admin,
            license_skus: row.license_skus.into_iter().map(Some).collect(),
            outcome: refusal.as_ref().map(|_| "error".to_string()),
            code: refusal.as_ref().map(|r| r.code.to_string()),
            detail: refusal.map(|r| r.detail),
            user_id: None,
            activation_token_sealed: None,
        })
        .collect();
    let done = records.iter().all(|r| r.outcome.is_some());
    let import = ImportRecord {
        id,
        tenant_id,
        importer: principal.key(),
        rows_total: records.len() as i32,
        created_at: now,
        started_at: done.then_some(now),
        completed_at: done.then_some(now),
        failures: 0,
        retry_at: None,
    };
    store::insert(conn, &import, &records)?;
    crate::audit::note("user_import", id, Some(tenant_id), None);
    Ok(ImportState { import, rows: records, tokens: Vec::new() })
}

/// An import of a tenant, for who may read the tenant's directory. The importer also gets
/// the activation tokens of the users created since it last looked — once.
pub fn get(
    conn: &mut PgConnection,
    principal: &Principal,
    sealer: &Sealer,
    tenant_id: Uuid,
    import_id: Uuid,
    now: DateTime<Utc>,
) -> Result<ImportState, Error> {
    let access = authz::tenant(conn, principal, tenant_id, now)?;
    access.may(Action::ReadDirectory)?;
    let import = store::get(conn, tenant_id, import_id)?.ok_or_else(|| Error::not_found("user import"))?;
    // A token takes over its user: only the importer gets it, and only while it may still
    // manage such a user.
    let tokens = if import.importer == principal.key() && access.may(Action::ManageUsers).is_ok() {
        store::take_tokens(conn, import_id, access.may(Action::ManageAdmins).is_ok())?
            .into_iter()
            .filter_map(|(line, sealed)| Some((line, String::from_utf8(sealer.open(&sealed)?).ok()?)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ImportState { rows: store::rows(conn, import_id)?, import, tokens })
}

/// What one batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchReport {
    pub import_id: Uuid,
    pub created: usize,
    pub failed: usize,
    pub completed: bool,
}

/// Failed batches after which an import's rows are decided one per transaction, and after
/// which such a single row is given up (`internal`) so the rest can go on.
const FAILURES_BEFORE_SINGLE_ROWS: i32 = 3;
const FAILURES_BEFORE_GIVING_UP_A_ROW: i32 = 5;

/// The oldest unfinished import no other worker holds and that is not waiting out a
/// failure (or `only` that one), claimed for the caller's transaction.
pub fn claim(
    conn: &mut PgConnection,
    only: Option<Uuid>,
    real_now: DateTime<Utc>,
) -> Result<Option<ImportRecord>, Error> {
    Ok(store::claim(conn, only, real_now)?)
}

/// Decides the next rows of a claimed import (`batch` of them, or one at a time once
/// batches have kept failing), inside the caller's transaction.
pub fn process_batch(
    conn: &mut PgConnection,
    keys: (&Pepper, &Sealer),
    periods: Periods,
    batch: i64,
    import: &ImportRecord,
    now: DateTime<Utc>,
) -> Result<BatchReport, Error> {
    if import.started_at.is_none() {
        store::mark_started(conn, import.id, now)?;
    }
    if import.failures > 0 {
        store::clear_failures(conn, import.id)?;
    }
    let batch = if import.failures >= FAILURES_BEFORE_SINGLE_ROWS { 1 } else { batch };
    let rows = store::pending(conn, import.id, batch)?;
    let mut report = BatchReport { import_id: import.id, created: 0, failed: 0, completed: false };
    if !rows.is_empty() {
        decide(conn, keys, periods, import, &rows, now, &mut report)?;
    }
    if (rows.len() as i64) < batch {
        complete(conn, import, now)?;
        report.completed = true;
    }
    Ok(report)
}

fn complete(conn: &mut PgConnection, import: &ImportRecord, now: DateTime<Utc>) -> Result<(), Error> {
    store::mark_completed(conn, import.id, now)?;
    let counts = store::counts(conn, import.id)?;
    let count = |o: &str| counts.iter().filter(|(k, _)| k.as_deref() == Some(o)).map(|(_, n)| n).sum::<i64>();
    let target = crate::audit::Target {
        kind: Some("user_import".into()),
        id: Some(import.id.to_string()),
        tenant_id: Some(import.tenant_id),
        ..Default::default()
    };
    let summary = format!(
        "user import by {} completed: {} created, {} refused",
        import.importer,
        count("created"),
        count("error")
    );
    Ok(crate::audit::record_system(conn, "user_import_completed", target, summary, now)?)
}

/// A batch of `import` failed (its transaction rolled back): the import waits a while,
/// longer after each failure, so it never holds up the others; once single rows keep
/// failing, the row is given up with `internal` and the import goes on.
pub fn batch_failed(conn: &mut PgConnection, import: &ImportRecord, real_now: DateTime<Utc>) -> Result<(), Error> {
    let wait = chrono::Duration::seconds(1 << import.failures.clamp(0, 6));
    let failures = store::note_failure(conn, import.id, real_now + wait)?;
    if failures >= FAILURES_BEFORE_GIVING_UP_A_ROW {
        let detail = "The user could not be written; add it with POST /v1/tenants/{id}/users to see why.";
        store::give_up_first_pending(conn, import.id, Code::Internal.slug(), detail)?;
        store::clear_failures(conn, import.id)?;
    }
    Ok(())
}

/// The importer's access to the tenant now: a partner's relationship or a user's admin
/// rights may have ended since it submitted.
fn importer_access(conn: &mut PgConnection, import: &ImportRecord, now: DateTime<Utc>) -> Result<TenantAccess, Error> {
    let gone = || Error::forbidden("The importer may no longer add users to this tenant.");
    let principal = match import.importer.split_once(':') {
        Some(("partner", id)) => {
            Principal::Partner { partner_id: id.parse().map_err(|_| gone())?, client_id: String::new() }
        }
        Some(("user", id)) => Principal::Customer {
            user_id: id.parse().map_err(|_| gone())?,
            tenant_id: import.tenant_id,
            admin: false, // read afresh by `authz::tenant`
        },
        _ => return Err(gone()),
    };
    match authz::tenant(conn, &principal, import.tenant_id, now) {
        Err(e) if e.code == Code::NotFound || e.code == Code::Unauthorized => Err(gone()),
        other => other,
    }
}

fn refused(e: Error) -> RowRefusal {
    RowRefusal { code: e.code.slug(), detail: e.detail }
}

/// What a row needs of the importer's access: to add users, admins, licences.
fn row_allowed(access: &Result<TenantAccess, RowRefusal>, row: &RowRecord) -> Result<(), RowRefusal> {
    let access = access.as_ref().map_err(Clone::clone)?;
    access.may(Action::ManageUsers).map_err(refused)?;
    if row.admin {
        access.may(Action::ManageAdmins).map_err(refused)?;
    }
    if row.license_skus.iter().flatten().next().is_some() {
        access.may(Action::ManageLicenses).map_err(refused)?;
    }
    Ok(())
}

/// Decides each row in line order against the tenant as locked now, then writes the
/// batch set-wise: its users, tokens and licences, and every row's outcome.
fn decide(
    conn: &mut PgConnection,
    (pepper, sealer): (&Pepper, &Sealer),
    periods: Periods,
    import: &ImportRecord,
    rows: &[RowRecord],
    now: DateTime<Utc>,
    report: &mut BatchReport,
) -> Result<(), Error> {
    let mut skus: Vec<String> = rows.iter().flat_map(|r| r.license_skus.iter().flatten().cloned()).collect();
    skus.sort();
    skus.dedup();
    let mut seats = Seats { held: store::lock_subscriptions_of(conn, import.tenant_id, &skus)?, periods, now };
    let access = match importer_access(conn, import, now) {
        Err(e) if matches!(e.code.kind(), Kind::Unavailable | Kind::Internal) => return Err(e),
        access => access.map_err(refused),
    };
    // Addresses folded as the unique index folds them, so no insert can collide.
    let emails: Vec<String> = rows.iter().map(|r| r.email.clone()).collect();
    let folded = users::fold_emails(conn, &emails)?;
    let mut taken: HashSet<String> = folded.iter().filter(|(_, t)| *t).map(|(f, _)| f.clone()).collect();
    let expires_at = now + Days::new(ACTIVATION_DAYS);
    let (mut users, mut tokens, mut licenses, mut outcomes) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (row, (email, _)) in rows.iter().zip(folded) {
        let wanted: Vec<&str> = row.license_skus.iter().flatten().map(String::as_str).collect();
        let decided = if taken.contains(&email) {
            Err(refusal(Code::UserExists, "A user with this e-mail address already exists."))
        } else {
            row_allowed(&access, row).and_then(|()| seats.take(&wanted))
        };
        let outcome = match decided {
            Err(refused) => {
                report.failed += 1;
                Outcome {
                    line: row.line,
                    created: false,
                    code: Some(refused.code.into()),
                    detail: Some(refused.detail),
                    user_id: None,
                    activation_token_sealed: None,
                }
            }
            Ok(subscriptions) => {
                report.created += 1;
                taken.insert(email);
                let user = UserRow {
                    id: Uuid::now_v7(),
                    tenant_id: import.tenant_id,
                    email: row.email.clone(),
                    first_name: row.first_name.clone(),
                    last_name: row.last_name.clone(),
                    admin: row.admin,
                    password_hash: None,
                    created_at: now,
                };
                let token = new_secret(ACTIVATION_TOKEN_PREFIX);
                tokens.push((pepper.digest(SecretKind::ActivationToken, &token), (user.id, user.admin), expires_at));
                licenses.extend(subscriptions.into_iter().map(|s| (s, user.id)));
                let outcome = Outcome {
                    line: row.line,
                    created: true,
                    code: None,
                    detail: None,
                    user_id: Some(user.id),
                    activation_token_sealed: Some(sealer.seal(token.as_bytes())),
                };
                users.push(user);
                outcome
            }
        };
        outcomes.push(outcome);
    }
    store::create(conn, Created { users: &users, tokens: &tokens, licenses: &licenses }, now)?;
    store::record_outcomes(conn, import.id, &outcomes)?;
    Ok(())
}

fn refusal(code: Code, detail: impl Into<String>) -> RowRefusal {
    RowRefusal { code: code.slug(), detail: detail.into() }
}

/// The tenant's subscriptions a batch may give licences on, locked, with seats in use.
struct Seats {
    held: Vec<(SubscriptionRow, String, i64)>,
    periods: Periods,
    now: DateTime<Utc>,
}

impl Seats {
    /// A seat for each SKU — on the live subscription of that product with a free seat,
    /// the latest ending first — or none at all (a row is all-or-nothing).
    fn take(&mut self, skus: &[&str]) -> Result<Vec<Uuid>, RowRefusal> {
        let mut taken: Vec<usize> = Vec::new();
        for sku in skus {
            match self.free_seat(sku) {
                Ok(i) => {
                    self.held[i].2 += 1;
                    taken.push(i);
                }
                Err(refused) => {
                    for i in taken {
                        self.held[i].2 -= 1;
                    }
                    return Err(refused);
                }
            }
        }
        Ok(taken.into_iter().map(|i| self.held[i].0.id).collect())
    }

    fn free_seat(&self, sku: &str) -> Result<usize, RowRefusal> {
        let of_product: Vec<usize> = (0..self.held.len()).filter(|&i| self.held[i].1 == sku).collect();
        if of_product.is_empty() {
            return Err(refusal(
                Code::UnknownSku,
                format!("The tenant has no subscription of a product with SKU {sku}."),
            ));
        }
        let live: Vec<usize> = of_product
            .into_iter()
            .filter(|&i| {
                let s = &self.held[i].0;
                let status = self.periods.status(s.ends_at, s.superseded_by.is_some(), self.now);
                matches!(status, SubscriptionStatus::Active | SubscriptionStatus::Expired)
            })
            .collect();
        if live.is_empty() {
            return Err(refusal(
                Code::SubscriptionInactive,
                format!("The tenant's subscription of {sku} is disabled or deleted: no new licences can be assigned."),
            ));
        }
        live.into_iter()
            .filter(|&i| self.held[i].2 < i64::from(self.held[i].0.seats))
            .max_by_key(|&i| self.held[i].0.ends_at)
            .ok_or_else(|| {
                refusal(
                    Code::NoLicensesAvailable,
                    format!("Every seat of the tenant's {sku} subscription is assigned."),
                )
            })
    }
}

/// Accepts an import: who may not import has no body read (`body` is awaited only after the
/// check); up to 8 MiB of rows are parsed and checked off the HTTP workers; the import is
/// stored and this instance's worker woken.
pub async fn import(
    state: &AppState,
    principal: &Principal,
    tenant_id: Uuid,
    body: impl Future<Output = Result<actix_web::web::Bytes, Error>>,
    csv: bool,
) -> Result<ImportState, Error> {
    let caller = principal.clone();
    state.read(move |conn, now| may_import(conn, &caller, tenant_id, now)).await?;
    let body = body.await?;
    let invalid = |e: rows::Unreadable| Error::invalid(&e.field, e.message);
    let checked = crate::state::blocking(move || -> Result<Vec<(ImportRow, Option<RowRefusal>)>, Error> {
        let submitted = if csv {
            rows::read_csv(&body).map_err(invalid)?
        } else {
            crate::http::extract::parse_json::<CreateUserImport>(&body)?.into_rows()
        };
        rows::check_count(submitted.len()).map_err(invalid)?;
        Ok(rows::check(submitted))
    })
    .await??;
    let principal = principal.clone();
    let imported = state.transaction(move |conn, now| submit(conn, &principal, tenant_id, checked, now)).await?;
    if imported.import.completed_at.is_none() {
        // This instance's worker starts at once (or, in an idempotent request not yet
        // committed, at its next round).
        state.imports_waiting.notify_one();
    }
    Ok(imported)
}
