//! What every POST shares in the published document: the `Idempotency-Key` header and its
//! answers; and the 429 of operations that look up product keys.

use std::collections::BTreeMap;

use utoipa::{
    Modify,
    openapi::{
        ContentBuilder, HeaderBuilder, ObjectBuilder, Ref, RefOr, Required, Type,
        path::{Operation, ParameterBuilder, ParameterIn},
        response::{Response, ResponseBuilder},
    },
};

use crate::http::PROBLEM;

/// Operations that look up product keys, and so count failed look-ups (SPEC §7).
pub const KEY_LOOKUPS: [&str; 6] = [
    "/v1/signup",
    "/v1/tenants/{id}/keys",
    "/v1/redemptions/{id}/keys",
    "/v1/keys/validate",
    "/v1/subscriptions/{id}/keys",
    "/v1/subscriptions/{id}/renewals",
];

/// Operations that change a tenant, and so answer 409 `tenant-data-deleted` once its data
/// was purged (SPEC §8).
pub const TENANT_CHANGES: [(&str, &str); 17] = [
    ("post", "/v1/webhook-endpoints"),
    ("post", "/v1/tenants/{id}/user-imports"),
    ("post", "/v1/tenants/{id}/keys"),
    ("post", "/v1/tenants/{id}/users/{user_id}/activation"),
    ("post", "/v1/tenants/{id}/users"),
    ("patch", "/v1/tenants/{id}/users/{user_id}"),
    ("delete", "/v1/tenants/{id}/users/{user_id}"),
    ("put", "/v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}"),
    ("delete", "/v1/tenants/{id}/users/{user_id}/licenses/{subscription_id}"),
    ("patch", "/v1/tenants/{id}"),
    ("put", "/v1/subscriptions/{id}/partner-of-record"),
    ("delete", "/v1/subscriptions/{id}/partner-of-record"),
    ("post", "/v1/subscriptions/{id}/keys"),
    ("post", "/v1/subscriptions/{id}/renewals"),
    ("patch", "/v1/subscriptions/{id}"),
    ("post", "/v1/subscriptions/{id}/cancel"),
    ("post", "/v1/delegated-admin-offers"),
];

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(PROBLEM, ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build())
        .build()
}

/// Adds `code` to the description of the operation's `status` answer, creating it if needed.
/// A shared answer (`$ref`) becomes the operation's own copy with the code added.
fn add_answer(
    op: &mut Operation,
    shared: &BTreeMap<String, RefOr<Response>>,
    status: &str,
    code: &str,
    description: &str,
) {
    let own = match op.responses.responses.get(status) {
        None => None,
        Some(RefOr::T(response)) => Some(response.description.clone()),
        Some(RefOr::Ref(reference)) => {
            let name = reference.ref_location.rsplit('/').next().unwrap_or_default();
            match shared.get(name) {
                Some(RefOr::T(response)) => Some(response.description.clone()),
                _ => None,
            }
        }
    };
    let text = match own {
        Some(own) => format!("{own}; `{code}`: {description}"),
        None => format!("`{code}`: {description}"),
    };
    op.responses.responses.insert(status.into(), RefOr::T(problem_response(&text)));
}

pub struct IntegrationContract;

/// What every operation shares, added where its handler does not say it: bearer security
/// (public operations say `security(())`), 401 where a token is needed, 400, 415 and 422
/// where a JSON body is read by the shared extractor (an operation that documents its own
/// 400, such as the OAuth endpoints, reads its body itself), 422 where query parameters are
/// read, 404 where the path names something (a malformed id names nothing either).
pub struct SharedAnswers;

impl Modify for SharedAnswers {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::SecurityRequirement;
        for item in doc.paths.paths.values_mut() {
            for op in
                [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
            {
                let security =
                    op.security.get_or_insert_with(|| vec![SecurityRequirement::new("bearer", Vec::<String>::new())]);
                let secured = security.iter().any(|r| *r != SecurityRequirement::default());
                let json_body = matches!(&op.request_body, Some(RefOr::T(b)) if b.content.contains_key("application/json"))
                    && !op.responses.responses.contains_key("400");
                let params = op.parameters.as_deref().unwrap_or_default();
                let located =
                    |place: ParameterIn| params.iter().any(|p| matches!(p, RefOr::T(p) if p.parameter_in == place));
                let (in_query, in_path) = (located(ParameterIn::Query), located(ParameterIn::Path));
                let responses = &mut op.responses.responses;
                let mut shared = |status: &str, name: &str| {
                    responses.entry(status.to_string()).or_insert_with(|| Ref::from_response_name(name).into());
                };
                if secured {
                    shared("401", "Unauthorized");
                }
                if json_body {
                    shared("400", "MalformedBody");
                    shared("415", "NotJson");
                }
                if json_body || in_query {
                    shared("422", "ValidationFailed");
                }
                if in_path {
                    shared("404", "NotFound");
                }
            }
        }
    }
}

/// Operation ids are the handler's name, unique within its tag; generated SDKs name their
/// functions after them, so they are made unique in the document: `<tag>_<handler>`.
fn qualify_operation_ids(doc: &mut utoipa::openapi::OpenApi) {
    for item in doc.paths.paths.values_mut() {
        for op in
            [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
        {
            let tag = op.tags.as_ref().and_then(|t| t.first()).map(|t| t.replace(' ', "_")).unwrap_or_default();
            if let Some(id) = op.operation_id.as_mut() {
                *id = format!("{tag}_{id}");
            }
        }
    }
}

/// A page `ListOf_<Item>` names its items by reference rather than repeating `<Item>`'s
/// schema (utoipa inlines generic parameters), so SDKs get one model per item type.
fn reference_list_items(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::schema::{ArrayItems, Schema};
    let Some(components) = doc.components.as_mut() else { return };
    let names: Vec<String> = components.schemas.keys().cloned().collect();
    for (name, schema) in components.schemas.iter_mut() {
        let Some(item) = name.strip_prefix("ListOf_").filter(|item| names.iter().any(|n| n == item)) else { continue };
        let RefOr::T(Schema::Object(page)) = schema else { continue };
        if let Some(RefOr::T(Schema::Array(data))) = page.properties.get_mut("data") {
            data.items = ArrayItems::RefOrSchema(Box::new(Ref::from_schema_name(item).into()));
        }
    }
}

/// The optional `Keyport-Version` header of every versioned operation (`http::versions`).
fn version_header() -> utoipa::openapi::path::Parameter {
    use crate::domain::versions::{ApiVersion, CURRENT};
    let others: Vec<&str> = ApiVersion::names().into_iter().filter(|v| *v != CURRENT.as_str()).collect();
    ParameterBuilder::new()
        .name("Keyport-Version")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(format!(
            "The API version to speak. This document describes {current}; without the header a request \
             speaks the version its API client is pinned to (`api_version`), else {current}. Older versions \
             ({others}) are named the same way and answer their own shapes (`GET /v1/versions`, \
             `/changelog`); any other value answers 400 `unsupported-api-version`.",
            current = CURRENT.as_str(),
            others = others.join(", "),
        )))
        .schema(Some(Ref::from_schema_name(CURRENT_VERSION_SCHEMA)))
        .build()
}

/// The schema of the version header: the version this document describes.
const CURRENT_VERSION_SCHEMA: &str = "DocumentedApiVersion";

impl Modify for IntegrationContract {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        qualify_operation_ids(doc);
        reference_list_items(doc);
        let current = crate::domain::versions::CURRENT.as_str();
        let documented = ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some([current]))
            .description(Some("The API version this document describes."));
        doc.components
            .get_or_insert_with(Default::default)
            .schemas
            .insert(CURRENT_VERSION_SCHEMA.into(), documented.into());
        for (path, item) in doc.paths.paths.iter_mut() {
            if !crate::http::versions::versioned(path) {
                continue;
            }
            for op in
                [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete].into_iter().flatten()
            {
                op.parameters.get_or_insert_with(Vec::new).push(version_header().into());
            }
        }
        let shared = doc.components.as_ref().map(|c| c.responses.clone()).unwrap_or_default();
        for (path, item) in doc.paths.paths.iter_mut() {
            for (method, op) in [
                ("post", &mut item.post),
                ("put", &mut item.put),
                ("patch", &mut item.patch),
                ("delete", &mut item.delete),
            ] {
                if let Some(op) = op.as_mut().filter(|_| TENANT_CHANGES.contains(&(method, path.as_str()))) {
                    add_answer(
                        op,
                        &shared,
                        "409",
                        "tenant-data-deleted",
                        "the tenant's data was deleted; it takes no changes",
                    );
                }
            }
        }
        for (path, item) in doc.paths.paths.iter_mut() {
            let Some(op) = item.post.as_mut() else { continue };
            if KEY_LOOKUPS.contains(&path.as_str()) {
                let mut limited = problem_response(
                    "`rate-limited`: too many failed key look-ups (malformed, mistyped or unknown keys); see `Retry-After`",
                );
                limited.headers.insert(
                    "Retry-After".into(),
                    HeaderBuilder::new()
                        .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                        .description(Some("Seconds to wait"))
                        .build()
                        .into(),
                );
                op.responses.responses.insert("429".into(), RefOr::T(limited));
            }
            if path.starts_with("/v1/auth/") {
                continue;
            }
            op.parameters.get_or_insert_with(Vec::new).push(
                ParameterBuilder::new()
                    .name("Idempotency-Key")
                    .parameter_in(ParameterIn::Header)
                    .required(Required::False)
                    .description(Some(
                        "Makes the POST safe to retry, also across a crash: the first response for this key \
                         (per caller) is committed with the change it describes, kept 24 h, and replayed with \
                         `Idempotent-Replayed: true` to a retry with the same path, query, `Accept` and body.",
                    ))
                    .schema(Some(
                        ObjectBuilder::new()
                            .schema_type(Type::String)
                            .min_length(Some(1))
                            .max_length(Some(255))
                            .pattern(Some(crate::domain::formats::IDEMPOTENCY_KEY.pattern)),
                    ))
                    .build()
                    .into(),
            );
            add_answer(
                op,
                &shared,
                "409",
                "idempotency-key-in-flight",
                "a request with this Idempotency-Key is still running",
            );
            add_answer(
                op,
                &shared,
                "422",
                "idempotency-key-reused",
                "the Idempotency-Key was used with another request",
            );
            for (status, response) in op.responses.responses.iter_mut() {
                if let (true, RefOr::T(response)) = (status.starts_with('2'), response) {
                    response.headers.insert(
                        "Idempotent-Replayed".into(),
                        HeaderBuilder::new()
                            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                            .description(Some("`true` when this is the kept response of an earlier request"))
                            .build()
                            .into(),
                    );
                }
            }
        }
    }
}

/// The document's `webhooks` (OpenAPI 3.1): one entry per event type a delivery can carry,
/// each with its own payload schema (the shared `WebhookEvent` with `type` fixed).
pub struct Webhooks;

/// The headers every delivery carries.
fn delivery_headers() -> Vec<utoipa::openapi::path::Parameter> {
    let header = |name: &str, description: &str, pattern: Option<&str>| {
        let mut schema = ObjectBuilder::new().schema_type(Type::String);
        if let Some(pattern) = pattern {
            schema = schema.pattern(Some(pattern));
        }
        ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Header)
            .required(Required::True)
            .description(Some(description))
            .schema(Some(schema))
            .build()
    };
    vec![
        header(
            "Keyport-Signature",
            "`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>`, one `v1` per live secret \
             (two for 24 h after a rotation). Refuse a `t` more than 5 minutes off.",
            Some("^t=[0-9]+(,v1=[0-9a-f]{64})+$"),
        ),
        header("Keyport-Event-Id", "The event's id, the same on every retry: dedupe by it.", None),
        header("Keyport-Event-Type", "The event's type, as `type` in the body.", None),
        header(
            "Keyport-Version",
            "The API version the body is rendered in: the endpoint's `api_version`.",
            Some("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        ),
    ]
}

/// `subscription.renewal_notice` → `SubscriptionRenewalNoticeEvent`.
fn event_schema_name(event: &str) -> String {
    let mut name: String = event
        .split(['.', '_'])
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect();
    name.push_str("Event");
    name
}

impl Modify for Webhooks {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{
            HttpMethod, PathItem, PathsBuilder, RefOr, Schema,
            path::OperationBuilder,
            request_body::RequestBodyBuilder,
            schema::{AllOfBuilder, SchemaType},
        };
        let names: Vec<&str> =
            crate::domain::statuses::EventKind::ALL.iter().map(|k| k.as_str()).chain(["ping"]).collect();
        let mut webhooks = PathsBuilder::new();
        let components = doc.components.get_or_insert_with(Default::default);
        for event in names {
            let schema_name = event_schema_name(event);
            let fixed = ObjectBuilder::new().property(
                "type",
                ObjectBuilder::new().schema_type(SchemaType::Type(Type::String)).enum_values(Some([event])),
            );
            let schema = AllOfBuilder::new().item(Ref::from_schema_name("WebhookEvent")).item(fixed).build();
            components.schemas.insert(schema_name.clone(), RefOr::T(Schema::AllOf(schema)));
            let body = RequestBodyBuilder::new()
                .required(Some(Required::True))
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(Ref::from_schema_name(&schema_name))).build(),
                )
                .build();
            let sent_when = if event == "ping" {
                "Sent only by `POST /v1/webhook-endpoints/{id}/test`, whatever the endpoint's `events`. "
            } else {
                ""
            };
            let operation = OperationBuilder::new()
                .operation_id(Some(format!("webhooks_{}", event.replace('.', "_"))))
                .summary(Some(format!("`{event}` delivered to a webhook endpoint")))
                .description(Some(format!(
                    "{sent_when}POSTed to the endpoint's URL, signed in `Keyport-Signature` (the receiver checks \
                     it; no token is sent). Answer with a 2xx within 10 s; anything else is retried with backoff \
                     for 3 days."
                )))
                .securities(Some(Vec::<utoipa::openapi::security::SecurityRequirement>::new()))
                .parameters(Some(delivery_headers()))
                .request_body(Some(body))
                .response("2XX", ResponseBuilder::new().description("Received").build());
            webhooks = webhooks.path(event, PathItem::new(HttpMethod::Post, operation));
        }
        doc.webhooks = Some(webhooks.build());
    }
}
