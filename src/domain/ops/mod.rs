//! Edits as operations on ids (DESIGN.md section 7). An operation names an item by list and id
//! and carries, per changed field, the old and the new value; applying it to the item *as it is
//! now* (after a colleague's save, a lost save, an undo) changes a field only where it still
//! holds the old value. One rule serves saving, undo, the repair of lost saves and every merge
//! (the TUI's, conflict copies', the git driver's):
//!
//! - a field still at our old value gets our new value; a field already at our new value is
//!   fine; a field at a third value keeps it, and ours becomes a [`Notice`] (a note on a card,
//!   a line in the merge log elsewhere), never silently dropped;
//! - notes, labels, absences and the other sets are sets: additions and removals of both sides
//!   survive;
//! - an item we changed that was deleted is put back with a note; an item we delete that
//!   someone changed meanwhile stays, with a note;
//! - order (a card's place in its column) follows the same old-value rule, but a lost reorder
//!   is not worth a note.
//!
//! Items are handled as JSON objects through serde, so one engine serves cards, columns,
//! inzet, people, units, clusters and opgaven. Pure: no files, no clock, no wording (the caller
//! passes the function that words a [`Notice`] for a card note).
//!
//! The engine in parts: the operation types and their inverse (here), [`Notice`]s and the
//! [`Context`] of applying (`notice`), lists addressed by id (`items`), the two kinds of
//! [`Document`] (`document`), field access with groups and sets (`fields`), [`diff`] (`diff`),
//! [`apply`] (`apply`) and an item's place in its list (`placement`).

mod apply;
mod diff;
mod document;
mod fields;
mod items;
mod notice;
mod placement;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use apply::{applied, apply, apply_all};
pub use diff::{delete, diff, diff_item, insert};
pub use document::Document;
pub use items::{Items, Keyed, fields_of, from_fields};
pub use notice::{Context, Mode, NOTE_SIGNER, Notice, NoticeKind, Outcome};
pub use placement::place;

/// A JSON object: an item's fields as serde writes them (defaults left out).
pub type Fields = Map<String, Value>;

/// The lists of items in the two kinds of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum List {
    Kolommen,
    Inzet,
    Kaarten,
    Clusters,
    Eenheden,
    Mensen,
    Opgaven,
}

impl List {
    /// Fields whose value is a set: both sides' additions and removals survive.
    pub fn sets(self) -> &'static [&'static str] {
        match self {
            List::Kaarten => &["labels", "notities"],
            List::Eenheden => &["cocos"],
            List::Mensen => &["talenten", "afwezig"],
            _ => &[],
        }
    }

    /// Fields that change as one, because a rule spans them (DESIGN.md section 7).
    pub fn groups(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            // The weeks stay a valid range; the decision goes with its reasons. Hours, weeks
            // and the decision otherwise merge apart (one side's hours, the other's weeks).
            List::Inzet => &[
                (WEKEN, &["van", "tot"]),
                (BESLISSING, &["status", "verzoek", "besluit"]),
            ],
            // Employment stays a valid range.
            List::Mensen => &[(DIENST, &["in_dienst", "uit_dienst"])],
            // The day a card was finished goes with the column it is in.
            List::Kaarten => &[(PLEK, &["kolom", "klaar_op"])],
            _ => &[],
        }
    }

    /// The field that names an item for people (a card's title, a person's name).
    fn label_field(self) -> &'static str {
        match self {
            List::Kaarten => "titel",
            List::Inzet => "persoon",
            _ => "naam",
        }
    }
}

/// The group of an inzet's weeks.
pub const WEKEN: &str = "weken";

/// The group of a card's column with the day it entered the klaar column.
pub const PLEK: &str = "plek";

/// The group of a person's employment dates.
pub const DIENST: &str = "dienst";

/// The group of an inzet's status with the request and the decision behind it.
pub const BESLISSING: &str = "beslissing";

/// What an operation is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    /// The file's own fields (a board's title, the organisation's holidays).
    Root,
    /// An item of a list, by id.
    Item(List, String),
}

/// One change to one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// A field (or a group of fields, as an object) from `old` to `new`; `Null` is absent.
    Set {
        field: String,
        old: Value,
        new: Value,
    },
    /// An element added to a set field.
    Add { field: String, element: Value },
    /// An element removed from a set field.
    Remove { field: String, element: Value },
    /// A new item, placed after the item with id `after` (`None`: first).
    Insert { item: Fields, after: Option<String> },
    /// The item removed; `item` is how we last saw it, `after` what came before it (so undo
    /// puts it back in its place).
    Delete {
        item: Fields,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// The item moved: its predecessor in the list was `old` and becomes `new`.
    Place {
        old: Option<String>,
        new: Option<String>,
    },
}

/// An operation: a change to one target. `snapshot` is the item as the edit left it, so an
/// item a colleague deleted meanwhile can be put back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub target: Target,
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<Fields>,
}

impl Op {
    /// The list and id of the item, if the op is about an item.
    pub fn item(&self) -> Option<(List, &str)> {
        match &self.target {
            Target::Item(l, id) => Some((*l, id)),
            Target::Root => None,
        }
    }

    /// The operation that undoes this one.
    pub fn inverse(&self) -> Op {
        let change = match &self.change {
            Change::Set { field, old, new } => Change::Set {
                field: field.clone(),
                old: new.clone(),
                new: old.clone(),
            },
            Change::Add { field, element } => Change::Remove {
                field: field.clone(),
                element: element.clone(),
            },
            Change::Remove { field, element } => Change::Add {
                field: field.clone(),
                element: element.clone(),
            },
            Change::Insert { item, after } => Change::Delete {
                item: item.clone(),
                after: after.clone(),
            },
            Change::Delete { item, after } => Change::Insert {
                item: item.clone(),
                after: after.clone(),
            },
            Change::Place { old, new } => Change::Place {
                old: new.clone(),
                new: old.clone(),
            },
        };
        Op {
            target: self.target.clone(),
            change,
            snapshot: None,
        }
    }
}
