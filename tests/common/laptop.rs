//! A laptop without a terminal: the real [`App`] and the real disk worker ([`Disk`]) on a
//! werkmap folder, driven step by step with a clock the test controls.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use planbord::app::{Action, App, Config, Effect, Now, SaveRequest};
use planbord::storage;
use planbord::tui::worker::{Disk, Job};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A werkmap copied into a fresh temporary folder.
pub fn werkmap_copy(from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_file() {
            std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
        }
    }
    dir
}

/// The save effects among these.
pub fn saves(effects: &[Effect]) -> Vec<&SaveRequest> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(r) => Some(r.as_ref()),
            _ => None,
        })
        .collect()
}

pub struct Laptop {
    pub app: App,
    pub disk: Disk,
    pub root: PathBuf,
    /// The monotonic clock in ms.
    pub clock: u64,
    pub start: NaiveDateTime,
    /// Every effect the app asked for, in order (saves were carried out).
    pub effects: Vec<Effect>,
}

impl Laptop {
    /// Opens a werkmap as `login` (the configured user), on `vandaag`, with a seed for ids.
    pub fn open(root: &Path, gebruiker: Option<&str>, vandaag: NaiveDate, seed: u64) -> Laptop {
        let loaded = storage::load(root);
        let known: HashMap<String, storage::ContentHash> = loaded
            .board_files
            .iter()
            .map(|f| (f.name.clone(), f.hash))
            .chain(
                loaded
                    .organisatie_file
                    .iter()
                    .map(|f| (f.name.clone(), f.hash)),
            )
            .collect();
        let org = loaded.werkmap.organisatie.clone();
        let start = vandaag.and_hms_opt(9, 0, 0).unwrap();
        let config = Config {
            gebruiker: gebruiker.map(str::to_string),
            ..Config::default()
        };
        let app = App::new(loaded, config, vandaag, start, "tester", seed);
        let disk = Disk::new(root.to_path_buf(), known, org, None);
        let mut l = Laptop {
            app,
            disk,
            root: root.to_path_buf(),
            clock: 1,
            start,
            effects: Vec::new(),
        };
        l.tick();
        l
    }

    fn now(&self) -> Now {
        Now {
            mono: self.clock,
            local: self.start + chrono::Duration::milliseconds(self.clock as i64),
        }
    }

    /// Feeds an action and carries out every effect through the disk, until nothing is left.
    pub fn act(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(a) = (!queue.is_empty()).then(|| queue.remove(0)) {
            for e in self.app.update(a) {
                match &e {
                    Effect::Save(req) => {
                        let local = self.now().local;
                        queue.extend(self.disk.handle(Job::Save(req.clone(), local)));
                    }
                    Effect::RemoveCopy(p) => {
                        let local = self.now().local;
                        queue.extend(self.disk.handle(Job::Retire(p.clone(), local)));
                    }
                    Effect::SaveElsewhere(docs) => {
                        let local = self.now().local;
                        queue.extend(self.disk.handle(Job::SaveElsewhere(docs.clone(), local)));
                    }
                    Effect::Vastleggen { bestand, entries } => {
                        let job = Job::Vastleggen(bestand.clone(), entries.clone());
                        queue.extend(self.disk.handle(job));
                    }
                    Effect::LeesHistorie { bestand } => {
                        queue.extend(self.disk.handle(Job::LeesHistorie(bestand.clone())));
                    }
                    Effect::Quit => {}
                }
                self.effects.push(e);
            }
        }
    }

    /// Time passes (saves start, confirmations come).
    pub fn advance(&mut self, ms: u64) {
        self.clock += ms;
        self.tick();
    }

    pub fn tick(&mut self) {
        let now = self.now();
        self.act(Action::Tick(now));
    }

    /// The watcher looks at every file of the werkmap.
    pub fn watch(&mut self) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for a in self.disk.handle(Job::Look(paths)) {
            self.act(a);
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.act(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn typ(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Opens a board by id in the board view.
    pub fn open_board(&mut self, id: &str) {
        let i = self
            .app
            .session
            .werkmap
            .borden
            .iter()
            .position(|b| b.id == id)
            .unwrap();
        // A click selects the board in the overview, a click on the selected one opens it.
        self.act(Action::Click(planbord::app::Target::Board(i)));
        if self.app.view != planbord::app::View::Bord {
            self.act(Action::Click(planbord::app::Target::Board(i)));
        }
        assert_eq!(self.app.view, planbord::app::View::Bord);
    }

    /// Selects a card of the open board by clicking it.
    pub fn select_card(&mut self, id: &str) {
        let bord = self.app.board().unwrap();
        let k = bord.kaarten.iter().find(|k| k.id == id).unwrap();
        let kolom = bord.kolommen.iter().position(|c| c.id == k.kolom).unwrap();
        self.act(Action::Click(planbord::app::Target::Card {
            kolom,
            kaart: id.to_string(),
        }));
    }

    /// Selects an inzet in the inzet view with the arrow keys.
    pub fn select_inzet(&mut self, id: &str) {
        let rows = self.app.inzet_rows();
        let want = rows.iter().position(|r| r.inzet == id).unwrap();
        for _ in 0..rows.len() {
            self.key(KeyCode::Up);
        }
        for _ in 0..want {
            self.key(KeyCode::Down);
        }
        assert_eq!(self.app.selected_inzet().unwrap().inzet, id);
    }

    /// Ticks and watches until every edit is confirmed or `max_ms` passed.
    pub fn settle(&mut self, max_ms: u64) -> bool {
        let until = self.clock + max_ms;
        while self.clock < until {
            self.advance(250);
            self.watch();
            if self.app.session.files.unconfirmed() == 0 {
                return true;
            }
        }
        false
    }
}
