//! Saves: which files are due, what came back from the disk, and what is left unwritten.

use super::Session;
use crate::app::action::{Doc, Effect, SaveRequest};
use crate::app::edit::FileKey;
use crate::app::files::{FileSlot, retry_after};
use crate::domain::historie;
use crate::domain::ops::{Document, Notice};
use crate::domain::sync::Millis;
use crate::wording;

impl Session {
    /// Starts every save that is due.
    pub fn due_saves(&mut self) -> Vec<Effect> {
        let now = self.clock;
        let mut effects = Vec::new();
        let ids: Vec<String> = self
            .files
            .borden
            .iter()
            .filter(|(_, s)| s.unreadable.is_none() && s.replica.save_due(now))
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            let token = self.new_token();
            let Some(slot) = self.files.borden.get_mut(&id) else {
                continue;
            };
            if let Some(job) = slot.replica.begin_save(token) {
                let mut log = std::mem::take(&mut slot.log);
                log.extend(job.notices.iter().map(wording::melding));
                let historie = historie::uit_ops(&job.content, &job.written, &self.signer);
                effects.push(Effect::Save(Box::new(SaveRequest {
                    file: FileKey::Bord(id.clone()),
                    path: slot.meta.path.clone(),
                    name: slot.meta.name.clone(),
                    expected: (!slot.gone).then_some(slot.meta.hash),
                    content: Doc::Bord(Box::new(job.content)),
                    token: job.token,
                    log,
                    historie,
                })));
            }
        }
        let org_due = self
            .files
            .organisatie
            .as_ref()
            .is_some_and(|s| s.unreadable.is_none() && s.replica.save_due(now));
        if org_due {
            let token = self.new_token();
            if let Some(slot) = self.files.organisatie.as_mut()
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
                    historie: Vec::new(),
                })));
            }
        }
        effects
    }

    /// A save was written.
    pub fn on_saved(
        &mut self,
        file: FileKey,
        token: &str,
        hash: crate::storage::ContentHash,
    ) -> Vec<Effect> {
        let now = self.clock;
        match &file {
            FileKey::Bord(id) => {
                if let Some(slot) = self.files.borden.get_mut(id) {
                    slot.replica.saved(token, now);
                    slot.meta.hash = hash;
                    slot.meta.gewijzigd = Some(self.now);
                    slot.error = None;
                    slot.failures = 0;
                    slot.gone = false;
                }
            }
            FileKey::Organisatie => {
                if let Some(slot) = self.files.organisatie.as_mut() {
                    slot.replica.saved(token, now);
                    slot.meta.hash = hash;
                    slot.meta.gewijzigd = Some(self.now);
                    slot.error = None;
                    slot.failures = 0;
                }
            }
        }
        self.due_saves()
    }

    /// A save was not written: its edits wait, visibly, and are tried again.
    pub fn on_save_failed(&mut self, file: FileKey, changed: bool, melding: String) -> Vec<Effect> {
        let now = self.clock;
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
                if let Some(s) = self.files.borden.get_mut(id) {
                    fail(s, changed, &melding, now);
                }
            }
            FileKey::Organisatie => {
                if let Some(s) = self.files.organisatie.as_mut() {
                    fail(s, changed, &melding, now);
                }
            }
        }
        // The reason shows with the count of waiting edits (see `Files::problem`).
        self.due_saves()
    }

    /// A random wait of 0.5–2 s before a repair save, so two writers repairing at once do not
    /// collide again.
    pub fn repair_wait(&mut self) -> Millis {
        500 + self.random_bits() % 1_500
    }

    /// Rebuilds what the user sees of a board from its replica (after a new version arrived).
    pub fn rebuild_bord(&mut self, id: &str) -> Vec<Notice> {
        let Some(slot) = self.files.borden.get(id) else {
            return Vec::new();
        };
        let (doc, notices) = slot.replica.shown();
        match self.werkmap.borden.iter().position(|b| b.id == id) {
            Some(i) => self.werkmap.borden[i] = doc,
            None => self.werkmap.borden.push(doc),
        }
        notices
    }

    /// Rebuilds what the user sees of the organisation from its replica.
    pub fn rebuild_org(&mut self) -> Vec<Notice> {
        let Some(slot) = &self.files.organisatie else {
            return Vec::new();
        };
        let (doc, notices) = slot.replica.shown();
        self.werkmap.organisatie = Some(doc);
        notices
    }

    /// The contents with unwritten edits, for saving them outside the werkmap.
    pub fn unsaved_docs(&self) -> Vec<(String, Doc)> {
        let mut out = Vec::new();
        for (id, s) in &self.files.borden {
            if s.replica.unwritten() > 0
                && let Some(b) = self.werkmap.bord(id)
            {
                out.push((s.meta.name.clone(), Doc::Bord(Box::new(b.clone()))));
            }
        }
        if let (Some(s), Some(org)) = (&self.files.organisatie, &self.werkmap.organisatie)
            && s.replica.unwritten() > 0
        {
            out.push((s.meta.name.clone(), Doc::Organisatie(Box::new(org.clone()))));
        }
        out
    }

    /// Makes every waiting save due now (quitting, "opnieuw proberen").
    pub fn force_saves(&mut self) -> Vec<Effect> {
        let now = self.clock;
        for s in self.files.borden.values_mut() {
            s.replica.hurry(now);
        }
        if let Some(s) = self.files.organisatie.as_mut() {
            s.replica.hurry(now);
        }
        self.due_saves()
    }
}
