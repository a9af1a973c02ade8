//! The JSON shapes of sandbox: request bodies (validated where JSON is read) and views.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Serialize, ToSchema)]
pub struct SandboxClock {
    /// The service's "now": real time plus the offset.
    pub now: DateTime<Utc>,
    /// How far the clock has been moved forward, in seconds.
    pub offset_seconds: i64,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"days": 30, "hours": 6}))]
pub struct Advance {
    /// Whole days to move forward (0–3650).
    #[validate(range(min = 0, max = 3650, message = "must be between 0 and 3650"))]
    #[schema(minimum = 0, maximum = 3650)]
    pub days: i64,
    /// Extra hours (0–23).
    #[validate(range(min = 0, max = 23, message = "must be between 0 and 23"))]
    #[schema(minimum = 0, maximum = 23)]
    pub hours: Option<i64>,
}
