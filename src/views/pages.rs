//! The shape of every list: its query (`?limit=&after=`, keyset pagination) and its page.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{error::Error, store::Page};

/// `?limit=&after=`: keyset pagination of every list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Pagination {
    /// Items per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200, default = 50)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub after: Option<String>,
}

impl Pagination {
    pub fn page(&self) -> Result<Page, Error> {
        let limit = self.limit.unwrap_or(50);
        if !(1..=200).contains(&limit) {
            return Err(Error::invalid("limit", "must be between 1 and 200"));
        }
        let after = match &self.after {
            None => None,
            Some(cursor) => Some(
                decode_cursor(cursor).ok_or_else(|| Error::invalid("after", "is not a cursor this API returned"))?,
            ),
        };
        Ok(Page { limit, after })
    }
}

pub fn encode_cursor(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

fn decode_cursor(cursor: &str) -> Option<Uuid> {
    if !crate::domain::formats::CURSOR.matches(cursor) {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    Uuid::from_slice(&bytes).ok()
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListOf<T> {
    pub data: Vec<T>,
    /// Pass as `after` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

impl<T> ListOf<T> {
    pub fn new(data: Vec<T>, next: Option<Uuid>) -> Self {
        Self { data, next_cursor: next.map(encode_cursor) }
    }

    /// The page of `rows` fetched for `page` (one extra row tells whether more follow),
    /// each shown as `view`.
    pub fn page<R>(page: Page, rows: Vec<R>, id: impl Fn(&R) -> Uuid, view: impl FnMut(R) -> T) -> Self {
        let (rows, next) = page.finish(rows, id);
        Self::new(rows.into_iter().map(view).collect(), next)
    }
}
