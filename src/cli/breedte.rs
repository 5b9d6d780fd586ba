//! How wide text output may be: `COLUMNS`, else the terminal's width, else 100.

use std::io::IsTerminal;

/// Below this, tables and help stop making sense; output is laid out for this width anyway.
const MINSTENS: usize = 40;

/// The width when neither `COLUMNS` nor a terminal says it (output to a file or a pipe).
const ONBEKEND: usize = 100;

/// The width of the text output, from `COLUMNS` or the terminal on stdout.
pub fn breedte() -> usize {
    uit(
        std::env::var("COLUMNS").ok().as_deref(),
        std::io::stdout()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w)),
    )
}

/// The width from `COLUMNS` (when it is a number) or the terminal's width.
fn uit(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or(terminal.filter(|&w| w > 0))
        .unwrap_or(ONBEKEND)
        .max(MINSTENS)
}

/// How the command line wraps text to `breedte` columns (at least 20): at spaces only, so a
/// date (`20-11-2026`) or a path is never split at its hyphen, and without hyphenation.
pub fn regels<'a>(breedte: usize) -> textwrap::Options<'a> {
    textwrap::Options::new(breedte.max(20))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

#[cfg(test)]
mod tests {
    use super::uit;

    #[test]
    fn columns_wins_then_the_terminal_then_100() {
        assert_eq!(uit(Some("80"), Some(200)), 80);
        assert_eq!(uit(None, Some(132)), 132);
        assert_eq!(uit(Some("breed"), None), 100);
        assert_eq!(uit(None, None), 100);
        assert_eq!(uit(Some("10"), None), 40);
    }
}
