//! Scans of a file's text by its tokens, beside parsing: nesting too deep to parse, the
//! version a file declares and a Dutch decimal comma (to explain a parse error), and fields
//! that are read and thrown away.

use super::Position;
use crate::domain::organisatie::VERVALLEN_VELDEN;
use crate::storage::locate::Locations;
use crate::storage::locate::lex::{self, Kind, Token};

/// The deepest nesting the format has is about six levels (Bord › kaarten › Kaart › notities ›
/// Notitie); anything far deeper is refused before parsing, so it cannot exhaust the stack.
pub const MAX_NESTING: usize = 16;

/// The first position where brackets nest deeper than [`MAX_NESTING`], outside strings and
/// comments.
pub(super) fn too_deep(text: &str) -> Option<Position> {
    let mut depth = 0usize;
    for t in lex::tokens(text) {
        match t.kind {
            Kind::Punct('(' | '[' | '{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(t.start);
                }
            }
            Kind::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The positions of the fields of `text` that are read and thrown away
/// ([`crate::domain::organisatie::VERVALLEN_VELDEN`]: an absence's old free-text `reden`),
/// outside strings and comments. Only a file that parsed is asked: where parsing accepted such
/// a name as a field, it was one of these.
pub fn vervallen_velden(text: &str) -> Vec<Position> {
    let tokens: Vec<Token> = lex::tokens(text).filter(|t| !t.kind.is_trivia()).collect();
    tokens
        .windows(2)
        .filter(|w| {
            let name = w[0].text.strip_prefix("r#").unwrap_or(w[0].text);
            w[0].kind == Kind::Word
                && VERVALLEN_VELDEN.contains(&name)
                && w[1].kind == Kind::Punct(':')
        })
        .map(|w| w[0].start)
        .collect()
}

/// The `versie` a file declares, with its position, read without parsing the rest.
pub(super) fn declared_version(text: &str) -> Option<(u64, Position)> {
    let pos = Locations::of(text).find_exact("versie")?;
    let line = text.lines().nth(pos.regel - 1)?;
    let rest: String = line
        .chars()
        .skip(pos.kolom - 1)
        .take_while(char::is_ascii_digit)
        .collect();
    rest.parse().ok().map(|v| (v, pos))
}

/// Finds `field: 80,0` (a Dutch decimal comma) outside strings and comments: a colon, a whole
/// number, and right after it a comma and digits.
pub(super) fn decimal_comma(text: &str) -> Option<(Position, String, String)> {
    let tokens: Vec<Token> = lex::tokens(text).collect();
    let digits = |s: &str| -> String { s.chars().take_while(char::is_ascii_digit).collect() };
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != Kind::Punct(':') {
            continue;
        }
        let mut rest = tokens[i + 1..]
            .iter()
            .skip_while(|t| t.kind == Kind::Whitespace);
        let (Some(geheel), Some(komma), Some(fractie)) = (rest.next(), rest.next(), rest.next())
        else {
            continue;
        };
        let whole = geheel.kind == Kind::Word
            && !geheel.text.is_empty()
            && geheel.text.chars().all(|c| c.is_ascii_digit());
        let fraction = digits(fractie.text);
        if whole
            && komma.kind == Kind::Punct(',')
            && fractie.kind == Kind::Word
            && !fraction.is_empty()
        {
            return Some((geheel.start, geheel.text.to_string(), fraction));
        }
    }
    None
}
