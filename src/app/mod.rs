//! The application: state + `update(Action) -> Vec<Effect>`. No I/O, no clock, no terminal:
//! the shell (`tui`) feeds actions in and carries effects out, so every behaviour is testable.

pub mod action;
pub mod capaciteit;
pub mod derived;
pub mod edit;
pub mod files;
pub mod form;
pub mod input;
pub mod inzet;
mod inzet_update;
pub mod keymap;
pub mod mensen;
mod mensen_update;
pub mod session;
pub mod standup;
mod update;
mod update_files;
mod update_kaart;
mod update_views;

use chrono::{NaiveDate, NaiveDateTime};

pub use crate::config::Config;
pub use action::{Action, Command, Doc, Effect, Now, SaveRequest, Target};
pub use derived::{Derived, Strip};
pub use edit::{Edit, FileKey};
pub use files::{FileSlot, Files};
pub use keymap::View;
pub use session::{Leaving, Session, Status};

use crate::domain::{Bord, Kaart, KaartStatus};
use crate::storage::{FileMeta, Loaded};
use form::CardForm;
use input::TextInput;

/// What the keyboard is doing besides navigating.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    Filter(TextInput),
    /// A note for the card with this id.
    Note(TextInput, String),
    Form(Box<CardForm>),
    /// Delete this card (as it was when asked).
    ConfirmDelete(Box<Kaart>),
    InzetForm(Box<inzet::InzetForm>),
    Decide(Box<inzet::Decide>),
    /// The optional reason for declining a request.
    Reason(TextInput, inzet::InzetRef),
    MensForm(Box<mensen::MensForm>),
    AfwezigForm(Box<mensen::AfwezigForm>),
    /// Quitting with edits that could not be saved: the chosen option.
    QuitPending(usize),
}

/// The state of the conflict list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConflictenView {
    pub row: usize,
    pub filter: String,
    /// Only this kind, when set (`f` cycles).
    pub soort: Option<crate::capacity::ConflictSoort>,
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
}

/// The whole application state: what the views share, and each view's own state.
pub struct App {
    /// The werkmap, its files, the clock, undo and the status line.
    pub session: Session,
    pub view: View,
    pub mode: Mode,
    /// The selected row of the overview, as an index into [`App::overview_order`].
    pub overzicht: usize,
    pub bord: BordView,
    pub kaart_scroll: u16,
    pub capaciteit: capaciteit::CapaciteitView,
    pub conflicten: ConflictenView,
    pub inzet: inzet::InzetView,
    pub mensen: mensen::MensenView,
    /// The stand-up, while one runs.
    pub standup: Option<standup::Standup>,
    /// Where Esc goes from the capacity and conflict views.
    pub return_to: View,
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
        let mut app = App {
            session: Session::new(loaded, config, vandaag, now, login, seed),
            view: View::Overzicht,
            mode: Mode::Normal,
            overzicht: 0,
            bord: BordView::default(),
            kaart_scroll: 0,
            capaciteit: capaciteit::CapaciteitView::default(),
            conflicten: ConflictenView::default(),
            inzet: inzet::InzetView::default(),
            mensen: mensen::MensenView::default(),
            standup: None,
            return_to: View::Overzicht,
        };
        app.recompute();
        app
    }

    /// Recomputes every derived figure.
    pub fn recompute(&mut self) {
        self.session.recompute();
        self.refresh_strip();
        // The capacity view keeps its place while the user edits elsewhere: keep it current.
        if !self.capaciteit.weeks.is_empty() {
            self.capaciteit.compute(&self.session.werkmap);
        }
    }

    /// Every conflict, sorted, that passes the conflict view's filters.
    pub fn conflict_list(&self) -> Vec<&crate::capacity::Conflict> {
        let q = self.conflicten.filter.to_lowercase();
        let mut all: Vec<&crate::capacity::Conflict> = self
            .session
            .derived
            .people
            .iter()
            .chain(self.session.derived.board_conflicts())
            .filter(|c| self.conflicten.soort.is_none_or(|s| c.soort == s))
            .filter(|c| q.is_empty() || self.conflict_text(c).contains(&q))
            .collect();
        all.sort_by(|a, b| a.order(b));
        all
    }

    /// What the conflict filter searches: kind, severity, ids, opgave, week and explanation.
    fn conflict_text(&self, c: &crate::capacity::Conflict) -> String {
        let opgave = c
            .bord
            .as_deref()
            .and_then(|b| self.session.werkmap.bord(b))
            .and_then(|b| b.opgave())
            .unwrap_or("");
        let week = c.week.map(|w| w.to_string()).unwrap_or_default();
        [
            c.soort.naam(),
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

    fn refresh_strip(&mut self) {
        self.bord.strip = match self.board_index() {
            Some(i) => Strip::of(
                &self.session.werkmap,
                &self.session.werkmap.borden[i],
                &self.session.horizon,
            ),
            None => Strip::default(),
        };
    }

    /// The boards in overview order: clusterkamers first, then opgaveteams, each by title.
    pub fn overview_order(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.session.werkmap.borden.len()).collect();
        idx.sort_by_key(|&i| {
            let b = &self.session.werkmap.borden[i];
            (
                matches!(b.soort, crate::domain::BordSoort::Opgaveteam { .. }),
                b.titel.to_lowercase(),
            )
        });
        idx
    }

    /// The index of the open board.
    pub fn board_index(&self) -> Option<usize> {
        self.session
            .werkmap
            .borden
            .iter()
            .position(|b| b.id == self.bord.bord)
    }

    /// The open board.
    pub fn board(&self) -> Option<&Bord> {
        self.board_index().map(|i| &self.session.werkmap.borden[i])
    }

    /// The selected card of the open board.
    pub fn selected_card(&self) -> Option<&Kaart> {
        let id = self.bord.kaart.as_deref()?;
        self.board()?.kaarten.iter().find(|k| k.id == id)
    }

    /// The cards of a column that pass the filters, in board order.
    pub fn visible_cards<'a>(&'a self, bord: &'a Bord, kolom: usize) -> Vec<&'a Kaart> {
        let Some(col) = bord.kolommen.get(kolom) else {
            return Vec::new();
        };
        bord.kaarten
            .iter()
            .filter(|k| k.kolom == col.id)
            .filter(|k| self.passes(bord, k))
            .collect()
    }

    fn passes(&self, bord: &Bord, k: &Kaart) -> bool {
        let q = self.bord.filter.to_lowercase();
        if !q.is_empty() {
            let owner = k
                .eigenaar
                .as_deref()
                .map(|e| self.session.person_name(e))
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
        match self.bord.quick {
            QuickFilter::Geen => true,
            QuickFilter::Mijn => k.eigenaar.as_deref() == Some(self.session.signer.as_str()),
            QuickFilter::Verlopen => {
                bord.is_open(k) && k.deadline.is_some_and(|d| d.0 < self.session.vandaag)
            }
            QuickFilter::InConflict => self.session.derived.card_in_conflict(bord, k),
        }
    }

    /// A person's name, or the id when unknown.
    pub fn person_name(&self, id: &str) -> String {
        self.session
            .werkmap
            .organisatie
            .as_ref()
            .and_then(|o| o.persoon(id))
            .map_or_else(|| id.to_string(), |p| p.naam.clone())
    }

    /// The file of a board.
    pub fn file_of(&self, bord: &str) -> Option<&FileMeta> {
        self.session.files.borden.get(bord).map(|s| &s.meta)
    }

    /// The configured user when that is a known person: the CoCo whose inbox shows.
    pub fn gebruiker(&self) -> Option<&str> {
        let g = self.session.config.gebruiker.as_deref()?;
        self.session
            .werkmap
            .organisatie
            .as_ref()?
            .persoon(g)
            .map(|p| p.id.as_str())
    }

    /// The rows of the inzet view.
    pub fn inzet_rows(&self) -> Vec<inzet::InzetRef> {
        inzet::rows(
            &self.session.werkmap,
            &self.inzet.scope,
            self.session.gebruiker(),
        )
    }

    /// The inzet selected in the inzet view.
    pub fn selected_inzet(&self) -> Option<inzet::InzetRef> {
        self.inzet_rows().get(self.inzet.row).cloned()
    }

    /// Whether the user may decide on a claim on this person: a CoCo of the person's unit, or
    /// anyone when no known user is configured. The error says who may.
    pub fn may_decide(&self, persoon: &str) -> Result<(), String> {
        let Some(user) = self.session.gebruiker() else {
            return Ok(());
        };
        let Some(org) = &self.session.werkmap.organisatie else {
            return Ok(());
        };
        let Some(eenheid) = org.persoon(persoon).and_then(|p| org.eenheid(&p.eenheid)) else {
            return Ok(());
        };
        if eenheid.cocos.iter().any(|c| c == user) {
            Ok(())
        } else {
            let namen: Vec<String> = eenheid
                .cocos
                .iter()
                .map(|c| self.session.person_name(c))
                .collect();
            Err(crate::wording::alleen_coco(&eenheid.naam, &namen))
        }
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
