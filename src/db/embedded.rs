//! The embedded default: a PostgreSQL cluster of our own, run from the machine's server
//! binaries in a local data directory, reachable only through a Unix socket.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use diesel::{Connection, PgConnection, RunQueryDsl, sql_query};

/// Database created inside the embedded cluster.
const DATABASE: &str = "keyport";
/// The longest socket directory that keeps `<dir>/.s.PGSQL.5432` under the 107-byte limit.
const MAX_SOCKET_DIR: usize = 90;

/// What went wrong starting the cluster, phrased for the person who ran the command.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct EmbeddedError(String);

/// A running cluster: started by this process, or found running (another `keyport`
/// command on the same data directory), in which case it is left running.
pub struct EmbeddedPostgres {
    bin_dir: PathBuf,
    pgdata: PathBuf,
    socket_dir: PathBuf,
    as_postgres_user: bool,
    owned: bool,
}

/// Tuning for clusters whose data may be lost (tests): no fsync, no full-page writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Durable,
    Throwaway,
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// The directory holding `initdb` and `pg_ctl`: PATH first, then the newest
/// `/usr/lib/postgresql/<version>/bin`.
pub fn find_server_binaries() -> Option<PathBuf> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if has_both(&dir) {
                // Debian links initdb into PATH: use the real directory so postgres is found.
                let real = std::fs::canonicalize(dir.join("initdb")).ok();
                return Some(real.and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or(dir));
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| has_both(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn missing_binaries() -> EmbeddedError {
    EmbeddedError(
        "keyport runs its own PostgreSQL when KEYPORT_DATABASE_URL is not set, but no PostgreSQL \
         server binaries (initdb, pg_ctl) were found in PATH or under /usr/lib/postgresql/*/bin. \
         Install them (Debian/Ubuntu: `apt-get install -y postgresql`), or point keyport at an \
         existing PostgreSQL 14+ with KEYPORT_DATABASE_URL=postgres://user:password@host/db."
            .to_string(),
    )
}

/// The data directory without `--data-dir`, relative to where keyport starts.
pub const DEFAULT_DATA_DIR: &str = ".keyport";

/// Where relocated clusters live when keyport runs as root.
const RELOCATED_ROOT: &str = "/var/lib/keyport";

/// The directory to keep the cluster for `requested` in: `requested` itself, unless keyport
/// runs as root and the `postgres` user (which runs the cluster) cannot reach it because a
/// parent is private — then a directory under /var/lib/keyport named after `requested`'s
/// absolute path, so that every start from the same place finds the same data.
pub fn reachable_data_dir(requested: &Path) -> Result<PathBuf, EmbeddedError> {
    if !is_root() {
        return Ok(requested.to_path_buf());
    }
    let absolute = std::path::absolute(requested)
        .map_err(|e| EmbeddedError(format!("cannot resolve {}: {e}", requested.display())))?;
    // The nearest part of the path that exists is what the postgres user must pass through.
    let existing = absolute.ancestors().find(|a| a.exists()).unwrap_or(Path::new("/"));
    let reachable = Command::new("runuser")
        .args(["-u", "postgres", "--", "test", "-x"])
        .arg(existing)
        .status()
        .is_ok_and(|s| s.success());
    if reachable {
        return Ok(requested.to_path_buf());
    }
    use sha2::Digest;
    let digest = sha2::Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    let name = absolute
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().chars().filter(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c)).collect())
        .filter(|n: &String| !n.is_empty())
        .unwrap_or_else(|| "keyport".to_string());
    Ok(Path::new(RELOCATED_ROOT).join(format!("{name}-{}", hex::encode(&digest[..4]))))
}

impl EmbeddedPostgres {
    /// Creates the cluster in `data_dir` on first use, starts it, and makes sure the
    /// `keyport` database exists.
    pub fn start(data_dir: &Path, durability: Durability) -> Result<Self, EmbeddedError> {
        let bin_dir = find_server_binaries().ok_or_else(missing_binaries)?;
        std::fs::create_dir_all(data_dir)
            .map_err(|e| EmbeddedError(format!("cannot create {}: {e}", data_dir.display())))?;
        let data_dir = std::fs::canonicalize(data_dir)
            .map_err(|e| EmbeddedError(format!("cannot resolve {}: {e}", data_dir.display())))?;
        let socket_dir = socket_dir_for(&data_dir);
        let mut cluster =
            Self { bin_dir, pgdata: data_dir.join("pgdata"), socket_dir, as_postgres_user: is_root(), owned: true };
        std::fs::create_dir_all(&cluster.socket_dir)
            .map_err(|e| EmbeddedError(format!("cannot create {}: {e}", cluster.socket_dir.display())))?;
        if cluster.as_postgres_user {
            cluster.hand_to_postgres_user(&data_dir)?;
        }
        if !cluster.pgdata.join("PG_VERSION").exists() {
            cluster.initdb()?;
        }
        if cluster.is_running() {
            cluster.owned = false;
        } else {
            cluster.pg_ctl_start(durability)?;
        }
        cluster.create_database()?;
        Ok(cluster)
    }

    /// libpq connection string of the `keyport` database.
    pub fn database_url(&self) -> String {
        self.url_for(DATABASE)
    }

    /// libpq connection string of another database in the cluster.
    pub fn url_for(&self, database: &str) -> String {
        format!("host={} port=5432 user=postgres dbname={database}", self.socket_dir.display())
    }

    /// Stops the cluster if this process started it (fast shutdown: open sessions are
    /// ended, data is safe).
    pub fn stop(&self) {
        if !self.owned {
            return;
        }
        let _ = self
            .command("pg_ctl")
            .args(["-D", &self.pgdata.to_string_lossy(), "-m", "fast", "-w", "stop"])
            .stdout(Stdio::null())
            .status();
    }

    fn is_running(&self) -> bool {
        self.command("pg_ctl")
            .args(["-D", &self.pgdata.to_string_lossy(), "status"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    fn command(&self, program: &str) -> Command {
        let binary = self.bin_dir.join(program);
        if self.as_postgres_user {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(binary);
            // The tools change back to where they started; the postgres user may not
            // enter the caller's directory (a clone under /root) and would say so.
            command.current_dir("/");
            command
        } else {
            Command::new(binary)
        }
    }

    /// PostgreSQL refuses to run as root: as root, the cluster belongs to `postgres`.
    fn hand_to_postgres_user(&self, data_dir: &Path) -> Result<(), EmbeddedError> {
        for dir in [data_dir, self.socket_dir.as_path()] {
            let status = Command::new("chown").args(["-R", "postgres:postgres"]).arg(dir).status();
            if !status.is_ok_and(|s| s.success()) {
                return Err(EmbeddedError(format!(
                    "running as root, keyport hands {} to the `postgres` user, but `chown` failed; \
                     does the `postgres` user exist (it comes with the postgresql package)?",
                    dir.display()
                )));
            }
        }
        let reachable = Command::new("runuser")
            .args(["-u", "postgres", "--", "test", "-w"])
            .arg(data_dir)
            .status()
            .is_ok_and(|s| s.success());
        if !reachable {
            return Err(EmbeddedError(format!(
                "the `postgres` user cannot reach {} (a parent directory is private, e.g. /root). \
                 Choose a data directory it can reach with --data-dir or KEYPORT_DATA_DIR, \
                 e.g. /var/lib/keyport.",
                data_dir.display()
            )));
        }
        Ok(())
    }

    fn initdb(&self) -> Result<(), EmbeddedError> {
        let output = self
            .command("initdb")
            .args(["-D", &self.pgdata.to_string_lossy(), "-U", "postgres", "-A", "trust"])
            .args(["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
            .output()
            .map_err(|e| EmbeddedError(format!("cannot run initdb: {e}")))?;
        if !output.status.success() {
            return Err(EmbeddedError(format!("initdb failed: {}", String::from_utf8_lossy(&output.stderr).trim())));
        }
        Ok(())
    }

    fn pg_ctl_start(&self, durability: Durability) -> Result<(), EmbeddedError> {
        // No TCP at all: the socket lives in a directory only the cluster's owner may use.
        let mut options = format!(
            "-c listen_addresses='' -k {} -c unix_socket_permissions=0700 -c max_connections=300",
            self.socket_dir.display()
        );
        if durability == Durability::Throwaway {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let log = self.pgdata.join("server.log");
        let output = self
            .command("pg_ctl")
            .args(["-D", &self.pgdata.to_string_lossy(), "-l", &log.to_string_lossy()])
            .args(["-o", &options, "-w", "-t", "60", "start"])
            .stdout(Stdio::null())
            .output()
            .map_err(|e| EmbeddedError(format!("cannot run pg_ctl: {e}")))?;
        if !output.status.success() {
            let tail = std::fs::read_to_string(&log).unwrap_or_default();
            let tail: Vec<&str> = tail.lines().rev().take(5).collect();
            return Err(EmbeddedError(format!(
                "PostgreSQL did not start from {}: {} {}",
                self.pgdata.display(),
                String::from_utf8_lossy(&output.stderr).trim(),
                tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
            )));
        }
        Ok(())
    }

    fn create_database(&self) -> Result<(), EmbeddedError> {
        let mut conn = PgConnection::establish(&self.url_for("postgres"))
            .map_err(|e| EmbeddedError(format!("cannot connect to the embedded PostgreSQL: {e}")))?;
        let exists: bool = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
            "EXISTS (SELECT 1 FROM pg_database WHERE datname = '{DATABASE}')"
        )))
        .get_result(&mut conn)
        .map_err(|e| EmbeddedError(format!("cannot list databases: {e}")))?;
        if !exists {
            sql_query(format!("CREATE DATABASE {DATABASE}"))
                .execute(&mut conn)
                .map_err(|e| EmbeddedError(format!("cannot create the database: {e}")))?;
        }
        Ok(())
    }
}

/// `<data_dir>/run`, or a short directory under the system temp dir when that path would
/// be too long for a Unix socket.
fn socket_dir_for(data_dir: &Path) -> PathBuf {
    let preferred = data_dir.join("run");
    if preferred.as_os_str().len() <= MAX_SOCKET_DIR {
        return preferred;
    }
    use sha2::Digest;
    let digest = sha2::Sha256::digest(data_dir.as_os_str().as_encoded_bytes());
    std::env::temp_dir().join(format!("keyport-{}", hex::encode(&digest[..8])))
}
