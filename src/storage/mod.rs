//! Files: reading the werkmap with positioned errors, and writing it atomically and canonically.

pub mod config;
pub mod diagnostic;
pub mod format;
pub mod hash;
pub mod load;
pub mod locate;
pub mod lock;
pub mod save;

pub use diagnostic::{Diagnostic, IoFout, Melding, ReadRefused};
pub use hash::ContentHash;
pub use load::{FileMeta, Loaded, load};
