//! What applying an operation reports ([`Outcome`], [`Notice`]) and needs ([`Context`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{List, Target};
use crate::domain::week::Moment;

/// How a conflict is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Saving, repairing or merging: a value that loses becomes a notice (a note on a card).
    Merge,
    /// Undo: restore only what still holds what we wrote; report the rest, add no notes.
    Undo,
}

/// What happened to an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The document changed.
    Applied,
    /// The document already was so.
    Satisfied,
    /// Someone else's value stands; ours is in a notice.
    Noted,
    /// The deleted item was put back, with a notice.
    Restored,
    /// Undo could not restore; reported in a notice.
    Skipped,
    /// Nothing to do (a reorder that no longer applies, a change to a vanished item).
    Ignored,
}

/// What kind of thing a [`Notice`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeKind {
    /// Our value for a field was not applied: the field had been changed meanwhile to `theirs`.
    NotApplied,
    /// A form overrode a colleague's value the user saw: `theirs` was replaced by `ours`.
    Replaced,
    /// A decision (`theirs`) gave way to a new amount (`ours`): asked again.
    DecisionReopened,
    /// We deleted the item, but it had been changed meanwhile: it stays.
    NotDeleted,
    /// The item had been deleted, but we changed it: it is back.
    Restored,
    /// Undo left a field as it is: it no longer held what we had written (`theirs` now).
    NotUndone,
    /// Undo could not bring back or remove an item: it changed or vanished meanwhile.
    ItemNotUndone,
    /// A card's column no longer exists: it moved to the first column (`ours`: the old column).
    ColumnGone,
    /// Both sides marked a different column as `klaar`: only one stays.
    TwoDoneColumns,
    /// A conflict copy's value that differs from ours (`theirs`); ours stays.
    FromCopy,
}

/// A fact worth telling a person: a value that lost, an item kept or put back. Structured, so
/// the wording lives above the core.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub target: Target,
    /// The item's name as people know it (a card's title), or its id.
    pub naam: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Our value, where it matters.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub ours: Value,
    /// The other value, where it matters.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub theirs: Value,
}

impl Notice {
    /// A notice about a whole item (or the root), without field or values.
    pub(super) fn new(kind: NoticeKind, target: &Target, naam: String) -> Notice {
        Notice {
            kind,
            target: target.clone(),
            naam,
            field: None,
            ours: Value::Null,
            theirs: Value::Null,
        }
    }

    /// The same notice about one field, with our value and the other.
    pub(super) fn field(mut self, field: &str, ours: Value, theirs: Value) -> Notice {
        self.field = Some(field.to_string());
        self.ours = ours;
        self.theirs = theirs;
        self
    }

    /// The card this notice is about, if it is about a card.
    pub fn kaart(&self) -> Option<&str> {
        match &self.target {
            Target::Item(List::Kaarten, id) => Some(id),
            _ => None,
        }
    }
}

/// Everything applying an operation needs besides the document.
pub struct Context<'a> {
    pub mode: Mode,
    /// When the edit was made: signs the notes it leaves, so a repeated repair leaves the
    /// same note (notes are a set) instead of a second one.
    pub at: Moment,
    /// Words a notice as the text of a card note.
    pub wording: &'a dyn Fn(&Notice) -> String,
}

/// Who signs the notes the engine leaves on cards.
pub const NOTE_SIGNER: &str = "planbord";
