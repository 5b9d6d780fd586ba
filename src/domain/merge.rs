//! Merges built on operations ([`super::ops`]): three-way (git, and a colleague's save while
//! we have edits), a sync tool's conflict copy (no common base), and the repairs that keep a
//! combined board valid. Pure: the wording of notes comes in through the [`Context`].

use std::collections::HashSet;

use serde_json::Value;

use super::bord::Bord;
use super::ops::{
    self, Change, Context, Document, List, Notice, NoticeKind, Op, Target, fields_of,
};

/// The result of a merge: the document and what it had to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<D> {
    pub value: D,
    pub notices: Vec<Notice>,
}

/// Three-way merge: what `theirs` changed since `base` is applied to `ours`, field by field.
/// Where both changed a field differently, ours stays and theirs becomes a notice (a note on a
/// card). The save tokens of both sides are kept, so writers tracking a save on either side
/// still find it.
pub fn three_way<D: Document>(base: &D, ours: &D, theirs: &D, cx: &Context<'_>) -> Merged<D> {
    let ops: Vec<Op> = ops::diff(base, theirs);
    let (mut value, notices) = ops::applied(ours, &ops, cx);
    value.set_sporen(super::sporen::join(ours.sporen(), theirs.sporen()));
    Merged { value, notices }
}

/// Merges a conflict copy (another version of the same file, without a common base) into
/// ours: what only the copy has is added (items, notes, labels), and every value in which the
/// copy differs from ours is kept as a notice; ours stays.
pub fn with_copy<D: Document>(ours: &D, copy: &D, cx: &Context<'_>) -> Merged<D> {
    let mut value = ours.clone();
    let mut notices = Vec::new();
    for op in ops::diff(ours, copy) {
        match &op.change {
            Change::Insert { .. } | Change::Add { .. } => {
                ops::apply(&mut value, &op, cx, &mut notices);
            }
            Change::Set { field, old, new } => {
                let naam = item_name(&value, &op.target);
                let n = Notice {
                    kind: NoticeKind::FromCopy,
                    target: op.target.clone(),
                    naam,
                    field: Some(field.clone()),
                    ours: old.clone(),
                    theirs: new.clone(),
                };
                note_if_card(&mut value, &n, cx);
                notices.push(n);
            }
            // What ours removed or reordered stays so.
            Change::Remove { .. } | Change::Delete { .. } | Change::Place { .. } => {}
        }
    }
    notices.extend(value.repair(cx));
    Merged { value, notices }
}

fn item_name<D: Document>(doc: &D, t: &Target) -> String {
    let Target::Item(l, id) = t else {
        return String::new();
    };
    doc.items(*l)
        .and_then(|items| items.position(id).map(|i| items.fields_at(i)))
        .and_then(|f| {
            ["titel", "naam", "persoon"]
                .iter()
                .find_map(|k| f.get(*k).and_then(Value::as_str).map(str::to_string))
        })
        .unwrap_or_else(|| id.clone())
}

fn note_if_card<D: Document>(doc: &mut D, n: &Notice, cx: &Context<'_>) {
    if n.kaart().is_none() {
        return;
    }
    let note = super::bord::Notitie {
        wie: ops::NOTE_SIGNER.into(),
        wanneer: cx.at,
        tekst: (cx.wording)(n),
    };
    let op = Op {
        target: n.target.clone(),
        change: Change::Add {
            field: "notities".into(),
            element: serde_json::to_value(note).unwrap_or(Value::Null),
        },
        snapshot: None,
    };
    ops::apply(doc, &op, cx, &mut Vec::new());
}

/// Repairs what combining two valid boards can break: no columns, two `klaar` columns, cards
/// in a column that is gone, two items with one id.
pub fn make_valid(bord: &mut Bord, cx: &Context<'_>) -> Vec<Notice> {
    let mut notices = Vec::new();
    if bord.kolommen.is_empty() {
        // Only a merge that removed every column gets here; a board needs one.
        bord.kolommen.push(super::bord::Kolom {
            id: "todo".into(),
            naam: "Te doen".into(),
            wip: None,
            klaar: false,
        });
    }
    if bord.kolommen.iter().filter(|k| k.klaar).count() > 1 {
        let mut first = true;
        for k in &mut bord.kolommen {
            if k.klaar && !std::mem::replace(&mut first, false) {
                k.klaar = false;
                notices.push(Notice {
                    kind: NoticeKind::TwoDoneColumns,
                    target: Target::Item(List::Kolommen, k.id.clone()),
                    naam: k.naam.clone(),
                    field: Some("klaar".into()),
                    ours: Value::Null,
                    theirs: Value::Null,
                });
            }
        }
    }
    let first = bord.kolommen[0].id.clone();
    let known: HashSet<String> = bord.kolommen.iter().map(|k| k.id.clone()).collect();
    for i in 0..bord.kaarten.len() {
        let k = &bord.kaarten[i];
        if known.contains(&k.kolom) {
            continue;
        }
        let n = Notice {
            kind: NoticeKind::ColumnGone,
            target: Target::Item(List::Kaarten, k.id.clone()),
            naam: k.titel.clone(),
            field: Some("kolom".into()),
            ours: Value::String(k.kolom.clone()),
            theirs: Value::String(first.clone()),
        };
        let mut f = fields_of(k);
        f.insert("kolom".into(), Value::String(first.clone()));
        if let Ok(mut kaart) = ops::from_fields::<super::bord::Kaart>(f) {
            kaart.notities.push(super::bord::Notitie {
                wie: ops::NOTE_SIGNER.into(),
                wanneer: cx.at,
                tekst: (cx.wording)(&n),
            });
            kaart.notities.sort_by_key(|n| n.wanneer);
            bord.kaarten[i] = kaart;
        }
        notices.push(n);
    }
    let mut seen = HashSet::new();
    bord.kaarten
        .retain(|k| k.id.is_empty() || seen.insert(k.id.clone()));
    let mut seen = HashSet::new();
    bord.inzet
        .retain(|z| z.id.is_empty() || seen.insert(z.id.clone()));
    let mut seen = HashSet::new();
    bord.kolommen.retain(|k| seen.insert(k.id.clone()));
    notices
}
