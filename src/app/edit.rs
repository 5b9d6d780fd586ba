//! Edits: what the user did in one step, as operations on one file. The unit of undo and redo.

use crate::domain::Moment;
use crate::domain::ops::{Change, List, Op, Target};

/// Which file an edit changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKey {
    /// A board, by id.
    Bord(String),
    Organisatie,
}

/// Operations on one file, made together.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub file: FileKey,
    pub ops: Vec<Op>,
    /// When the user made it: signs the notes it may leave.
    pub at: Moment,
    /// What the user did, in words ("\"Kaart\" verplaatst naar Bezig"): undo and redo name
    /// it. Empty for edits nobody asked to undo (a merged conflict copy).
    pub wat: String,
}

impl Edit {
    /// The edit that undoes this one: the inverse operations in reverse order.
    pub fn inverted(&self) -> Edit {
        Edit {
            file: self.file.clone(),
            ops: self.ops.iter().rev().map(Op::inverse).collect(),
            at: self.at,
            wat: self.wat.clone(),
        }
    }

    /// The board (id) the edit is about, if it is about a board.
    pub fn bord(&self) -> Option<&str> {
        match &self.file {
            FileKey::Bord(b) => Some(b),
            FileKey::Organisatie => None,
        }
    }

    /// Whether the edit changes someone's load (inzet, people), so all conflicts need
    /// recomputing.
    pub fn changes_load(&self) -> bool {
        self.file == FileKey::Organisatie
            || self
                .ops
                .iter()
                .any(|op| matches!(op.target, Target::Item(List::Inzet, _)))
    }

    /// The card the edit is about, and whether it removes that card.
    pub fn kaart(&self) -> Option<(&str, bool)> {
        self.ops
            .iter()
            .find_map(|op| match (&op.target, &op.change) {
                (Target::Item(List::Kaarten, id), Change::Delete { .. }) => {
                    Some((id.as_str(), true))
                }
                (Target::Item(List::Kaarten, id), _) => Some((id.as_str(), false)),
                _ => None,
            })
    }
}
