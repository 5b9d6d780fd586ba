//! The `sporen` line of a file (DESIGN.md section 7): the last [`MAX`] saves, oldest first,
//! each a token and the stamps of what it set. A stamp says which operation (by its id) last
//! set a field, which operations it overruled, and which set elements (notes, labels,
//! absences) were added or removed by whom. Repairs of lost saves read them, so that a repair
//! never overwrites a value its writer did not see (a value can come back by coincidence: A → B
//! → A) and never re-applies a change that someone who saw it replaced.
//!
//! Written as one line: `TOKEN;KEY=OP^DEAD^DEAD;KEY=+OP;KEY=-OP TOKEN …`, where KEY is a short
//! hash of the item, the field (and the set element). The stamps travel inside the file, so
//! they are always exactly as current as its content; a stamp older than the window is
//! unknown, which costs at most a note instead of an applied repair.

use std::collections::{HashMap, HashSet};

use super::ops::Target;

/// How many saves the line keeps.
pub const MAX: usize = 16;

/// What a save set, per field or set element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stamp {
    /// A field: set by operation `op` (`None`: not changed, only `dead` recorded); the
    /// operations whose values it replaced knowingly.
    Field {
        key: String,
        op: Option<String>,
        dead: Vec<String>,
    },
    /// A set element added (`removed: false`) or removed by operation `op`.
    Element {
        key: String,
        op: String,
        removed: bool,
    },
}

impl Stamp {
    fn write(&self, out: &mut String) {
        match self {
            Stamp::Field { key, op, dead } => {
                out.push_str(key);
                out.push('=');
                out.push_str(op.as_deref().unwrap_or(""));
                for d in dead {
                    out.push('^');
                    out.push_str(d);
                }
            }
            Stamp::Element { key, op, removed } => {
                out.push_str(key);
                out.push('=');
                out.push(if *removed { '-' } else { '+' });
                out.push_str(op);
            }
        }
    }

    fn parse(s: &str) -> Option<Stamp> {
        let (key, rest) = s.split_once('=')?;
        let key = key.to_string();
        if let Some(op) = rest.strip_prefix('+') {
            return Some(Stamp::Element {
                key,
                op: op.to_string(),
                removed: false,
            });
        }
        if let Some(op) = rest.strip_prefix('-') {
            return Some(Stamp::Element {
                key,
                op: op.to_string(),
                removed: true,
            });
        }
        let mut parts = rest.split('^');
        let op = parts.next().filter(|o| !o.is_empty()).map(str::to_string);
        let dead = parts
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect();
        Some(Stamp::Field { key, op, dead })
    }
}

/// The tokens of a `sporen` line, oldest first.
pub fn tokens(sporen: &str) -> Vec<&str> {
    sporen
        .split_whitespace()
        .map(|e| e.split(';').next().unwrap_or(e))
        .collect()
}

/// The line with one more save (token and stamps), the newest [`MAX`] kept.
pub fn append(sporen: &str, token: &str, stamps: &[Stamp]) -> String {
    let mut entry = token.to_string();
    for s in stamps {
        entry.push(';');
        s.write(&mut entry);
    }
    join(sporen, &entry)
}

/// The saves of `a` followed by those of `b` that `a` lacks (by token), the newest [`MAX`].
pub fn join(a: &str, b: &str) -> String {
    let mut all: Vec<&str> = a.split_whitespace().collect();
    let mut seen: HashSet<&str> = tokens(a).into_iter().collect();
    for e in b.split_whitespace() {
        let t = e.split(';').next().unwrap_or(e);
        if seen.insert(t) {
            all.push(e);
        }
    }
    let from = all.len().saturating_sub(MAX);
    all[from..].join(" ")
}

/// The stamps of a line, newest winning: per field who set it and what was overruled, per
/// set element whether it was last added or removed.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    fields: HashMap<String, (Option<String>, HashSet<String>)>,
    elements: HashMap<String, (String, bool)>,
}

impl Ledger {
    /// The stamps of a `sporen` line.
    pub fn of(sporen: &str) -> Ledger {
        let mut l = Ledger::default();
        for entry in sporen.split_whitespace() {
            for s in entry.split(';').skip(1).filter_map(Stamp::parse) {
                l.record(&s);
            }
        }
        l
    }

    /// Takes a stamp of a save into account (newer than all before).
    pub fn record(&mut self, s: &Stamp) {
        match s {
            Stamp::Field { key, op, dead } => {
                let e = self.fields.entry(key.clone()).or_default();
                if op.is_some() {
                    e.0 = op.clone();
                }
                e.1.extend(dead.iter().cloned());
            }
            Stamp::Element { key, op, removed } => {
                self.elements.insert(key.clone(), (op.clone(), *removed));
            }
        }
    }

    /// The operation that last set a field, if known.
    pub fn setter(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(|(op, _)| op.as_deref())
    }

    /// Every field whose setter the line knows, with that setter.
    pub fn setters(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields
            .iter()
            .filter_map(|(k, (op, _))| op.as_deref().map(|op| (k.as_str(), op)))
    }

    /// Whether someone who had seen operation `op` replaced it on this field.
    pub fn overruled(&self, key: &str, op: &str) -> bool {
        self.fields
            .get(key)
            .is_some_and(|(_, dead)| dead.contains(op))
    }

    /// Whether a set element was last removed (by someone who had seen it).
    pub fn removed(&self, key: &str) -> bool {
        self.elements.get(key).is_some_and(|(_, removed)| *removed)
    }
}

/// The key of a field of an item.
pub fn field_key(target: &Target, field: &str) -> String {
    hash_key(&format!("{target:?}\u{1}{field}"))
}

/// The key of an element of a set field of an item.
pub fn element_key(target: &Target, field: &str, element: &serde_json::Value) -> String {
    hash_key(&format!("{target:?}\u{1}{field}\u{1}{element}"))
}

fn hash_key(s: &str) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let h = xxhash_rust::xxh3::xxh3_64(s.as_bytes());
    (0..7)
        .map(|i| ALPHABET[((h >> (i * 5)) & 31) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ops::List;

    #[test]
    fn a_line_round_trips_and_newest_wins() {
        let t = Target::Item(List::Kaarten, "k1".into());
        let k = field_key(&t, "kolom");
        let line = append(
            "",
            "aaaa",
            &[Stamp::Field {
                key: k.clone(),
                op: Some("op1".into()),
                dead: vec![],
            }],
        );
        let line = append(
            &line,
            "bbbb",
            &[Stamp::Field {
                key: k.clone(),
                op: Some("op2".into()),
                dead: vec!["op1".into()],
            }],
        );
        assert_eq!(tokens(&line), ["aaaa", "bbbb"]);
        let l = Ledger::of(&line);
        assert_eq!(l.setter(&k), Some("op2"));
        assert!(l.overruled(&k, "op1"));
        assert!(!l.overruled(&k, "op2"));
    }

    #[test]
    fn the_line_keeps_the_newest_saves_and_joins_by_token() {
        let mut line = String::new();
        for i in 0..20 {
            line = append(&line, &format!("t{i}"), &[]);
        }
        assert_eq!(tokens(&line).len(), MAX);
        assert_eq!(tokens(&line)[0], "t4");
        let other = append("t18 t19", "x", &[]);
        assert_eq!(tokens(&join(&line, &other)).last(), Some(&"x"));
        // Unknown text is ignored, not an error: a hand-written line is fine.
        let l = Ledger::of("abc;zz;=;k=^ x y");
        assert_eq!(l.setter("k"), None);
    }
}
