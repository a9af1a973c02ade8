//! The first command on a fresh machine: the embedded default as root under a private
//! directory, and a busy port that leaves nothing behind.

use std::{
    io::Read,
    process::{Command, Stdio},
    time::Duration,
};

use crate::common::*;

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

#[tokio::test]
async fn a_busy_port_stops_serve_before_it_creates_or_prints_anything() {
    use diesel::{Connection, RunQueryDsl};
    let database_url = fresh_database();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = Command::new(env!("CARGO_BIN_EXE_keyport"))
        .arg("serve")
        .env("KEYPORT_DATABASE_URL", &database_url)
        .env("KEYPORT_BIND", format!("127.0.0.1:{port}"))
        .env_remove("KEYPORT_BOOTSTRAP_OPERATOR_SECRET")
        .output()
        .expect("keyport serve runs");
    assert!(!output.status.success());
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(stdout.is_empty(), "printed: {stdout}");
    assert!(!stderr.contains("client_secret"));
    assert_eq!(stderr.trim().lines().count(), 1, "one clear line: {stderr}");
    assert!(stderr.contains("KEYPORT_BIND") && stderr.contains("--bind"), "{stderr}");
    let mut conn = diesel::PgConnection::establish(&database_url).unwrap();
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let clients: Vec<Count> = diesel::sql_query("SELECT count(*) AS n FROM api_clients").load(&mut conn).unwrap();
    assert_eq!(clients[0].n, 0, "no operator was created");
}

/// Root starting the default from a clone under a private directory (as under /root): the
/// data moves where the `postgres` user can keep it, and the next start finds it again.
#[tokio::test]
async fn the_embedded_default_starts_as_root_under_a_private_directory_and_again() {
    if !is_root() {
        eprintln!("skipped: this checks what happens when keyport runs as root");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let private = std::env::temp_dir().join(format!("keyport-home-{}", uuid::Uuid::now_v7().simple()));
    let clone = private.join("keyport");
    std::fs::create_dir_all(&clone).unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o700)).unwrap();
    let start = |port: u16| {
        Command::new(env!("CARGO_BIN_EXE_keyport"))
            .arg("serve")
            .current_dir(&clone)
            .env_remove("KEYPORT_DATABASE_URL")
            .env_remove("KEYPORT_DATA_DIR")
            .env("KEYPORT_BIND", format!("127.0.0.1:{port}"))
            .env("KEYPORT_BOOTSTRAP_OPERATOR_ID", OPERATOR_ID)
            .env("KEYPORT_BOOTSTRAP_OPERATOR_SECRET", OPERATOR_SECRET)
            .env("KEYPORT_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("keyport serve starts")
    };
    let ready = |base: String| async move {
        let http = reqwest::Client::new();
        for _ in 0..300 {
            if http.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status() == 200) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    };
    let stop = |child: &mut std::process::Child| {
        // SAFETY: sends SIGINT (Ctrl-C) to our own child.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        assert!(child.wait().unwrap().success(), "keyport stops cleanly on Ctrl-C");
        let mut said = String::new();
        child.stderr.take().unwrap().read_to_string(&mut said).unwrap();
        said
    };

    let port = free_port();
    let mut first = start(port);
    assert!(ready(format!("http://127.0.0.1:{port}")).await, "the first start serves /readyz");
    let app = TestApp::attach(&format!("http://127.0.0.1:{port}"), "").await;
    let partner = app.partner("Contoso IT").await;
    let said = stop(&mut first);
    let moved = said
        .lines()
        .find(|l| l.contains("/var/lib/keyport/"))
        .unwrap_or_else(|| panic!("where the data lives is said in one line: {said}"));
    let data_dir = moved.rsplit(' ').next().unwrap().to_string();
    assert!(std::path::Path::new(&data_dir).join("pgdata").exists());
    assert!(!clone.join(".keyport").exists(), "nothing is left where postgres cannot reach");

    let port = free_port();
    let mut second = start(port);
    assert!(ready(format!("http://127.0.0.1:{port}")).await, "the second start serves /readyz");
    let again = TestApp::attach(&format!("http://127.0.0.1:{port}"), "").await;
    again.get(&format!("/v1/partners/{}", partner.id), &again.operator).await.expect(200);
    let said = stop(&mut second);
    assert!(said.contains(&data_dir), "the same data again: {said}");
    let _ = std::fs::remove_dir_all(&data_dir);
    let _ = std::fs::remove_dir_all(&private);
}
