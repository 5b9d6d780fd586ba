//! Edits: applying what the user did to the werkmap and its files, recording it for undo,
//! and undoing it again.

use super::Session;
use crate::app::edit::{Edit, FileKey};
use crate::domain::ops::{self, Context, Document, Notice, Outcome};
use crate::wording;

fn wording() -> fn(&Notice) -> String {
    wording::notitie
}

impl Session {
    /// Applies a new edit to what the user sees and records it for undo. It is saved at the
    /// next tick, which the shell sends after drawing: the screen shows an edit before its
    /// save starts.
    pub fn commit(&mut self, edit: Edit) {
        if let Some((done, _)) = self.apply_edit(&edit, ops::Mode::Merge) {
            self.undo.push(done);
            self.redo.clear();
        }
    }

    /// Commits an edit the user made and says what it did, with the key that undoes it.
    pub fn commit_as(&mut self, mut edit: Edit, wat: impl Into<String>) {
        edit.wat = wat.into();
        if let Some((done, _)) = self.apply_edit(&edit, ops::Mode::Merge) {
            let said = wording::gedaan(&done.wat);
            self.undo.push(done);
            self.redo.clear();
            self.say(said);
        }
    }

    /// Applies an edit's operations to the shown file and records those that took effect for
    /// saving. Returns the edit as applied and what it reported; `None` when nothing applied.
    pub fn apply_edit(&mut self, edit: &Edit, mode: ops::Mode) -> Option<(Edit, Vec<Notice>)> {
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
                let Some(i) = self.werkmap.borden.iter().position(|b| &b.id == id) else {
                    self.status.error = Some(wording::bord_verdwenen(id));
                    return None;
                };
                let bord = &mut self.werkmap.borden[i];
                for op in &edit.ops {
                    let o = ops::apply(bord, op, &cx, &mut notices);
                    if !matches!(o, Outcome::Skipped | Outcome::Ignored) {
                        applied.push(op.clone());
                    }
                }
                notices.extend(bord.repair(&cx));
                if let Some(slot) = self.files.borden.get_mut(id) {
                    slot.replica.edit(applied.clone(), edit.at);
                }
            }
            FileKey::Organisatie => {
                let Some(org) = self.werkmap.organisatie.as_mut() else {
                    self.status.error = self.capaciteit_uit.clone();
                    return None;
                };
                for op in &edit.ops {
                    let o = ops::apply(org, op, &cx, &mut notices);
                    if !matches!(o, Outcome::Skipped | Outcome::Ignored) {
                        applied.push(op.clone());
                    }
                }
                if let Some(slot) = self.files.organisatie.as_mut() {
                    slot.replica.edit(applied.clone(), edit.at);
                }
            }
        }
        if applied.is_empty() {
            if !notices.is_empty() {
                self.status.error = Some(self.notices_text(&notices));
            }
            return None;
        }
        let done = Edit {
            file: edit.file.clone(),
            ops: applied,
            at: edit.at,
            wat: edit.wat.clone(),
        };
        self.after_edit(&done);
        self.status.error = (!notices.is_empty()).then(|| self.notices_text(&notices));
        Some((done, notices))
    }

    /// Keeps the derived figures current after an edit.
    fn after_edit(&mut self, edit: &Edit) {
        // Cards count in people's conflicts only for someone out of employment.
        let dienst = self.werkmap.organisatie.as_ref().is_some_and(|o| {
            o.mensen
                .iter()
                .any(|p| p.in_dienst.is_some() || p.uit_dienst.is_some())
        });
        match edit.bord() {
            Some(id) if !edit.changes_load() && !dienst => {
                self.derived.refresh_board(&self.werkmap, id, self.vandaag);
                self.bump_inhoud();
            }
            _ => self.recompute(),
        }
    }

    /// Notices in one line for the status line.
    pub fn notices_text(&self, notices: &[Notice]) -> String {
        let mut parts: Vec<String> = notices.iter().map(wording::melding).collect();
        parts.dedup();
        parts.join("; ")
    }
}
