//! A werkmap: the organisation and every board, as the engine sees them.

use super::bord::Bord;
use super::organisatie::Organisatie;

/// The content of a werkmap folder. The organisation is absent when its file is missing or broken.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Werkmap {
    pub organisatie: Option<Organisatie>,
    pub borden: Vec<Bord>,
}

impl Werkmap {
    /// The board with this id.
    pub fn bord(&self, id: &str) -> Option<&Bord> {
        self.borden.iter().find(|b| b.id == id)
    }
}
