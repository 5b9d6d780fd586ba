//! A second look at RON text: where does the value at a path such as `kaarten[3].eigenaar` stand?
//!
//! serde gives positions only for syntax and type errors; the checks that run after parsing
//! (references, duplicates, ranges) name a path, and this walker finds its line and column.
//! It runs only when there is something to report, so it favours simplicity over speed.

pub mod lex;

use std::collections::HashMap;

use lex::{Kind, Token};

/// A 1-based line and column (in characters), as ron reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub regel: usize,
    pub kolom: usize,
}

/// The positions of every value in a RON text, keyed by path (`kaarten[3].eigenaar`).
#[derive(Debug, Default)]
pub struct Locations {
    values: HashMap<String, Position>,
}

impl Locations {
    /// Walks the text once. Malformed text gives the positions found before the damage.
    pub fn of(text: &str) -> Locations {
        let mut walker = Walker {
            tokens: lex::tokens(text).filter(|t| !t.kind.is_trivia()).collect(),
            at: 0,
            out: HashMap::new(),
        };
        walker.value(String::new(), 0);
        Locations { values: walker.out }
    }

    /// The position of the value at exactly `path`, if the text has one.
    pub fn find_exact(&self, path: &str) -> Option<Position> {
        self.values.get(path).copied()
    }

    /// The position of the value at `path`, or of the closest enclosing value that was found.
    pub fn find(&self, path: &str) -> Position {
        let mut p = path;
        loop {
            if let Some(pos) = self.values.get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None => {
                    return self
                        .values
                        .get("")
                        .copied()
                        .unwrap_or(Position { regel: 1, kolom: 1 });
                }
            }
        }
    }
}

/// Walks the tokens (comments and whitespace left out) the way the parser reads them.
struct Walker<'a> {
    tokens: Vec<Token<'a>>,
    at: usize,
    out: HashMap<String, Position>,
}

/// Deeper nesting than the format has is not walked: the parser refuses it anyway.
const MAX_DEPTH: usize = 64;

impl Walker<'_> {
    fn peek(&self) -> Option<Token<'_>> {
        self.tokens.get(self.at).copied()
    }

    fn peek_kind(&self) -> Option<Kind> {
        self.tokens.get(self.at).map(|t| t.kind)
    }

    fn bump(&mut self) {
        self.at += 1;
    }

    /// `#![enable(...)]`: skipped up to its closing bracket.
    fn skip_attributes(&mut self) {
        while self.peek_kind() == Some(Kind::Punct('#')) {
            while self.peek_kind().is_some_and(|k| k != Kind::Punct(']')) {
                self.bump();
            }
            self.bump();
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        self.skip_attributes();
        let Some(tok) = self.peek() else {
            return;
        };
        let start = tok.start;
        match tok.kind {
            Kind::Punct('(') => self.group(&path, ')', depth),
            Kind::Punct('[') => self.group(&path, ']', depth),
            Kind::Punct('{') => self.group(&path, '}', depth),
            Kind::Str | Kind::RawStr | Kind::Char => self.bump(),
            _ => {
                // A word (a struct or variant name, a number, `true`), or an unexpected
                // character, skipped so the walk always advances.
                self.bump();
                if self.peek_kind() == Some(Kind::Punct('(')) {
                    self.group(&path, ')', depth);
                }
            }
        }
        self.out.entry(path).or_insert(start);
    }

    /// A `( … )`, `[ … ]` or `{ … }` group: named fields, tuple members, list items or map entries.
    fn group(&mut self, path: &str, close: char, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_attributes();
            match self.peek_kind() {
                None => return,
                Some(Kind::Punct(c)) if c == close => {
                    self.bump();
                    return;
                }
                Some(Kind::Punct(',')) => {
                    self.bump();
                    continue;
                }
                Some(Kind::Punct(')' | ']' | '}')) => {
                    // Mismatched bracket: stop here, the parser reports it.
                    self.bump();
                    return;
                }
                _ => {}
            }
            let before = self.at;
            let field = self.field_name(close);
            let child = match field {
                Some(name) if path.is_empty() => name,
                Some(name) => format!("{path}.{name}"),
                None => {
                    let p = format!("{path}[{index}]");
                    index += 1;
                    p
                }
            };
            self.value(child, depth + 1);
            if close == '}' && self.peek_kind() == Some(Kind::Punct(':')) {
                // A map entry: `key: value`; the key was walked as a value, now the value.
                self.bump();
                self.value(format!("{path}{{}}"), depth + 1);
            }
            if self.at == before {
                self.bump();
            }
        }
    }

    /// In a `( … )` group, `name:` introduces a field; returns the name and consumes the colon.
    fn field_name(&mut self, close: char) -> Option<String> {
        if close != ')' {
            return None;
        }
        let tok = self.peek()?;
        let is_name =
            tok.kind == Kind::Word && tok.text.chars().all(|c| c.is_alphanumeric() || c == '_');
        let colon = self.tokens.get(self.at + 1).map(|t| t.kind) == Some(Kind::Punct(':'));
        if is_name && colon {
            let name = tok.text.to_string();
            self.at += 2;
            return Some(name);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_items() {
        let text = "#![enable(implicit_some)]\n// c\nBord(\n    id: \"x\",\n    kaarten: [\n        Kaart(titel: \"a\"),\n        Kaart(\n            titel: \"b (c)\", // d\n            eigenaar: \"p\",\n        ),\n    ],\n)\n";
        let loc = Locations::of(text);
        assert_eq!(loc.find("id"), Position { regel: 4, kolom: 9 });
        assert_eq!(
            loc.find("kaarten[1].eigenaar"),
            Position {
                regel: 9,
                kolom: 23
            }
        );
        assert_eq!(
            loc.find("kaarten[0].titel"),
            Position {
                regel: 6,
                kolom: 22
            }
        );
        // A missing field falls back to its parent.
        assert_eq!(
            loc.find("kaarten[1].deadline"),
            Position { regel: 7, kolom: 9 }
        );
    }

    #[test]
    fn survives_garbage() {
        for text in [
            "(((",
            "\"unterminated",
            "Bord(a: [1, 2",
            "]]]",
            "r#\"x",
            "/* open",
        ] {
            let _ = Locations::of(text).find("a[1]");
        }
    }
}
