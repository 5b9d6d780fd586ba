//! The operations that turn one document, or one item, into another.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::fields::{elements, get, group_of, is_set};
use super::items::key_of;
use super::placement::{diff_moves, index_after};
use super::{Change, Document, Fields, Items, List, Op, Target, fields_of};

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
        diff_list(l, b, a, &mut ops);
    }
    ops
}

/// The keys of a list's items, in order.
fn keys(items: &dyn Items) -> Vec<String> {
    (0..items.len()).map(|i| items.key_at(i)).collect()
}

/// Where each key is in `keys`.
fn positions(keys: &[String]) -> HashMap<&str, usize> {
    keys.iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect()
}

/// The operations that turn list `b` into list `a`: deletions, insertions, field changes and
/// moves.
fn diff_list(l: List, b: &dyn Items, a: &dyn Items, ops: &mut Vec<Op>) {
    let (bk, ak) = (keys(b), keys(a));
    let (bpos, apos) = (positions(&bk), positions(&ak));
    // The list as applying the operations leaves it, step by step, so that every move
    // names the predecessor it will really find.
    let mut cur = deletions(l, b, &bk, &apos, ops);
    insertions(l, a, &ak, &bpos, &mut cur, ops);
    item_changes(l, b, a, &ak, &bpos, ops);
    if cur != ak {
        diff_moves(l, cur, &ak, ops);
    }
}

/// Deletes the items of `b` (keys `bk`) that are not in `a` (positions `apos`); returns the
/// keys that remain, in order.
fn deletions(
    l: List,
    b: &dyn Items,
    bk: &[String],
    apos: &HashMap<&str, usize>,
    ops: &mut Vec<Op>,
) -> Vec<String> {
    let mut cur: Vec<String> = Vec::with_capacity(bk.len().max(apos.len()));
    for (i, k) in bk.iter().enumerate() {
        if apos.contains_key(k.as_str()) {
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
    cur
}

/// Inserts the items of `a` (keys `ak`) that are not in `b` (positions `bpos`), each after
/// its predecessor in `a`, into `cur` as well.
fn insertions(
    l: List,
    a: &dyn Items,
    ak: &[String],
    bpos: &HashMap<&str, usize>,
    cur: &mut Vec<String>,
    ops: &mut Vec<Op>,
) {
    for (i, k) in ak.iter().enumerate() {
        if !bpos.contains_key(k.as_str()) {
            let after = i.checked_sub(1).map(|p| ak[p].clone());
            let at = index_after(cur, after.as_deref());
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
}

/// The field changes of the items that are in both lists, in the order of `a`.
fn item_changes(
    l: List,
    b: &dyn Items,
    a: &dyn Items,
    ak: &[String],
    bpos: &HashMap<&str, usize>,
    ops: &mut Vec<Op>,
) {
    for (i, k) in ak.iter().enumerate() {
        if let Some(&j) = bpos.get(k.as_str()) {
            let (bf, af) = (b.fields_at(j), a.fields_at(i));
            if bf != af {
                let t = Target::Item(l, k.clone());
                ops.extend(diff_fields(&t, Some(l), &[], &bf, &af, Some(&af)));
            }
        }
    }
}
