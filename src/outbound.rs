//! Requests keyport itself makes: webhook deliveries, guarded against server-side request
//! forgery (SPEC §10). A URL is vetted at registration and again at every attempt: its host
//! is resolved once, every address must be public, and the connection goes to the address
//! that was vetted (the resolver below is the client's only one; IP literals are vetted
//! directly). No redirects, no proxies, 10 s timeouts, at most 64 KiB of a response read.

use std::{
    net::{IpAddr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use futures_util::StreamExt;
use reqwest::{
    Url,
    dns::{Addrs, Name, Resolve, Resolving},
};

use crate::domain::webhooks::is_public;

const TIMEOUT: Duration = Duration::from_secs(10);
const RESPONSE_CAP: usize = 64 * 1024;
const LOOKUP_LIMIT: Duration = Duration::from_secs(5);

/// Why a URL may not receive deliveries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// The client of webhook deliveries.
#[derive(Clone)]
pub struct WebhookClient {
    client: reqwest::Client,
    allow_private: bool,
}

/// Resolves a host and keeps only what may be reached; a name with any address that may
/// not is refused whole (a resolver may answer differently the next time).
struct GuardedResolver {
    allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let addrs = resolve(name.as_str(), 0, allow_private).await.map_err(|e| e.0)?;
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// What a refusal about a host that resolves says: the same whichever private range an
/// address is in, so the answer maps no internal network.
const NOT_PUBLIC: &str = "must lead only to public addresses";

/// A name that does not resolve says so: a mistyped host is the common case, and saying it
/// tells a caller only which names this service's resolver knows (see docs/security.md).
async fn resolve(host: &str, port: u16, allow_private: bool) -> Result<Vec<SocketAddr>, Refused> {
    let lookup = tokio::time::timeout(LOOKUP_LIMIT, tokio::net::lookup_host((host, port)));
    let addrs: Vec<SocketAddr> = match lookup.await {
        Ok(Ok(addrs)) => addrs.collect(),
        Ok(Err(_)) => return Err(Refused(format!("has a host that does not resolve ({host})"))),
        Err(_) => {
            return Err(Refused(format!(
                "has a host that did not resolve within {} s ({host})",
                LOOKUP_LIMIT.as_secs()
            )));
        }
    };
    if addrs.is_empty() {
        return Err(Refused(format!("has a host that does not resolve ({host})")));
    }
    if !allow_private && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(Refused(NOT_PUBLIC.into()));
    }
    Ok(addrs)
}

impl WebhookClient {
    pub fn new(allow_private: bool) -> Self {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver { allow_private }))
            .user_agent(concat!("keyport-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("the webhook client builds");
        Self { client, allow_private }
    }

    /// Checks that `url` may receive deliveries: `https` (also `http` when private
    /// addresses are allowed), no credentials, a host whose every address is public.
    pub async fn vet(&self, url: &str) -> Result<Url, Refused> {
        self.check(url, true).await
    }

    /// [`Self::vet`]; a host name is resolved only when `resolve_names` (at delivery the
    /// client's own resolver vets the addresses it connects to: one resolution per attempt).
    async fn check(&self, url: &str, resolve_names: bool) -> Result<Url, Refused> {
        let parsed = Url::parse(url).map_err(|e| Refused(format!("not a URL: {e}")))?;
        match parsed.scheme() {
            "https" => {}
            "http" if self.allow_private => {}
            _ => return Err(Refused("must be an https URL".into())),
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(Refused("must not carry credentials".into()));
        }
        let host = parsed.host_str().ok_or_else(|| Refused("has no host".into()))?;
        let port = parsed.port_or_known_default().unwrap_or(443);
        match host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            Ok(ip) if !self.allow_private && !is_public(ip) => Err(Refused(NOT_PUBLIC.into())),
            Ok(_) => Ok(parsed),
            Err(_) if !resolve_names => Ok(parsed),
            Err(_) => resolve(host, port, self.allow_private).await.map(|_| parsed),
        }
    }

    /// POSTs a delivery; the response's status, or why there is none. The body is read
    /// to at most 64 KiB and dropped.
    pub async fn post(&self, url: &str, headers: Vec<(&'static str, String)>, body: Vec<u8>) -> Result<u16, String> {
        let url = self.check(url, false).await.map_err(|e| e.0)?;
        let mut request = self.client.post(url).header("content-type", "application/json").body(body);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let response = request.send().await.map_err(|e| describe(&e))?;
        let status = response.status().as_u16();
        let mut stream = response.bytes_stream();
        let mut read = 0;
        while let Some(chunk) = stream.next().await {
            match chunk {
                Ok(bytes) => {
                    read += bytes.len();
                    if read >= RESPONSE_CAP {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        Ok(status)
    }
}

/// A short reason for a failed request, without the URL's query (it may hold a token).
fn describe(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else if e.is_request() {
        "the request failed"
    } else {
        "no response"
    };
    let mut source = std::error::Error::source(e);
    let mut cause = String::new();
    while let Some(inner) = source {
        cause = inner.to_string();
        source = inner.source();
    }
    if cause.is_empty() { kind.to_string() } else { format!("{kind}: {cause}") }
}
