//! Failure budgets (SPEC §8): failed sign-ins per user, per client and per source address,
//! failed key look-ups and unknown partner numbers per caller — their rates, their
//! subjects, and whom to believe about a caller's address. Budgets live in PostgreSQL, so
//! every instance counts into the same one; `app::budgets` counts around the work.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;
use sha2::{Digest, Sha256};

use crate::{config::Settings, error::Error, store::budgets::Rate};

/// One kind of budget: so many failures a minute for each subject.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub(crate) rate: Rate,
    /// Names the kind in the subject's digest and in messages.
    kind: &'static str,
    what: &'static str,
}

/// One subject of one budget, e.g. the sign-ins of one user.
#[derive(Debug, Clone)]
pub struct Subject {
    pub(crate) budget: Budget,
    pub(crate) digest: Vec<u8>,
}

impl Budget {
    fn new(per_minute: u32, kind: &'static str, what: &'static str) -> Self {
        Self { rate: Rate::per_minute(per_minute), kind, what }
    }

    /// The subject `who` of this budget. Subjects are stored as digests: any input, however
    /// long or odd, costs one fixed-size row.
    pub fn subject(&self, who: &str) -> Subject {
        let mut hash = Sha256::new();
        hash.update(self.kind.as_bytes());
        hash.update([0]);
        hash.update(who.as_bytes());
        Subject { budget: *self, digest: hash.finalize().to_vec() }
    }
}

impl Subject {
    /// 429: this subject's budget is spent; one more failure fits after `wait`.
    pub fn refused(&self, wait: chrono::Duration) -> Error {
        let seconds = (wait.num_milliseconds().max(0) as u64).div_ceil(1000).max(1);
        crate::metrics::COUNTERS.budget_rejections.with_label_values(&[self.budget.kind]).inc();
        Error::rate_limited(format!("Too many failed {}; try again in {seconds} s.", self.budget.what), seconds)
    }
}

/// The service's failure budgets and whom to believe about a caller's address.
pub struct FailureBudgets {
    /// Failed sign-ins per user (`password`) and per client (`client_credentials`).
    pub sign_ins: Budget,
    /// Failed token requests per source address.
    pub sources: Budget,
    /// Failed product-key look-ups per caller.
    pub key_lookups: Budget,
    /// Unknown partner numbers per caller.
    pub partner_numbers: Budget,
    trusted_proxies: Vec<IpNet>,
}

impl FailureBudgets {
    pub fn new(settings: &Settings) -> Self {
        Self {
            sign_ins: Budget::new(settings.sign_in_failures_per_minute, "sign-in", "sign-ins"),
            sources: Budget::new(settings.sign_in_failures_per_source_per_minute, "source", "sign-ins from here"),
            key_lookups: Budget::new(settings.key_lookup_failures_per_minute, "key-lookup", "product-key look-ups"),
            partner_numbers: Budget::new(
                settings.partner_number_failures_per_minute,
                "partner-number",
                "partner-number look-ups",
            ),
            trusted_proxies: settings.trusted_proxies.clone(),
        }
    }

    /// The caller's address: the peer, or — only when the peer is a trusted proxy — the
    /// nearest address in `Forwarded` / `X-Forwarded-For` that is not itself a trusted proxy.
    pub fn source(&self, req: &HttpRequest) -> String {
        let peer = req.peer_addr().map(|a| a.ip());
        let Some(mut source) = peer else { return "unknown".into() };
        if !self.trusted(source) {
            return source.to_string();
        }
        for hop in forwarded_chain(req).into_iter().rev() {
            source = hop;
            if !self.trusted(hop) {
                break;
            }
        }
        source.to_string()
    }

    fn trusted(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.trusted_proxies.iter().any(|net| net.contains(&address))
    }
}

/// The client addresses proxies recorded, nearest last: `Forwarded` (RFC 7239) when present,
/// else `X-Forwarded-For`. Entries that are not addresses end the chain.
fn forwarded_chain(req: &HttpRequest) -> Vec<IpAddr> {
    let headers = req.headers();
    let forwarded: Vec<String> = headers
        .get_all("forwarded")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                name.eq_ignore_ascii_case("for").then(|| value.trim().trim_matches('"').to_string())
            })
        })
        .collect();
    let entries = if forwarded.is_empty() {
        headers
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_string())
            .collect()
    } else {
        forwarded
    };
    let mut chain = Vec::new();
    for entry in entries {
        match parse_node(&entry) {
            Some(address) => chain.push(address),
            None => chain.clear(), // an unknown or obfuscated hop: only what follows it counts
        }
    }
    chain
}

/// `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]`, `[2001:db8::1]:4711` or `2001:db8::1`.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(address) = node.parse() {
        return Some(address);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    node.rsplit_once(':')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn budgets(trusted: &str) -> FailureBudgets {
        let mut settings = Settings::for_database("postgres://unused");
        settings.trusted_proxies = trusted.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
        FailureBudgets::new(&settings)
    }

    fn request(peer: &str, headers: &[(&str, &str)]) -> HttpRequest {
        let mut req = TestRequest::default().peer_addr(peer.parse().unwrap());
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        req.to_http_request()
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let spoofed = [("x-forwarded-for", "203.0.113.9")];
        assert_eq!(budgets("").source(&request("198.51.100.7:5000", &spoofed)), "198.51.100.7");
        let behind = budgets("10.0.0.0/8");
        assert_eq!(behind.source(&request("10.0.0.2:5000", &spoofed)), "203.0.113.9");
        // A client cannot hide behind an address it prepends itself.
        let chain = [("x-forwarded-for", "192.0.2.1, 203.0.113.9, 10.0.0.3")];
        assert_eq!(behind.source(&request("10.0.0.2:5000", &chain)), "203.0.113.9");
        let rfc7239 = [("forwarded", "for=192.0.2.60;proto=http, for=\"[2001:db8::1]:4711\"")];
        assert_eq!(behind.source(&request("10.0.0.2:5000", &rfc7239)), "2001:db8::1");
        // Garbage in the header falls back to the proxy itself.
        assert_eq!(behind.source(&request("10.0.0.2:5000", &[("x-forwarded-for", "nonsense")])), "10.0.0.2");
    }

    #[test]
    fn subjects_are_fixed_size_digests_per_kind() {
        let b = budgets("");
        let long = "x".repeat(100_000);
        assert_eq!(b.sign_ins.subject(&long).digest.len(), 32);
        assert_ne!(b.sign_ins.subject("a").digest, b.key_lookups.subject("a").digest);
    }
}
