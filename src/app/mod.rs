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
pub mod standup;
mod update;
mod update_files;
mod update_kaart;
mod update_views;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

pub use crate::config::Config;
pub use action::{Action, Command, Doc, Effect, Now, SaveRequest, Target};
pub use derived::{Derived, Strip};
pub use edit::{Edit, FileKey};
pub use files::{FileSlot, Files};
pub use keymap::View;

use crate::domain::{Bord, Kaart, KaartStatus, Week, Werkmap};
use crate::storage::{Diagnostic, FileMeta, Loaded};
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

/// How the files are doing, for the status line.
/// The status line: the last message and the last error. How the files are doing (edits not
/// yet saved or confirmed) is derived from [`App::files`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    pub message: Option<String>,
    pub error: Option<String>,
}

/// The whole application state.
pub struct App {
    pub werkmap: Werkmap,
    pub root: PathBuf,
    /// Per file: what is on disk and the edits not yet written or confirmed.
    pub files: Files,
    pub fouten: Vec<Diagnostic>,
    /// Conflict copies of boards (a sync tool's): offered for merging.
    pub kopieen: Vec<(FileMeta, Bord)>,
    pub capaciteit_uit: Option<String>,
    pub vandaag: NaiveDate,
    pub horizon: Vec<Week>,
    /// The moment notes are signed with (from [`Action::Tick`]).
    pub now: NaiveDateTime,
    /// The monotonic clock of the shell, for deadlines (from [`Action::Tick`]).
    pub clock: crate::domain::sync::Millis,
    /// Quitting: waiting until this moment for saves to be confirmed.
    pub quitting: Option<crate::domain::sync::Millis>,
    /// Quitting because the process was asked to stop: no dialog, edits go outside the werkmap.
    pub terminating: bool,
    /// Unsaved edits were written outside the werkmap (the shell says where after quitting).
    pub saved_elsewhere: bool,
    pub config: Config,
    /// Who signs notes: the configured `gebruiker`, else the login name.
    pub signer: String,
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
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
    pub status: Status,
    pub derived: Derived,
    /// The terminal size, for paging.
    pub size: (u16, u16),
    /// Opened on one board file: other files in its folder are not this session's business.
    pub single_board: bool,
    /// A few random characters that make this session's operation ids unique.
    pub writer: String,
    id_state: u64,
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
        let signer = config
            .gebruiker
            .clone()
            .filter(|g| {
                loaded
                    .werkmap
                    .organisatie
                    .as_ref()
                    .is_none_or(|o| o.persoon(g).is_some())
            })
            .unwrap_or_else(|| login.to_string());
        let horizon = crate::capacity::default_horizon(vandaag);
        let mut app = App {
            werkmap: Werkmap::default(),
            root: PathBuf::new(),
            files: Files::default(),
            fouten: Vec::new(),
            kopieen: Vec::new(),
            capaciteit_uit: None,
            vandaag,
            horizon,
            now,
            clock: 0,
            quitting: None,
            terminating: false,
            saved_elsewhere: false,
            config,
            signer,
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
            undo: Vec::new(),
            redo: Vec::new(),
            status: Status::default(),
            derived: Derived::default(),
            size: (80, 24),
            single_board: false,
            writer: crate::domain::ids::from_bits(seed.rotate_left(23) ^ 0x5851_F42D_4C95_7F2D),
            id_state: seed,
        };
        app.replace_werkmap(loaded);
        app
    }

    /// Takes a freshly loaded werkmap, keeping the selection by id.
    fn replace_werkmap(&mut self, loaded: Loaded) {
        self.werkmap = loaded.werkmap;
        self.root = loaded.root;
        self.fouten = loaded.fouten;
        self.kopieen = loaded.kopieen;
        self.capaciteit_uit = loaded.capaciteit_uit.map(crate::wording::capaciteit_uit);
        let mut src = self.id_source();
        for b in &mut self.werkmap.borden {
            // Cards read without an id get one now; the file gets it at the first save.
            crate::domain::ids::assign_missing(b, || src.next_bits());
        }
        self.id_state = src.state();
        let now = self.clock;
        let writer = self.writer.clone();
        self.files = Files {
            borden: self
                .werkmap
                .borden
                .iter()
                .zip(loaded.board_files)
                .map(|(b, meta)| (b.id.clone(), FileSlot::new(meta, b.clone(), now, &writer)))
                .collect(),
            organisatie: loaded
                .organisatie_file
                .zip(self.werkmap.organisatie.clone())
                .map(|(meta, org)| FileSlot::new(meta, org, now, &writer)),
        };
        self.recompute();
    }

    fn id_source(&self) -> IdSource {
        IdSource(self.id_state)
    }

    /// Random bits from the session's source (random in the shell, fixed in tests).
    pub(crate) fn random_bits(&mut self) -> u64 {
        let mut src = self.id_source();
        let bits = src.next_bits();
        self.id_state = src.state();
        bits
    }

    /// A fresh token for a save.
    pub(crate) fn new_token(&mut self) -> String {
        crate::domain::sync::token(self.random_bits())
    }

    /// A fresh card id.
    pub(crate) fn new_id(&mut self) -> String {
        let mut src = self.id_source();
        let taken = |id: &str| {
            self.werkmap
                .borden
                .iter()
                .any(|b| b.kaarten.iter().any(|k| k.id == id))
        };
        let mut id = crate::domain::ids::from_bits(src.next_bits());
        while taken(&id) {
            id = crate::domain::ids::from_bits(src.next_bits());
        }
        self.id_state = src.state();
        id
    }

    /// Recomputes every derived figure.
    pub fn recompute(&mut self) {
        self.derived = Derived::compute(&self.werkmap, &self.horizon, self.vandaag);
        self.refresh_strip();
        // The capacity view keeps its place while the user edits elsewhere: keep it current.
        if !self.capaciteit.weeks.is_empty() {
            self.capaciteit.compute(&self.werkmap);
        }
    }

    /// Every conflict, sorted, that passes the conflict view's filters.
    pub fn conflict_list(&self) -> Vec<&crate::capacity::Conflict> {
        let q = self.conflicten.filter.to_lowercase();
        let mut all: Vec<&crate::capacity::Conflict> = self
            .derived
            .people
            .iter()
            .chain(self.derived.board_conflicts())
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
            .and_then(|b| self.werkmap.bord(b))
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
            Some(i) => Strip::of(&self.werkmap, &self.werkmap.borden[i], &self.horizon),
            None => Strip::default(),
        };
    }

    /// The boards in overview order: clusterkamers first, then opgaveteams, each by title.
    pub fn overview_order(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.werkmap.borden.len()).collect();
        idx.sort_by_key(|&i| {
            let b = &self.werkmap.borden[i];
            (
                matches!(b.soort, crate::domain::BordSoort::Opgaveteam { .. }),
                b.titel.to_lowercase(),
            )
        });
        idx
    }

    /// The index of the open board.
    pub fn board_index(&self) -> Option<usize> {
        self.werkmap
            .borden
            .iter()
            .position(|b| b.id == self.bord.bord)
    }

    /// The open board.
    pub fn board(&self) -> Option<&Bord> {
        self.board_index().map(|i| &self.werkmap.borden[i])
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
                .map(|e| self.person_name(e))
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
            QuickFilter::Mijn => k.eigenaar.as_deref() == Some(self.signer.as_str()),
            QuickFilter::Verlopen => {
                bord.is_open(k) && k.deadline.is_some_and(|d| d.0 < self.vandaag)
            }
            QuickFilter::InConflict => self.derived.card_in_conflict(bord, k),
        }
    }

    /// A person's name, or the id when unknown.
    pub fn person_name(&self, id: &str) -> String {
        self.werkmap
            .organisatie
            .as_ref()
            .and_then(|o| o.persoon(id))
            .map_or_else(|| id.to_string(), |p| p.naam.clone())
    }

    /// The file of a board.
    pub fn file_of(&self, bord: &str) -> Option<&FileMeta> {
        self.files.borden.get(bord).map(|s| &s.meta)
    }

    /// The configured user when that is a known person: the CoCo whose inbox shows.
    pub fn gebruiker(&self) -> Option<&str> {
        let g = self.config.gebruiker.as_deref()?;
        self.werkmap
            .organisatie
            .as_ref()?
            .persoon(g)
            .map(|p| p.id.as_str())
    }

    /// The rows of the inzet view.
    pub fn inzet_rows(&self) -> Vec<inzet::InzetRef> {
        inzet::rows(&self.werkmap, &self.inzet.scope, self.gebruiker())
    }

    /// The inzet selected in the inzet view.
    pub fn selected_inzet(&self) -> Option<inzet::InzetRef> {
        self.inzet_rows().get(self.inzet.row).cloned()
    }

    /// Whether the user may decide on a claim on this person: a CoCo of the person's unit, or
    /// anyone when no known user is configured. The error says who may.
    pub fn may_decide(&self, persoon: &str) -> Result<(), String> {
        let Some(user) = self.gebruiker() else {
            return Ok(());
        };
        let Some(org) = &self.werkmap.organisatie else {
            return Ok(());
        };
        let Some(eenheid) = org.persoon(persoon).and_then(|p| org.eenheid(&p.eenheid)) else {
            return Ok(());
        };
        if eenheid.cocos.iter().any(|c| c == user) {
            Ok(())
        } else {
            let namen: Vec<String> = eenheid.cocos.iter().map(|c| self.person_name(c)).collect();
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

/// Deterministic id bits from a seed (SplitMix64).
struct IdSource(u64);

impl IdSource {
    fn next_bits(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn state(&self) -> u64 {
        self.0
    }
}
