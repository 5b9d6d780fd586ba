//! The opgaven at a glance (`o`): one row per opgave for the Opgavenoverleg, sortable by any
//! column, filtered with `/`, grouped by portefeuillehouder for the PO with `g`.

use super::Mode;
use super::action::Command;
use super::input::TextInput;
use super::session::Session;
use super::step::{Go, Step};
use crate::capacity::portefeuille::{self, OpgaveKolom, OpgaveRij};
use crate::domain::zoek::los;

/// The state of the opgaven view.
#[derive(Debug, Clone, PartialEq)]
pub struct OpgavenView {
    /// The selected row, as an index into [`OpgavenView::order`].
    pub row: usize,
    /// The column the rows are sorted by.
    pub sort: OpgaveKolom,
    /// Sorted against the column's natural direction.
    pub omgekeerd: bool,
    /// Grouped by portefeuillehouder (the PO's list).
    pub groep: bool,
    pub filter: String,
    /// The figures, computed when the view opens and after every change.
    pub rows: Vec<OpgaveRij>,
}

impl Default for OpgavenView {
    fn default() -> OpgavenView {
        OpgavenView {
            row: 0,
            sort: OpgaveKolom::Naam,
            omgekeerd: false,
            groep: false,
            filter: String::new(),
            rows: Vec::new(),
        }
    }
}

impl OpgavenView {
    /// Recomputes the figures from the session's werkmap and conflicts.
    pub fn compute(&mut self, s: &Session) {
        let conflicten = s.derived.people.iter().chain(s.derived.board_conflicts());
        self.rows = portefeuille::opgaven(&s.werkmap, conflicten, s.vandaag);
        for r in &mut self.rows {
            zichtbaar_maken(r);
        }
        self.clamp();
    }

    /// The rows that pass the filter, in the order shown: by portefeuillehouder first when
    /// grouped, then by the sort column. Indexes into `rows`.
    pub fn order(&self) -> Vec<usize> {
        let q = los(self.filter.trim());
        let mut idx: Vec<usize> = (0..self.rows.len())
            .filter(|&i| q.is_empty() || gezocht(&self.rows[i]).contains(&q))
            .collect();
        idx.sort_by(|&a, &b| {
            let (a, b) = (&self.rows[a], &self.rows[b]);
            let groep = if self.groep {
                OpgaveKolom::Portefeuillehouder.vergelijk_zonder_naam(a, b)
            } else {
                std::cmp::Ordering::Equal
            };
            let o = self.sort.vergelijk(a, b);
            groep.then(if self.omgekeerd { o.reverse() } else { o })
        });
        idx
    }

    /// The selected opgave.
    pub fn selected(&self) -> Option<&OpgaveRij> {
        self.order().get(self.row).map(|&i| &self.rows[i])
    }

    /// Handles a command of the opgaven view.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let last = self.order().len().saturating_sub(1);
        match c {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last),
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last),
            Command::Left | Command::Right => {
                let alle = OpgaveKolom::ALLE;
                let i = alle.iter().position(|k| *k == self.sort).unwrap_or(0);
                let n = alle.len();
                let j = if c == Command::Left {
                    (i + n - 1) % n
                } else {
                    (i + 1) % n
                };
                self.keep(|v| {
                    v.sort = alle[j];
                    v.omgekeerd = false;
                });
            }
            Command::Omkeren => {
                self.keep(|v| v.omgekeerd = !v.omgekeerd);
            }
            Command::Groeperen => {
                self.keep(|v| v.groep = !v.groep);
            }
            Command::Filter => return Mode::Filter(TextInput::new(self.filter.clone())).into(),
            // Esc takes the filter off first, then leaves the view.
            Command::Back if !self.filter.is_empty() => {
                self.filter.clear();
                self.row = 0;
            }
            Command::Back => return Step::Back,
            Command::Open => {
                let Some(r) = self.selected() else {
                    return Step::Stay;
                };
                match r.borden.first() {
                    Some(b) => return Step::Go(Go::Bord(b.clone())),
                    None => s.say(crate::wording::opgave_zonder_bord(&r.naam)),
                }
            }
            Command::Capaciteit => {
                if let Some(r) = self.selected() {
                    return Step::Go(Go::OpgaveMensen(r.id.clone()));
                }
            }
            _ => {}
        }
        Step::Stay
    }

    /// Changes the order with `change`; the same opgave stays selected.
    fn keep(&mut self, change: impl FnOnce(&mut OpgavenView)) {
        let id = self.selected().map(|r| r.id.clone());
        change(self);
        let order = self.order();
        self.row = id
            .and_then(|id| order.iter().position(|&i| self.rows[i].id == id))
            .unwrap_or(0);
    }

    /// Keeps the selection within the list after it may have shrunk.
    pub fn clamp(&mut self) {
        self.row = self.row.min(self.order().len().saturating_sub(1));
    }
}

/// Text from the files with its control characters made visible, so a planted escape
/// sequence neither reaches the terminal nor shifts a column (it has no width).
fn zichtbaar_maken(r: &mut OpgaveRij) {
    let z = |s: &mut String| *s = crate::wording::zichtbaar(s).into_owned();
    z(&mut r.naam);
    for s in [
        &mut r.adviseur_naam,
        &mut r.portefeuillehouder,
        &mut r.programma,
        &mut r.doel,
    ]
    .into_iter()
    .flatten()
    {
        z(s);
    }
    if let Some(l) = &mut r.volgende_lta {
        z(&mut l.titel);
    }
}

/// What the filter searches: name, phase, adviser, portefeuillehouder and programme.
fn gezocht(r: &OpgaveRij) -> String {
    los(&[
        r.naam.as_str(),
        crate::wording::fase(r.fase),
        r.adviseur_naam.as_deref().unwrap_or(""),
        r.portefeuillehouder.as_deref().unwrap_or(""),
        r.programma.as_deref().unwrap_or(""),
    ]
    .join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    fn ids(v: &OpgavenView) -> Vec<&str> {
        v.order().iter().map(|&i| v.rows[i].id.as_str()).collect()
    }

    #[test]
    fn sorting_by_a_column_keeps_the_selected_opgave_and_enter_opens_its_board() {
        let mut s = session();
        let mut v = OpgavenView::default();
        v.compute(&s);
        assert_eq!(ids(&v), ["haven", "park"], "by name");
        v.on_command(&mut s, Command::Down);
        assert_eq!(v.selected().unwrap().id, "park");
        // Open: the column of open cards, most first.
        for _ in 0..4 {
            v.on_command(&mut s, Command::Right);
        }
        assert_eq!(v.sort, OpgaveKolom::Open);
        assert_eq!(ids(&v), ["haven", "park"]);
        assert_eq!(v.selected().unwrap().id, "park", "the selection follows");
        v.on_command(&mut s, Command::Omkeren);
        assert_eq!(ids(&v), ["park", "haven"]);
        let step = v.on_command(&mut s, Command::Open);
        assert!(matches!(step, Step::Go(Go::Bord(b)) if b == "opgave-park"));
    }

    #[test]
    fn the_filter_finds_an_opgave_by_its_adviser_without_accents() {
        let mut s = session();
        let mut v = OpgavenView::default();
        v.compute(&s);
        v.filter = "GIJS".into();
        assert_eq!(ids(&v), ["park"]);
        v.on_command(&mut s, Command::Back);
        assert_eq!(ids(&v), ["haven", "park"], "Esc clears the filter first");
    }
}
