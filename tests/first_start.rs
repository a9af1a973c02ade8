//! The first command on a fresh machine: the embedded default as root under a private
//! directory, and a busy port that leaves nothing behind.

use std::{
    io::{BufRead, BufReader, Read},
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
    assert!(!said.contains("could not change directory"), "no stray messages from PostgreSQL's tools: {said}");
    let _ = std::fs::remove_dir_all(&data_dir);
    let _ = std::fs::remove_dir_all(&private);
}

/// A lost operator secret: `keyport operator reset-secret`, against the database the
/// service uses and while it runs, prints a new one; the old one is refused from then on,
/// the reset is audited, and the start-up banner says where the secret was and this way back.
#[tokio::test]
async fn a_lost_operator_secret_is_reset_from_the_command_line() {
    let database_url = fresh_database();
    let port = free_port();
    let mut serve = Command::new(env!("CARGO_BIN_EXE_keyport"))
        .arg("serve")
        .env("KEYPORT_DATABASE_URL", &database_url)
        .env("KEYPORT_BIND", format!("127.0.0.1:{port}"))
        .env_remove("KEYPORT_BOOTSTRAP_OPERATOR_SECRET")
        .env_remove("KEYPORT_BOOTSTRAP_OPERATOR_ID")
        .env_remove("KEYPORT_LOG")
        .env("KEYPORT_SWEEP_INTERVAL", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("keyport serve starts");
    // What it prints, up to the banner's word on the secret.
    let stdout = serve.stdout.take().unwrap();
    let printed = tokio::task::spawn_blocking(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let last = line.contains("reset-secret");
            lines.push(line);
            if last {
                break;
            }
        }
        lines
    });
    let printed = tokio::time::timeout(Duration::from_secs(60), printed).await.expect("the banner").unwrap();
    let secret_of = |lines: &[String]| {
        let line = lines.iter().find(|l| l.contains("client_secret:")).expect("a secret is printed");
        line.split_whitespace().last().unwrap().to_string()
    };
    let first = secret_of(&printed);
    let banner = printed.join("\n");
    assert!(banner.contains("listening on") && banner.contains("printed above"), "{banner}");
    assert!(banner.contains("keyport operator reset-secret"), "{banner}");

    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let sign_in = |secret: String| {
        let (http, base) = (http.clone(), base.clone());
        async move {
            let form = [("grant_type", "client_credentials"), ("client_id", "operator"), ("client_secret", &secret)];
            let reply = http.post(format!("{base}/v1/auth/token")).form(&form).send().await.unwrap();
            (reply.status().as_u16(), reply.json::<serde_json::Value>().await.unwrap())
        }
    };
    assert_eq!(sign_in(first.clone()).await.0, 200);

    let reset = |extra: Option<(&str, &str)>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_keyport"));
        command
            .args(["operator", "reset-secret"])
            .env("KEYPORT_DATABASE_URL", &database_url)
            .env_remove("KEYPORT_BOOTSTRAP_OPERATOR_SECRET")
            .env_remove("KEYPORT_BOOTSTRAP_OPERATOR_ID")
            .env("KEYPORT_LOG", "warn");
        if let Some((name, value)) = extra {
            command.env(name, value);
        }
        command.output().expect("keyport operator reset-secret runs")
    };
    let output = reset(None);
    let said = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(output.status.success(), "{said} {}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<String> = said.lines().map(str::to_string).collect();
    let second = secret_of(&lines);
    assert_ne!(first, second);
    let (status, refused) = sign_in(first).await;
    assert_eq!((status, refused["error"].as_str()), (401, Some("invalid_client")), "the old secret is refused");
    let (status, signed_in) = sign_in(second.clone()).await;
    assert_eq!(status, 200, "the new one signs in on the running service: {signed_in}");

    // The reset is in the audit log, without the secret.
    let token = signed_in["access_token"].as_str().unwrap();
    let audit = http
        .get(format!("{base}/v1/audit-events?action=operator_reset_secret"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let records: serde_json::Value = serde_json::from_str(&audit).unwrap();
    assert_eq!(records["data"].as_array().map(Vec::len), Some(1), "{audit}");
    assert_eq!(records["data"][0]["actor"]["role"], "system");
    assert!(!audit.contains(&second), "no secret in the record");

    // When the environment decides the secret, the reset says to change it there.
    let output = reset(Some(("KEYPORT_BOOTSTRAP_OPERATOR_SECRET", "environment-secret-0123456789")));
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("KEYPORT_BOOTSTRAP_OPERATOR_SECRET"), "{said}");
    assert_eq!(sign_in(second).await.0, 200, "nothing changed");

    // Ctrl-C: a clean stop, with nothing to act on in what it says.
    // SAFETY: sends SIGINT (Ctrl-C) to our own child.
    unsafe { libc::kill(serve.id() as i32, libc::SIGINT) };
    assert!(serve.wait().unwrap().success());
    let mut stderr = String::new();
    serve.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(!stderr.contains("forced shutdown"), "{stderr}");
}
