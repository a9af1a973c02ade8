//! Access tokens: EdDSA (Ed25519) JWTs with a `kid`, verification keys and the JWKS.

use std::{
    collections::HashMap,
    sync::{Arc, PoisonError, RwLock},
};

use base64::{Engine, engine::general_purpose::STANDARD, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signer, SigningKey};
use jsonwebtoken::{Algorithm, DecodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

/// PKCS#8 v1 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519_PREFIX: [u8; 16] =
    [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/// An Ed25519 key pair as kept in the database or read from a PEM file.
#[derive(Clone)]
pub struct KeyPair {
    pub kid: String,
    pub private_der: Vec<u8>,
    pub public_key: Vec<u8>,
}

impl KeyPair {
    /// A key pair from a 32-byte seed; the `kid` is derived from the public key.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let public_key = SigningKey::from_bytes(&seed).verifying_key().to_bytes().to_vec();
        let kid = URL_SAFE_NO_PAD.encode(&Sha256::digest(&public_key)[..12]);
        let mut private_der = PKCS8_ED25519_PREFIX.to_vec();
        private_der.extend_from_slice(&seed);
        Self { kid, private_der, public_key }
    }

    /// The seed of the private key, when it is a PKCS#8 v1 Ed25519 key.
    fn seed(&self) -> Option<[u8; 32]> {
        let seed = self.private_der.strip_prefix(&PKCS8_ED25519_PREFIX)?;
        seed.try_into().ok()
    }

    /// Reads an unencrypted PKCS#8 PEM (`openssl genpkey -algorithm ed25519`).
    pub fn from_pem(pem: &str) -> Result<Self, String> {
        let body: String = pem.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("-----")).collect();
        let der = STANDARD.decode(body).map_err(|_| "the PEM body is not base64".to_string())?;
        if der.len() != 48 || der[..16] != PKCS8_ED25519_PREFIX {
            return Err("expected an unencrypted PKCS#8 Ed25519 private key".to_string());
        }
        let seed: [u8; 32] = der[16..].try_into().expect("48 - 16 bytes");
        Ok(Self::from_seed(seed))
    }
}

/// Who a token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Operator,
    Partner,
    Distributor,
    Customer,
}

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distributor_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<bool>,
    /// A customer's sign-in (its refresh-token family), so that signing out ends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<Uuid>,
    /// The API version an API client's requests speak when they name none (its pin when
    /// the token was issued). Text, so a token outlives a version's removal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ver: Option<String>,
}

/// One public key of the JWKS (RFC 8037 OKP).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Jwk {
    #[schema(example = "OKP")]
    pub kty: String,
    #[schema(example = "Ed25519")]
    pub crv: String,
    /// The public key, base64url.
    pub x: String,
    pub kid: String,
    #[schema(example = "EdDSA")]
    pub alg: String,
    #[serde(rename = "use")]
    #[schema(example = "sig")]
    pub use_: String,
}

/// The JSON Web Key Set.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// Seconds of clock skew allowed on `exp`.
pub const LEEWAY: u64 = 5;

/// Most verified tokens remembered at once.
const CACHE_SIZE: usize = 10_000;

/// Signs with the current key; verifies with any live key, remembering tokens it verified
/// until they expire, so a token's signature is checked once, not on every request. The keys
/// are replaced whole when they rotate (every instance, on the database's word).
pub struct TokenKeys {
    keys: RwLock<Arc<KeySet>>,
    issuer: String,
    audience: String,
    verified: RwLock<HashMap<Box<str>, Claims>>,
}

/// The live keys at one moment: the one that signs, all that verify, and their JWKS.
struct KeySet {
    signing_kid: String,
    /// None when the stored key is malformed: signing then fails, verifying goes on.
    signing: Option<SigningKey>,
    verifying: HashMap<String, DecodingKey>,
    jwks: Jwks,
}

impl KeySet {
    /// `keys[0]` signs; all of them verify.
    fn new(keys: &[KeyPair]) -> Self {
        let current = keys.first().expect("at least one signing key");
        let verifying = keys.iter().map(|k| (k.kid.clone(), DecodingKey::from_ed_der(&k.public_key))).collect();
        let jwks = Jwks {
            keys: keys
                .iter()
                .map(|k| Jwk {
                    kty: "OKP".into(),
                    crv: "Ed25519".into(),
                    x: URL_SAFE_NO_PAD.encode(&k.public_key),
                    kid: k.kid.clone(),
                    alg: "EdDSA".into(),
                    use_: "sig".into(),
                })
                .collect(),
        };
        Self {
            signing_kid: current.kid.clone(),
            signing: current.seed().map(|seed| SigningKey::from_bytes(&seed)),
            verifying,
            jwks,
        }
    }
}

impl TokenKeys {
    /// `keys[0]` signs; all of them verify.
    pub fn new(keys: &[KeyPair], issuer: &str, audience: &str) -> Self {
        Self {
            keys: RwLock::new(Arc::new(KeySet::new(keys))),
            issuer: issuer.to_string(),
            audience: audience.to_string(),
            verified: RwLock::new(HashMap::new()),
        }
    }

    fn current(&self) -> Arc<KeySet> {
        self.keys.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Puts `keys` in place (`keys[0]` signs) when they differ from the live ones; a key
    /// that left stops verifying at once, also for tokens already remembered. Whether
    /// anything changed.
    pub fn replace(&self, keys: &[KeyPair]) -> bool {
        if keys.is_empty() {
            return false; // never without a key that signs: keep what there is
        }
        let wanted: Vec<&str> = keys.iter().map(|k| k.kid.as_str()).collect();
        let live = self.current();
        let same = live.signing_kid == wanted[0]
            && live.verifying.len() == wanted.len()
            && wanted.iter().all(|kid| live.verifying.contains_key(*kid));
        if same {
            return false;
        }
        let left = live.verifying.keys().any(|kid| !wanted.contains(&kid.as_str()));
        *self.keys.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(KeySet::new(keys));
        if left {
            self.verified.write().unwrap_or_else(PoisonError::into_inner).clear();
        }
        true
    }

    /// The published key set.
    pub fn jwks(&self) -> Jwks {
        self.current().jwks.clone()
    }

    /// The `kid` of the key that signs now.
    pub fn signing_kid(&self) -> String {
        self.current().signing_kid.clone()
    }

    /// Claims for a new token of `role` issued at `now` (real time) for `ttl_secs`.
    pub fn claims(&self, sub: String, role: Role, now: DateTime<Utc>, ttl_secs: i64) -> Claims {
        Claims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub,
            iat: now.timestamp(),
            exp: now.timestamp() + ttl_secs,
            jti: Uuid::now_v7().to_string(),
            role,
            partner_id: None,
            distributor_id: None,
            tenant_id: None,
            admin: None,
            sid: None,
            ver: None,
        }
    }

    pub fn sign(&self, claims: &Claims) -> Result<String, String> {
        let keys = self.current();
        let key = keys.signing.as_ref().ok_or("the signing key is not a PKCS#8 Ed25519 key")?;
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(keys.signing_kid.clone());
        // Put together as `jsonwebtoken::encode` does (base64url JSON header and claims,
        // signed), but with the key made once: `encode` rebuilds it from its PKCS#8 bytes for
        // every token, deriving its public half again — a second scalar multiplication.
        let part = |json: Vec<u8>| URL_SAFE_NO_PAD.encode(json);
        let json = |e: serde_json::Error| e.to_string();
        let (header, claims) = (serde_json::to_vec(&header).map_err(json)?, serde_json::to_vec(claims).map_err(json)?);
        let message = format!("{}.{}", part(header), part(claims));
        let signature = key.sign(message.as_bytes());
        Ok(format!("{message}.{}", part(signature.to_bytes().to_vec())))
    }

    /// The claims of a valid, unexpired token of our issuer and audience, else why not.
    pub fn verify(&self, token: &str) -> Result<Claims, Refusal> {
        let now = jsonwebtoken::get_current_timestamp();
        let remembered = self.verified.read().unwrap_or_else(PoisonError::into_inner).get(token).cloned();
        if let Some(claims) = remembered {
            return if claims.exp as u64 + LEEWAY > now { Ok(claims) } else { Err(Refusal::Expired) };
        }
        let claims = self.check(token)?;
        let mut verified = self.verified.write().unwrap_or_else(PoisonError::into_inner);
        if verified.len() >= CACHE_SIZE {
            // Bounded whatever the traffic: expired tokens go first, then everything.
            verified.retain(|_, c| c.exp as u64 + LEEWAY > now);
            if verified.len() >= CACHE_SIZE {
                verified.clear();
            }
        }
        verified.insert(token.into(), claims.clone());
        Ok(claims)
    }

    /// The signature, algorithm, key, issuer, audience and expiry checks themselves.
    fn check(&self, token: &str) -> Result<Claims, Refusal> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| Refusal::Malformed)?;
        if header.alg != Algorithm::EdDSA {
            return Err(Refusal::Invalid);
        }
        let keys = self.current();
        let key = keys.verifying.get(header.kid.as_deref().ok_or(Refusal::Invalid)?).ok_or(Refusal::Invalid)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY;
        // The signature is checked before the claims: "expired" is said only of our own tokens.
        jsonwebtoken::decode::<Claims>(token, key, &validation).map(|d| d.claims).map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => Refusal::Expired,
            jsonwebtoken::errors::ErrorKind::Base64(_)
            | jsonwebtoken::errors::ErrorKind::Json(_)
            | jsonwebtoken::errors::ErrorKind::Utf8(_)
            | jsonwebtoken::errors::ErrorKind::InvalidToken => Refusal::Malformed,
            _ => Refusal::Invalid,
        })
    }
}

/// Why a presented access token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a JWT at all.
    Malformed,
    /// Ours, but past its `exp`.
    Expired,
    /// A JWT, but not one of ours: signature, key, algorithm, issuer or audience.
    Invalid,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(&[KeyPair::from_seed([7; 32])], "keyport", "keyport-api")
    }

    #[test]
    fn a_token_is_what_jsonwebtoken_would_make() {
        let pair = KeyPair::from_seed([7; 32]);
        let keys = keys();
        let mut claims = keys.claims("partner".into(), Role::Partner, Utc::now(), 60);
        claims.partner_id = Some(Uuid::now_v7());
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(pair.kid.clone());
        let made = jsonwebtoken::encode(&header, &claims, &jsonwebtoken::EncodingKey::from_ed_der(&pair.private_der));
        // Ed25519 signatures are deterministic: the same bytes, signature included.
        assert_eq!(keys.sign(&claims).unwrap(), made.unwrap());
        let malformed = KeyPair { private_der: vec![0; 10], ..pair };
        let broken = TokenKeys::new(&[malformed], "keyport", "keyport-api");
        assert!(broken.sign(&claims).is_err());
    }

    #[test]
    fn signs_and_verifies_with_kid() {
        let keys = keys();
        let claims = keys.claims("operator".into(), Role::Operator, Utc::now(), 60);
        let token = keys.sign(&claims).unwrap();
        let header = jsonwebtoken::decode_header(&token).unwrap();
        assert_eq!(header.kid.as_deref(), Some(keys.jwks().keys[0].kid.as_str()));
        assert_eq!(keys.verify(&token).unwrap().sub, "operator");
    }

    #[test]
    fn rejects_expired_foreign_and_garbled_tokens() {
        let keys = keys();
        let expired = keys.claims("x".into(), Role::Operator, Utc::now() - chrono::Duration::hours(1), 60);
        assert_eq!(keys.verify(&keys.sign(&expired).unwrap()).unwrap_err(), Refusal::Expired);
        let other = TokenKeys::new(&[KeyPair::from_seed([8; 32])], "keyport", "keyport-api");
        let foreign = other.sign(&other.claims("x".into(), Role::Operator, Utc::now(), 60)).unwrap();
        assert_eq!(keys.verify(&foreign).unwrap_err(), Refusal::Invalid);
        // Expired and foreign: not ours, so not "expired".
        let old = other.sign(&other.claims("x".into(), Role::Operator, Utc::now() - chrono::Duration::hours(1), 60));
        assert_eq!(keys.verify(&old.unwrap()).unwrap_err(), Refusal::Invalid);
        let wrong_aud = TokenKeys::new(&[KeyPair::from_seed([7; 32])], "keyport", "elsewhere");
        let token = wrong_aud.sign(&wrong_aud.claims("x".into(), Role::Operator, Utc::now(), 60)).unwrap();
        assert_eq!(keys.verify(&token).unwrap_err(), Refusal::Invalid);
        assert_eq!(keys.verify("not.a.token").unwrap_err(), Refusal::Malformed);
        assert_eq!(keys.verify("garbage").unwrap_err(), Refusal::Malformed);
    }

    #[test]
    fn a_remembered_token_still_expires() {
        let keys = keys();
        let claims = keys.claims("x".into(), Role::Operator, Utc::now() - chrono::Duration::seconds(30), 60);
        let token = keys.sign(&claims).unwrap();
        assert!(keys.verify(&token).is_ok());
        keys.verified.write().unwrap().get_mut(token.as_str()).unwrap().exp -= 60;
        assert_eq!(keys.verify(&token).unwrap_err(), Refusal::Expired, "the remembered claims expire too");
    }

    #[test]
    fn reads_openssl_pem() {
        // `openssl genpkey -algorithm ed25519` output.
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPqxS1gqO9qdPtCz58DZf2LhVpxziGuerCLGDSpTWiqL\n-----END PRIVATE KEY-----\n";
        let pair = KeyPair::from_pem(pem).unwrap();
        assert_eq!(pair.public_key.len(), 32);
        assert!(KeyPair::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").is_err());
    }
}
