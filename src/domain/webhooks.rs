//! Webhooks (SPEC §10): how a delivery is signed, when a failed one is tried again, and
//! which addresses a delivery may reach.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// `Keyport-Signature`: `t=<unix seconds>` and one `v1=` per live secret, each the hex
/// HMAC-SHA256 of `"<t>.<body>"` (Stripe's scheme, so receivers know it).
pub fn signature_header(secrets: &[&[u8]], timestamp: i64, body: &[u8]) -> String {
    let mut header = format!("t={timestamp}");
    for secret in secrets {
        header.push_str(",v1=");
        header.push_str(&hex::encode(sign(secret, timestamp, body)));
    }
    header
}

fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.finalize().into_bytes().into()
}

/// What happens after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Try again this long after the attempt.
    After(Duration),
    /// The schedule is spent: the delivery has failed.
    GiveUp,
}

/// The retry after failed attempt number `attempts` (1 for the first), from `schedule`
/// (the waits between attempts; its sum is how long a delivery is tried).
pub fn retry(schedule: &[Duration], attempts: u32) -> Retry {
    match schedule.get(attempts.saturating_sub(1) as usize) {
        Some(wait) => Retry::After(*wait),
        None => Retry::GiveUp,
    }
}

/// The default schedule: exponential from 1 minute, doubling to a ceiling of 12 hours, for
/// a total of 3 days.
pub fn default_schedule() -> Vec<Duration> {
    let total = Duration::from_secs(3 * 24 * 3600);
    let mut schedule = Vec::new();
    let (mut wait, mut spent) = (Duration::from_secs(60), Duration::ZERO);
    while spent + wait <= total {
        schedule.push(wait);
        spent += wait;
        wait = (wait * 2).min(Duration::from_secs(12 * 3600));
    }
    if spent < total {
        schedule.push(total - spent);
    }
    schedule
}

/// Whether a delivery may connect to `ip`: only to globally routable unicast addresses,
/// never loopback, private, link-local (cloud metadata), shared, documentation,
/// benchmarking, multicast or reserved ranges, and not to IPv4 smuggled in IPv6.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        // An IPv6 form that carries an IPv4 address is judged by that address too.
        IpAddr::V6(v6) => embedded_v4(v6).is_none_or(is_public_v4) && is_public_v6(v6),
    }
}

/// The IPv4 address an IPv6 address carries, in every form of IANA's special-purpose
/// registry that embeds one: IPv4-mapped (`::ffff:0:0/96`), IPv4-translated
/// (`::ffff:0:0:0/96`), IPv4-compatible (`::/96`), NAT64 (`64:ff9b::/96` and the local-use
/// `64:ff9b:1::/48`, RFC 6052 §2.2 at /48), 6to4 (`2002::/16`) and Teredo (`2001::/32`,
/// whose client address is stored inverted).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let v4 = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    match s {
        [0, 0, 0, 0, 0, 0xffff, hi, lo] | [0, 0, 0, 0, 0xffff, 0, hi, lo] | [0, 0, 0, 0, 0, 0, hi, lo] => {
            Some(v4(hi, lo))
        }
        [0x0064, 0xff9b, 0, 0, 0, 0, hi, lo] => Some(v4(hi, lo)),
        // RFC 6052 at /48: bits 48..64 hold the first half, bits 72..88 the second (u is 64..72).
        [0x0064, 0xff9b, 0x0001, hi, lo, ..] => Some(v4(hi, ((lo & 0x00ff) << 8) | (s[5] >> 8))),
        [0x2002, hi, lo, ..] => Some(v4(hi, lo)),
        [0x2001, 0x0000, _, _, _, _, hi, lo] => Some(v4(!hi, !lo)),
        _ => None,
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier-grade NAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || a >= 240) // reserved
}

/// What IPv6 itself sets aside (the embedded IPv4 address is judged apart, above).
fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    // 6to4 is as public as the IPv4 address it carries; every other form that carries one
    // is a translation or transition mechanism no webhook needs.
    if s[0] == 0x2002 {
        return true;
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || s[0] == 0x2001 && s[1] < 0x0200 // IETF protocol assignments: Teredo, ORCHID, benchmarking, …
        || s[0] == 0x2001 && s[1] == 0x0db8 // documentation
        || (s[0] & 0xfff0) == 0x3ff0 // documentation (3fff::/20)
        || s[0] == 0x5f00 // segment routing (SRv6) SIDs (5f00::/16)
        || s[0] == 0x0100 && s[1..4] == [0, 0, 0] // discard-only
        || s[0] == 0x0064 && s[1] == 0xff9b && s[2] == 0x0001 // local-use NAT64 (64:ff9b:1::/48)
        || s[..6] == [0, 0, 0, 0, 0, 0] // IPv4-compatible (::/96, deprecated)
        || s[..6] == [0, 0, 0, 0, 0xffff, 0]) // IPv4-translated (::ffff:0:0:0/96, SIIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_like_stripe() {
        // HMAC-SHA256("whsec_test", "1700000000.{}"), computed independently.
        let header = signature_header(&[b"whsec_test"], 1_700_000_000, b"{}");
        let expected = {
            let mut mac = Hmac::<Sha256>::new_from_slice(b"whsec_test").unwrap();
            mac.update(b"1700000000.{}");
            hex::encode(mac.finalize().into_bytes())
        };
        assert_eq!(header, format!("t=1700000000,v1={expected}"));
        let two = signature_header(&[b"new", b"old"], 1, b"x");
        assert_eq!(two.matches(",v1=").count(), 2);
    }

    #[test]
    fn the_default_schedule_spans_three_days_then_gives_up() {
        let schedule = default_schedule();
        let total: Duration = schedule.iter().sum();
        assert_eq!(total, Duration::from_secs(3 * 24 * 3600));
        assert_eq!(retry(&schedule, 1), Retry::After(Duration::from_secs(60)));
        assert_eq!(retry(&schedule, 2), Retry::After(Duration::from_secs(120)));
        assert_eq!(retry(&schedule, schedule.len() as u32 + 1), Retry::GiveUp);
        assert!(schedule.windows(2).all(|w| w[0] <= w[1] || w[1] < Duration::from_secs(12 * 3600)));
    }

    #[test]
    fn only_public_addresses() {
        for private in [
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2001::1",
            "2001:10::1",
            "3fff::1",
            "100::1",
            "192.88.99.1",
            "::127.0.0.1",
            "2001:db8::1",
            // IPv4-translated (::ffff:0:0/96 of RFC 2765) carrying loopback and metadata
            "::ffff:0:7f00:1",
            "::ffff:0:a9fe:a9fe",
            "::ffff:0:808:808",
            // the local-use NAT64 prefix, and IPv4-compatible addresses of public hosts
            "64:ff9b:1:7f00:0:100::",
            "::8.8.8.8",
            // Teredo with a loopback client (stored inverted), segment routing
            "2001:0:4136:e378:8000:63bf:80ff:fffe",
            "5f00::1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::1",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }
}
