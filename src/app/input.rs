//! A one-line text input with a cursor.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Text being typed, with the cursor as a character index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub cursor: usize,
}

impl TextInput {
    /// An input holding `text` with the cursor at the end.
    pub fn new(text: impl Into<String>) -> TextInput {
        let text = text.into();
        let cursor = text.chars().count();
        TextInput { text, cursor }
    }

    fn byte(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts pasted text at the cursor, on one line: line breaks and other control
    /// characters become spaces.
    pub fn paste(&mut self, text: &str) {
        let at = self.byte(self.cursor);
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.cursor += clean.chars().count();
        self.text.insert_str(at, &clean);
    }

    /// Handles an editing key; returns false for keys it does not use.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Char('u') => {
                self.text.clear();
                self.cursor = 0;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

/// A date as people type it in a form: `23-11-2026`, `2026-11-23`, or `23-11` without a
/// year, which is then the year that puts it closest after half a year ago (in November,
/// "15-01" is next January; "29-02" the next leap day).
pub fn datum(s: &str, vandaag: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let t = s.trim();
    if let Ok(d) = t.parse::<crate::domain::Datum>() {
        return Some(d.0);
    }
    let (d, m) = t.split_once('-')?;
    let (d, m) = (d.trim().parse::<u32>().ok()?, m.trim().parse::<u32>().ok()?);
    let vanaf = vandaag - chrono::Duration::days(183);
    // Four years ahead at most, so 29-02 finds the next leap year.
    (vandaag.year()..=vandaag.year() + 4)
        .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| *date >= vanaf)
}
