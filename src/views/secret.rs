//! Secrets shown once (client secrets, activation and refresh tokens, minted keys): a type
//! of their own, so an answer that carries one is never stored by a cache. Serialising a
//! [`ShownOnce`] marks the answer being built; the response headers (`http::headers`) then
//! say `Cache-Control: no-store` — a new answer with a secret cannot forget it.

use std::{cell::Cell, fmt, future::Future};

use serde::{Deserialize, Serialize, Serializer};

tokio::task_local! {
    /// Whether the answer being built holds a secret.
    static SHOWN: Cell<bool>;
}

/// A secret in plain text, in the one answer that shows it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct ShownOnce(String);

impl ShownOnce {
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for ShownOnce {
    fn from(secret: String) -> Self {
        Self(secret)
    }
}

impl fmt::Debug for ShownOnce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ShownOnce(…)") // never in a log line
    }
}

impl Serialize for ShownOnce {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        mark();
        serializer.serialize_str(&self.0)
    }
}

/// Marks the answer being built as one that holds a secret (for bodies written by hand,
/// such as CSV).
pub fn mark() {
    let _ = SHOWN.try_with(|shown| shown.set(true));
}

/// Runs `answer` (a request's handling) and tells whether what it built held a secret.
pub async fn watch<F: Future>(answer: F) -> (F::Output, bool) {
    SHOWN
        .scope(Cell::new(false), async move {
            let output = answer.await;
            (output, SHOWN.with(Cell::get))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::{ShownOnce, watch};

    #[tokio::test]
    async fn serialising_a_secret_marks_the_answer() {
        let (_, shown) = watch(async { serde_json::to_string(&ShownOnce::new("kps_x")).unwrap() }).await;
        assert!(shown);
        let (_, shown) = watch(async { serde_json::to_string("plain").unwrap() }).await;
        assert!(!shown);
        assert_eq!(format!("{:?}", ShownOnce::new("kps_x")), "ShownOnce(…)");
    }
}
