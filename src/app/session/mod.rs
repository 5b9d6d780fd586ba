//! The session: what every view shares. The werkmap as the user sees it, its files with the
//! edits not yet on disk, the clock, undo and redo, and the status line. Views read it and
//! change it only through its methods (edits go through [`Session::commit`]).

mod edits;
mod nieuw;
pub mod reload;
mod saves;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::derived::Derived;
use super::edit::Edit;
use super::files::{FileSlot, Files};
use crate::config::Config;
use crate::domain::sync::Millis;
use crate::domain::{Bord, Week, Werkmap};
use crate::storage::{Diagnostic, FileMeta, Loaded};

/// The status line: the last message and the last error. How the files are doing (edits not
/// yet saved or confirmed) is derived from [`Session::files`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    pub message: Option<String>,
    pub error: Option<String>,
    /// When the message was said (the monotonic clock): a key pressed long after clears it.
    pub said_at: Millis,
}

/// Leaving the program: how far it got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Leaving {
    /// Waiting until this moment for saves to be confirmed.
    pub deadline: Option<Millis>,
    /// The process was asked to stop: no dialog, edits go outside the werkmap.
    pub terminating: bool,
    /// Unsaved edits were written outside the werkmap (the shell says where after quitting).
    pub saved_elsewhere: bool,
}

/// What every view shares.
pub struct Session {
    pub werkmap: Werkmap,
    pub root: PathBuf,
    /// Per file: what is on disk and the edits not yet written or confirmed.
    pub files: Files,
    pub fouten: Vec<Diagnostic>,
    /// Conflict copies of boards (a sync tool's): offered for merging.
    pub kopieen: Vec<(FileMeta, Bord)>,
    /// Why the capacity figures are off (no readable organisation), worded.
    pub capaciteit_uit: Option<String>,
    pub vandaag: NaiveDate,
    /// The weeks the conflicts look at.
    pub horizon: Vec<Week>,
    /// The moment notes are signed with (from [`super::Action::Tick`]).
    pub now: NaiveDateTime,
    /// The monotonic clock of the shell, for deadlines (from [`super::Action::Tick`]).
    pub clock: Millis,
    pub leaving: Leaving,
    pub config: Config,
    /// Who signs notes: the configured `gebruiker`, else the login name.
    pub signer: String,
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
    pub status: Status,
    /// Conflicts and markers, computed after every change.
    pub derived: Derived,
    /// The terminal size, for paging.
    pub size: (u16, u16),
    /// Opened on one board file: other files in its folder are not this session's business.
    pub single_board: bool,
    /// A few random characters that make this session's operation ids unique.
    pub writer: String,
    id_state: u64,
    /// Counts the changes to people's load (see [`Session::revision`]).
    revision: u64,
    /// Counts every change to the werkmap's content (see [`Session::inhoud`]).
    inhoud: u64,
}

impl Session {
    /// A session on a loaded werkmap (see [`super::App::new`]).
    pub fn new(
        loaded: Loaded,
        config: Config,
        vandaag: NaiveDate,
        now: NaiveDateTime,
        login: &str,
        seed: u64,
    ) -> Session {
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
        let mut s = Session {
            werkmap: Werkmap::default(),
            root: PathBuf::new(),
            files: Files::default(),
            fouten: Vec::new(),
            kopieen: Vec::new(),
            capaciteit_uit: None,
            vandaag,
            horizon: crate::capacity::default_horizon(vandaag),
            now,
            clock: 0,
            leaving: Leaving::default(),
            config,
            signer,
            undo: Vec::new(),
            redo: Vec::new(),
            status: Status::default(),
            derived: Derived::default(),
            size: (80, 24),
            single_board: false,
            writer: crate::domain::ids::from_bits(seed.rotate_left(23) ^ 0x5851_F42D_4C95_7F2D),
            id_state: seed,
            revision: 0,
            inhoud: 0,
        };
        s.take_werkmap(loaded);
        s
    }

    /// Takes a freshly loaded werkmap.
    fn take_werkmap(&mut self, loaded: Loaded) {
        self.werkmap = loaded.werkmap;
        self.root = loaded.root;
        self.fouten = loaded.fouten;
        self.kopieen = loaded.kopieen;
        self.capaciteit_uit = loaded.capaciteit_uit.map(crate::wording::capaciteit_uit);
        let mut src = IdSource(self.id_state);
        for b in &mut self.werkmap.borden {
            // Cards read without an id get one now; the file gets it at the first save.
            crate::domain::ids::assign_missing(b, || src.next_bits());
        }
        self.id_state = src.0;
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

    /// Random bits from the session's source (random in the shell, fixed in tests).
    pub(crate) fn random_bits(&mut self) -> u64 {
        let mut src = IdSource(self.id_state);
        let bits = src.next_bits();
        self.id_state = src.0;
        bits
    }

    /// A fresh token for a save.
    pub(crate) fn new_token(&mut self) -> String {
        crate::domain::sync::token(self.random_bits())
    }

    /// A fresh card or inzet id, unused in the werkmap.
    pub(crate) fn new_id(&mut self) -> String {
        let mut src = IdSource(self.id_state);
        let taken = |id: &str| {
            self.werkmap
                .borden
                .iter()
                .any(|b| b.kaarten.iter().any(|k| k.id == id) || b.inzet.iter().any(|z| z.id == id))
        };
        let mut id = crate::domain::ids::from_bits(src.next_bits());
        while taken(&id) {
            id = crate::domain::ids::from_bits(src.next_bits());
        }
        self.id_state = src.0;
        id
    }

    /// Recomputes every derived figure.
    pub fn recompute(&mut self) {
        self.derived = Derived::compute(&self.werkmap, &self.horizon, self.vandaag);
        self.revision += 1;
        self.inhoud += 1;
    }

    /// Grows with every change to the werkmap's content, cards included: views that list
    /// cards' figures (the opgaven, the timeline) compute them again when it moved.
    pub fn inhoud(&self) -> u64 {
        self.inhoud
    }

    /// Records a change that left people's load alone.
    pub(crate) fn bump_inhoud(&mut self) {
        self.inhoud += 1;
    }

    /// Grows whenever people's load may have changed: views with figures of their own compute
    /// them again when it moved.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The current week.
    pub fn week(&self) -> Week {
        Week::of(self.vandaag)
    }

    /// How many rows a page is.
    pub fn page(&self) -> usize {
        usize::from(self.size.1 / 5).max(1)
    }

    /// Whether a card is in the archive: in the klaar column for longer than the config's
    /// `archief_na_weken` (a card without `klaar_op` never is: when it finished is unknown).
    pub fn gearchiveerd(&self, bord: &crate::domain::Bord, k: &crate::domain::Kaart) -> bool {
        let weken = i64::from(self.config.archief_na_weken());
        !bord.is_open(k)
            && k.klaar_op
                .is_some_and(|d| d.0 + chrono::Duration::weeks(weken) < self.vandaag)
    }

    /// A person's name, or the id when unknown.
    pub fn person_name(&self, id: &str) -> String {
        self.werkmap
            .organisatie
            .as_ref()
            .and_then(|o| o.persoon(id))
            .map_or_else(|| id.to_string(), |p| p.naam.clone())
    }

    /// Whether the organisation knows this person.
    pub fn persoon_exists(&self, id: &str) -> bool {
        self.werkmap
            .organisatie
            .as_ref()
            .is_some_and(|o| o.persoon(id).is_some())
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

    /// The user as a CoCo: their id when they lead a unit, else `None` (then the inbox shows
    /// every unit's open requests, which they may read but not decide on).
    pub fn coco(&self) -> Option<&str> {
        let user = self.gebruiker()?;
        self.werkmap
            .organisatie
            .as_ref()?
            .eenheden
            .iter()
            .any(|e| e.cocos.iter().any(|c| c == user))
            .then_some(user)
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

    /// Says what just happened on the status line.
    pub fn say(&mut self, message: impl Into<String>) {
        self.status.message = Some(message.into());
        self.status.said_at = self.clock;
    }

    /// A message stays until a key is pressed this long after it was said.
    pub const MESSAGE_MS: Millis = 8_000;

    /// Clears a message said long enough ago that it is about something the user left.
    pub fn forget_old_message(&mut self) {
        if self.clock.saturating_sub(self.status.said_at) >= Self::MESSAGE_MS {
            self.status.message = None;
        }
    }

    /// Says what went wrong on the status line.
    pub fn warn(&mut self, error: impl Into<String>) {
        self.status.error = Some(error.into());
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
}
