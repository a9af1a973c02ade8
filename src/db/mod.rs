//! The database: connection pool, migrations and the embedded PostgreSQL.

pub mod embedded;
pub mod listen;
pub mod schema;

use std::time::Duration;

use diesel::{
    PgConnection,
    r2d2::{ConnectionManager, Pool},
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub type PgPool = Pool<ConnectionManager<PgConnection>>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// A pool of `size` connections; a checkout waits at most five seconds.
pub fn pool(url: &str, size: u32) -> Result<PgPool, r2d2::Error> {
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(5))
        .build(ConnectionManager::new(url))
}

/// Applies pending migrations; returns the versions applied.
pub fn migrate(conn: &mut PgConnection) -> Result<Vec<String>, String> {
    conn.run_pending_migrations(MIGRATIONS)
        .map(|versions| versions.iter().map(ToString::to_string).collect())
        .map_err(|e| format!("migrations failed: {e}"))
}

/// True when every migration this build knows of has been applied.
pub fn migrations_current(conn: &mut PgConnection) -> bool {
    conn.has_pending_migration(MIGRATIONS).is_ok_and(|pending| !pending)
}
