//! Files: reading the werkmap with positioned errors, and writing it atomically and canonically.
//!
//! Owns: everything that touches the disk for a werkmap (finding files, safe reads, parsing
//! with positions, locks, atomic saves, kept versions, the config file). Errors are facts
//! ([`Diagnostic`], [`IoFout`], [`ReadRefused`]); `wording` says them in Dutch. May use: `domain`,
//! `config`.

pub mod config;
pub mod diagnostic;
pub mod format;
pub mod hash;
pub mod historie;
pub mod load;
pub mod locate;
pub mod lock;
pub mod save;
pub mod tabel;

pub use diagnostic::{Diagnostic, IoFout, Melding, ReadRefused};
pub use hash::ContentHash;
pub use load::{FileMeta, Loaded, load};
