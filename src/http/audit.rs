//! Middleware: gives every state-changing request its audit context (`app::audit`) — the
//! operation it is (by the published document's operation ids), where it came from, and
//! what its path names — before the handler runs.

use actix_web::{
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::Method,
    middleware::Next,
    web,
};
use uuid::Uuid;

use crate::{
    audit::{self, RequestAudit, Target},
    http::routes,
    state::AppState,
};

/// Operations that record themselves (a sign-in is recorded whatever its outcome).
const MANUAL: [&str; 1] = ["auth_token"];

/// `users` → `user`, `key-batches` → `key-batch`, `deliveries` → `delivery`.
fn singular(collection: &str) -> String {
    if let Some(stem) = collection.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = collection.strip_suffix("ches") {
        format!("{stem}ch")
    } else {
        collection.strip_suffix('s').unwrap_or(collection).to_string()
    }
}

/// What a path names: the object of its last parameter, or — when it ends in a
/// collection (`…/users`) — a new member of that collection (the use case notes its id);
/// and the tenant or partner it lies under.
fn path_target(template: &[String], path: &str) -> Target {
    let parts: Vec<&str> = path.split('/').collect();
    let mut target = Target::default();
    for (i, (t, p)) in template.iter().zip(&parts).enumerate() {
        if !t.starts_with('{') {
            continue;
        }
        let owner = template[i - 1].as_str();
        match (owner, p.parse::<Uuid>()) {
            ("tenants", Ok(id)) if i == 3 => target.tenant_id = Some(id),
            ("partners", Ok(id)) if i == 3 => target.partner_id = Some(id),
            _ => {}
        }
        target.kind = Some(singular(owner));
        target.id = Some(p.chars().take(100).collect());
    }
    if let Some(last) = template.last().filter(|l| !l.starts_with('{') && l.ends_with('s')) {
        target.kind = Some(singular(last));
        target.id = None;
    }
    target
}

pub async fn scope(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.call(req).await;
    }
    // The path as the router reads it (percent-encoding decoded), so `%73` cannot slip a
    // request past its record.
    let path = req.match_info().as_str().to_string();
    let found = routes::known().and_then(|routes| {
        routes.find(req.method(), &path).map(|r| (r.operation_id.clone(), path_target(&r.segments, &path)))
    });
    let Some((action, target)) = found else { return next.call(req).await };
    let source = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.limits.source(req.request()))
        .unwrap_or_else(|| "unknown".into());
    let manual = MANUAL.contains(&action.as_str());
    let context = RequestAudit::new(action, crate::error::current_request_id(), source, target, manual);
    audit::REQUEST.scope(std::sync::Arc::new(context), next.call(req)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(path: &str) -> Vec<String> {
        path.split('/').map(str::to_string).collect()
    }

    #[test]
    fn what_a_path_names() {
        let t = "3f6b1c1e-0000-7000-8000-000000000001";
        let u = "3f6b1c1e-0000-7000-8000-000000000002";
        let user = path_target(&template("/v1/tenants/{id}/users/{user_id}"), &format!("/v1/tenants/{t}/users/{u}"));
        assert_eq!((user.kind.as_deref(), user.id.as_deref()), (Some("user"), Some(u)));
        assert_eq!(user.tenant_id.map(|i| i.to_string()).as_deref(), Some(t));
        let create = path_target(&template("/v1/tenants/{id}/users"), &format!("/v1/tenants/{t}/users"));
        assert_eq!((create.kind.as_deref(), create.id.as_deref()), (Some("user"), None));
        let revoke = path_target(&template("/v1/keys/{id}/revoke"), &format!("/v1/keys/{u}/revoke"));
        assert_eq!((revoke.kind.as_deref(), revoke.id.as_deref()), (Some("key"), Some(u)));
        let batch = path_target(&template("/v1/key-batches"), "/v1/key-batches");
        assert_eq!(batch.kind.as_deref(), Some("key-batch"));
        assert_eq!(singular("deliveries"), "delivery");
    }
}
