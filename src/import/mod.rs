//! Bringing an organisation's own data in: people from an HR export ([`mensen`]). Pure: a
//! table in (read by [`crate::storage::tabel`]), a new organisation and a report of facts out;
//! the command line words the report and saves.
//!
//! Owns: recognising columns, reading a row's values, matching people, units and clusters.
//! May use: `domain` and the table type of `storage`.

pub mod mensen;
mod waarden;

pub use mensen::{Kolom, Ontbreekt, RijFout, Verslag, importeer};
