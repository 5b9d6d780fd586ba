//! Edits as data: apply, invert, and re-apply on a board that changed meanwhile.
//! The unit of undo/redo and of keeping a local change when a colleague saved first.

use std::fmt::Debug;

use crate::domain::{Bord, Inzet, Kaart, Organisatie, Persoon};

/// Something on a board that edits address by id: a card or an inzet.
pub trait Item: Clone + PartialEq + Debug {
    fn id(&self) -> &str;
    /// The board's list of these items.
    fn list(bord: &mut Bord) -> &mut Vec<Self>;
}

impl Item for Kaart {
    fn id(&self) -> &str {
        &self.id
    }
    fn list(bord: &mut Bord) -> &mut Vec<Kaart> {
        &mut bord.kaarten
    }
}

impl Item for Inzet {
    fn id(&self) -> &str {
        &self.id
    }
    fn list(bord: &mut Bord) -> &mut Vec<Inzet> {
        &mut bord.inzet
    }
}

/// An item at a position in its board's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<T> {
    pub index: usize,
    pub item: T,
}

/// One change to one item: added (no `before`), removed (no `after`), or changed/moved.
#[derive(Debug, Clone, PartialEq)]
pub struct Change<T> {
    pub bord: String,
    pub before: Option<Placed<T>>,
    pub after: Option<Placed<T>>,
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The item was removed by someone else.
    Gone(String),
}

impl<T: Item> Change<T> {
    fn id(&self) -> &str {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map_or("", |p| p.item.id())
    }

    fn inverted(&self) -> Change<T> {
        Change {
            bord: self.bord.clone(),
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// The item (found by id) is taken out and its new version put in place.
    fn apply(&self, bord: &mut Bord) -> Result<(), EditError> {
        let id = self.id().to_string();
        let list = T::list(bord);
        match list.iter().position(|x| x.id() == id) {
            Some(pos) => {
                list.remove(pos);
            }
            None if self.before.is_some() => return Err(EditError::Gone(id)),
            None => {}
        }
        if let Some(after) = &self.after {
            let index = after.index.min(list.len());
            list.insert(index, after.item.clone());
        }
        Ok(())
    }
}

/// An edit of a card or of an inzet.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Kaart(Change<Kaart>),
    Inzet(Change<Inzet>),
    /// Edits of one board that belong together (one undo): e.g. decline one request and
    /// agree the same hours for a colleague.
    Samen(Vec<Edit>),
    /// A person in `organisatie.ron`: hours, working days, absences.
    Persoon {
        before: Box<Persoon>,
        after: Box<Persoon>,
    },
}

impl Edit {
    /// The board (id) the edit is about.
    pub fn bord(&self) -> &str {
        match self {
            Edit::Kaart(c) => &c.bord,
            Edit::Inzet(c) => &c.bord,
            Edit::Samen(v) => v.first().map_or("", Edit::bord),
            Edit::Persoon { .. } => "",
        }
    }

    /// The id of the card or inzet.
    pub fn id(&self) -> &str {
        match self {
            Edit::Kaart(c) => c.id(),
            Edit::Inzet(c) => c.id(),
            Edit::Samen(v) => v.first().map_or("", Edit::id),
            Edit::Persoon { after, .. } => &after.id,
        }
    }

    /// The edit that undoes this one.
    pub fn inverted(&self) -> Edit {
        match self {
            Edit::Kaart(c) => Edit::Kaart(c.inverted()),
            Edit::Inzet(c) => Edit::Inzet(c.inverted()),
            Edit::Samen(v) => Edit::Samen(v.iter().rev().map(Edit::inverted).collect()),
            Edit::Persoon { before, after } => Edit::Persoon {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// Applies the edit to its board.
    pub fn apply(&self, bord: &mut Bord) -> Result<(), EditError> {
        match self {
            Edit::Kaart(c) => c.apply(bord),
            Edit::Inzet(c) => c.apply(bord),
            Edit::Samen(v) => {
                // All or nothing: try on a copy first.
                let mut copy = bord.clone();
                for e in v {
                    e.apply(&mut copy)?;
                }
                *bord = copy;
                Ok(())
            }
            Edit::Persoon { .. } => Ok(()),
        }
    }

    /// The card as the edit leaves it, if it is a card edit that keeps the card.
    pub fn card_after(&self) -> Option<&Placed<Kaart>> {
        match self {
            Edit::Kaart(c) => c.after.as_ref(),
            Edit::Inzet(_) | Edit::Samen(_) | Edit::Persoon { .. } => None,
        }
    }

    /// Whether the edit removes its item.
    pub fn is_removal(&self) -> bool {
        match self {
            Edit::Kaart(c) => c.after.is_none(),
            Edit::Inzet(c) => c.after.is_none(),
            Edit::Samen(_) | Edit::Persoon { .. } => false,
        }
    }

    /// Whether the edit changes someone's load (inzet), so all conflicts need recomputing.
    pub fn changes_load(&self) -> bool {
        match self {
            Edit::Kaart(_) => false,
            Edit::Inzet(_) => true,
            Edit::Samen(v) => v.iter().any(Edit::changes_load),
            Edit::Persoon { .. } => true,
        }
    }

    /// Whether the edit is about the organisation rather than a board.
    pub fn is_organisatie(&self) -> bool {
        matches!(self, Edit::Persoon { .. })
    }

    /// Applies an organisation edit: the person (found by id) gets its new version.
    pub fn apply_org(&self, org: &mut Organisatie) -> Result<(), EditError> {
        let Edit::Persoon { after, .. } = self else {
            return Ok(());
        };
        match org.mensen.iter_mut().find(|p| p.id == after.id) {
            Some(p) => {
                *p = (**after).clone();
                Ok(())
            }
            None => Err(EditError::Gone(after.id.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BordSoort, Kolom};

    fn kaart(id: &str) -> Kaart {
        crate::storage::format::parse(&format!(
            "Kaart(id: \"{id}\", titel: \"{id}\", kolom: \"a\")"
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
            kaarten: vec![kaart("1"), kaart("2"), kaart("3")],
        }
    }

    fn ids(b: &Bord) -> Vec<&str> {
        b.kaarten.iter().map(|k| k.id.as_str()).collect()
    }

    fn card(before: Option<(usize, &str)>, after: Option<(usize, &str)>) -> Edit {
        let p = |x: Option<(usize, &str)>| {
            x.map(|(index, id)| Placed {
                index,
                item: kaart(id),
            })
        };
        Edit::Kaart(Change {
            bord: "b".into(),
            before: p(before),
            after: p(after),
        })
    }

    #[test]
    fn move_then_undo_restores_the_order() {
        let mut b = bord();
        let e = card(Some((2, "3")), Some((0, "3")));
        e.apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["3", "1", "2"]);
        e.inverted().apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["1", "2", "3"]);
    }

    #[test]
    fn add_and_remove_are_each_others_inverse() {
        let mut b = bord();
        let add = card(None, Some((1, "n")));
        add.apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["1", "n", "2", "3"]);
        add.inverted().apply(&mut b).unwrap();
        assert_eq!(ids(&b), ["1", "2", "3"]);
    }

    #[test]
    fn editing_a_card_someone_removed_is_reported() {
        let mut b = bord();
        let e = card(Some((0, "weg")), Some((0, "weg")));
        assert_eq!(e.apply(&mut b), Err(EditError::Gone("weg".into())));
        assert_eq!(ids(&b), ["1", "2", "3"]);
    }
}
