//! The domain model: the types of the file format (DESIGN.md section 2), edits as operations
//! ([`ops`]), merges ([`merge`]) and sharing without loss ([`sync`], [`sporen`]). Pure: no I/O,
//! no clock.
//!
//! Owns: the types and their rules that need no other module. May use: nothing else in the
//! crate (the bottom layer; `tests/layers.rs` checks it).

pub mod bord;
pub mod feestdagen;
pub mod historie;
pub mod ids;
pub mod merge;
pub mod ops;
pub mod organisatie;
pub mod sporen;
pub mod sync;
pub mod validate;
pub mod week;
pub mod werkmap;
pub mod zoek;

pub use bord::{
    Besluit, Bord, BordSoort, Inzet, InzetSoort, InzetStatus, Kaart, KaartStatus, Kolom, LtaSoort,
    Notitie, Sjabloon, Verzoek,
};
pub use organisatie::{
    Afwezigheid, AfwezigheidSoort, Cluster, Dag, Eenheid, Fase, Opgave, Organisatie, Persoon,
};
pub use week::{Datum, Moment, Week};
pub use werkmap::Werkmap;

/// Rounds hours as the user gave them to 0.01, so stored numbers print the same everywhere.
pub fn round_hours(h: f64) -> f64 {
    (h * 100.0).round() / 100.0
}
