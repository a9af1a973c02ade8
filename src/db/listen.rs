//! A connection that LISTENs on a channel and sleeps until PostgreSQL notifies it. diesel
//! can read pending notifications but not wait for one, so this speaks to libpq (the same
//! library, so the same connection strings) directly.

use std::{
    ffi::{CStr, CString},
    ptr::NonNull,
    time::Duration,
};

use pq_sys::{
    ConnStatusType, ExecStatusType, PGconn, PQclear, PQconnectdb, PQconsumeInput, PQerrorMessage, PQexec, PQfinish,
    PQfreemem, PQnotifies, PQresultStatus, PQsetNoticeProcessor, PQsocket, PQstatus,
};

/// One libpq connection that has run `LISTEN` on its channels.
pub struct Listener {
    conn: NonNull<PGconn>,
}

// SAFETY: a libpq connection may move between threads; it is used by one thread at a time
// (every method takes `&mut self`).
unsafe impl Send for Listener {}

impl Listener {
    /// Connects with a libpq connection string or URL and listens on `channels` (identifiers
    /// of letters, digits and underscores).
    pub fn connect(url: &str, channels: &[&str]) -> Result<Self, String> {
        if let Some(bad) = channels.iter().find(|c| !c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')) {
            return Err(format!("`{bad}` is not a plain channel name"));
        }
        let url = CString::new(url).map_err(|_| "the database URL holds a NUL byte".to_string())?;
        // SAFETY: `url` is a valid C string; PQconnectdb returns null only when out of memory.
        let conn = NonNull::new(unsafe { PQconnectdb(url.as_ptr()) }).ok_or("libpq could not allocate")?;
        let listener = Self { conn };
        // SAFETY: the connection is live until `listener` is dropped.
        if unsafe { PQstatus(listener.conn.as_ptr()) } != ConnStatusType::CONNECTION_OK {
            return Err(listener.error());
        }
        // Server notices (such as a shutdown's) would go to stderr; the wait reports failures.
        // SAFETY: valid connection; the processor ignores its arguments.
        unsafe { PQsetNoticeProcessor(listener.conn.as_ptr(), Some(ignore_notice), std::ptr::null_mut()) };
        let listen = channels.iter().map(|c| format!("LISTEN {c};")).collect::<String>();
        let listen = format!("SET application_name = 'keyport listener'; {listen}");
        let listen = CString::new(listen).expect("no NUL in checked channel names");
        // SAFETY: valid connection and C string; the result is freed right after reading it.
        let ok = unsafe {
            let result = PQexec(listener.conn.as_ptr(), listen.as_ptr());
            let ok = !result.is_null() && PQresultStatus(result) == ExecStatusType::PGRES_COMMAND_OK;
            PQclear(result);
            ok
        };
        if ok { Ok(listener) } else { Err(listener.error()) }
    }

    /// Sleeps until notifications arrive (returning every pending one as channel and
    /// payload, in the order sent) or `timeout` passes (returning none); `Err` when the
    /// connection is lost.
    pub fn wait(&mut self, timeout: Duration) -> Result<Vec<(String, String)>, String> {
        let pending = self.drain()?;
        if !pending.is_empty() {
            return Ok(pending);
        }
        // SAFETY: valid connection.
        let socket = unsafe { PQsocket(self.conn.as_ptr()) };
        if socket < 0 {
            return Err(self.error());
        }
        let mut poll = libc::pollfd { fd: socket, events: libc::POLLIN, revents: 0 };
        let millis = timeout.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, millis) };
        if ready < 0 {
            let error = std::io::Error::last_os_error();
            return if error.kind() == std::io::ErrorKind::Interrupted {
                Ok(Vec::new())
            } else {
                Err(error.to_string())
            };
        }
        self.drain()
    }

    /// Reads what the server sent and takes every pending notification.
    fn drain(&mut self) -> Result<Vec<(String, String)>, String> {
        let mut payloads = Vec::new();
        // SAFETY: valid connection; each notification is read, then freed once.
        unsafe {
            if PQconsumeInput(self.conn.as_ptr()) == 0 {
                return Err(self.error());
            }
            loop {
                let notification = PQnotifies(self.conn.as_ptr());
                if notification.is_null() {
                    return Ok(payloads);
                }
                let text = |p: *mut std::os::raw::c_char| {
                    if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() }
                };
                payloads.push((text((*notification).relname), text((*notification).extra)));
                PQfreemem(notification.cast());
            }
        }
    }

    fn error(&self) -> String {
        // SAFETY: valid connection; the message is owned by libpq and copied here.
        unsafe { CStr::from_ptr(PQerrorMessage(self.conn.as_ptr())) }.to_string_lossy().trim().to_string()
    }
}

extern "C" fn ignore_notice(_: *mut std::os::raw::c_void, _: *const std::os::raw::c_char) {}

impl Drop for Listener {
    fn drop(&mut self) {
        // SAFETY: the connection was made by PQconnectdb and is finished once.
        unsafe { PQfinish(self.conn.as_ptr()) }
    }
}
