//! Pure rules of the business: no I/O, no clock; callers hand in `now` and data.

pub mod countries;
pub mod events;
pub mod formats;
pub mod lifecycle;
pub mod notices;
pub mod product_key;
pub mod roles;
pub mod serials;
pub mod statuses;
pub mod tenant_domain;
pub mod user_imports;
pub mod versions;
pub mod webhooks;
