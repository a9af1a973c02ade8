//! The tenant's initial domain prefix: a DNS label of lower-case letters, digits and hyphens.

/// Why a domain prefix is not acceptable.
pub fn domain_problem(name: &str) -> Option<&'static str> {
    if !(3..=63).contains(&name.len()) {
        return Some("must be 3 to 63 characters long");
    }
    if !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Some("may contain only lower-case letters, digits and hyphens");
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("may not start or end with a hyphen");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::domain_problem;

    #[test]
    fn accepts_dns_labels_only() {
        assert_eq!(domain_problem("contoso"), None);
        assert_eq!(domain_problem("a-1-b"), None);
        assert_eq!(domain_problem(&"a".repeat(63)), None);
        assert!(domain_problem("ab").is_some());
        assert!(domain_problem(&"a".repeat(64)).is_some());
        assert!(domain_problem("Contoso").is_some());
        assert!(domain_problem("con_toso").is_some());
        assert!(domain_problem("-contoso").is_some());
        assert!(domain_problem("contoso-").is_some());
        assert!(domain_problem("κόσμος").is_some());
    }
}
