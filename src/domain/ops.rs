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

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::bord::{Bord, Kaart, Notitie};
use super::organisatie::Organisatie;
use super::week::Moment;

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
    fn new(kind: NoticeKind, target: &Target, naam: String) -> Notice {
        Notice {
            kind,
            target: target.clone(),
            naam,
            field: None,
            ours: Value::Null,
            theirs: Value::Null,
        }
    }

    fn field(mut self, field: &str, ours: Value, theirs: Value) -> Notice {
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

/// A list of items addressed by id, whatever their type.
pub trait Items {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The key of the item at `i`: its id, or for an item without id its whole content.
    fn key_at(&self, i: usize) -> String;
    fn fields_at(&self, i: usize) -> Fields;
    fn replace_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error>;
    fn insert_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error>;
    fn remove_at(&mut self, i: usize);
    fn move_item(&mut self, from: usize, to: usize);

    /// Where the item with this key is.
    fn position(&self, key: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.key_at(i) == key)
    }
}

/// An item type with an id.
pub trait Keyed: Serialize + DeserializeOwned {
    fn id(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
keyed!(
    super::bord::Kolom,
    super::bord::Inzet,
    Kaart,
    super::organisatie::Cluster,
    super::organisatie::Eenheid,
    super::organisatie::Persoon,
    super::organisatie::Opgave
);

/// An item's fields as a JSON object.
pub fn fields_of<T: Serialize>(item: &T) -> Fields {
    match serde_json::to_value(item) {
        Ok(Value::Object(m)) => m,
        // Every item type is a struct, which serde writes as an object.
        _ => Fields::new(),
    }
}

/// An item from its fields; absent (`Null`) fields take their defaults.
pub fn from_fields<T: DeserializeOwned>(f: Fields) -> Result<T, serde_json::Error> {
    let clean: Fields = f.into_iter().filter(|(_, v)| !v.is_null()).collect();
    serde_json::from_value(Value::Object(clean))
}

fn key_of(f: &Fields) -> String {
    match f.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => format!("~{}", Value::Object(f.clone())),
    }
}

impl<T: Keyed> Items for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn key_at(&self, i: usize) -> String {
        let id = self[i].id();
        if id.is_empty() {
            key_of(&fields_of(&self[i]))
        } else {
            id.to_string()
        }
    }
    fn fields_at(&self, i: usize) -> Fields {
        fields_of(&self[i])
    }
    fn replace_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error> {
        self[i] = from_fields(f)?;
        Ok(())
    }
    fn insert_at(&mut self, i: usize, f: Fields) -> Result<(), serde_json::Error> {
        let item = from_fields(f)?;
        self.insert(i.min(<[T]>::len(self)), item);
        Ok(())
    }
    fn remove_at(&mut self, i: usize) {
        self.remove(i);
    }
    fn move_item(&mut self, from: usize, to: usize) {
        let item = self.remove(from);
        self.insert(to.min(<[T]>::len(self)), item);
    }
    fn position(&self, key: &str) -> Option<usize> {
        if key.starts_with('~') {
            (0..<[T]>::len(self)).find(|&i| self.key_at(i) == key)
        } else {
            self.iter().position(|x| x.id() == key)
        }
    }
}

/// A file's content that operations apply to: a board or the organisation.
pub trait Document: Clone + PartialEq + Serialize + DeserializeOwned + Send + 'static {
    /// The lists of items, in the order their operations are listed by [`diff`].
    const LISTS: &'static [List];
    /// Set fields among the root fields.
    const ROOT_SETS: &'static [&'static str];
    /// The file's own fields (without the lists, `versie`, `id` and `sporen`).
    fn root(&self) -> Fields;
    fn set_root(&mut self, f: Fields) -> Result<(), serde_json::Error>;
    fn items(&self, l: List) -> Option<&dyn Items>;
    fn items_mut(&mut self, l: List) -> Option<&mut dyn Items>;
    /// The save tokens (DESIGN.md section 7).
    fn sporen(&self) -> &str;
    fn set_sporen(&mut self, s: String);
    /// Makes a combined document valid again; returns what it had to decide.
    fn repair(&mut self, _cx: &Context<'_>) -> Vec<Notice> {
        Vec::new()
    }
}

fn take<T: DeserializeOwned>(f: &mut Fields, k: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(f.remove(k).unwrap_or(Value::Null))
}

fn take_or_default<T: DeserializeOwned + Default>(
    f: &mut Fields,
    k: &str,
) -> Result<T, serde_json::Error> {
    match f.remove(k) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) => serde_json::from_value(v),
    }
}

impl Document for Bord {
    const LISTS: &'static [List] = &[List::Kolommen, List::Inzet, List::Kaarten];
    const ROOT_SETS: &'static [&'static str] = &[];

    fn root(&self) -> Fields {
        let mut f = Fields::new();
        f.insert("titel".into(), Value::String(self.titel.clone()));
        f.insert(
            "soort".into(),
            serde_json::to_value(&self.soort).unwrap_or(Value::Null),
        );
        f
    }
    fn set_root(&mut self, mut f: Fields) -> Result<(), serde_json::Error> {
        self.titel = take(&mut f, "titel")?;
        self.soort = take(&mut f, "soort")?;
        Ok(())
    }
    fn items(&self, l: List) -> Option<&dyn Items> {
        match l {
            List::Kolommen => Some(&self.kolommen),
            List::Inzet => Some(&self.inzet),
            List::Kaarten => Some(&self.kaarten),
            _ => None,
        }
    }
    fn items_mut(&mut self, l: List) -> Option<&mut dyn Items> {
        match l {
            List::Kolommen => Some(&mut self.kolommen),
            List::Inzet => Some(&mut self.inzet),
            List::Kaarten => Some(&mut self.kaarten),
            _ => None,
        }
    }
    fn sporen(&self) -> &str {
        &self.sporen
    }
    fn set_sporen(&mut self, s: String) {
        self.sporen = s;
    }
    fn repair(&mut self, cx: &Context<'_>) -> Vec<Notice> {
        super::merge::make_valid(self, cx)
    }
}

impl Document for Organisatie {
    const LISTS: &'static [List] = &[List::Clusters, List::Eenheden, List::Mensen, List::Opgaven];
    const ROOT_SETS: &'static [&'static str] = &["feestdagen"];

    fn root(&self) -> Fields {
        let mut f = Fields::new();
        f.insert("naam".into(), Value::String(self.naam.clone()));
        f.insert("uren_per_fte".into(), Value::from(self.uren_per_fte));
        f.insert(
            "max_fte_per_coco".into(),
            Value::from(self.max_fte_per_coco),
        );
        f.insert(
            "feestdagen".into(),
            serde_json::to_value(&self.feestdagen).unwrap_or(Value::Null),
        );
        f
    }
    fn set_root(&mut self, mut f: Fields) -> Result<(), serde_json::Error> {
        self.naam = take(&mut f, "naam")?;
        self.uren_per_fte = take(&mut f, "uren_per_fte")?;
        self.max_fte_per_coco = take(&mut f, "max_fte_per_coco")?;
        self.feestdagen = take_or_default(&mut f, "feestdagen")?;
        self.feestdagen.sort();
        Ok(())
    }
    fn items(&self, l: List) -> Option<&dyn Items> {
        match l {
            List::Clusters => Some(&self.clusters),
            List::Eenheden => Some(&self.eenheden),
            List::Mensen => Some(&self.mensen),
            List::Opgaven => Some(&self.opgaven),
            _ => None,
        }
    }
    fn items_mut(&mut self, l: List) -> Option<&mut dyn Items> {
        match l {
            List::Clusters => Some(&mut self.clusters),
            List::Eenheden => Some(&mut self.eenheden),
            List::Mensen => Some(&mut self.mensen),
            List::Opgaven => Some(&mut self.opgaven),
            _ => None,
        }
    }
    fn sporen(&self) -> &str {
        &self.sporen
    }
    fn set_sporen(&mut self, s: String) {
        self.sporen = s;
    }
}

// ---------------------------------------------------------------------------------- diff

fn group_of(list: Option<List>, field: &str) -> Option<(&'static str, &'static [&'static str])> {
    list?
        .groups()
        .iter()
        .copied()
        .find(|(_, members)| members.contains(&field))
}

fn is_set(list: Option<List>, root_sets: &[&str], field: &str) -> bool {
    match list {
        Some(l) => l.sets().contains(&field),
        None => root_sets.contains(&field),
    }
}

/// The value of a field (or group) in an item; `Null` when absent.
fn get(f: &Fields, list: Option<List>, field: &str) -> Value {
    match list.and_then(|l| l.groups().iter().find(|(g, _)| *g == field)) {
        Some((_, members)) => Value::Object(
            members
                .iter()
                .map(|m| (m.to_string(), f.get(*m).cloned().unwrap_or(Value::Null)))
                .collect(),
        ),
        None => f.get(field).cloned().unwrap_or(Value::Null),
    }
}

fn put(f: &mut Fields, list: Option<List>, field: &str, v: Value) {
    let is_group = list.is_some_and(|l| l.groups().iter().any(|(g, _)| *g == field));
    match (is_group, v) {
        (true, Value::Object(m)) => {
            for (k, v) in m {
                put(f, None, &k, v);
            }
        }
        (_, Value::Null) => {
            f.remove(field);
        }
        (_, v) => {
            f.insert(field.to_string(), v);
        }
    }
}

fn elements(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    }
}

/// The field changes from `before` to `after` of one target.
fn diff_fields(
    target: &Target,
    list: Option<List>,
    root_sets: &[&str],
    before: &Fields,
    after: &Fields,
    snapshot: Option<&Fields>,
) -> Vec<Op> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut ops = Vec::new();
    let mut groups_done: HashSet<&str> = HashSet::new();
    let op = |change| Op {
        target: target.clone(),
        change,
        snapshot: snapshot.cloned(),
    };
    for k in keys {
        if k == "id" {
            continue;
        }
        if is_set(list, root_sets, k) {
            let (b, a) = (elements(before.get(k)), elements(after.get(k)));
            for e in b.iter().filter(|e| !a.contains(e)) {
                ops.push(op(Change::Remove {
                    field: k.clone(),
                    element: e.clone(),
                }));
            }
            for e in a.iter().filter(|e| !b.contains(e)) {
                ops.push(op(Change::Add {
                    field: k.clone(),
                    element: e.clone(),
                }));
            }
            continue;
        }
        let field = match group_of(list, k) {
            Some((g, _)) if !groups_done.insert(g) => continue,
            Some((g, _)) => g,
            None => k.as_str(),
        };
        let (old, new) = (get(before, list, field), get(after, list, field));
        if old != new {
            ops.push(op(Change::Set {
                field: field.to_string(),
                old,
                new,
            }));
        }
    }
    ops
}

/// The operations that turn one item into another (same list, same id).
pub fn diff_item<T: Serialize>(list: List, before: &T, after: &T) -> Vec<Op> {
    let (b, a) = (fields_of(before), fields_of(after));
    let target = Target::Item(list, key_of(&a));
    diff_fields(&target, Some(list), &[], &b, &a, Some(&a))
}

/// The operation that adds an item after the item `after` (`None`: first).
pub fn insert<T: Serialize>(list: List, item: &T, after: Option<&str>) -> Op {
    let f = fields_of(item);
    Op {
        target: Target::Item(list, key_of(&f)),
        change: Change::Insert {
            item: f,
            after: after.map(str::to_string),
        },
        snapshot: None,
    }
}

/// The operation that removes an item as we see it, which comes after the item `after`.
pub fn delete<T: Serialize>(list: List, item: &T, after: Option<&str>) -> Op {
    let f = fields_of(item);
    Op {
        target: Target::Item(list, key_of(&f)),
        change: Change::Delete {
            item: f,
            after: after.map(str::to_string),
        },
        snapshot: None,
    }
}

/// The operation that moves an item from after `old` to after `new`.
pub fn place(list: List, id: &str, old: Option<&str>, new: Option<&str>) -> Option<Op> {
    (old != new).then(|| Op {
        target: Target::Item(list, id.to_string()),
        change: Change::Place {
            old: old.map(str::to_string),
            new: new.map(str::to_string),
        },
        snapshot: None,
    })
}

/// The items that moved between two orders of the same keys: those outside a longest common
/// subsequence, found as a longest increasing subsequence (n log n).
fn moved(before: &[String], after: &[String]) -> HashSet<String> {
    let pos: HashMap<&str, usize> = before
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let seq: Vec<usize> = after
        .iter()
        .filter_map(|k| pos.get(k.as_str()).copied())
        .collect();
    // Patience sorting with back-pointers.
    let mut tails: Vec<usize> = Vec::new(); // index into seq
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &v) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq[t] < v);
        prev[i] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut keep = HashSet::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep.insert(seq[i]);
        cur = prev[i];
    }
    after
        .iter()
        .filter(|k| pos.get(k.as_str()).is_some_and(|i| !keep.contains(i)))
        .cloned()
        .collect()
}

/// The operations that turn document `before` into `after`: deletions first, then insertions,
/// field changes and moves, so that applying them in order reproduces `after`.
pub fn diff<D: Document>(before: &D, after: &D) -> Vec<Op> {
    let mut ops = diff_fields(
        &Target::Root,
        None,
        D::ROOT_SETS,
        &before.root(),
        &after.root(),
        None,
    );
    for &l in D::LISTS {
        let (Some(b), Some(a)) = (before.items(l), after.items(l)) else {
            continue;
        };
        let bk: Vec<String> = (0..b.len()).map(|i| b.key_at(i)).collect();
        let ak: Vec<String> = (0..a.len()).map(|i| a.key_at(i)).collect();
        let bset: HashMap<&str, usize> = bk
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        let aset: HashMap<&str, usize> = ak
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        // The list as applying the operations leaves it, step by step, so that every move
        // names the predecessor it will really find.
        let mut cur: Vec<String> = Vec::with_capacity(bk.len().max(ak.len()));
        for (i, k) in bk.iter().enumerate() {
            if aset.contains_key(k.as_str()) {
                cur.push(k.clone());
            } else {
                ops.push(Op {
                    target: Target::Item(l, k.clone()),
                    change: Change::Delete {
                        item: b.fields_at(i),
                        after: i.checked_sub(1).map(|p| bk[p].clone()),
                    },
                    snapshot: None,
                });
            }
        }
        for (i, k) in ak.iter().enumerate() {
            if !bset.contains_key(k.as_str()) {
                let after = i.checked_sub(1).map(|p| ak[p].clone());
                let at = match &after {
                    None => 0,
                    Some(p) => cur.iter().position(|c| c == p).map_or(cur.len(), |j| j + 1),
                };
                cur.insert(at, k.clone());
                ops.push(Op {
                    target: Target::Item(l, k.clone()),
                    change: Change::Insert {
                        item: a.fields_at(i),
                        after,
                    },
                    snapshot: None,
                });
            }
        }
        for (i, k) in ak.iter().enumerate() {
            if let Some(&j) = bset.get(k.as_str()) {
                let (bf, af) = (b.fields_at(j), a.fields_at(i));
                if bf != af {
                    let t = Target::Item(l, k.clone());
                    ops.extend(diff_fields(&t, Some(l), &[], &bf, &af, Some(&af)));
                }
            }
        }
        if cur != ak {
            let moved = moved(&cur, &ak);
            for (i, k) in ak.iter().enumerate() {
                if !moved.contains(k) {
                    continue;
                }
                let Some(from) = cur.iter().position(|c| c == k) else {
                    continue;
                };
                let old = from.checked_sub(1).map(|p| cur[p].clone());
                let new = i.checked_sub(1).map(|p| ak[p].clone());
                let item = cur.remove(from);
                let to = match &new {
                    None => 0,
                    Some(p) => cur.iter().position(|c| c == p).map_or(cur.len(), |j| j + 1),
                };
                cur.insert(to, item);
                ops.extend(place(l, k, old.as_deref(), new.as_deref()));
            }
        }
    }
    ops
}

// ---------------------------------------------------------------------------------- apply

fn naam_of(list: List, f: &Fields, key: &str) -> String {
    f.get(list.label_field())
        .and_then(Value::as_str)
        .map_or_else(|| key.to_string(), str::to_string)
}

/// Adds a note to a card in its fields (a set: an identical note is not added twice).
fn note_on_card(f: &mut Fields, cx: &Context<'_>, notice: &Notice) {
    let note = Notitie {
        wie: NOTE_SIGNER.into(),
        wanneer: cx.at,
        tekst: (cx.wording)(notice),
    };
    let v = serde_json::to_value(&note).unwrap_or(Value::Null);
    let mut notes = elements(f.get("notities"));
    if !notes.contains(&v) {
        notes.push(v);
        sort_notes(&mut notes);
        f.insert("notities".into(), Value::Array(notes));
    }
}

/// Notes in time order (a stable sort: notes of the same second keep their order).
fn sort_notes(notes: &mut [Value]) {
    notes.sort_by(|a, b| {
        let t = |v: &Value| {
            v.get("wanneer")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        t(a).cmp(&t(b))
    });
}

/// Applies one operation to a document. Notices (values that lost, items kept or put back)
/// are added to `notices`; on cards they are also left as a note.
pub fn apply<D: Document>(
    doc: &mut D,
    op: &Op,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    match &op.target {
        Target::Root => apply_root(doc, op, cx, notices),
        Target::Item(list, key) => {
            let Some(items) = doc.items_mut(*list) else {
                return Outcome::Ignored;
            };
            apply_item(items, *list, key, op, cx, notices)
        }
    }
}

/// Applies a sequence of operations, then repairs what combining them may have broken.
pub fn apply_all<D: Document>(
    doc: &mut D,
    ops: &[Op],
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Vec<Outcome> {
    let out = ops.iter().map(|op| apply(doc, op, cx, notices)).collect();
    notices.extend(doc.repair(cx));
    out
}

fn apply_root<D: Document>(
    doc: &mut D,
    op: &Op,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let mut f = doc.root();
    let naam = f
        .get("titel")
        .or_else(|| f.get("naam"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let outcome = apply_fields(
        &mut f,
        None,
        D::ROOT_SETS,
        &Target::Root,
        &naam,
        op,
        cx,
        notices,
    );
    if outcome == Outcome::Applied && doc.set_root(f).is_err() {
        return Outcome::Ignored;
    }
    outcome
}

#[allow(clippy::too_many_arguments)]
fn apply_fields(
    f: &mut Fields,
    list: Option<List>,
    root_sets: &[&str],
    target: &Target,
    naam: &str,
    op: &Op,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    match &op.change {
        Change::Set { field, old, new } => {
            let cur = get(f, list, field);
            if cur == *old {
                put(f, list, field, new.clone());
                Outcome::Applied
            } else if cur == *new {
                Outcome::Satisfied
            } else if cx.mode == Mode::Undo {
                notices.push(
                    Notice::new(NoticeKind::NotUndone, target, naam.into()).field(
                        field,
                        new.clone(),
                        cur,
                    ),
                );
                Outcome::Skipped
            } else if field == BESLISSING && reopens(new, &cur) {
                // A new amount beats a decision on the old amount: asked again, the
                // decision reported (DESIGN.md section 7).
                put(f, list, field, new.clone());
                notices.push(
                    Notice::new(NoticeKind::DecisionReopened, target, naam.into()).field(
                        field,
                        new.clone(),
                        cur,
                    ),
                );
                Outcome::Applied
            } else {
                let n = Notice::new(NoticeKind::NotApplied, target, naam.into()).field(
                    field,
                    new.clone(),
                    cur,
                );
                if list == Some(List::Kaarten) {
                    note_on_card(f, cx, &n);
                }
                notices.push(n);
                Outcome::Noted
            }
        }
        Change::Add { field, element } => {
            let mut els = elements(f.get(field.as_str()));
            if els.contains(element) {
                return Outcome::Satisfied;
            }
            els.push(element.clone());
            if field == "notities" {
                sort_notes(&mut els);
            }
            f.insert(field.clone(), Value::Array(els));
            Outcome::Applied
        }
        Change::Remove { field, element } => {
            let mut els = elements(f.get(field.as_str()));
            let n = els.len();
            els.retain(|e| e != element);
            if els.len() == n {
                return Outcome::Satisfied;
            }
            if els.is_empty() && !root_sets.contains(&field.as_str()) {
                f.remove(field.as_str());
            } else {
                f.insert(field.clone(), Value::Array(els));
            }
            Outcome::Applied
        }
        Change::Insert { .. } | Change::Delete { .. } | Change::Place { .. } => Outcome::Ignored,
    }
}

/// Whether asking again (`new` is Gevraagd: the amount changed) should reopen a decision made
/// meanwhile (`cur`): the decision was about the old amount (DESIGN.md section 7).
fn reopens(new: &Value, cur: &Value) -> bool {
    let status = |v: &Value| v.get("status").and_then(Value::as_str).map(str::to_string);
    status(new).as_deref() == Some("Gevraagd") && status(cur).as_deref() != Some("Gevraagd")
}

fn apply_item(
    items: &mut dyn Items,
    list: List,
    key: &str,
    op: &Op,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let target = Target::Item(list, key.to_string());
    let at = items.position(key);
    match (&op.change, at) {
        (Change::Insert { item, after }, None) => {
            let i = match after {
                None => 0,
                // The predecessor is gone: at the end.
                Some(p) => items.position(p).map_or(items.len(), |i| i + 1),
            };
            match items.insert_at(i, item.clone()) {
                Ok(()) => Outcome::Applied,
                Err(_) => Outcome::Ignored,
            }
        }
        (Change::Insert { .. }, Some(_)) => Outcome::Satisfied,
        (Change::Delete { .. }, None) => Outcome::Satisfied,
        (Change::Delete { item, .. }, Some(i)) => {
            let cur = items.fields_at(i);
            if cur == *item {
                items.remove_at(i);
                return Outcome::Applied;
            }
            let naam = naam_of(list, &cur, key);
            if cx.mode == Mode::Undo {
                notices.push(Notice::new(NoticeKind::ItemNotUndone, &target, naam));
                return Outcome::Skipped;
            }
            let n = Notice::new(NoticeKind::NotDeleted, &target, naam);
            if list == List::Kaarten {
                let mut f = cur;
                note_on_card(&mut f, cx, &n);
                let _ = items.replace_at(i, f);
            }
            notices.push(n);
            Outcome::Noted
        }
        (Change::Place { .. }, None) => Outcome::Ignored,
        (Change::Place { old, new }, Some(i)) => {
            let cur = i.checked_sub(1).map(|p| items.key_at(p));
            if cur == *new {
                Outcome::Satisfied
            } else if cur == *old {
                let to = match new {
                    None => 0,
                    Some(p) => match items.position(p) {
                        Some(j) if j < i => j + 1,
                        Some(j) => j,
                        None => return Outcome::Ignored,
                    },
                };
                items.move_item(i, to);
                Outcome::Applied
            } else {
                Outcome::Ignored
            }
        }
        (_, None) => {
            // A change to an item that is gone: put it back as we left it, with a note.
            let Some(snapshot) = op.snapshot.clone().filter(|_| cx.mode == Mode::Merge) else {
                if cx.mode == Mode::Undo {
                    notices.push(Notice::new(NoticeKind::ItemNotUndone, &target, key.into()));
                    return Outcome::Skipped;
                }
                return Outcome::Ignored;
            };
            let naam = naam_of(list, &snapshot, key);
            let n = Notice::new(NoticeKind::Restored, &target, naam);
            let mut f = snapshot;
            if list == List::Kaarten {
                note_on_card(&mut f, cx, &n);
            }
            if items.insert_at(items.len(), f).is_err() {
                return Outcome::Ignored;
            }
            notices.push(n);
            Outcome::Restored
        }
        (_, Some(i)) => {
            let mut f = items.fields_at(i);
            let naam = naam_of(list, &f, key);
            let outcome = apply_fields(&mut f, Some(list), &[], &target, &naam, op, cx, notices);
            if matches!(outcome, Outcome::Applied | Outcome::Noted)
                && items.replace_at(i, f).is_err()
            {
                return Outcome::Ignored;
            }
            outcome
        }
    }
}

/// Applies operations and returns the document they give, for tests and merges.
pub fn applied<D: Document>(doc: &D, ops: &[Op], cx: &Context<'_>) -> (D, Vec<Notice>) {
    let mut d = doc.clone();
    let mut notices = Vec::new();
    apply_all(&mut d, ops, cx, &mut notices);
    (d, notices)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BordSoort, Kolom};

    fn word(n: &Notice) -> String {
        format!("{:?} {:?}", n.kind, n.field)
    }

    fn cx(mode: Mode) -> Context<'static> {
        Context {
            mode,
            at: "2026-11-27T10:00:00".parse().unwrap(),
            wording: &word,
        }
    }

    fn bord() -> Bord {
        let kolom = |id: &str| Kolom {
            id: id.into(),
            naam: id.to_uppercase(),
            wip: None,
            klaar: false,
        };
        Bord {
            versie: 1,
            id: "b".into(),
            titel: "B".into(),
            soort: BordSoort::Clusterkamer {
                cluster: "c".into(),
            },
            kolommen: vec![kolom("a"), kolom("b")],
            inzet: vec![],
            kaarten: vec![
                Kaart::new("1", "een", "a"),
                Kaart::new("2", "twee", "a"),
                Kaart::new("3", "drie", "b"),
            ],
            sporen: String::new(),
        }
    }

    fn ids(b: &Bord) -> Vec<&str> {
        b.kaarten.iter().map(|k| k.id.as_str()).collect()
    }

    #[test]
    fn diff_then_apply_reproduces_the_document() {
        let before = bord();
        let mut after = bord();
        after.titel = "Nieuw".into();
        after.kaarten[0].kolom = "b".into();
        after.kaarten[0].labels.push("x".into());
        after.kaarten.swap(0, 2);
        after.kaarten.remove(1);
        after.kaarten.push(Kaart::new("4", "vier", "a"));
        after.kolommen[1].wip = Some(3);
        let ops = diff(&before, &after);
        let (got, notices) = applied(&before, &ops, &cx(Mode::Merge));
        assert_eq!(got, after);
        assert!(notices.is_empty(), "{notices:?}");
    }

    #[test]
    fn a_changed_field_keeps_its_new_value_and_ours_becomes_a_note() {
        let base = bord();
        let mut mine = base.clone();
        mine.kaarten[0].kolom = "b".into();
        let ops = diff(&base, &mine);
        let mut disk = base.clone();
        disk.kaarten[0].kolom = "a2".into();
        disk.kolommen.push(Kolom {
            id: "a2".into(),
            naam: "A2".into(),
            wip: None,
            klaar: false,
        });
        let (got, notices) = applied(&disk, &ops, &cx(Mode::Merge));
        assert_eq!(got.kaarten[0].kolom, "a2");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].kind, NoticeKind::NotApplied);
        assert_eq!(got.kaarten[0].notities.len(), 1);
        // A second application (a repeated repair) leaves no second note.
        let (again, _) = applied(&got, &ops, &cx(Mode::Merge));
        assert_eq!(again.kaarten[0].notities.len(), 1);
    }

    #[test]
    fn different_fields_of_one_card_both_survive() {
        let base = bord();
        let mut mine = base.clone();
        mine.kaarten[0].voortgang = 40;
        let mut theirs = base.clone();
        theirs.kaarten[0].titel = "anders".into();
        let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
        assert_eq!(got.kaarten[0].voortgang, 40);
        assert_eq!(got.kaarten[0].titel, "anders");
        assert!(notices.is_empty());
    }

    #[test]
    fn notes_of_both_sides_survive_and_removals_too() {
        let base = bord();
        let note = |t: &str| Notitie {
            wie: "x".into(),
            wanneer: "2026-11-27T09:00:00".parse().unwrap(),
            tekst: t.into(),
        };
        let mut mine = base.clone();
        mine.kaarten[0].notities.push(note("mijn"));
        let mut theirs = base.clone();
        theirs.kaarten[0].notities.push(note("hun"));
        let (got, _) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
        assert_eq!(got.kaarten[0].notities.len(), 2);
    }

    #[test]
    fn a_deleted_card_that_we_changed_comes_back_with_a_note() {
        let base = bord();
        let mut mine = base.clone();
        mine.kaarten[1].voortgang = 50;
        let mut theirs = base.clone();
        theirs.kaarten.remove(1);
        let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
        let k = got.kaarten.iter().find(|k| k.id == "2").unwrap();
        assert_eq!(k.voortgang, 50);
        assert_eq!(k.notities.len(), 1);
        assert_eq!(notices[0].kind, NoticeKind::Restored);
    }

    #[test]
    fn a_card_we_delete_that_was_changed_stays_with_a_note() {
        let base = bord();
        let mut mine = base.clone();
        mine.kaarten.remove(1);
        let mut theirs = base.clone();
        theirs.kaarten[1].titel = "bijgewerkt".into();
        let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
        assert_eq!(ids(&got), ["1", "2", "3"]);
        assert_eq!(notices[0].kind, NoticeKind::NotDeleted);
    }

    #[test]
    fn undo_restores_only_what_still_holds_our_value() {
        let base = bord();
        let mut mine = base.clone();
        mine.kaarten[0].kolom = "b".into();
        mine.kaarten[0].voortgang = 10;
        let ops = diff(&base, &mine);
        let mut now = mine.clone();
        now.kaarten[0].voortgang = 70; // a colleague, after our edit
        let undo: Vec<Op> = ops.iter().rev().map(Op::inverse).collect();
        let (got, notices) = applied(&now, &undo, &cx(Mode::Undo));
        assert_eq!(got.kaarten[0].kolom, "a");
        assert_eq!(got.kaarten[0].voortgang, 70);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].kind, NoticeKind::NotUndone);
        assert!(got.kaarten[0].notities.is_empty(), "undo leaves no notes");
    }

    #[test]
    fn moves_are_found_and_replayed() {
        let before: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let after: Vec<String> = ["b", "c", "a", "d"].map(String::from).to_vec();
        let m = moved(&before, &after);
        assert_eq!(m, HashSet::from(["a".to_string()]));
        let base = bord();
        let mut mine = base.clone();
        mine.kaarten.swap(0, 1);
        let ops = diff(&base, &mine);
        assert_eq!(ops.len(), 1, "{ops:?}");
        let (got, _) = applied(&base, &ops, &cx(Mode::Merge));
        assert_eq!(ids(&got), ["2", "1", "3"]);
    }

    #[test]
    fn a_new_amount_reopens_a_decision_made_meanwhile() {
        use crate::domain::{Inzet, InzetSoort, InzetStatus};
        let mut base = bord();
        base.inzet.push(Inzet {
            id: "z".into(),
            persoon: "p".into(),
            uren_per_week: 8.0,
            van: "2026-W50".parse().unwrap(),
            tot: "2026-W52".parse().unwrap(),
            status: InzetStatus::Gevraagd,
            soort: InzetSoort::Opgave,
            besluit: None,
        });
        base.inzet[0].status = InzetStatus::Toegezegd;
        // More hours: asked again.
        let mut mine = base.clone();
        mine.inzet[0].uren_per_week = 12.0;
        mine.inzet[0].status = InzetStatus::Gevraagd;
        // Meanwhile the CoCo declined the old amount.
        let mut theirs = base.clone();
        theirs.inzet[0].status = InzetStatus::Afgewezen;
        let (got, notices) = applied(&theirs, &diff(&base, &mine), &cx(Mode::Merge));
        assert_eq!(got.inzet[0].uren_per_week, 12.0);
        assert_eq!(got.inzet[0].status, InzetStatus::Gevraagd);
        assert_eq!(notices[0].kind, NoticeKind::DecisionReopened);
        // The other way round: the decision arrives second and becomes a notice.
        let (got, notices) = applied(&mine, &diff(&base, &theirs), &cx(Mode::Merge));
        assert_eq!(got.inzet[0].uren_per_week, 12.0);
        assert_eq!(got.inzet[0].status, InzetStatus::Gevraagd);
        assert_eq!(notices[0].kind, NoticeKind::NotApplied);
        // Hours on one side and weeks on the other both survive.
        let mut hours = base.clone();
        hours.inzet[0].uren_per_week = 6.0;
        let mut weeks = base.clone();
        weeks.inzet[0].tot = "2027-W02".parse().unwrap();
        let (got, notices) = applied(&weeks, &diff(&base, &hours), &cx(Mode::Merge));
        assert_eq!(got.inzet[0].uren_per_week, 6.0);
        assert_eq!(got.inzet[0].tot.to_string(), "2027-W02");
        assert!(notices.is_empty());
    }
}
