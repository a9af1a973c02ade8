//! High-entropy secrets the service generates, and the keyed digests it stores instead.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chacha20poly1305::{
    ChaCha20Poly1305, KeyInit as _, Nonce,
    aead::{Aead, AeadCore, OsRng},
};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// The server pepper: the HMAC key of every stored digest (product keys, client secrets,
/// refresh and activation tokens). Shared by every instance on the database.
#[derive(Clone)]
pub struct Pepper(Vec<u8>);

/// What a digest is of; part of the MAC input, so a digest of one kind never matches another.
#[derive(Debug, Clone, Copy)]
pub enum SecretKind {
    ProductKey,
    ClientSecret,
    RefreshToken,
    ActivationToken,
}

impl SecretKind {
    fn label(self) -> &'static [u8] {
        match self {
            Self::ProductKey => b"product-key",
            Self::ClientSecret => b"client-secret",
            Self::RefreshToken => b"refresh-token",
            Self::ActivationToken => b"activation-token",
        }
    }
}

impl Pepper {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// A 32-byte key for another purpose, derived from the pepper.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"derive\0");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// Seals and opens what must be read back (kept responses, webhook secrets) with a
    /// key derived for `purpose`: outside the database whenever the pepper is.
    pub fn sealer(&self, purpose: &str) -> Sealer {
        Sealer(ChaCha20Poly1305::new(&self.derive(purpose).into()))
    }

    /// Keyed SHA-256 digest of a secret.
    pub fn digest(&self, kind: SecretKind, secret: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(kind.label());
        mac.update(&[0]);
        mac.update(secret.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

impl std::fmt::Debug for Pepper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pepper(..)")
    }
}

/// Authenticated encryption of stored secrets: a random nonce, then the ciphertext.
pub struct Sealer(ChaCha20Poly1305);

impl Sealer {
    pub fn seal(&self, plain: &[u8]) -> Vec<u8> {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let mut sealed = nonce.to_vec();
        sealed.extend(self.0.encrypt(&nonce, plain).expect("encryption does not fail"));
        sealed
    }

    /// The plain text, or `None` when it was not sealed with this key.
    pub fn open(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        let (nonce, ciphertext) = sealed.split_at_checked(12)?;
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        self.0.decrypt(&Nonce::from(nonce), ciphertext).ok()
    }
}

/// `n` random bytes from the operating system's generator.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0; n];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

/// A new secret: a recognisable prefix and 256 random bits, URL-safe.
pub fn new_secret(prefix: &str) -> String {
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(random_bytes(32)))
}

/// Prefixes say what a secret is when one turns up in a log or a ticket.
pub const CLIENT_SECRET_PREFIX: &str = "kps_";
pub const REFRESH_TOKEN_PREFIX: &str = "kpr_";
pub const ACTIVATION_TOKEN_PREFIX: &str = "kpa_";
pub const WEBHOOK_SECRET_PREFIX: &str = "whsec_";
