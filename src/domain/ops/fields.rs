//! Reading and writing an item's fields, where some fields form a group and some hold a set.

use serde_json::Value;

use super::{Fields, List};

/// The group a field belongs to, with the group's members.
pub(super) fn group_of(
    list: Option<List>,
    field: &str,
) -> Option<(&'static str, &'static [&'static str])> {
    list?
        .groups()
        .iter()
        .copied()
        .find(|(_, members)| members.contains(&field))
}

/// Whether a field holds a set (of an item of `list`, or of the root).
pub(super) fn is_set(list: Option<List>, root_sets: &[&str], field: &str) -> bool {
    match list {
        Some(l) => l.sets().contains(&field),
        None => root_sets.contains(&field),
    }
}

/// The value of a field (or group) in an item; `Null` when absent.
pub(super) fn get(f: &Fields, list: Option<List>, field: &str) -> Value {
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

/// Sets a field (or a group of fields, from an object); `Null` removes it.
pub(super) fn put(f: &mut Fields, list: Option<List>, field: &str, v: Value) {
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

/// The elements of a set field; none when absent.
pub(super) fn elements(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    }
}
