//! The JSON shapes of ops: request bodies (validated where JSON is read) and views.

use serde::Serialize;
use utoipa::ToSchema;

#[allow(unused_imports)]
use super::*;

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}
