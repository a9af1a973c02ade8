//! Password hashing with argon2id; callers run these off the async workers.

use std::sync::LazyLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng},
};

/// Shortest password accepted at activation.
pub const MIN_LENGTH: usize = 10;

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// A hash of nothing anyone knows, verified against for unknown users so a sign-in takes
/// as long whether or not the account exists.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash("no user has this password").expect("hashing works"));

/// Verifies `password` against `stored`, or against the dummy hash when there is no user.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let (hash_text, real) = match stored {
        Some(h) => (h, true),
        None => (DUMMY_HASH.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(hash_text) else {
        return false;
    };
    Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && real
}

/// At most this many hashes run at once, so a burst of sign-ins queues here (holding
/// nothing) instead of taking every core from the requests around it.
static HASHING: LazyLock<tokio::sync::Semaphore> =
    LazyLock::new(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// [`verify`] on the blocking pool, behind the hashing semaphore.
pub async fn verify_off_workers(password: String, stored: Option<String>) -> bool {
    let Ok(_turn) = HASHING.acquire().await else { return false };
    actix_web::web::block(move || verify(&password, stored.as_deref())).await.unwrap_or(false)
}

/// [`hash`] on the blocking pool, behind the hashing semaphore.
pub async fn hash_off_workers(password: String) -> Result<String, crate::error::Error> {
    use crate::error::Error;
    let _turn = HASHING.acquire().await.map_err(Error::internal)?;
    actix_web::web::block(move || hash(&password)).await.map_err(Error::internal)?.map_err(Error::internal)
}

/// Forces the dummy hash to exist before the first sign-in, so that sign-in is not slower.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

#[cfg(test)]
mod tests {
    #[test]
    fn verifies_only_the_right_password() {
        let stored = super::hash("correct horse battery").unwrap();
        assert!(super::verify("correct horse battery", Some(&stored)));
        assert!(!super::verify("wrong horse battery", Some(&stored)));
        assert!(!super::verify("no user has this password", None));
        assert!(!super::verify("x", Some("not a hash")));
    }
}
