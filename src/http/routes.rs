//! Which operation a request is, found without the router's regular expressions.
//!
//! actix tries a request against each route's pattern in turn, and a pattern with a
//! parameter is a regular expression run with captures: with 120 routes that was a third
//! of keyport's CPU on a read, and twice more when middleware asked the router again which
//! route answered (`match_pattern`). So the routes are grouped under their first path
//! segments ([`under`]), a group costing one string comparison, and middleware looks a
//! request's operation up in [`Routes`], made once from the published document.

use std::sync::OnceLock;

use actix_web::{
    dev::Url,
    guard::{Guard, fn_guard},
    http::Method,
};

/// A guard passing requests whose path, as the router reads it (percent-decoded), is
/// `prefix` or lies below it: a group of routes is `scope("").guard(under(prefix))`.
pub fn under(prefix: &'static str) -> impl Guard {
    fn_guard(move |ctx| {
        let uri = &ctx.head().uri;
        if uri.path().contains('%') {
            is_under(Url::new(uri.clone()).path(), prefix)
        } else {
            is_under(uri.path(), prefix)
        }
    })
}

fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// One operation of the document.
#[derive(Debug)]
pub struct Route {
    pub method: Method,
    /// The path template, as documented and routed (`/v1/subscriptions/{id}`).
    pub template: String,
    pub segments: Vec<String>,
    pub operation_id: String,
}

/// The operations of the published document.
#[derive(Debug, Default)]
pub struct Routes(Vec<Route>);

static ROUTES: OnceLock<Routes> = OnceLock::new();

/// The operations of this build's document, made from `doc` by the first app built (the
/// document is the code's, the same for every app of the process).
pub fn install(doc: impl FnOnce() -> utoipa::openapi::OpenApi) {
    ROUTES.get_or_init(|| Routes::of(&doc()));
}

/// The operations, once an app was built.
pub fn known() -> Option<&'static Routes> {
    ROUTES.get()
}

impl Routes {
    pub fn of(doc: &utoipa::openapi::OpenApi) -> Self {
        let mut routes = Vec::new();
        for (path, item) in &doc.paths.paths {
            let methods = [
                (Method::GET, &item.get),
                (Method::POST, &item.post),
                (Method::PUT, &item.put),
                (Method::PATCH, &item.patch),
                (Method::DELETE, &item.delete),
            ];
            for (method, operation) in methods {
                if let Some(id) = operation.as_ref().and_then(|o| o.operation_id.clone()) {
                    let segments = path.split('/').map(str::to_string).collect();
                    routes.push(Route { method, template: path.clone(), segments, operation_id: id });
                }
            }
        }
        Self(routes)
    }

    /// The operation `method path` is (`path` percent-decoded, as routed): the template
    /// matching the most literal segments wins (`/v1/partners/me` over `/v1/partners/{id}`),
    /// as the routes' order makes the router choose.
    pub fn find(&self, method: &Method, path: &str) -> Option<&Route> {
        let count = path.split('/').count();
        self.0
            .iter()
            .filter(|r| r.method == *method && r.segments.len() == count)
            .filter_map(|r| {
                let mut literal = 0;
                for (t, p) in r.segments.iter().zip(path.split('/')) {
                    if t.starts_with('{') {
                        if p.is_empty() {
                            return None;
                        }
                        continue;
                    }
                    if t != p {
                        return None;
                    }
                    literal += 1;
                }
                Some((literal, r))
            })
            .max_by_key(|(literal, _)| *literal)
            .map(|(_, r)| r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_holds_its_prefix_and_what_lies_below_it() {
        assert!(is_under("/v1/keys", "/v1/keys"));
        assert!(is_under("/v1/keys/validate", "/v1/keys"));
        assert!(!is_under("/v1/key-batches", "/v1/keys"));
        assert!(!is_under("/v1/keysx", "/v1/keys"));
        assert!(!is_under("/v1", "/v1/keys"));
    }

    #[test]
    fn every_documented_operation_is_found_as_itself() {
        let routes = Routes::of(&crate::document());
        assert!(routes.0.len() > 100);
        for route in &routes.0 {
            // Each parameter given a value that is no literal segment anywhere.
            let path: Vec<String> =
                route.segments.iter().map(|s| if s.starts_with('{') { "x1".into() } else { s.clone() }).collect();
            let found = routes.find(&route.method, &path.join("/")).expect("found");
            assert_eq!(found.operation_id, route.operation_id);
        }
        assert_eq!(routes.find(&Method::GET, "/v1/partners/me").unwrap().template, "/v1/partners/me");
        assert_eq!(routes.find(&Method::GET, "/v1/partners/0190").unwrap().template, "/v1/partners/{id}");
        assert!(routes.find(&Method::GET, "/v1/partners//api-clients").is_none());
        assert!(routes.find(&Method::PUT, "/v1/partners/me").is_none());
        assert!(routes.find(&Method::GET, "/nowhere").is_none());
    }
}
