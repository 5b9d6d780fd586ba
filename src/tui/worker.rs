//! The disk worker: every file operation of the TUI runs here, off the screen's thread, so the
//! screen never waits for a lock, a slow share or an fsync. Saves, reads after a change the
//! watcher reported, and the clean-up of conflict copies go in through a channel in order;
//! results come back to the event loop as actions. [`Disk`] does the work itself, without a
//! thread, so tests can drive an [`App`](crate::app::App) against real files step by step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use chrono::NaiveDateTime;

use super::Wake;
use crate::app::{Action, Doc, FileKey, SaveRequest};
use crate::domain::Organisatie;
use crate::domain::historie::Gebeurtenis;
use crate::storage::historie;
use crate::storage::save::{self, SaveError};
use crate::storage::{self, ContentHash};

/// What the worker is asked to do.
pub enum Job {
    Save(Box<SaveRequest>, NaiveDateTime),
    /// The watcher saw these paths change: read what changed, report what is new.
    Look(Vec<PathBuf>),
    /// Move a merged conflict copy into `.planbord/vorige/`.
    Retire(PathBuf, NaiveDateTime),
    /// Write these contents outside the werkmap (the user's data folder).
    SaveElsewhere(Vec<(String, Doc)>, NaiveDateTime),
    /// Append entries to the history of a board file (by name).
    Vastleggen(String, Vec<Gebeurtenis>),
    /// Read the history of a board file (by name).
    LeesHistorie(String),
}

/// The running worker; dropping it stops the thread after the jobs already sent.
pub struct Worker {
    tx: Option<Sender<Job>>,
    handle: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts the worker for a werkmap. `known` are the hashes of the files as loaded (so the
    /// first change reported for them is compared with what the app has); `single` limits a
    /// single-board session to its own file; `login` names this writer's history files.
    pub fn start(
        root: PathBuf,
        known: HashMap<String, ContentHash>,
        org: Option<Organisatie>,
        single: Option<String>,
        login: &str,
        out: Sender<Wake>,
    ) -> Worker {
        let (tx, rx) = mpsc::channel::<Job>();
        let mut disk = Disk::new(root, known, org, single);
        disk.set_writer(login);
        let handle = std::thread::spawn(move || {
            while let Ok(job) = rx.recv() {
                for action in disk.handle(job) {
                    if out.send(Wake::Disk(Box::new(action))).is_err() {
                        return;
                    }
                }
            }
        });
        Worker {
            tx: Some(tx),
            handle: Some(handle),
        }
    }

    /// Queues a job.
    pub fn send(&self, job: Job) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the thread once it has done what was asked.
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// The file operations of a session, carried out one job at a time.
pub struct Disk {
    root: PathBuf,
    /// Per file name: the hash of the version last read or written here.
    known: HashMap<String, ContentHash>,
    /// The organisation on disk, which board files are checked against.
    org: Option<Organisatie>,
    single: Option<String>,
    /// This writer's history file name (`login@host.jsonl`).
    schrijver: String,
    out: Vec<Action>,
}

impl Disk {
    /// The file operations of a werkmap; see [`Worker::start`].
    pub fn new(
        root: PathBuf,
        known: HashMap<String, ContentHash>,
        org: Option<Organisatie>,
        single: Option<String>,
    ) -> Disk {
        Disk {
            root,
            known,
            org,
            single,
            schrijver: historie::schrijver("onbekend", &storage::lock::host_name()),
            out: Vec::new(),
        }
    }

    /// Names this writer's history files after `login` and this machine.
    pub fn set_writer(&mut self, login: &str) {
        self.schrijver = historie::schrijver(login, &storage::lock::host_name());
    }

    /// Appends to a board's history; a failure is said in the status line and blocks nothing.
    fn vastleggen(&mut self, bestand: &str, entries: &[Gebeurtenis]) {
        if let Err(e) = historie::voeg_toe(&self.root, bestand, &self.schrijver, entries) {
            self.send(Action::Say(crate::app::Status {
                message: Some(crate::wording::historie_niet_bijgehouden(bestand, &e)),
                ..Default::default()
            }));
        }
    }

    /// Does one job and returns what the app must hear.
    pub fn handle(&mut self, job: Job) -> Vec<Action> {
        match job {
            Job::Save(req, now) => self.save(*req, now),
            Job::Look(paths) => {
                for p in paths {
                    self.look(&p);
                }
            }
            Job::Retire(path, now) => {
                if let Err(e) = save::retire(&path, now) {
                    self.send(Action::SaveFailed {
                        file: FileKey::Bord(String::new()),
                        token: String::new(),
                        changed: false,
                        melding: crate::wording::opslaan_fout(&e),
                    });
                }
            }
            Job::SaveElsewhere(docs, now) => {
                let result = save_elsewhere(&docs, now);
                self.send(Action::SavedElsewhere(result));
            }
            Job::Vastleggen(bestand, entries) => self.vastleggen(&bestand, &entries),
            Job::LeesHistorie(bestand) => {
                let gelezen = historie::lees(&self.root, &bestand);
                self.send(Action::Historie {
                    bestand,
                    gelezen: Box::new(gelezen),
                });
            }
        }
        std::mem::take(&mut self.out)
    }

    fn send(&mut self, action: Action) {
        self.out.push(action);
    }

    fn save(&mut self, req: SaveRequest, now: NaiveDateTime) {
        let result = match &req.content {
            Doc::Bord(b) => save::save_document(&req.path, req.expected, b.as_ref(), now),
            Doc::Organisatie(o) => save::save_document(&req.path, req.expected, o.as_ref(), now),
        };
        match result {
            Ok(w) => {
                self.known.insert(req.name.clone(), w.hash);
                // A merge log that cannot be written must not undo a save that succeeded.
                let _ = save::log_merge(&self.root, &req.name, &req.log, now);
                // Nor can the history (it says so in the status line).
                self.vastleggen(&req.name, &req.historie);
                self.send(Action::Saved {
                    file: req.file.clone(),
                    token: req.token.clone(),
                    hash: w.hash,
                });
                if let Some(back) = w.back {
                    // Another writer renamed its version over ours: the app must see it.
                    self.known.insert(req.name.clone(), ContentHash::of(&back));
                    self.report(&req.path, &req.name);
                }
            }
            Err(SaveError::Changed { bytes, .. }) => {
                // The new version first, so the app has it before the save is retried.
                match bytes {
                    Some(b) => {
                        self.known.insert(req.name.clone(), ContentHash::of(&b));
                        self.report(&req.path, &req.name);
                    }
                    None => {
                        self.known.remove(&req.name);
                        self.send(Action::FileRemoved {
                            name: req.name.clone(),
                        });
                    }
                }
                self.send(Action::SaveFailed {
                    file: req.file,
                    token: req.token,
                    changed: true,
                    melding: String::new(),
                });
            }
            Err(e) => self.send(Action::SaveFailed {
                file: req.file,
                token: req.token,
                changed: false,
                melding: crate::wording::opslaan_fout(&e),
            }),
        }
    }

    /// A path the watcher reported: tell the app what changed, if anything did.
    fn look(&mut self, path: &Path) {
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            return;
        };
        if !name.ends_with(".ron") || name.starts_with('.') {
            return;
        }
        let is_org = name == storage::load::ORGANISATIE;
        if !is_org && self.single.as_ref().is_some_and(|s| *s != name) {
            return;
        }
        match save::read_regular(path) {
            Ok(None) => {
                if self.known.remove(&name).is_some() && !is_org {
                    self.send(Action::FileRemoved { name });
                }
            }
            Ok(Some(bytes)) => {
                let hash = ContentHash::of(&bytes);
                if self.known.get(&name) == Some(&hash) {
                    return; // our own save, or nothing changed
                }
                self.known.insert(name.clone(), hash);
                self.report(path, &name);
            }
            // Not a regular file (a FIFO, a device, too large): never opened, reported.
            Err(e) => {
                if self.known.remove(&name).is_some() || !is_org {
                    let d = storage::Diagnostic {
                        bestand: name.clone(),
                        regel: 1,
                        kolom: 1,
                        melding: storage::Melding::NietGelezen(e),
                    };
                    self.send(Action::FileChanged {
                        name,
                        result: Err(vec![d]),
                    });
                }
            }
        }
    }

    /// Reads and checks a changed file and sends it to the app.
    fn report(&mut self, path: &Path, name: &str) {
        if name == storage::load::ORGANISATIE {
            let loaded = storage::load(&self.root);
            self.org = loaded.werkmap.organisatie.clone();
            self.send(Action::WerkmapReloaded(Box::new(loaded)));
            return;
        }
        let result = storage::load::read_board(path, &self.root, self.org.as_ref()).map(Box::new);
        self.send(Action::FileChanged {
            name: name.to_string(),
            result,
        });
    }
}

/// Writes contents with unsaved edits into the user's data folder, named with the file and
/// the time, and returns where.
fn save_elsewhere(docs: &[(String, Doc)], now: NaiveDateTime) -> Result<Vec<PathBuf>, String> {
    let dirs = directories::ProjectDirs::from("nl", "planbord", "planbord")
        .ok_or_else(crate::wording::geen_gebruikersmap)?;
    let dir = dirs.data_dir().join("niet-opgeslagen");
    std::fs::create_dir_all(&dir).map_err(|e| crate::wording::io_fout(&e))?;
    let mut out = Vec::new();
    for (name, doc) in docs {
        let stem = Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("bestand");
        let path = dir.join(format!("{stem}-{}.ron", now.format("%Y%m%d-%H%M%S")));
        let written = match doc {
            Doc::Bord(b) => save::save(&path, b.as_ref()),
            Doc::Organisatie(o) => save::save(&path, o.as_ref()),
        };
        written.map_err(|e| crate::wording::opslaan_fout(&e))?;
        out.push(path);
    }
    Ok(out)
}
