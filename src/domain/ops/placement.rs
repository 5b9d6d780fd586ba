//! An item's place in its list: the operation that moves it, the moves between two orders,
//! and putting an item in its place when an operation is applied.

use std::collections::{HashMap, HashSet};

use super::{Change, Fields, Items, List, Op, Outcome, Target};

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
pub(super) fn moved(before: &[String], after: &[String]) -> HashSet<String> {
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

/// Where an item that follows `after` goes among `keys`: first for `None`, at the end when
/// the predecessor is gone.
pub(super) fn index_after(keys: &[String], after: Option<&str>) -> usize {
    match after {
        None => 0,
        Some(p) => keys
            .iter()
            .position(|c| c == p)
            .map_or(keys.len(), |j| j + 1),
    }
}

/// The moves that turn the order `cur` into `target`, each naming the predecessor it will
/// really find once the moves before it are applied.
pub(super) fn diff_moves(list: List, mut cur: Vec<String>, target: &[String], ops: &mut Vec<Op>) {
    let moved = moved(&cur, target);
    for (i, k) in target.iter().enumerate() {
        if !moved.contains(k) {
            continue;
        }
        let Some(from) = cur.iter().position(|c| c == k) else {
            continue;
        };
        let old = from.checked_sub(1).map(|p| cur[p].clone());
        let new = i.checked_sub(1).map(|p| target[p].clone());
        let item = cur.remove(from);
        let to = index_after(&cur, new.as_deref());
        cur.insert(to, item);
        ops.extend(place(list, k, old.as_deref(), new.as_deref()));
    }
}

/// Inserts a new item after the item `after` (`None`: first; a predecessor that is gone: at
/// the end).
pub(super) fn insert_item(items: &mut dyn Items, item: &Fields, after: Option<&str>) -> Outcome {
    let i = match after {
        None => 0,
        Some(p) => items.position(p).map_or(items.len(), |i| i + 1),
    };
    match items.insert_at(i, item.clone()) {
        Ok(()) => Outcome::Applied,
        Err(_) => Outcome::Ignored,
    }
}

/// Moves the item at `i` from after `old` to after `new`, if it still comes after `old`.
pub(super) fn place_item(
    items: &mut dyn Items,
    i: usize,
    old: Option<&str>,
    new: Option<&str>,
) -> Outcome {
    let cur = i.checked_sub(1).map(|p| items.key_at(p));
    if cur.as_deref() == new {
        Outcome::Satisfied
    } else if cur.as_deref() == old {
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
