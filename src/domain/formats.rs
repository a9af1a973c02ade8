//! The formats of the API's constrained strings, each written once as a pattern: the server
//! validates with it and the published document states it (`http::formats`), so the two
//! cannot disagree. `tests/formats.rs` fuzzes each both ways against the running server.

use std::sync::LazyLock;

use regex::Regex;

/// A constrained string: its pattern (ECMA-262 compatible, as JSON Schema reads it) and
/// what a refusal says.
pub struct Format {
    pub pattern: &'static str,
    pub message: &'static str,
    compiled: LazyLock<Regex>,
}

impl Format {
    pub fn matches(&self, value: &str) -> bool {
        self.compiled.is_match(value)
    }

    /// For `#[validate(custom(…))]`: the format's refusal.
    pub fn check(&self, value: &str) -> Result<(), validator::ValidationError> {
        if self.matches(value) {
            Ok(())
        } else {
            Err(validator::ValidationError::new("format").with_message(self.message.into()))
        }
    }
}

macro_rules! format {
    ($name:ident, $pattern:literal, $message:literal) => {
        pub static $name: Format = Format {
            pattern: $pattern,
            message: $message,
            compiled: LazyLock::new(|| Regex::new($pattern).expect("a valid pattern")),
        };
    };
}

format!(SKU, "^[A-Z0-9-]{2,64}$", "must be 2 to 64 characters of A-Z, 0-9 and hyphens");
format!(
    TENANT_DOMAIN,
    "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
    "must be 3 to 63 lower-case letters, digits and hyphens, not starting or ending with a hyphen"
);
format!(COUNTRY, "^[A-Z]{2}$", "must be a country code of two capital letters (ISO 3166-1), e.g. GR");
format!(PARTNER_NUMBER, "^[0-9]{7}$", "must be the partner's number of seven digits");
// What a person may type: the key's 25 characters of the key alphabet, in either case,
// with ASCII spaces, tabs, line breaks and hyphens anywhere (the check character is
// checked apart).
format!(
    PRODUCT_KEY,
    "^[\\t\\n\\f\\r -]*([BCDFGHJKMPQRTVWXY2346789bcdfghjkmpqrtvwxy][\\t\\n\\f\\r -]*){25}$",
    "must be a product key: 25 characters of BCDFGHJKMPQRTVWXY2346789, hyphens and spaces ignored"
);

// A page cursor: a 16-byte id in unpadded base64url, whose last character carries 2 bits.
format!(SERIAL, "^[0-9]{12}$", "must be a card serial: 12 digits");
format!(CURSOR, "^[A-Za-z0-9_-]{21}[AQgw]$", "is not a cursor this API returned");
format!(IDEMPOTENCY_KEY, "^[!-~]{1,255}$", "must be 1 to 255 visible ASCII characters");

/// Which format each constrained property of the document's schemas has, by name.
pub const BY_PROPERTY: [(&str, &Format); 10] = [
    ("sku", &SKU),
    ("serial", &SERIAL),
    ("serials", &SERIAL),
    ("from", &SERIAL),
    ("to", &SERIAL),
    ("domain", &TENANT_DOMAIN),
    ("country", &COUNTRY),
    ("partner_number", &PARTNER_NUMBER),
    ("key", &PRODUCT_KEY),
    ("keys", &PRODUCT_KEY),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pattern_says_what_its_rule_says() {
        assert!(SKU.matches("M365-BUSINESS-STANDARD") && !SKU.matches("m365") && !SKU.matches("A"));
        assert!(TENANT_DOMAIN.matches("fabrikam") && TENANT_DOMAIN.matches("a-1") && !TENANT_DOMAIN.matches("-ab"));
        assert!(!TENANT_DOMAIN.matches("ab") && !TENANT_DOMAIN.matches(&"a".repeat(64)));
        assert!(COUNTRY.matches("GR") && !COUNTRY.matches("gr") && !COUNTRY.matches("GRC"));
        assert!(PARTNER_NUMBER.matches("4820193") && !PARTNER_NUMBER.matches("482019"));
        for id in [uuid::Uuid::nil(), uuid::Uuid::max(), uuid::Uuid::now_v7()] {
            let cursor = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, id.as_bytes());
            assert!(CURSOR.matches(&cursor), "{cursor}");
        }
        for typed in ["BCDFG-HJKMP-QRTVW-XY234-6789B", "bcdfghjkmpqrtvwxy2346789b", " BCDFG HJKMP-QRTVW XY234 6789B "] {
            assert!(PRODUCT_KEY.matches(typed), "{typed}");
            assert_ne!(
                crate::domain::product_key::ProductKey::parse(typed).err(),
                Some(crate::domain::product_key::KeyFormatError::Format)
            );
        }
        for typed in ["BCDFG-HJKMP-QRTVW-XY234-6789", "ACDFG-HJKMP-QRTVW-XY234-6789B", ""] {
            assert!(!PRODUCT_KEY.matches(typed), "{typed}");
        }
    }
}
