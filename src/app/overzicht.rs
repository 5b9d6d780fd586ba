//! The overview: every board of the werkmap, clusterkamers first.

use super::action::{Command, Effect};
use super::session::Session;
use super::step::{Go, Step};

/// The state of the overview: the selected row, as an index into [`OverzichtView::order`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OverzichtView {
    pub row: usize,
}

impl OverzichtView {
    /// Handles a command of the overview.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let last = s.werkmap.borden.len().saturating_sub(1);
        match c {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last),
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last),
            Command::Open => {
                if let Some(&i) = Self::order(s).get(self.row) {
                    return Step::Go(Go::Bord(s.werkmap.borden[i].id.clone()));
                }
            }
            Command::MergeCopy => return Step::Effects(merge_copy(s)),
            _ => {}
        }
        Step::Stay
    }

    /// The boards in overview order, as indexes into `werkmap.borden`: clusterkamers first,
    /// then opgaveteams, each by title.
    pub fn order(s: &Session) -> Vec<usize> {
        let borden = &s.werkmap.borden;
        let mut idx: Vec<usize> = (0..borden.len()).collect();
        idx.sort_by_key(|&i| {
            let b = &borden[i];
            (
                matches!(b.soort, crate::domain::BordSoort::Opgaveteam { .. }),
                b.titel.to_lowercase(),
            )
        });
        idx
    }

    /// A click on a board (index into `werkmap.borden`): the first selects, the second opens.
    pub fn click(&mut self, s: &Session, board: usize) -> Step {
        match Self::order(s).iter().position(|&x| x == board) {
            Some(p) if p == self.row => Step::Go(Go::Bord(s.werkmap.borden[board].id.clone())),
            Some(p) => {
                self.row = p;
                Step::Stay
            }
            None => Step::Stay,
        }
    }

    /// Selects the board with this id, so the overview shows where the user was.
    pub fn select(&mut self, s: &Session, bord: &str) {
        let order = Self::order(s);
        if let Some(p) = order.iter().position(|&i| s.werkmap.borden[i].id == bord) {
            self.row = p;
        }
    }

    /// Keeps the selection within the list after it may have shrunk.
    pub fn clamp(&mut self, s: &Session) {
        self.row = self.row.min(s.werkmap.borden.len().saturating_sub(1));
    }
}

/// Merges the first conflict copy into its board and asks the shell to move the copy away.
fn merge_copy(s: &mut Session) -> Vec<Effect> {
    match s.merge_copy() {
        Some(path) => vec![Effect::RemoveCopy(path)],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    #[test]
    fn clusterkamers_come_first_then_opgaveteams_by_title() {
        let s = session();
        let ids: Vec<&str> = OverzichtView::order(&s)
            .into_iter()
            .map(|i| s.werkmap.borden[i].id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["clusterkamer-samenleving", "opgave-haven", "opgave-park"]
        );
    }

    #[test]
    fn the_selection_stays_within_the_list_and_enter_opens_the_selected_board() {
        let mut s = session();
        let mut v = OverzichtView::default();
        v.on_command(&mut s, Command::Up);
        assert_eq!(v.row, 0);
        v.on_command(&mut s, Command::PageDown);
        assert_eq!(v.row, 2);
        let step = v.on_command(&mut s, Command::Open);
        assert!(matches!(step, Step::Go(Go::Bord(id)) if id == "opgave-park"));
    }

    #[test]
    fn a_click_selects_and_a_second_click_opens() {
        let s = session();
        let mut v = OverzichtView::default();
        let haven = s
            .werkmap
            .borden
            .iter()
            .position(|b| b.id == "opgave-haven")
            .unwrap();
        assert!(matches!(v.click(&s, haven), Step::Stay));
        assert_eq!(v.row, 1);
        assert!(matches!(v.click(&s, haven), Step::Go(Go::Bord(id)) if id == "opgave-haven"));
    }

    #[test]
    fn merging_without_a_conflict_copy_does_nothing() {
        let mut s = session();
        let mut v = OverzichtView::default();
        assert!(matches!(
            v.on_command(&mut s, Command::MergeCopy),
            Step::Effects(e) if e.is_empty()
        ));
        assert!(s.undo.is_empty());
    }
}
