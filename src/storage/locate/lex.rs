//! One small RON lexer for every look at the text before or beside the parser: the nesting
//! check, the decimal-comma hint and the positions of values. It knows what hides brackets and
//! colons from the structure: strings with escapes, raw strings (`r"…"`, `r#"…"#`, `br#"…"#`),
//! byte strings, chars, line comments and nested block comments. It never fails: malformed text
//! (an unterminated string or comment) gives a last token that runs to the end.

use super::Position;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Spaces, tabs, line ends and byte order marks.
    Whitespace,
    /// `// …`, up to the line end (not included).
    LineComment,
    /// `/* … */`, nested as RON nests them.
    BlockComment,
    /// `"…"` or `b"…"`, with backslash escapes.
    Str,
    /// `r"…"`, `r#"…"#`, `br"…"`: no escapes; ends at a quote followed by as many `#`.
    RawStr,
    /// `'a'`, `'\''`.
    Char,
    /// An identifier, keyword or number: letters, digits, `_`, `.`, `+`, `-`; also `r#name`.
    Word,
    /// Any other single character: brackets, `,`, `:`, `#`, `!`, …
    Punct(char),
}

impl Kind {
    /// Whitespace and comments: what the structure does not see.
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            Kind::Whitespace | Kind::LineComment | Kind::BlockComment
        )
    }
}

/// One token: its kind, its text and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: Position,
}

/// The tokens of a RON text, in order; together they cover the whole text.
pub fn tokens(text: &str) -> Lexer<'_> {
    Lexer {
        text,
        at: 0,
        line: 1,
        col: 1,
    }
}

/// The iterator of [`tokens`].
pub struct Lexer<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    col: usize,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-')
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn bump_n(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    fn eat_while(&mut self, f: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&f) {
            self.bump();
        }
    }

    /// A string or char after its opening quote, up to and including the closing one.
    fn quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == quote {
                return;
            }
        }
    }

    /// Block comments nest: `/* a /* b */ c */` is one comment.
    fn block_comment(&mut self) {
        self.bump_n(2);
        let mut depth = 1;
        while depth > 0 && self.peek().is_some() {
            if self.rest().starts_with("/*") {
                self.bump_n(2);
                depth += 1;
            } else if self.rest().starts_with("*/") {
                self.bump_n(2);
                depth -= 1;
            } else {
                self.bump();
            }
        }
    }

    /// At `r"`, `r#…#"`, `br"` or `br#…#"`: the length of the prefix and the number of `#`.
    fn raw_prefix(&self) -> Option<(usize, usize)> {
        let rest = self.rest();
        let after_b = rest.strip_prefix('b').unwrap_or(rest);
        let after_r = after_b.strip_prefix('r')?;
        let hashes = after_r.len() - after_r.trim_start_matches('#').len();
        after_r[hashes..]
            .starts_with('"')
            .then(|| (rest.len() - after_r.len() + hashes + 1, hashes))
    }

    fn raw_string(&mut self, prefix: usize, hashes: usize) {
        self.bump_n(prefix);
        while let Some(c) = self.bump() {
            if c == '"' {
                let closing = self.rest().chars().take_while(|&c| c == '#').count();
                if closing >= hashes {
                    self.bump_n(hashes);
                    return;
                }
            }
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let begin = self.at;
        let start = Position {
            regel: self.line,
            kolom: self.col,
        };
        let rest = self.rest();
        let c = self.peek()?;
        let kind = if is_space(c) {
            self.eat_while(is_space);
            Kind::Whitespace
        } else if rest.starts_with("//") {
            self.eat_while(|c| c != '\n');
            Kind::LineComment
        } else if rest.starts_with("/*") {
            self.block_comment();
            Kind::BlockComment
        } else if let Some((prefix, hashes)) = self.raw_prefix() {
            self.raw_string(prefix, hashes);
            Kind::RawStr
        } else if c == '"' || rest.starts_with("b\"") {
            self.bump_n(if c == '"' { 1 } else { 2 });
            self.quoted('"');
            Kind::Str
        } else if c == '\'' {
            self.bump();
            self.quoted('\'');
            Kind::Char
        } else if rest.starts_with("r#")
            && rest[2..].starts_with(|c: char| c.is_alphabetic() || c == '_')
        {
            // A raw identifier, `r#type`.
            self.bump_n(2);
            self.eat_while(is_word);
            Kind::Word
        } else if is_word(c) {
            self.eat_while(is_word);
            Kind::Word
        } else {
            self.bump();
            Kind::Punct(c)
        };
        Some(Token {
            kind,
            text: &self.text[begin..self.at],
            start,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokens(text).map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn strings_comments_and_words() {
        assert_eq!(
            kinds(
                "a: \"x\\\"(\", // (\n/* ( /* [ */ ] */ r#\"\"(\"# 'x' b\"(\" br\"[\" r#type -1e5"
            ),
            [
                (Kind::Word, "a"),
                (Kind::Punct(':'), ":"),
                (Kind::Whitespace, " "),
                (Kind::Str, "\"x\\\"(\""),
                (Kind::Punct(','), ","),
                (Kind::Whitespace, " "),
                (Kind::LineComment, "// ("),
                (Kind::Whitespace, "\n"),
                (Kind::BlockComment, "/* ( /* [ */ ] */"),
                (Kind::Whitespace, " "),
                (Kind::RawStr, "r#\"\"(\"#"),
                (Kind::Whitespace, " "),
                (Kind::Char, "'x'"),
                (Kind::Whitespace, " "),
                (Kind::Str, "b\"(\""),
                (Kind::Whitespace, " "),
                (Kind::RawStr, "br\"[\""),
                (Kind::Whitespace, " "),
                (Kind::Word, "r#type"),
                (Kind::Whitespace, " "),
                (Kind::Word, "-1e5"),
            ]
        );
    }

    #[test]
    fn positions_count_characters_and_lines() {
        let t: Vec<Token> = tokens("é\n  x").filter(|t| !t.kind.is_trivia()).collect();
        assert_eq!(t[0].start, Position { regel: 1, kolom: 1 });
        assert_eq!(t[1].start, Position { regel: 2, kolom: 3 });
    }

    #[test]
    fn malformed_text_ends_in_one_token() {
        for text in ["\"open", "/* open /* */", "r##\"open\"#", "'", "r#", "b"] {
            let all: String = tokens(text).map(|t| t.text).collect();
            assert_eq!(all, text);
        }
    }
}
