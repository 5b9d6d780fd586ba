//! Applying operations to a document as it is now, by the rule of the module documentation.

use serde_json::Value;

use super::fields::{elements, get, put};
use super::placement::{insert_item, place_item};
use super::{
    BESLISSING, Change, Context, Document, Fields, Items, List, Mode, NOTE_SIGNER, Notice,
    NoticeKind, Op, Outcome, Target,
};
use crate::domain::bord::Notitie;

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

/// Applies operations and returns the document they give, for tests and merges.
pub fn applied<D: Document>(doc: &D, ops: &[Op], cx: &Context<'_>) -> (D, Vec<Notice>) {
    let mut d = doc.clone();
    let mut notices = Vec::new();
    apply_all(&mut d, ops, cx, &mut notices);
    (d, notices)
}

/// Applies an operation on the file's own fields.
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
    let subject = Subject {
        list: None,
        root_sets: D::ROOT_SETS,
        target: &Target::Root,
        naam: &naam,
    };
    let outcome = apply_fields(&mut f, &subject, op, cx, notices);
    if outcome == Outcome::Applied && doc.set_root(f).is_err() {
        return Outcome::Ignored;
    }
    outcome
}

/// Whose fields a field change lands on: the root's or an item's, and how people call it.
struct Subject<'a> {
    /// The item's list; `None` for the root.
    list: Option<List>,
    /// The set fields among the root fields (none for an item).
    root_sets: &'a [&'a str],
    target: &'a Target,
    naam: &'a str,
}

/// Applies a field change (a set, an addition to a set, a removal from a set) to fields.
fn apply_fields(
    f: &mut Fields,
    s: &Subject<'_>,
    op: &Op,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    match &op.change {
        Change::Set { field, old, new } => apply_set(f, s, field, old, new, cx, notices),
        Change::Add { field, element } => add_element(f, field, element),
        Change::Remove { field, element } => remove_element(f, s.root_sets, field, element),
        Change::Insert { .. } | Change::Delete { .. } | Change::Place { .. } => Outcome::Ignored,
    }
}

/// Sets a field from `old` to `new` if it still holds `old`; otherwise the value that stands
/// wins and ours becomes a notice (undo reports and skips; a new amount reopens a decision).
fn apply_set(
    f: &mut Fields,
    s: &Subject<'_>,
    field: &str,
    old: &Value,
    new: &Value,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let cur = get(f, s.list, field);
    if cur == *old {
        put(f, s.list, field, new.clone());
        Outcome::Applied
    } else if cur == *new {
        Outcome::Satisfied
    } else if cx.mode == Mode::Undo {
        notices.push(
            Notice::new(NoticeKind::NotUndone, s.target, s.naam.into()).field(
                field,
                new.clone(),
                cur,
            ),
        );
        Outcome::Skipped
    } else if field == BESLISSING && reopens(new, &cur) {
        // A new amount beats a decision on the old amount: asked again, the
        // decision reported (DESIGN.md section 7).
        put(f, s.list, field, new.clone());
        notices.push(
            Notice::new(NoticeKind::DecisionReopened, s.target, s.naam.into()).field(
                field,
                new.clone(),
                cur,
            ),
        );
        Outcome::Applied
    } else {
        let n = Notice::new(NoticeKind::NotApplied, s.target, s.naam.into()).field(
            field,
            new.clone(),
            cur,
        );
        if s.list == Some(List::Kaarten) {
            note_on_card(f, cx, &n);
        }
        notices.push(n);
        Outcome::Noted
    }
}

/// Adds an element to a set field (notes stay in time order).
fn add_element(f: &mut Fields, field: &str, element: &Value) -> Outcome {
    let mut els = elements(f.get(field));
    if els.contains(element) {
        return Outcome::Satisfied;
    }
    els.push(element.clone());
    if field == "notities" {
        sort_notes(&mut els);
    }
    f.insert(field.to_string(), Value::Array(els));
    Outcome::Applied
}

/// Removes an element from a set field; a set left empty is left out, except a root set.
fn remove_element(f: &mut Fields, root_sets: &[&str], field: &str, element: &Value) -> Outcome {
    let mut els = elements(f.get(field));
    let n = els.len();
    els.retain(|e| e != element);
    if els.len() == n {
        return Outcome::Satisfied;
    }
    if els.is_empty() && !root_sets.contains(&field) {
        f.remove(field);
    } else {
        f.insert(field.to_string(), Value::Array(els));
    }
    Outcome::Applied
}

/// Whether asking again (`new` is Gevraagd: the amount changed) should reopen a decision made
/// meanwhile (`cur`): the decision was about the old amount (DESIGN.md section 7).
fn reopens(new: &Value, cur: &Value) -> bool {
    let status = |v: &Value| v.get("status").and_then(Value::as_str).map(str::to_string);
    status(new).as_deref() == Some("Gevraagd") && status(cur).as_deref() != Some("Gevraagd")
}

/// The item an operation addresses: its list and key.
#[derive(Clone, Copy)]
struct ItemRef<'a> {
    list: List,
    key: &'a str,
}

impl ItemRef<'_> {
    /// The operation target of the item.
    fn target(self) -> Target {
        Target::Item(self.list, self.key.to_string())
    }

    /// The item's name as people know it (a card's title), or its key.
    fn naam(self, f: &Fields) -> String {
        f.get(self.list.label_field())
            .and_then(Value::as_str)
            .map_or_else(|| self.key.to_string(), str::to_string)
    }
}

/// Applies an operation on an item of a list, found (or not) by its key.
fn apply_item(
    items: &mut dyn Items,
    list: List,
    key: &str,
    op: &Op,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let it = ItemRef { list, key };
    match (&op.change, items.position(key)) {
        (Change::Insert { item, after }, None) => insert_item(items, item, after.as_deref()),
        (Change::Insert { .. }, Some(_)) => Outcome::Satisfied,
        (Change::Delete { .. }, None) => Outcome::Satisfied,
        (Change::Delete { item, .. }, Some(i)) => delete_item(items, i, item, it, cx, notices),
        (Change::Place { .. }, None) => Outcome::Ignored,
        (Change::Place { old, new }, Some(i)) => {
            place_item(items, i, old.as_deref(), new.as_deref())
        }
        (_, None) => restore_item(items, op, it, cx, notices),
        (_, Some(i)) => change_item(items, i, op, it, cx, notices),
    }
}

/// Deletes the item at `i` if it is still as we saw it (`item`); otherwise it stays, with a
/// notice (and a note on a card), or undo reports it.
fn delete_item(
    items: &mut dyn Items,
    i: usize,
    item: &Fields,
    it: ItemRef<'_>,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let cur = items.fields_at(i);
    if cur == *item {
        items.remove_at(i);
        return Outcome::Applied;
    }
    let naam = it.naam(&cur);
    if cx.mode == Mode::Undo {
        notices.push(Notice::new(NoticeKind::ItemNotUndone, &it.target(), naam));
        return Outcome::Skipped;
    }
    let n = Notice::new(NoticeKind::NotDeleted, &it.target(), naam);
    if it.list == List::Kaarten {
        let mut f = cur;
        note_on_card(&mut f, cx, &n);
        let _ = items.replace_at(i, f);
    }
    notices.push(n);
    Outcome::Noted
}

/// A change to an item that is gone: in a merge it is put back as we left it, with a notice
/// (and a note on a card); undo reports it.
fn restore_item(
    items: &mut dyn Items,
    op: &Op,
    it: ItemRef<'_>,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let Some(snapshot) = op.snapshot.clone().filter(|_| cx.mode == Mode::Merge) else {
        if cx.mode == Mode::Undo {
            notices.push(Notice::new(
                NoticeKind::ItemNotUndone,
                &it.target(),
                it.key.into(),
            ));
            return Outcome::Skipped;
        }
        return Outcome::Ignored;
    };
    let naam = it.naam(&snapshot);
    let n = Notice::new(NoticeKind::Restored, &it.target(), naam);
    let mut f = snapshot;
    if it.list == List::Kaarten {
        note_on_card(&mut f, cx, &n);
    }
    if items.insert_at(items.len(), f).is_err() {
        return Outcome::Ignored;
    }
    notices.push(n);
    Outcome::Restored
}

/// Applies a field change to the item at `i`.
fn change_item(
    items: &mut dyn Items,
    i: usize,
    op: &Op,
    it: ItemRef<'_>,
    cx: &Context<'_>,
    notices: &mut Vec<Notice>,
) -> Outcome {
    let mut f = items.fields_at(i);
    let naam = it.naam(&f);
    let target = it.target();
    let subject = Subject {
        list: Some(it.list),
        root_sets: &[],
        target: &target,
        naam: &naam,
    };
    let outcome = apply_fields(&mut f, &subject, op, cx, notices);
    if matches!(outcome, Outcome::Applied | Outcome::Noted) && items.replace_at(i, f).is_err() {
        return Outcome::Ignored;
    }
    outcome
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
