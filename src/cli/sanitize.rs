//! The output edge: nothing from a file reaches the terminal raw.
//!
//! Text output goes through [`Zichtbaar`], which replaces every control character (see
//! [`wording::is_stuurteken`]) by [`wording::PLAATSVERVANGER`]. JSON output is escaped by serde_json
//! and then by [`json`], which also escapes the characters serde_json leaves alone (DEL and
//! C1). CSV fields go through [`csv_veld`].

use std::io::{self, Write};

use crate::wording;
/// A writer that passes UTF-8 text through with its control characters made visible.
///
/// Works on bytes: in UTF-8 every C0 control and DEL is one byte below 0x80 that never occurs
/// inside a multi-byte character, and every C1 control is the pair `C2 80`–`C2 9F`; a `C2` at
/// the end of one write is held until the next.
pub struct Zichtbaar<W: Write> {
    inner: W,
    /// A `0xC2` byte seen at the end of the previous write.
    c2: bool,
}

impl<W: Write> Zichtbaar<W> {
    /// Wraps a writer.
    pub fn new(inner: W) -> Zichtbaar<W> {
        Zichtbaar { inner, c2: false }
    }
}

const VERVANGER: &[u8] = "\u{fffd}".as_bytes();

impl<W: Write> Write for Zichtbaar<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            if self.c2 {
                self.c2 = false;
                if (0x80..=0x9f).contains(&b) {
                    out.extend_from_slice(VERVANGER);
                    continue;
                }
                out.push(0xc2);
            }
            match b {
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1f | 0x7f => out.extend_from_slice(VERVANGER),
                0xc2 => self.c2 = true,
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.c2) {
            // Not valid UTF-8 on its own, but it was written: pass it on.
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

/// JSON from serde_json with DEL and the C1 controls escaped as well (`\u007f`, `\u009b`):
/// serde_json escapes only U+0000–U+001F. Outside strings JSON holds ASCII punctuation only,
/// so every such character is inside a string, where the escape means the same character.
pub fn json(s: String) -> String {
    let left_raw = |c: char| matches!(c, '\u{7f}'..='\u{9f}');
    if !s.chars().any(left_raw) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if left_raw(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// One CSV field for Dutch Excel: control characters made visible, a field that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return, the OWASP
/// rule) prefixed with `'`, except a negative number such as `-3,5`; quoted when it holds the
/// separator, a quote or a line break.
pub fn csv_veld(s: &str) -> String {
    let formule =
        s.starts_with(['=', '+', '@', '\t', '\r']) || (s.starts_with('-') && !is_getal(s));
    let s = if formule {
        format!("'{s}")
    } else {
        s.to_string()
    };
    let s = wording::zichtbaar(&s);
    if s.contains([';', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// A number as a spreadsheet reads it: an optional minus, digits, at most one decimal comma or
/// point, more digits.
fn is_getal(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, [',', '.']);
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut w = Zichtbaar::new(Vec::new());
        for p in parts {
            w.write_all(p).unwrap();
        }
        w.flush().unwrap();
        String::from_utf8(w.inner).unwrap()
    }

    #[test]
    fn the_writer_replaces_controls_also_when_split() {
        let text = "a\u{1b}]0;x\u{7}b\u{9b}2Jc\té\n\r";
        assert_eq!(
            through(&[text.as_bytes()]),
            "a\u{fffd}]0;x\u{fffd}b\u{fffd}2Jc\té\n\u{fffd}"
        );
        let bytes = text.as_bytes();
        for cut in 0..bytes.len() {
            assert_eq!(
                through(&[&bytes[..cut], &bytes[cut..]]),
                wording::zichtbaar(text),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn csv_fields_are_neutralised() {
        assert_eq!(csv_veld("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_veld("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_veld("+31"), "'+31");
        assert_eq!(csv_veld("-3"), "-3");
        assert_eq!(csv_veld("-3.5"), "-3.5");
        assert_eq!(csv_veld("-3,5,6"), "'-3,5,6");
        assert_eq!(csv_veld("-3,5"), "-3,5");
        assert_eq!(csv_veld("-x"), "'-x");
        assert_eq!(csv_veld("\tx"), "'\tx");
        assert_eq!(csv_veld("\rx"), "'\u{fffd}x");
        assert_eq!(csv_veld("gewoon"), "gewoon");
        assert_eq!(csv_veld("a;b"), "\"a;b\"");
    }

    #[test]
    fn json_escapes_del_and_c1() {
        assert_eq!(json("\"a\u{7f}\u{9b}b\"".into()), "\"a\\u007f\\u009bb\"");
    }
}
