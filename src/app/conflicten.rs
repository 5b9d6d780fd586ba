//! The conflict list: every conflict of the werkmap, filtered by text and kind.

use super::Mode;
use super::action::Command;
use super::input::TextInput;
use super::session::Session;
use super::step::{Go, Step};
use crate::capacity::{Conflict, ConflictSoort};

/// The state of the conflict list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConflictenView {
    pub row: usize,
    pub filter: String,
    /// Only this kind, when set (`f` cycles).
    pub soort: Option<ConflictSoort>,
}

impl ConflictenView {
    /// Handles a command of the conflict list.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let last = self.list(s).len().saturating_sub(1);
        match c {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last),
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last),
            // Esc takes the filters off first, then leaves the list.
            Command::Back if !self.filter.is_empty() || self.soort.is_some() => {
                self.filter.clear();
                self.soort = None;
                self.row = 0;
            }
            Command::Back => return Step::Back,
            Command::Filter => return Mode::Filter(TextInput::new(self.filter.clone())).into(),
            Command::QuickFilter => {
                self.soort = match self.soort {
                    None => Some(ConflictSoort::ALLE[0]),
                    Some(s) => ConflictSoort::ALLE
                        .iter()
                        .position(|x| *x == s)
                        .and_then(|i| ConflictSoort::ALLE.get(i + 1))
                        .copied(),
                };
                self.row = 0;
            }
            Command::Open => {
                if let Some(c) = self.list(s).get(self.row) {
                    return Step::Go(Go::Conflict(Box::new((*c).clone())));
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// Every conflict, sorted, that passes the filters.
    pub fn list<'a>(&self, s: &'a Session) -> Vec<&'a Conflict> {
        let q = self.filter.to_lowercase();
        let mut all: Vec<&Conflict> = s
            .derived
            .people
            .iter()
            .chain(s.derived.board_conflicts())
            .filter(|c| self.soort.is_none_or(|k| c.soort == k))
            .filter(|c| q.is_empty() || searched_text(s, c).contains(&q))
            .collect();
        all.sort_by(|a, b| a.order(b));
        all
    }

    /// Keeps the selection within the list after it may have shrunk.
    pub fn clamp(&mut self, s: &Session) {
        self.row = self.row.min(self.list(s).len().saturating_sub(1));
    }
}

/// What the filter searches: kind, severity, ids, opgave, week and explanation.
fn searched_text(s: &Session, c: &Conflict) -> String {
    let opgave = c
        .bord
        .as_deref()
        .and_then(|b| s.werkmap.bord(b))
        .and_then(|b| b.opgave())
        .unwrap_or("");
    let week = c.week.map(|w| w.to_string()).unwrap_or_default();
    [
        c.soort.naam(),
        crate::wording::soort(c.soort),
        c.ernst.naam(),
        c.persoon.as_deref().unwrap_or(""),
        c.eenheid.as_deref().unwrap_or(""),
        c.bord.as_deref().unwrap_or(""),
        opgave,
        &week,
        &crate::wording::uitleg(c),
    ]
    .join(" ")
    .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    #[test]
    fn the_list_is_sorted_by_severity_and_filtered_by_text_and_kind() {
        let mut s = session();
        let mut v = ConflictenView::default();
        let all = v.list(&s).len();
        assert!(all > 4);
        assert!(v.list(&s).windows(2).all(|w| w[0].order(w[1]).is_le()));
        v.filter = "eva smit".into();
        assert!(
            v.list(&s)
                .iter()
                .all(|c| c.persoon.as_deref() == Some("esmit"))
        );
        v.filter.clear();
        v.on_command(&mut s, Command::QuickFilter);
        assert_eq!(v.soort, Some(ConflictSoort::ALLE[0]));
        assert!(v.list(&s).iter().all(|c| c.soort == ConflictSoort::ALLE[0]));
        for _ in 0..ConflictSoort::ALLE.len() {
            v.on_command(&mut s, Command::QuickFilter);
        }
        assert_eq!((v.soort, v.list(&s).len()), (None, all));
    }

    #[test]
    fn enter_goes_to_the_selected_conflict_and_esc_goes_back() {
        let mut s = session();
        let mut v = ConflictenView::default();
        v.on_command(&mut s, Command::PageDown);
        let selected = v.list(&s)[v.row].clone();
        assert!(matches!(
            v.on_command(&mut s, Command::Open),
            Step::Go(Go::Conflict(c)) if *c == selected
        ));
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Back));
        // With a filter on, Esc takes it off first.
        v.on_command(&mut s, Command::QuickFilter);
        v.filter = "smit".into();
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Stay));
        assert_eq!((v.filter.as_str(), v.soort), ("", None));
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Back));
        assert!(matches!(
            v.on_command(&mut s, Command::Filter),
            Step::Dialog(Mode::Filter(_))
        ));
    }
}
