//! The board view: one board's columns and cards, which card is selected, the filters, and
//! the capacity strip under it. Card edits are in [`edits`], the card form in [`form`].
//!
//! Over 500 lines with its tests (about 250): the view's behaviour and its tests read together.

mod edits;
pub mod form;
pub mod kolommen;
pub mod strip;

use super::action::Command;
use super::input::TextInput;
use super::keymap::View;
use super::session::Session;
use super::step::{Go, Step};
use super::{Mode, status_naam};
use crate::domain::{Bord, Kaart};
use crate::wording;
pub use strip::{Strip, StripRow};

/// Lines per card on a board, the gap included.
pub const CARD_HEIGHT: u16 = 4;

/// How many cards fit in a column `height` lines high: each card's last line is a blank
/// separator, which the last card shown does not need. At least one.
pub fn cards_in(height: u16) -> usize {
    (usize::from(height + 1) / usize::from(CARD_HEIGHT)).max(1)
}

/// The height of the capacity strip under the columns, in `rest` rows below the board's
/// header, for `rows` people or units: a third at most, none when the screen is low. Shared by
/// drawing and paging, so a page is what the screen shows.
pub fn strip_hoogte(rest: u16, rows: usize) -> u16 {
    if rows == 0 || rest < 12 {
        0
    } else {
        (u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(3)).min(rest / 3)
    }
}

/// The quick filters that `f` cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuickFilter {
    #[default]
    Geen,
    Mijn,
    Verlopen,
    InConflict,
}

impl QuickFilter {
    fn next(self) -> QuickFilter {
        match self {
            QuickFilter::Geen => QuickFilter::Mijn,
            QuickFilter::Mijn => QuickFilter::Verlopen,
            QuickFilter::Verlopen => QuickFilter::InConflict,
            QuickFilter::InConflict => QuickFilter::Geen,
        }
    }
}

/// The state of the board view: which board, which column and card, which filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BordView {
    pub bord: String,
    pub kolom: usize,
    /// The selected card, by id, so a reload keeps it.
    pub kaart: Option<String>,
    pub filter: String,
    pub quick: QuickFilter,
    /// The capacity strip of this board.
    pub strip: Strip,
    /// Whether the archive (cards finished longer ago than `archief_na_weken`) shows.
    pub archief: bool,
}

impl BordView {
    /// Handles a command of the board view.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        match c {
            // Esc takes the filters off first, then leaves the board.
            Command::Back if self.filtered() => {
                self.filter.clear();
                self.quick = QuickFilter::Geen;
                self.keep_selection_visible(s);
            }
            Command::Back => return Step::Back,
            Command::Up => self.step_card(s, -1),
            Command::Down => self.step_card(s, 1),
            Command::PageUp => self.step_card(s, -(self.page(s) as isize)),
            Command::PageDown => self.step_card(s, self.page(s) as isize),
            Command::Left => self.step_column(s, -1),
            Command::Right => self.step_column(s, 1),
            Command::Open if self.selected_card(s).is_some() => {
                return Step::Go(Go::View(View::Kaart));
            }
            Command::MoveLeft => self.move_sideways(s, -1),
            Command::MoveRight => self.move_sideways(s, 1),
            Command::MoveUp => self.move_within(s, -1),
            Command::MoveDown => self.move_within(s, 1),
            Command::NewCard => return self.open_form(s, true),
            Command::EditCard | Command::DeleteCard | Command::AddNote => {
                return self.card_command(s, c);
            }
            Command::Filter => return Mode::Filter(TextInput::new(self.filter.clone())).into(),
            Command::Kolommen => return kolommen::open(&self.bord, self.kolom),
            Command::Archief => {
                self.archief = !self.archief;
                s.say(if self.archief {
                    wording::archief_zichtbaar()
                } else {
                    wording::archief_verborgen()
                });
                self.keep_selection_visible(s);
            }
            Command::QuickFilter => {
                self.quick = self.quick.next();
                if self.quick == QuickFilter::Mijn && s.gebruiker().is_none() {
                    // "Mine" needs to know who the user is; without it the board empties.
                    s.warn(wording::mijn_zonder_gebruiker());
                } else if s.status.error.as_deref() == Some(wording::mijn_zonder_gebruiker()) {
                    s.status.error = None;
                }
                self.keep_selection_visible(s);
            }
            Command::Standup => return Step::Go(Go::Standup(vec![self.bord.clone()])),
            Command::Team => {
                return Step::Go(Go::Inzet(
                    super::inzet::Scope::Bord(self.bord.clone()),
                    None,
                ));
            }
            _ => {}
        }
        Step::Stay
    }

    /// How many cards a column shows (as `ui::bord` lays it out): the screen less the status
    /// line, the header, the strip and the column's frame.
    fn page(&self, s: &Session) -> usize {
        let rest = s.size.1.saturating_sub(1 + 2);
        let inner = rest.saturating_sub(strip_hoogte(rest, self.strip.rows.len()) + 2);
        cards_in(inner)
    }

    /// Whether a filter hides cards: a search text or a quick filter.
    pub fn filtered(&self) -> bool {
        !self.filter.is_empty() || self.quick != QuickFilter::Geen
    }

    /// The commands on the selected card, from the board and from the card view.
    pub fn card_command(&mut self, s: &mut Session, c: Command) -> Step {
        let Some(k) = self.selected_card(s) else {
            return Step::Stay;
        };
        match c {
            Command::EditCard => self.open_form(s, false),
            Command::DeleteCard => Mode::ConfirmDelete(Box::new(k.clone())).into(),
            Command::AddNote => Mode::Note(TextInput::default(), k.id.clone()).into(),
            _ => Step::Stay,
        }
    }

    /// Shows this board, keeping the selection when it is already the open one.
    pub fn open(&mut self, s: &Session, id: &str) {
        if self.bord != id {
            *self = BordView {
                bord: id.to_string(),
                ..BordView::default()
            };
        }
        self.refresh_strip(s);
        self.keep_selection_visible(s);
    }

    /// Computes the capacity strip again (after the load changed).
    pub fn refresh_strip(&mut self, s: &Session) {
        self.strip = match self.board(s) {
            Some(b) => Strip::of(&s.werkmap, b, &s.horizon),
            None => Strip::default(),
        };
    }

    /// The open board.
    pub fn board<'a>(&self, s: &'a Session) -> Option<&'a Bord> {
        s.werkmap.bord(&self.bord)
    }

    /// The selected card of the open board.
    pub fn selected_card<'a>(&self, s: &'a Session) -> Option<&'a Kaart> {
        let id = self.kaart.as_deref()?;
        self.board(s)?.kaarten.iter().find(|k| k.id == id)
    }

    /// The cards of a column that pass the filters, in board order.
    pub fn visible_cards<'a>(
        &self,
        s: &'a Session,
        bord: &'a Bord,
        kolom: usize,
    ) -> Vec<&'a Kaart> {
        let Some(col) = bord.kolommen.get(kolom) else {
            return Vec::new();
        };
        bord.kaarten
            .iter()
            .filter(|k| k.kolom == col.id)
            .filter(|k| self.archief || !s.gearchiveerd(bord, k))
            .filter(|k| self.passes(s, bord, k))
            .collect()
    }

    /// How many cards of a column the archive hides now (0 when it shows).
    pub fn archived(&self, s: &Session, bord: &Bord, kolom: usize) -> usize {
        let Some(col) = bord.kolommen.get(kolom) else {
            return 0;
        };
        if self.archief {
            return 0;
        }
        bord.kaarten
            .iter()
            .filter(|k| k.kolom == col.id && s.gearchiveerd(bord, k))
            .count()
    }

    fn passes(&self, s: &Session, bord: &Bord, k: &Kaart) -> bool {
        let q = self.filter.to_lowercase();
        if !q.is_empty() {
            let owner = k
                .eigenaar
                .as_deref()
                .map(|e| s.person_name(e))
                .unwrap_or_default()
                .to_lowercase();
            let status = status_naam(k.status).to_lowercase();
            let hit = k.titel.to_lowercase().contains(&q)
                || owner.contains(&q)
                || k.eigenaar.as_deref().is_some_and(|e| e.contains(&q))
                || k.labels.iter().any(|l| l.to_lowercase().contains(&q))
                || status.contains(&q)
                || k.zaak
                    .as_deref()
                    .is_some_and(|z| z.to_lowercase().contains(&q));
            if !hit {
                return false;
            }
        }
        match self.quick {
            QuickFilter::Geen => true,
            QuickFilter::Mijn => k.eigenaar.as_deref() == Some(s.signer.as_str()),
            QuickFilter::Verlopen => bord.is_open(k) && k.deadline.is_some_and(|d| d.0 < s.vandaag),
            QuickFilter::InConflict => s.derived.card_in_conflict(bord, k),
        }
    }

    /// Makes sure the selection is a visible card of the current column (or nothing).
    pub fn keep_selection_visible(&mut self, s: &Session) {
        let Some(bord) = self.board(s) else { return };
        let kolom = self.kolom.min(bord.kolommen.len().saturating_sub(1));
        let visible = self.visible_cards(s, bord, kolom);
        let keep = self
            .kaart
            .as_ref()
            .is_some_and(|id| visible.iter().any(|k| &k.id == id));
        let first = visible.first().map(|k| k.id.clone());
        self.kolom = kolom;
        if !keep {
            self.kaart = first;
        }
    }

    fn step_card(&mut self, s: &Session, delta: isize) {
        let Some(bord) = self.board(s) else { return };
        let visible = self.visible_cards(s, bord, self.kolom);
        if visible.is_empty() {
            return;
        }
        let pos = self
            .kaart
            .as_ref()
            .and_then(|id| visible.iter().position(|k| &k.id == id))
            .unwrap_or(0);
        let next = (pos as isize + delta).clamp(0, visible.len() as isize - 1) as usize;
        self.kaart = Some(visible[next].id.clone());
    }

    fn step_column(&mut self, s: &Session, delta: isize) {
        let Some(bord) = self.board(s) else { return };
        let row = self
            .kaart
            .as_ref()
            .and_then(|id| {
                self.visible_cards(s, bord, self.kolom)
                    .iter()
                    .position(|k| &k.id == id)
            })
            .unwrap_or(0);
        let kolom =
            (self.kolom as isize + delta).clamp(0, bord.kolommen.len() as isize - 1) as usize;
        let visible = self.visible_cards(s, bord, kolom);
        let pick = visible
            .get(row.min(visible.len().saturating_sub(1)))
            .map(|k| k.id.clone());
        self.kolom = kolom;
        self.kaart = pick;
    }

    /// Selects a card of the open board by id, with its column.
    pub fn select_card(&mut self, s: &Session, id: &str) {
        let Some(bord) = self.board(s) else { return };
        let Some(k) = bord.kaarten.iter().find(|k| k.id == id) else {
            return;
        };
        if let Some(c) = bord.kolommen.iter().position(|c| c.id == k.kolom) {
            self.kolom = c;
            self.kaart = Some(id.to_string());
        }
        self.keep_selection_visible(s);
    }

    /// A click on a card or a column.
    pub fn click(&mut self, s: &Session, kolom: usize, kaart: Option<String>) {
        self.kolom = kolom;
        match kaart {
            Some(k) => self.kaart = Some(k),
            None => self.keep_selection_visible(s),
        }
    }

    /// Shows the source of a conflict on this (open) board: its card, else the card of the
    /// person it is about, else its column. Clears the filters so the card shows.
    pub fn show_conflict(&mut self, s: &Session, c: &crate::capacity::Conflict) {
        let Some(bord) = self.board(s) else { return };
        let card = c.kaart.clone().or_else(|| {
            bord.kaarten
                .iter()
                .find(|k| bord.is_open(k) && k.eigenaar.is_some() && k.eigenaar == c.persoon)
                .map(|k| k.id.clone())
        });
        if let Some(k) = card
            .as_deref()
            .and_then(|id| bord.kaarten.iter().find(|k| k.id == id))
        {
            self.kolom = bord
                .kolommen
                .iter()
                .position(|col| col.id == k.kolom)
                .unwrap_or(0);
            self.kaart = Some(k.id.clone());
            self.filter.clear();
            self.quick = QuickFilter::Geen;
        } else if let Some(kolom) = c
            .kolom
            .as_deref()
            .and_then(|id| bord.kolommen.iter().position(|col| col.id == id))
        {
            self.kolom = kolom;
            self.keep_selection_visible(s);
        }
    }

    /// After the board changed under the view: the selected card stays selected, also when a
    /// colleague moved it to another column.
    pub fn reconcile(&mut self, s: &Session) {
        match self.kaart.clone() {
            Some(id) if self.selected_card(s).is_some() => self.select_card(s, &id),
            _ => self.keep_selection_visible(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{session, session_as};

    fn haven(s: &Session) -> BordView {
        let mut v = BordView::default();
        v.open(s, "opgave-haven");
        v
    }

    fn kolom_of(s: &Session, kaart: &str) -> String {
        let b = s.werkmap.bord("opgave-haven").unwrap();
        b.kaarten
            .iter()
            .find(|k| k.id == kaart)
            .unwrap()
            .kolom
            .clone()
    }

    #[test]
    fn opening_selects_the_first_card_and_the_strip_shows_the_team() {
        let s = session();
        let v = haven(&s);
        assert_eq!((v.kolom, v.kaart.as_deref()), (0, Some("k4")));
        let namen: Vec<&str> = v.strip.rows.iter().map(|r| r.naam.as_str()).collect();
        assert_eq!(
            namen,
            ["Daan Bakker", "Eva Smit", "Fleur Mulder", "Gijs Visser"]
        );
    }

    #[test]
    fn arrows_walk_cards_and_columns_keeping_the_row() {
        let mut s = session();
        let mut v = haven(&s);
        v.on_command(&mut s, Command::Down);
        assert_eq!(v.kaart.as_deref(), Some("k5"));
        v.on_command(&mut s, Command::Right);
        assert_eq!((v.kolom, v.kaart.as_deref()), (1, Some("k2")));
        v.on_command(&mut s, Command::PageDown);
        assert_eq!(v.kaart.as_deref(), Some("k3"));
        v.on_command(&mut s, Command::Right);
        v.on_command(&mut s, Command::Right);
        v.on_command(&mut s, Command::Right);
        assert_eq!((v.kolom, v.kaart.as_deref()), (3, Some("k7")));
    }

    #[test]
    fn moving_a_card_is_one_undoable_edit_and_says_where_it_went() {
        let mut s = session();
        let mut v = haven(&s);
        v.on_command(&mut s, Command::MoveRight);
        assert_eq!(kolom_of(&s, "k4"), "bezig");
        assert_eq!((v.kolom, v.kaart.as_deref()), (1, Some("k4")));
        assert_eq!(s.undo.len(), 1);
        assert!(s.status.message.as_deref().unwrap().contains("Bezig"));
        // At the left edge nothing moves.
        v.on_command(&mut s, Command::MoveLeft);
        v.on_command(&mut s, Command::MoveLeft);
        assert_eq!(kolom_of(&s, "k4"), "todo");
        assert_eq!(s.undo.len(), 2);
    }

    #[test]
    fn moving_within_a_column_changes_the_order() {
        let mut s = session();
        let mut v = haven(&s);
        v.on_command(&mut s, Command::MoveDown);
        let b = s.werkmap.bord("opgave-haven").unwrap();
        let todo: Vec<&str> = b
            .kaarten
            .iter()
            .filter(|k| k.kolom == "todo")
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(todo, ["k5", "k4"]);
    }

    #[test]
    fn the_quick_filter_mine_shows_only_the_users_cards() {
        let mut s = session_as(Some("dbakker"));
        let mut v = haven(&s);
        v.on_command(&mut s, Command::QuickFilter);
        assert_eq!(v.quick, QuickFilter::Mijn);
        let b = v.board(&s).unwrap();
        let mine: Vec<&str> = (0..b.kolommen.len())
            .flat_map(|c| v.visible_cards(&s, b, c))
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(mine, ["k4", "k1", "k7"]);
    }

    #[test]
    fn esc_takes_the_filters_off_before_it_leaves_the_board() {
        let mut s = session_as(Some("dbakker"));
        let mut v = haven(&s);
        v.filter = "smit".into();
        v.on_command(&mut s, Command::QuickFilter);
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Stay));
        assert!(!v.filtered(), "{:?} {:?}", v.filter, v.quick);
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Back));
    }

    #[test]
    fn in_conflict_shows_open_cards_only_and_a_finished_card_has_no_marker() {
        let mut s = session();
        let mut v = haven(&s);
        for _ in 0..3 {
            v.on_command(&mut s, Command::QuickFilter);
        }
        assert_eq!(v.quick, QuickFilter::InConflict);
        let b = v.board(&s).unwrap();
        let shown: Vec<&str> = (0..b.kolommen.len())
            .flat_map(|c| v.visible_cards(&s, b, c))
            .map(|k| k.id.as_str())
            .collect();
        // Daan Bakker is over-booked: his open cards k4 and k1 are in conflict, his finished
        // k7 is not.
        assert!(shown.contains(&"k4") && shown.contains(&"k1"), "{shown:?}");
        assert!(!shown.contains(&"k7"), "{shown:?}");
        let k7 = b.kaarten.iter().find(|k| k.id == "k7").unwrap();
        assert!(!s.derived.card_in_conflict(b, k7));
    }

    #[test]
    fn a_card_moved_into_klaar_is_done() {
        let mut s = session();
        let mut v = haven(&s);
        v.on_command(&mut s, Command::Right);
        v.on_command(&mut s, Command::Right);
        let id = v.kaart.clone().unwrap();
        v.on_command(&mut s, Command::MoveRight);
        let k = |s: &Session| {
            s.werkmap
                .bord("opgave-haven")
                .unwrap()
                .kaarten
                .iter()
                .find(|k| k.id == id)
                .unwrap()
                .clone()
        };
        assert_eq!((k(&s).kolom.as_str(), k(&s).voortgang), ("klaar", 100));
        // One step undoes both.
        let edit = s.undo.pop().unwrap();
        s.apply_edit(&edit.inverted(), crate::domain::ops::Mode::Undo)
            .unwrap();
        assert_eq!(k(&s).kolom, "wacht");
        assert_ne!(k(&s).voortgang, 100);
    }

    #[test]
    fn the_text_filter_searches_owner_names_and_case_numbers() {
        let s = session();
        let mut v = haven(&s);
        let b = v.board(&s).unwrap().clone();
        v.filter = "smit".into();
        assert_eq!(v.visible_cards(&s, &b, 1).len(), 1);
        v.filter = "z/26/000042".into();
        assert_eq!(v.visible_cards(&s, &b, 1)[0].id, "k2");
    }

    #[test]
    fn card_commands_open_their_dialogs() {
        let mut s = session();
        let mut v = haven(&s);
        assert!(matches!(
            v.on_command(&mut s, Command::NewCard),
            Step::Dialog(Mode::Form(f)) if f.is_new && f.kaart.kolom == "todo"
        ));
        assert!(matches!(
            v.on_command(&mut s, Command::DeleteCard),
            Step::Dialog(Mode::ConfirmDelete(k)) if k.id == "k4"
        ));
        assert!(matches!(
            v.on_command(&mut s, Command::AddNote),
            Step::Dialog(Mode::Note(_, id)) if id == "k4"
        ));
        assert!(matches!(
            v.on_command(&mut s, Command::Team),
            Step::Go(Go::Inzet(super::super::inzet::Scope::Bord(b), None)) if b == "opgave-haven"
        ));
    }

    #[test]
    fn a_conflict_shows_its_card_with_the_filters_cleared() {
        let s = session();
        let mut v = haven(&s);
        v.filter = "niets".into();
        let c = s
            .derived
            .board_conflicts()
            .find(|c| c.soort == crate::capacity::ConflictSoort::DeadlineVerlopen)
            .unwrap()
            .clone();
        v.show_conflict(&s, &c);
        assert_eq!((v.kolom, v.kaart.as_deref()), (1, Some("k2")));
        assert!(v.filter.is_empty());
    }
}
