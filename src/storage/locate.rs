//! A second look at RON text: where does the value at a path such as `kaarten[3].eigenaar` stand?
//!
//! serde gives positions only for syntax and type errors; the checks that run after parsing
//! (references, duplicates, ranges) name a path, and this walker finds its line and column.
//! It runs only when there is something to report, so it favours simplicity over speed.

use std::collections::HashMap;

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
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            col: 1,
            out: HashMap::new(),
        };
        walker.skip_trivia();
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

struct Walker {
    chars: Vec<char>,
    at: usize,
    line: usize,
    col: usize,
    out: HashMap<String, Position>,
}

/// Deeper nesting than the format has is not walked: the parser refuses it anyway.
const MAX_DEPTH: usize = 64;

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Position {
        Position {
            regel: self.line,
            kolom: self.col,
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.chars.get(self.at + 1).copied()) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    while self.peek().is_some() {
                        if self.peek() == Some('*') && self.chars.get(self.at + 1) == Some(&'/') {
                            self.bump();
                            self.bump();
                            break;
                        }
                        self.bump();
                    }
                }
                (Some('#'), _) => {
                    // `#![enable(...)]`: skip to the closing bracket.
                    while self.peek().is_some_and(|c| c != ']') {
                        self.bump();
                    }
                    self.bump();
                }
                _ => return,
            }
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        self.skip_trivia();
        let start = self.pos();
        match self.peek() {
            None => {}
            Some('"') => self.string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    match c {
                        '\\' => {
                            self.bump();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            Some('r') if matches!(self.chars.get(self.at + 1), Some('#') | Some('"')) => {
                self.raw_string()
            }
            Some('(') => self.group(&path, ')', depth),
            Some('[') => self.group(&path, ']', depth),
            Some('{') => self.group(&path, '}', depth),
            Some(_) => {
                self.word();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.group(&path, ')', depth);
                }
            }
        }
        self.out.entry(path).or_insert(start);
    }

    fn word(&mut self) -> String {
        let mut w = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-') {
                w.push(c);
                self.bump();
            } else {
                break;
            }
        }
        if w.is_empty() {
            // Skip one unexpected character so the walk always advances.
            self.bump();
        }
        w
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => break,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut n = 0;
                while n < hashes && self.peek() == Some('#') {
                    n += 1;
                    self.bump();
                }
                if n == hashes {
                    break;
                }
            }
        }
    }

    /// A `( … )`, `[ … ]` or `{ … }` group: named fields, tuple members, list items or map entries.
    fn group(&mut self, path: &str, close: char, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                Some(')') | Some(']') | Some('}') => {
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
            if close == '}' {
                // A map entry: `key: value`; the key was walked as a value, now the value.
                self.skip_trivia();
                if self.peek() == Some(':') {
                    self.bump();
                    self.value(format!("{path}{{}}"), depth + 1);
                }
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
        let save = (self.at, self.line, self.col);
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
                self.bump();
            } else {
                break;
            }
        }
        self.skip_trivia();
        if !name.is_empty() && self.peek() == Some(':') {
            self.bump();
            return Some(name);
        }
        (self.at, self.line, self.col) = save;
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
