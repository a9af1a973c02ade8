//! The dated versions of the API (SPEC §14): which exist, when each was released, when an
//! older one goes away, and what changed in each. The shapes of older versions are made
//! from the current ones by `views::versions`.

use chrono::NaiveDate;
use diesel::{AsExpression, FromSqlRow, sql_types::Text};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A version of the API, named by the date it was released. Ordered oldest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = Text)]
pub enum ApiVersion {
    /// Everything before dated versions.
    #[serde(rename = "2026-11-24")]
    V2026_11_24,
    #[serde(rename = "2026-12-06")]
    V2026_12_06,
}

/// The version the handlers and the published document speak.
pub const CURRENT: ApiVersion = ApiVersion::V2026_12_06;

/// What an integrator is told about one version.
pub struct Release {
    pub version: ApiVersion,
    pub released: NaiveDate,
    /// After this date the version may stop being served.
    pub sunset: Option<NaiveDate>,
    /// Since when it is deprecated: the release of the version after it.
    pub deprecated: Option<NaiveDate>,
    /// What changed in this version, against the one before it.
    pub changes: &'static [&'static str],
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

/// Every supported version, newest first.
pub const RELEASES: [Release; 2] = [
    Release {
        version: ApiVersion::V2026_12_06,
        released: date(2026, 12, 6),
        sunset: None,
        deprecated: None,
        changes: &["Creating a webhook endpoint (`POST /v1/webhook-endpoints`) and rotating its secret \
             (`POST /v1/webhook-endpoints/{id}/rotate-secret`) answer the endpoint's own fields with `secret` \
             beside them, as API clients do, instead of `{endpoint, secret}`."],
    },
    Release {
        version: ApiVersion::V2026_11_24,
        released: date(2026, 11, 24),
        sunset: Some(date(2027, 12, 6)),
        deprecated: Some(date(2026, 12, 6)),
        changes: &["The first dated version: the API as it was before versions were dated."],
    },
];

impl ApiVersion {
    pub fn release(self) -> &'static Release {
        RELEASES.iter().find(|r| r.version == self).expect("every version has a release")
    }

    /// Every supported version's name, newest first.
    pub fn names() -> Vec<&'static str> {
        RELEASES.iter().map(|r| r.version.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_are_newest_first_and_the_newest_is_current() {
        assert_eq!(RELEASES[0].version, CURRENT);
        assert!(RELEASES.windows(2).all(|w| w[0].version > w[1].version && w[0].released > w[1].released));
        assert_eq!(RELEASES.len(), ApiVersion::ALL.len());
        for release in &RELEASES {
            assert_eq!(release.version.as_str(), release.released.to_string(), "a version is named by its date");
            assert!(!release.changes.is_empty());
            // A version with a sunset is deprecated, by the release after it.
            assert_eq!(release.sunset.is_some(), release.deprecated.is_some());
        }
    }

    /// The database refuses a pin to a version the service does not speak (so removing a
    /// version takes a migration that moves its pins), and allows every one it does.
    #[test]
    fn the_database_allows_exactly_the_supported_versions() {
        let migrations: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
            .unwrap()
            .map(|d| std::fs::read_to_string(d.unwrap().path().join("up.sql")).unwrap_or_default())
            .collect();
        let allowed =
            format!("IN ({})", ApiVersion::ALL.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", "));
        for table in ["api_clients", "webhook_endpoints"] {
            let constraint = format!("{table}_api_version_known\n    CHECK (api_version {allowed})");
            assert!(migrations.contains(&constraint), "no `{constraint}` in the migrations");
        }
    }

    #[test]
    fn names_parse_back() {
        for version in ApiVersion::ALL {
            assert_eq!(ApiVersion::parse(version.as_str()), Some(*version));
            assert_eq!(serde_json::to_value(version).unwrap(), version.as_str());
        }
        for refused in ["", "2026-12-6", "2026-13-01", "2026-12-06 ", "latest", "2025-01-01"] {
            assert_eq!(ApiVersion::parse(refused), None, "{refused}");
        }
    }
}
