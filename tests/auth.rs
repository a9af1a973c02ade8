//! Tokens (all three grants), activation, JWKS and what a bad token gets.

use crate::common::*;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::Method;
use serde_json::{Value, json};

async fn token_form(app: &TestApp, form: &[(&str, &str)]) -> Reply {
    let response = app.http.post(app.url("/v1/auth/token")).form(form).send().await.unwrap();
    TestApp::reply(response).await
}

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn client_credentials_as_form_json_and_basic() {
    let app = spawn().await;
    let form = token_form(
        &app,
        &[("grant_type", "client_credentials"), ("client_id", OPERATOR_ID), ("client_secret", OPERATOR_SECRET)],
    )
    .await;
    let body = form.expect(200);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert!(body.get("refresh_token").is_none());
    assert_eq!(form.headers["cache-control"], "no-store");
    let c = claims(body["access_token"].as_str().unwrap());
    assert_eq!(c["role"], "operator");
    assert_eq!(c["iss"], "keyport");
    assert_eq!(c["aud"], "keyport-api");
    assert_eq!(c["sub"], OPERATOR_ID);
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 900);
    assert!(c["jti"].is_string());

    let basic = app
        .http
        .post(app.url("/v1/auth/token"))
        .basic_auth(OPERATOR_ID, Some(OPERATOR_SECRET))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    TestApp::reply(basic).await.expect(200);

    let partner = app.partner("Contoso IT").await;
    let c = claims(&partner.token);
    assert_eq!(c["role"], "partner");
    assert_eq!(c["partner_id"], partner.id.as_str());
}

#[tokio::test]
async fn token_errors_follow_rfc_6749() {
    let app = spawn().await;
    let wrong = token_form(
        &app,
        &[("grant_type", "client_credentials"), ("client_id", OPERATOR_ID), ("client_secret", "wrong")],
    )
    .await;
    assert_eq!(wrong.expect(401)["error"], "invalid_client");
    assert!(wrong.headers.contains_key("www-authenticate"));
    let unknown =
        token_form(&app, &[("grant_type", "client_credentials"), ("client_id", "nobody"), ("client_secret", "x")])
            .await;
    assert_eq!(unknown.expect(401)["error"], "invalid_client");
    let missing = token_form(&app, &[("grant_type", "client_credentials")]).await;
    assert_eq!(missing.expect(400)["error"], "invalid_request");
    let grant = token_form(&app, &[("grant_type", "implicit")]).await;
    assert_eq!(grant.expect(400)["error"], "unsupported_grant_type");
    let none = token_form(&app, &[]).await;
    assert_eq!(none.expect(400)["error"], "invalid_request");
    let garbage = app
        .http
        .post(app.url("/v1/auth/token"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(TestApp::reply(garbage).await.expect(400)["error"], "invalid_request");
    let text =
        app.http.post(app.url("/v1/auth/token")).header("content-type", "text/plain").body("hi").send().await.unwrap();
    assert_eq!(TestApp::reply(text).await.expect(400)["error"], "invalid_request");
    let bad_password =
        token_form(&app, &[("grant_type", "password"), ("username", "nobody@x.example"), ("password", "whatever")])
            .await;
    assert_eq!(bad_password.expect(400)["error"], "invalid_grant");
    let bad_refresh = token_form(&app, &[("grant_type", "refresh_token"), ("refresh_token", "kpr_nothing")]).await;
    assert_eq!(bad_refresh.expect(400)["error"], "invalid_grant");
}

#[tokio::test]
async fn activation_password_sign_in_and_refresh_rotation() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let account = app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
    let activation = account.activation_token.as_str();

    // Before activation the user cannot sign in.
    let early = token_form(
        &app,
        &[
            ("grant_type", "password"),
            ("username", "maria@fabrikam.example"),
            ("password", "correct horse battery staple"),
        ],
    )
    .await;
    assert_eq!(early.expect(400)["error"], "invalid_grant");
    // Too short a password changes nothing; the token still works afterwards.
    app.send(
        Method::POST,
        "/v1/auth/activate",
        None,
        Some(json!({"activation_token": activation, "password": "short"})),
    )
    .await
    .problem(422, "validation-failed");
    let (access, refresh) = app.sign_in("maria@fabrikam.example", activation).await;
    // Single use.
    app.send(
        Method::POST,
        "/v1/auth/activate",
        None,
        Some(json!({"activation_token": activation, "password": "another long password"})),
    )
    .await
    .problem(422, "invalid-activation-token");
    app.send(
        Method::POST,
        "/v1/auth/activate",
        None,
        Some(json!({"activation_token": "kpa_unknown", "password": "another long password"})),
    )
    .await
    .problem(422, "invalid-activation-token");

    let c = claims(&access);
    assert_eq!(c["role"], "customer");
    assert_eq!(c["admin"], true);
    assert_eq!(c["tenant_id"], account.tenant.as_str());
    assert_eq!(c["sub"], account.admin_id.as_str());
    // E-mail is matched whatever its case; a wrong password is refused.
    let upper = token_form(
        &app,
        &[
            ("grant_type", "password"),
            ("username", "MARIA@fabrikam.example"),
            ("password", "correct horse battery staple"),
        ],
    )
    .await;
    upper.expect(200);
    let wrong = token_form(
        &app,
        &[
            ("grant_type", "password"),
            ("username", "maria@fabrikam.example"),
            ("password", "wrong horse battery staple"),
        ],
    )
    .await;
    assert_eq!(wrong.expect(400)["error"], "invalid_grant");

    // Rotation: each refresh token works once and yields a new one.
    let first = token_form(&app, &[("grant_type", "refresh_token"), ("refresh_token", &refresh)]).await;
    let second_refresh = first.expect(200)["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(second_refresh, refresh);
    let third = token_form(&app, &[("grant_type", "refresh_token"), ("refresh_token", &second_refresh)]).await;
    let third_refresh = third.expect(200)["refresh_token"].as_str().unwrap().to_string();
    // Reusing a spent token revokes the whole family, including the newest token.
    let reuse = token_form(&app, &[("grant_type", "refresh_token"), ("refresh_token", &refresh)]).await;
    assert_eq!(reuse.expect(400)["error"], "invalid_grant");
    let after = token_form(&app, &[("grant_type", "refresh_token"), ("refresh_token", &third_refresh)]).await;
    assert_eq!(after.expect(400)["error"], "invalid_grant");
}

#[tokio::test]
async fn jwks_holds_the_signing_key() {
    let app = spawn().await;
    let jwks = app.send(Method::GET, "/.well-known/jwks.json", None, None).await;
    assert_eq!(jwks.headers["cache-control"], "public, max-age=300", "verifiers may keep it a while");
    let key = &jwks.expect(200)["keys"][0];
    assert_eq!(key["kty"], "OKP");
    assert_eq!(key["crv"], "Ed25519");
    assert_eq!(key["alg"], "EdDSA");
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(app.operator.split('.').next().unwrap()).unwrap()).unwrap();
    assert_eq!(header["alg"], "EdDSA");
    assert_eq!(header["kid"], key["kid"]);
    // The published key verifies the token.
    let jwk: jsonwebtoken::jwk::Jwk = serde_json::from_value(key.clone()).unwrap();
    let decoding = jsonwebtoken::DecodingKey::from_jwk(&jwk).unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    validation.set_audience(&["keyport-api"]);
    jsonwebtoken::decode::<Value>(&app.operator, &decoding, &validation).expect("verifies with the JWKS key");
}

#[tokio::test]
async fn a_second_instance_shares_secrets_and_keys() {
    let app = spawn().await;
    let partner = app.partner("Contoso IT").await;
    let keys = app.mint(&partner, PRODUCT_BASIC, 1, 12, 1).await;
    // Another server on the same database: same signing key, same pepper.
    let twin = spawn_on(test_settings(&app.database_url)).await;
    twin.get("/v1/partners/me", &partner.token).await.expect(200);
    let key = twin.post("/v1/keys/validate", &partner.token, json!({"key": keys[0]})).await;
    assert_eq!(key.expect(200)["status"], "available");
}

/// RFC 6750 §3: a sent token that is refused is `invalid_token`, with why; no token at all
/// gets the bare challenge. The problem's detail says what to do.
#[tokio::test]
async fn bad_tokens_get_401_with_www_authenticate() {
    let app = spawn().await;
    let expired = {
        let now = chrono::Utc::now().timestamp();
        let mut c = claims(&app.operator);
        c["iat"] = json!(now - 3600);
        c["exp"] = json!(now - 1800);
        // Re-signing needs the server's key: take it from the database the app uses.
        sign_with_app_key(&app, &c)
    };
    let forged = {
        let mut parts: Vec<String> = app.operator.split('.').map(String::from).collect();
        let mut c = claims(&app.operator);
        c["role"] = json!("operator");
        c["sub"] = json!("someone-else");
        parts[1] = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&c).unwrap());
        parts.join(".")
    };
    let revoked = {
        let partner = app.partner("Contoso IT").await;
        let customer = app.customer(&partner, "fabrikam", "maria@fabrikam.example").await;
        let (access, _) = app.sign_in("maria@fabrikam.example", &customer.activation_token).await;
        let revoke = app.http.post(app.url("/v1/auth/revoke")).form(&[("token", access.as_str())]);
        assert_eq!(revoke.send().await.unwrap().status(), 200);
        access
    };
    for (token, why, advice) in [
        ("garbage".to_string(), "The access token is malformed", "POST /v1/auth/token issues one"),
        (expired, "The access token expired", "with the refresh token"),
        (forged, "The access token was not issued here", "not issued by this service"),
        (revoked, "The access token was revoked", "has ended"),
    ] {
        let reply = app.get("/v1/products", &token).await;
        reply.problem(401, "unauthorized");
        let challenge = format!("Bearer error=\"invalid_token\", error_description=\"{why}\"");
        assert_eq!(reply.headers["www-authenticate"], challenge.as_str());
        assert!(reply.body["detail"].as_str().unwrap().contains(advice), "{why}: {}", reply.text);
    }
    let none = app.send(Method::GET, "/v1/products", None, None).await;
    none.problem(401, "unauthorized");
    assert_eq!(none.headers["www-authenticate"], "Bearer", "no token, no error code");
    assert!(none.body["detail"].as_str().unwrap().contains("Authorization: Bearer"), "{}", none.text);
    let basic = app.http.get(app.url("/v1/products")).basic_auth("a", Some("b")).send().await.unwrap();
    let basic = TestApp::reply(basic).await;
    basic.problem(401, "unauthorized");
    assert_eq!(basic.headers["www-authenticate"], "Bearer");
}

/// Signs claims with the signing key the app keeps in its database.
fn sign_with_app_key(app: &TestApp, claims: &Value) -> String {
    use diesel::prelude::*;
    let mut conn = diesel::PgConnection::establish(&app.database_url).unwrap();
    let (kid, der): (String, Vec<u8>) = keyport::db::schema::signing_keys::table
        .select((keyport::db::schema::signing_keys::kid, keyport::db::schema::signing_keys::private_der))
        .first(&mut conn)
        .unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::EdDSA);
    header.kid = Some(kid);
    jsonwebtoken::encode(&header, claims, &jsonwebtoken::EncodingKey::from_ed_der(&der)).unwrap()
}

/// RFC 8414: OAuth libraries and verifiers find the token, revocation and key endpoints
/// from one address, with the issuer the tokens carry; under `KEYPORT_ISSUER` when that is
/// a URL.
#[tokio::test]
async fn oauth_metadata_names_the_issuer_and_its_endpoints() {
    let app = spawn().await;
    let reply = app.send(Method::GET, "/.well-known/oauth-authorization-server", None, None).await;
    assert_eq!(reply.headers["cache-control"], "public, max-age=3600");
    let metadata = reply.expect(200).clone();
    assert_eq!(metadata["issuer"], claims(&app.operator)["iss"]);
    assert_eq!(metadata["token_endpoint"], app.url("/v1/auth/token").as_str());
    assert_eq!(metadata["revocation_endpoint"], app.url("/v1/auth/revoke").as_str());
    assert_eq!(metadata["grant_types_supported"], json!(["client_credentials", "password", "refresh_token"]));
    assert_eq!(metadata["token_endpoint_auth_methods_supported"], json!(["client_secret_basic", "client_secret_post"]));
    assert_eq!(metadata["response_types_supported"], json!([]));
    let jwks = app.http.get(metadata["jwks_uri"].as_str().unwrap()).send().await.unwrap();
    let jwks: Value = jwks.json().await.unwrap();
    assert_eq!(jwks["keys"][0]["kid"], json!(kid_of(&app.operator)), "the key set verifies the tokens");

    let public = spawn_with(|s| s.issuer = "https://keyport.example/".into()).await;
    let metadata = public.send(Method::GET, "/.well-known/oauth-authorization-server", None, None).await;
    let metadata = metadata.expect(200);
    assert_eq!(metadata["issuer"], "https://keyport.example/");
    assert_eq!(claims(&public.operator)["iss"], "https://keyport.example/", "tokens carry the same issuer");
    assert_eq!(metadata["token_endpoint"], "https://keyport.example/v1/auth/token");
    assert_eq!(metadata["jwks_uri"], "https://keyport.example/.well-known/jwks.json");
}

fn kid_of(token: &str) -> String {
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    header["kid"].as_str().unwrap().to_string()
}
