//! The API's dated versions as `GET /v1/versions` lists them.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::versions::{ApiVersion, Release};

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"version": "2026-11-24", "released": "2026-11-24", "sunset": "2027-12-06", "changes": ["The first dated version: the API as it was before versions were dated."]}))]
pub struct VersionView {
    /// What `Keyport-Version` names.
    pub version: ApiVersion,
    #[schema(value_type = String, format = Date)]
    pub released: NaiveDate,
    /// After this date the version may stop being served; answers given in it carry
    /// `Deprecation`, `Sunset` and a `Link` to the changelog. None: no end is planned.
    #[schema(value_type = Option<String>, format = Date)]
    pub sunset: Option<NaiveDate>,
    /// What changed in this version, against the one before it.
    pub changes: Vec<&'static str>,
}

impl From<&Release> for VersionView {
    fn from(release: &Release) -> Self {
        Self {
            version: release.version,
            released: release.released,
            sunset: release.sunset,
            changes: release.changes.to_vec(),
        }
    }
}
