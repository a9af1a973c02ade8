//! The shapes of older API versions (SPEC §14). Handlers answer in the current version;
//! each older version has a module here that turns the shapes of the version after it into
//! its own, applied newest first down to the caller's version — so a handler is written
//! once, and a version's promise is kept by the module that names it.

mod v2026_11_24;

use serde_json::Value;

use crate::domain::versions::ApiVersion;

/// A rewrite of one operation's successful answers.
pub struct AnswerRewrite {
    pub method: &'static str,
    /// The route's pattern, as routed (`/v1/webhook-endpoints/{id}/rotate-secret`).
    pub route: &'static str,
    pub rewrite: fn(&mut Value),
}

/// A rewrite of one event type's webhook deliveries.
pub struct EventRewrite {
    pub event: &'static str,
    pub rewrite: fn(&mut Value),
}

/// What one version changed, undone: the shapes of the version before it.
pub struct Change {
    /// The newest version that keeps the older shapes (it and every version before it).
    pub older: ApiVersion,
    pub answers: &'static [AnswerRewrite],
    pub events: &'static [EventRewrite],
}

/// Every change, newest first.
const CHANGES: &[Change] = &[v2026_11_24::CHANGE];

fn applying(changes: &[Change], version: ApiVersion) -> impl Iterator<Item = &Change> {
    changes.iter().filter(move |c| version <= c.older)
}

fn answer_rewrites<'a>(
    changes: &'static [Change],
    version: ApiVersion,
    method: &'a str,
    route: &'a str,
) -> impl Iterator<Item = &'static AnswerRewrite> + 'a {
    applying(changes, version).flat_map(|c| c.answers).filter(move |r| r.method == method && r.route == route)
}

/// Whether any answer may differ at `version` from the current version's.
pub fn differs(version: ApiVersion) -> bool {
    applying(CHANGES, version).next().is_some()
}

/// Whether answers of this operation differ at `version` (then they are buffered and rewritten).
pub fn rewrites_answer(version: ApiVersion, method: &str, route: &str) -> bool {
    answer_rewrites(CHANGES, version, method, route).next().is_some()
}

/// A successful answer of the current version, made `version`'s.
pub fn answer_at(version: ApiVersion, method: &str, route: &str, body: &mut Value) {
    answer_rewrites(CHANGES, version, method, route).for_each(|r| (r.rewrite)(body));
}

/// A webhook delivery's body of the current version, made `version`'s.
pub fn event_at(version: ApiVersion, event: &str, body: &mut Value) {
    event_at_with(CHANGES, version, event, body)
}

fn event_at_with(changes: &[Change], version: ApiVersion, event: &str, body: &mut Value) {
    applying(changes, version).flat_map(|c| c.events).filter(|r| r.event == event).for_each(|r| (r.rewrite)(body));
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::versions::CURRENT;

    /// Changes of every supported version are older than the current one, newest first.
    #[test]
    fn changes_are_newest_first_and_older_than_current() {
        assert!(CHANGES.iter().all(|c| c.older < CURRENT));
        assert!(CHANGES.windows(2).all(|w| w[0].older > w[1].older));
    }

    /// Every rewritten route is an operation of the published document.
    #[test]
    fn rewrites_name_operations_that_exist() {
        let doc = crate::openapi();
        for rewrite in CHANGES.iter().flat_map(|c| c.answers) {
            let method = rewrite.method.to_ascii_lowercase();
            assert!(doc["paths"][rewrite.route][&method].is_object(), "{} {}", rewrite.method, rewrite.route);
        }
        let events: Vec<&str> = crate::domain::statuses::EventKind::ALL.iter().map(|k| k.as_str()).collect();
        assert!(CHANGES.iter().flat_map(|c| c.events).all(|r| events.contains(&r.event) || r.event == "ping"));
    }

    fn saw_a(body: &mut Value) {
        body["seen"].as_array_mut().unwrap().push(json!("a"));
    }

    fn saw_b(body: &mut Value) {
        body["seen"].as_array_mut().unwrap().push(json!("b"));
    }

    /// Rewrites apply from the newest change down to the caller's version, and only those.
    #[test]
    fn older_versions_get_every_change_after_them_newest_first() {
        let changes = [
            Change {
                older: ApiVersion::V2026_11_24,
                answers: &[],
                events: &[EventRewrite { event: "ping", rewrite: saw_b }],
            },
            Change {
                older: ApiVersion::V2026_11_24,
                answers: &[],
                events: &[
                    EventRewrite { event: "ping", rewrite: saw_a },
                    EventRewrite { event: "stock.low", rewrite: saw_b },
                ],
            },
        ];
        let seen = |version, event| {
            let mut body = json!({"seen": []});
            event_at_with(&changes, version, event, &mut body);
            body["seen"].clone()
        };
        assert_eq!(seen(ApiVersion::V2026_11_24, "ping"), json!(["b", "a"]));
        assert_eq!(seen(ApiVersion::V2026_11_24, "stock.low"), json!(["b"]));
        assert_eq!(seen(CURRENT, "ping"), json!([]));
    }
}
