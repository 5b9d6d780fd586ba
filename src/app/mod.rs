//! The application: state + `update(Action) -> Vec<Effect>`. No I/O, no clock, no terminal:
//! the shell (`tui`) feeds actions in (time too, as [`Action::Tick`]) and carries effects
//! out, so every behaviour is testable.
//!
//! The state is a [`Session`] (what every view shares: the werkmap, its files, undo, the
//! status line) and one state per view, each in its own module with its own `on_command`:
//! [`overzicht`], [`bord`], [`kaart`], [`capaciteit`], [`conflicten`], [`inzet`], [`mensen`],
//! [`standup`]. A view answers with a [`Step`]; this module routes between views ([`nav`]),
//! keys and dialogs ([`dispatch`]), files that changed on disk ([`reload`]) and quitting
//! ([`quit`]). Uses the core (domain, capacity, storage), config and wording; never the
//! terminal.

pub mod action;
pub mod agenda;
pub mod bord;
pub mod capaciteit;
pub mod conflicten;
pub mod derived;
mod dispatch;
pub mod edit;
pub mod files;
pub mod historie;
pub mod hulp;
pub mod input;
pub mod inrichting;
pub mod inzet;
pub mod kaart;
pub mod keymap;
pub mod mensen;
mod nav;
pub mod opgaven;
pub mod overzicht;
mod quit;
mod reload;
pub mod session;
pub mod standup;
pub mod step;
#[cfg(test)]
mod testing;
pub mod tijdlijn;

use chrono::{NaiveDate, NaiveDateTime};

pub use crate::config::Config;
pub use action::{Action, Command, Doc, Effect, Now, SaveRequest, Target};
pub use bord::{BordView, QuickFilter, Strip};
pub use conflicten::ConflictenView;
pub use derived::Derived;
pub use edit::{Edit, FileKey};
pub use files::{FileSlot, Files};
pub use keymap::View;
pub use quit::QUIT_CHOICES;
pub use session::{Leaving, Session, Status};
pub use step::{Go, Step};

use crate::domain::{Bord, Kaart, KaartStatus};
use crate::storage::Loaded;
use bord::form::CardForm;
use input::TextInput;

/// What the keyboard is doing besides navigating: the dialog over the view, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// The help window, scrolled this many lines.
    Help(usize),
    Filter(TextInput),
    /// A note for the card with this id.
    Note(TextInput, String),
    Form(Box<CardForm>),
    /// Delete this card (as it was when asked).
    ConfirmDelete(Box<Kaart>),
    InzetForm(Box<inzet::InzetForm>),
    Decide(Box<inzet::Decide>),
    /// Why the CoCo agrees although it over-books someone (asked before it is recorded).
    TochReden(TextInput, Box<inzet::Decide>),
    /// The optional reason for declining a request.
    Reason(TextInput, inzet::InzetRef),
    MensForm(Box<mensen::MensForm>),
    /// A cluster, unit or opgave being made or changed.
    OrgForm(Box<inrichting::OrgForm>),
    /// The columns of a board, being set up.
    Kolommen(bord::kolommen::Kolommen),
    KolomForm(Box<bord::kolommen::KolomForm>),
    /// Choosing the columns of a new board for this opgave or cluster: the chosen template.
    Sjabloon(inrichting::NieuwBord, usize),
    AfwezigForm(Box<mensen::AfwezigForm>),
    /// "Wat is er veranderd" on the open board.
    Veranderd(historie::Veranderd),
    /// Quitting with edits that could not be saved: the chosen option.
    QuitPending(usize),
}

/// Each view's own state.
#[derive(Debug, Clone, Default)]
pub struct Views {
    pub overzicht: overzicht::OverzichtView,
    pub bord: BordView,
    pub kaart: kaart::KaartView,
    pub capaciteit: capaciteit::CapaciteitView,
    pub conflicten: ConflictenView,
    pub inzet: inzet::InzetView,
    pub mensen: mensen::MensenView,
    pub inrichting: inrichting::InrichtingView,
    pub opgaven: opgaven::OpgavenView,
    pub tijdlijn: tijdlijn::TijdlijnView,
    pub agenda: agenda::AgendaView,
    /// The stand-up, while one runs.
    pub standup: Option<standup::Standup>,
    /// The history of the board last asked for (`w`, the card view, a stand-up's start).
    pub historie: historie::Historie,
}

/// The smallest terminal the views are drawn in (columns, rows). Below it the screen says it
/// is too small and keys do nothing but Ctrl-c, so nothing happens unseen.
pub const MINSTENS: (u16, u16) = (60, 16);

/// A place to go back to: a view, and the board that was open there (empty when none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plek {
    pub view: View,
    pub bord: String,
}

/// The whole application state: what the views share, and each view's own state.
pub struct App {
    /// The werkmap, its files, the clock, undo and the status line.
    pub session: Session,
    /// The view on screen.
    pub view: View,
    /// The dialog over it.
    pub mode: Mode,
    /// The places Esc goes back to, most recent last; a place appears at most once, so Esc
    /// always gets out.
    pub history: Vec<Plek>,
    pub views: Views,
    /// The session's [`Session::revision`] the views' own figures were computed at.
    seen: u64,
    /// The session's [`Session::inhoud`] the opgaven and the timeline were computed at.
    seen_inhoud: u64,
    /// Effects of a step that happened outside `update` (a stand-up started from the command
    /// line) or deep in navigation: handed out with the next `update`.
    later: Vec<Effect>,
}

impl App {
    /// A new app on a loaded werkmap. `login` signs notes when no `gebruiker` is configured;
    /// `seed` makes the ids of new cards (random in the shell, fixed in tests).
    pub fn new(
        loaded: Loaded,
        config: Config,
        vandaag: NaiveDate,
        now: NaiveDateTime,
        login: &str,
        seed: u64,
    ) -> App {
        let session = Session::new(loaded, config, vandaag, now, login, seed);
        App {
            seen: session.revision(),
            seen_inhoud: session.inhoud(),
            session,
            view: View::Overzicht,
            mode: Mode::Normal,
            history: Vec::new(),
            views: Views::default(),
            later: Vec::new(),
        }
    }

    /// Opened on one board file: other files in its folder are not this session's business.
    pub fn single_board(mut self, single: bool) -> App {
        self.session.single_board = single;
        self
    }

    /// Keeps the views' own figures (the board's strip, the capacity view) current after the
    /// werkmap's load changed.
    fn refresh_views(&mut self) {
        if self.seen_inhoud != self.session.inhoud() {
            self.seen_inhoud = self.session.inhoud();
            if !self.views.opgaven.rows.is_empty() {
                self.views.opgaven.compute(&self.session);
            }
            if !self.views.tijdlijn.rows.is_empty() {
                self.views.tijdlijn.compute(&self.session);
            }
            if self.views.agenda.is_open() {
                self.views.agenda.compute(&self.session);
            }
        }
        if self.seen == self.session.revision() {
            return;
        }
        self.seen = self.session.revision();
        self.views.bord.refresh_strip(&self.session);
        // The capacity view keeps its place while the user edits elsewhere: keep it current.
        if !self.views.capaciteit.weeks.is_empty() {
            self.views.capaciteit.compute(&self.session.werkmap);
        }
    }

    /// The open board.
    pub fn board(&self) -> Option<&Bord> {
        self.views.bord.board(&self.session)
    }

    /// The selected card of the open board.
    pub fn selected_card(&self) -> Option<&Kaart> {
        self.views.bord.selected_card(&self.session)
    }

    /// The cards of a column of the open board that pass the filters, in board order.
    pub fn visible_cards<'a>(&'a self, bord: &'a Bord, kolom: usize) -> Vec<&'a Kaart> {
        self.views.bord.visible_cards(&self.session, bord, kolom)
    }

    /// The boards in overview order, as indexes into `werkmap.borden`.
    pub fn overview_order(&self) -> Vec<usize> {
        overzicht::OverzichtView::order(&self.session)
    }

    /// Every conflict, sorted, that passes the conflict view's filters.
    pub fn conflict_list(&self) -> Vec<&crate::capacity::Conflict> {
        self.views.conflicten.list(&self.session)
    }

    /// The rows of the inzet view.
    pub fn inzet_rows(&self) -> Vec<inzet::InzetRef> {
        self.views.inzet.rows(&self.session)
    }

    /// The inzet selected in the inzet view.
    pub fn selected_inzet(&self) -> Option<inzet::InzetRef> {
        self.views.inzet.selected(&self.session)
    }

    /// The people the Mensen view lists, as indexes into `org.mensen`.
    pub fn mensen_rows(&self) -> Vec<usize> {
        self.views.mensen.rows(&self.session)
    }

    /// The person selected in the Mensen view.
    pub fn selected_persoon(&self) -> Option<&crate::domain::Persoon> {
        self.views.mensen.selected(&self.session)
    }

    /// The view whose keys `?` shows.
    pub fn help_view(&self) -> View {
        self.view
    }
}

/// The Dutch name of a card status, as shown.
pub fn status_naam(s: KaartStatus) -> &'static str {
    match s {
        KaartStatus::OpKoers => "Op koers",
        KaartStatus::Risico => "Risico",
        KaartStatus::Vertraagd => "Vertraagd",
        KaartStatus::Geblokkeerd => "Geblokkeerd",
    }
}
