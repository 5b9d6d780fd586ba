//! A problem in a file, reported as `bestand:regel:kolom: melding`.

use std::fmt;

use serde::Serialize;

/// One error or warning with its position. The field names are the JSON contract of `controleer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file name relative to the werkmap.
    pub bestand: String,
    pub regel: usize,
    pub kolom: usize,
    pub melding: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.bestand, self.regel, self.kolom, self.melding
        )
    }
}
