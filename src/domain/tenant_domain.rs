//! The tenant's initial domain prefix: a DNS label of lower-case letters, digits and hyphens.

/// Why a domain prefix is not acceptable.
pub fn domain_problem(name: &str) -> Option<&'static str> {
    let format = &super::formats::TENANT_DOMAIN;
    (!format.matches(name)).then_some(format.message)
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
