//! The files of the session: per file what is on disk, what the user sees, and the edits not
//! yet written or confirmed ([`Replica`]). Edits, undo, saves and reloads all go through here.

use std::collections::BTreeMap;

use super::action::{Doc, Effect, SaveRequest};
use super::edit::{Edit, FileKey};
use super::{App, Mode};
use crate::domain::ops::{self, Context, Document, Notice, Outcome};
use crate::domain::sync::{Millis, Replica};
use crate::domain::{Bord, Organisatie};
use crate::storage::FileMeta;
use crate::wording;
/// One file of the werkmap as this session knows it.
#[derive(Debug, Clone)]
pub struct FileSlot<D> {
    pub meta: FileMeta,
    pub replica: Replica<D>,
    /// Why the file on disk cannot be read now: nothing is saved over it until it can.
    pub unreadable: Option<String>,
    /// Why the last save failed (disk full, read-only share): shown while edits wait.
    pub error: Option<String>,
    /// Saves that failed in a row, for the time until the next try.
    pub failures: u32,
    /// The file is gone from disk while edits wait: the next save creates it again.
    pub gone: bool,
    /// Lines for the merge log, written with the next save.
    pub log: Vec<String>,
    /// Operations of lost saves queued again so far (a figure for the curious and for tests).
    pub repairs: usize,
}

impl<D: Document> FileSlot<D> {
    /// A slot for a file as just read; `writer` makes this session's operation ids unique.
    pub fn new(meta: FileMeta, value: D, now: Millis, writer: &str) -> FileSlot<D> {
        FileSlot {
            meta,
            replica: Replica::new(value, now, writer, wording::notitie),
            unreadable: None,
            error: None,
            failures: 0,
            gone: false,
            log: Vec::new(),
            repairs: 0,
        }
    }
}

/// Every file of the session.
#[derive(Debug, Clone, Default)]
pub struct Files {
    /// Per board id.
    pub borden: BTreeMap<String, FileSlot<Bord>>,
    pub organisatie: Option<FileSlot<Organisatie>>,
}

impl Files {
    /// Operations not yet written to their files.
    pub fn unwritten(&self) -> usize {
        self.borden
            .values()
            .map(|s| s.replica.unwritten())
            .chain(self.organisatie.iter().map(|s| s.replica.unwritten()))
            .sum()
    }

    /// Operations not yet confirmed on disk.
    pub fn unconfirmed(&self) -> usize {
        self.borden
            .values()
            .map(|s| s.replica.unconfirmed())
            .chain(self.organisatie.iter().map(|s| s.replica.unconfirmed()))
            .sum()
    }

    /// The first reason edits wait (a failing save, an unreadable file), if any.
    pub fn problem(&self) -> Option<&str> {
        let board = self
            .borden
            .values()
            .filter(|s| s.replica.unwritten() > 0)
            .find_map(|s| s.unreadable.as_deref().or(s.error.as_deref()));
        board.or_else(|| {
            self.organisatie
                .as_ref()
                .filter(|s| s.replica.unwritten() > 0)
                .and_then(|s| s.unreadable.as_deref().or(s.error.as_deref()))
        })
    }

    /// The slot of the board file with this name.
    pub fn bord_by_name(&self, name: &str) -> Option<&String> {
        self.borden
            .iter()
            .find(|(_, s)| s.meta.name == name)
            .map(|(id, _)| id)
    }

    /// When the next save, confirmation or expiry is due.
    pub fn next_deadline(&self) -> Option<Millis> {
        self.borden
            .values()
            .filter_map(|s| s.replica.next_deadline())
            .chain(
                self.organisatie
                    .iter()
                    .filter_map(|s| s.replica.next_deadline()),
            )
            .min()
    }
}

/// How many saves are among these effects.
pub fn save_count(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Save(_)))
        .count()
}

/// How long to wait before trying a failed save again.
fn retry_after(failures: u32) -> Millis {
    match failures {
        0 | 1 => 2_000,
        2 => 5_000,
        3 => 15_000,
        _ => 30_000,
    }
}

fn wording() -> fn(&Notice) -> String {
    wording::notitie
}

impl App {
    /// Applies a new edit to what the user sees and records it for undo. It is saved at the
    /// next tick, which the shell sends after drawing: the screen shows an edit before its
    /// save starts.
    pub(super) fn commit(&mut self, edit: Edit) -> Vec<Effect> {
        if let Some((done, _)) = self.apply_edit(&edit, ops::Mode::Merge) {
            self.session.undo.push(done);
            self.session.redo.clear();
        }
        Vec::new()
    }

    /// Applies an edit's operations to the shown file and records those that took effect for
    /// saving. Returns the edit as applied and what it reported; `None` when nothing applied.
    pub(super) fn apply_edit(
        &mut self,
        edit: &Edit,
        mode: ops::Mode,
    ) -> Option<(Edit, Vec<Notice>)> {
        let w = wording();
        let cx = Context {
            mode,
            at: edit.at,
            wording: &w,
        };
        let mut notices = Vec::new();
        let mut applied = Vec::new();
        match &edit.file {
            FileKey::Bord(id) => {
                let Some(i) = self.session.werkmap.borden.iter().position(|b| &b.id == id) else {
                    self.session.status.error = Some(wording::bord_verdwenen(id));
                    return None;
                };
                let bord = &mut self.session.werkmap.borden[i];
                for op in &edit.ops {
                    let o = ops::apply(bord, op, &cx, &mut notices);
                    if !matches!(o, Outcome::Skipped | Outcome::Ignored) {
                        applied.push(op.clone());
                    }
                }
                notices.extend(bord.repair(&cx));
                if let Some(slot) = self.session.files.borden.get_mut(id) {
                    slot.replica.edit(applied.clone(), edit.at);
                }
            }
            FileKey::Organisatie => {
                let Some(org) = self.session.werkmap.organisatie.as_mut() else {
                    self.session.status.error = self.session.capaciteit_uit.clone();
                    return None;
                };
                for op in &edit.ops {
                    let o = ops::apply(org, op, &cx, &mut notices);
                    if !matches!(o, Outcome::Skipped | Outcome::Ignored) {
                        applied.push(op.clone());
                    }
                }
                if let Some(slot) = self.session.files.organisatie.as_mut() {
                    slot.replica.edit(applied.clone(), edit.at);
                }
            }
        }
        if applied.is_empty() {
            if !notices.is_empty() {
                self.session.status.error = Some(self.notices_text(&notices));
            }
            return None;
        }
        let done = Edit {
            file: edit.file.clone(),
            ops: applied,
            at: edit.at,
        };
        self.after_edit(&done);
        self.session.status.error = (!notices.is_empty()).then(|| self.notices_text(&notices));
        Some((done, notices))
    }

    /// Keeps the derived figures current after an edit.
    fn after_edit(&mut self, edit: &Edit) {
        match edit.bord() {
            Some(id) if !edit.changes_load() => {
                self.session
                    .derived
                    .refresh_board(&self.session.werkmap, id, self.session.vandaag);
            }
            _ => self.recompute(),
        }
    }

    /// Notices in one line for the status line.
    pub(super) fn notices_text(&self, notices: &[Notice]) -> String {
        let mut parts: Vec<String> = notices.iter().map(wording::melding).collect();
        parts.dedup();
        parts.join("; ")
    }

    /// Starts every save that is due.
    pub(super) fn due_saves(&mut self) -> Vec<Effect> {
        let now = self.session.clock;
        let mut effects = Vec::new();
        let ids: Vec<String> = self
            .session
            .files
            .borden
            .iter()
            .filter(|(_, s)| s.unreadable.is_none() && s.replica.save_due(now))
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            let token = self.session.new_token();
            let Some(slot) = self.session.files.borden.get_mut(&id) else {
                continue;
            };
            if let Some(job) = slot.replica.begin_save(token) {
                let mut log = std::mem::take(&mut slot.log);
                log.extend(job.notices.iter().map(wording::melding));
                effects.push(Effect::Save(Box::new(SaveRequest {
                    file: FileKey::Bord(id.clone()),
                    path: slot.meta.path.clone(),
                    name: slot.meta.name.clone(),
                    expected: (!slot.gone).then_some(slot.meta.hash),
                    content: Doc::Bord(Box::new(job.content)),
                    token: job.token,
                    log,
                })));
            }
        }
        let org_due = self
            .session
            .files
            .organisatie
            .as_ref()
            .is_some_and(|s| s.unreadable.is_none() && s.replica.save_due(now));
        if org_due {
            let token = self.session.new_token();
            if let Some(slot) = self.session.files.organisatie.as_mut()
                && let Some(job) = slot.replica.begin_save(token)
            {
                let mut log = std::mem::take(&mut slot.log);
                log.extend(job.notices.iter().map(wording::melding));
                effects.push(Effect::Save(Box::new(SaveRequest {
                    file: FileKey::Organisatie,
                    path: slot.meta.path.clone(),
                    name: slot.meta.name.clone(),
                    expected: (!slot.gone).then_some(slot.meta.hash),
                    content: Doc::Organisatie(Box::new(job.content)),
                    token: job.token,
                    log,
                })));
            }
        }
        effects
    }

    /// A save was written.
    pub(super) fn on_saved(
        &mut self,
        file: FileKey,
        token: &str,
        hash: crate::storage::ContentHash,
    ) -> Vec<Effect> {
        let now = self.session.clock;
        match &file {
            FileKey::Bord(id) => {
                if let Some(slot) = self.session.files.borden.get_mut(id) {
                    slot.replica.saved(token, now);
                    slot.meta.hash = hash;
                    slot.meta.gewijzigd = Some(self.session.now);
                    slot.error = None;
                    slot.failures = 0;
                    slot.gone = false;
                }
            }
            FileKey::Organisatie => {
                if let Some(slot) = self.session.files.organisatie.as_mut() {
                    slot.replica.saved(token, now);
                    slot.meta.hash = hash;
                    slot.meta.gewijzigd = Some(self.session.now);
                    slot.error = None;
                    slot.failures = 0;
                }
            }
        }
        self.due_saves()
    }

    /// A save was not written: its edits wait, visibly, and are tried again.
    pub(super) fn on_save_failed(
        &mut self,
        file: FileKey,
        changed: bool,
        melding: String,
    ) -> Vec<Effect> {
        let now = self.session.clock;
        fn fail<D: Document>(s: &mut FileSlot<D>, changed: bool, melding: &str, now: Millis) {
            if changed {
                s.replica.save_failed(None, now, 0);
            } else {
                s.failures += 1;
                s.error = Some(melding.to_string());
                s.replica.save_failed(None, now, retry_after(s.failures));
            }
        }
        match &file {
            FileKey::Bord(id) => {
                if let Some(s) = self.session.files.borden.get_mut(id) {
                    fail(s, changed, &melding, now);
                }
            }
            FileKey::Organisatie => {
                if let Some(s) = self.session.files.organisatie.as_mut() {
                    fail(s, changed, &melding, now);
                }
            }
        }
        // The reason shows with the count of waiting edits (see `Files::problem`).
        self.due_saves()
    }

    /// A random wait of 0.5–2 s before a repair save, so two writers repairing at once do not
    /// collide again.
    pub(super) fn repair_wait(&mut self) -> Millis {
        500 + self.session.random_bits() % 1_500
    }

    /// Rebuilds what the user sees of a board from its replica (after a new version arrived).
    pub(super) fn rebuild_bord(&mut self, id: &str) -> Vec<Notice> {
        let Some(slot) = self.session.files.borden.get(id) else {
            return Vec::new();
        };
        let (doc, notices) = slot.replica.shown();
        match self.session.werkmap.borden.iter().position(|b| b.id == id) {
            Some(i) => self.session.werkmap.borden[i] = doc,
            None => self.session.werkmap.borden.push(doc),
        }
        notices
    }

    /// Rebuilds what the user sees of the organisation from its replica.
    pub(super) fn rebuild_org(&mut self) -> Vec<Notice> {
        let Some(slot) = &self.session.files.organisatie else {
            return Vec::new();
        };
        let (doc, notices) = slot.replica.shown();
        self.session.werkmap.organisatie = Some(doc);
        notices
    }

    /// The contents with unwritten edits, for saving them outside the werkmap.
    pub(super) fn unsaved_docs(&self) -> Vec<(String, Doc)> {
        let mut out = Vec::new();
        for (id, s) in &self.session.files.borden {
            if s.replica.unwritten() > 0
                && let Some(b) = self.session.werkmap.bord(id)
            {
                out.push((s.meta.name.clone(), Doc::Bord(Box::new(b.clone()))));
            }
        }
        if let (Some(s), Some(org)) = (
            &self.session.files.organisatie,
            &self.session.werkmap.organisatie,
        ) && s.replica.unwritten() > 0
        {
            out.push((s.meta.name.clone(), Doc::Organisatie(Box::new(org.clone()))));
        }
        out
    }

    /// `q`: quit, but not past edits that are not safely on disk.
    pub(super) fn request_quit(&mut self) -> Vec<Effect> {
        if self.session.files.unconfirmed() == 0 {
            return vec![Effect::Quit];
        }
        if self.session.files.unwritten() > 0 && self.session.files.problem().is_some() {
            self.mode = Mode::QuitPending(0);
            return Vec::new();
        }
        // Saves are under way or waiting to be confirmed: wait up to 3 s.
        self.session.leaving.deadline = Some(self.session.clock + crate::domain::sync::CONFIRM);
        self.session.status.message = Some(wording::wacht_op_bevestiging(
            self.session.files.unconfirmed(),
        ));
        self.force_saves()
    }

    /// Makes every waiting save due now (quitting, "opnieuw proberen").
    pub(super) fn force_saves(&mut self) -> Vec<Effect> {
        let now = self.session.clock;
        for s in self.session.files.borden.values_mut() {
            s.replica.hurry(now);
        }
        if let Some(s) = self.session.files.organisatie.as_mut() {
            s.replica.hurry(now);
        }
        self.due_saves()
    }

    /// While quitting: quit when everything is confirmed, or at the deadline.
    pub(super) fn check_quit(&mut self) -> Vec<Effect> {
        let Some(deadline) = self.session.leaving.deadline else {
            return Vec::new();
        };
        if self.session.files.unconfirmed() == 0 {
            return vec![Effect::Quit];
        }
        if self.session.clock < deadline {
            return Vec::new();
        }
        self.session.leaving.deadline = None;
        if self.session.files.unwritten() == 0 {
            // Written, only not yet seen to survive: nothing more to do from here.
            return vec![Effect::Quit];
        }
        if self.session.leaving.terminating {
            return vec![Effect::SaveElsewhere(self.unsaved_docs()), Effect::Quit];
        }
        self.mode = Mode::QuitPending(0);
        Vec::new()
    }
}
