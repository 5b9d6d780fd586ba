//! Card edits as data: apply, invert, and re-apply on a board that changed meanwhile.
//! The unit of undo/redo and of keeping a local change when a colleague saved first.

use crate::domain::{Bord, Kaart};

/// A card at a position in the board's card list.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub index: usize,
    pub kaart: Kaart,
}

/// One change to one card: added (no `before`), removed (no `after`), or changed/moved.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub bord: String,
    pub before: Option<Placed>,
    pub after: Option<Placed>,
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The card was removed by someone else.
    CardGone(String),
}

impl Edit {
    /// The id of the card this edit is about.
    pub fn kaart_id(&self) -> &str {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map_or("", |p| p.kaart.id.as_str())
    }

    /// The edit that undoes this one.
    pub fn inverted(&self) -> Edit {
        Edit {
            bord: self.bord.clone(),
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// Applies the edit: the card (found by id) is taken out and its new version put in place.
    pub fn apply(&self, bord: &mut Bord) -> Result<(), EditError> {
        let id = self.kaart_id();
        match bord.kaarten.iter().position(|k| k.id == id) {
            Some(pos) => {
                bord.kaarten.remove(pos);
            }
            None if self.before.is_some() => return Err(EditError::CardGone(id.to_string())),
            None => {}
        }
        if let Some(after) = &self.after {
            let index = after.index.min(bord.kaarten.len());
            bord.kaarten.insert(index, after.kaart.clone());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BordSoort, Kolom};

    fn kaart(id: &str, kolom: &str) -> Kaart {
        crate::storage::format::parse(&format!(
            "Kaart(id: \"{id}\", titel: \"{id}\", kolom: \"{kolom}\")"
        ))
        .unwrap()
    }

    fn bord() -> Bord {
        Bord {
            versie: 1,
            id: "b".into(),
            titel: "B".into(),
            soort: BordSoort::Clusterkamer {
                cluster: "c".into(),
            },
            kolommen: vec![Kolom {
                id: "a".into(),
                naam: "A".into(),
                wip: None,
                klaar: false,
            }],
            inzet: vec![],
            kaarten: vec![kaart("1", "a"), kaart("2", "a"), kaart("3", "a")],
        }
    }

    fn ids(b: &Bord) -> Vec<&str> {
        b.kaarten.iter().map(|k| k.id.as_str()).collect()
    }

    #[test]
    fn move_then_undo_restores_the_order() {
        let mut b = bord();
        let e = Edit {
            bord: "b".into(),
            before: Some(Placed {
                index: 2,
                kaart: kaart("3", "a"),
            }),
            after: Some(Placed {
                index: 0,
                kaart: kaart("3", "a"),
            }),
        };
        e.apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["3", "1", "2"]);
        e.inverted().apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["1", "2", "3"]);
    }

    #[test]
    fn add_and_remove_are_each_others_inverse() {
        let mut b = bord();
        let add = Edit {
            bord: "b".into(),
            before: None,
            after: Some(Placed {
                index: 1,
                kaart: kaart("n", "a"),
            }),
        };
        add.apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["1", "n", "2", "3"]);
        add.inverted().apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["1", "2", "3"]);
    }

    #[test]
    fn editing_a_card_someone_removed_is_reported() {
        let mut b = bord();
        let e = Edit {
            bord: "b".into(),
            before: Some(Placed {
                index: 0,
                kaart: kaart("weg", "a"),
            }),
            after: Some(Placed {
                index: 0,
                kaart: kaart("weg", "a"),
            }),
        };
        assert_eq!(e.apply(&mut b), Err(EditError::CardGone("weg".into())));
        assert_eq!(ids(&b), ["1", "2", "3"]);
    }
}
