//! Files changed on disk: a colleague's board or organisation arrives and is shown with this
//! session's own edits on top; removed files; conflict copies of a sync tool.

use std::path::PathBuf;

use super::Session;
use crate::app::action::Effect;
use crate::app::edit::{Edit, FileKey};
use crate::app::files::FileSlot;
use crate::domain::ops::{Context, Mode as OpsMode, Notice};
use crate::domain::sync::Millis;
use crate::domain::{Bord, Moment, merge};
use crate::storage::{Diagnostic, FileMeta, Loaded};
use crate::wording;

/// What a change on disk did to the session, for the views.
#[derive(Debug, Default)]
pub struct Reloaded {
    /// What the user sees changed: dialogs and selections need checking.
    pub changed: bool,
    /// This board is gone from the session.
    pub dropped: Option<String>,
    pub effects: Vec<Effect>,
}

impl Session {
    /// A board file changed on disk (read and checked by the shell).
    pub fn board_file_changed(
        &mut self,
        name: &str,
        result: Result<Box<(Bord, FileMeta)>, Vec<Diagnostic>>,
    ) -> Reloaded {
        self.fouten.retain(|d| d.bestand != name);
        let known = self.files.bord_by_name(name).cloned();
        let (disk, meta) = match result {
            Ok(b) => *b,
            Err(diags) => {
                // Keep showing what we had; never save over a file we could not read.
                let why = diags.first().map(wording::diagnostic);
                if let Some(slot) = known.as_ref().and_then(|id| self.files.borden.get_mut(id)) {
                    slot.unreadable = why.clone();
                }
                self.status.error = why;
                self.fouten.extend(diags);
                return Reloaded::default();
            }
        };
        let id = disk.id.clone();
        let same = self
            .files
            .borden
            .get(&id)
            .is_some_and(|s| s.meta.hash == meta.hash && s.unreadable.is_none());
        if known.as_ref() == Some(&id) && same {
            return Reloaded::default(); // nothing new (our own save coming back)
        }
        let wait = self.repair_wait();
        let mut dropped = None;
        let pending = match known {
            Some(known_id) if known_id == id => self.observe_board(name, disk, meta, wait),
            // The file now holds another board (renamed, or replaced by hand).
            Some(old_id) => {
                self.drop_board(&old_id);
                dropped = Some(old_id);
                self.add_board(disk, meta);
                false
            }
            // A new file claiming a board we have: a sync tool's conflict copy.
            None if self.werkmap.bord(&id).is_some() => {
                self.kopieen.retain(|(m, _)| m.name != meta.name);
                self.kopieen.push((meta, disk));
                self.say(wording::kopie_banner(name, &id));
                return Reloaded::default();
            }
            None if self.single_board => return Reloaded::default(),
            None => {
                self.add_board(disk, meta);
                false
            }
        };
        let notices = self.rebuild_bord(&id);
        self.recompute();
        // What lost says enough; otherwise say what happened.
        if notices.is_empty() {
            self.say(if pending {
                wording::herladen_met_eigen(name)
            } else {
                wording::herladen(name)
            });
        } else {
            self.status.message = None;
            self.warn(self.notices_text(&notices));
        }
        Reloaded {
            changed: true,
            dropped,
            effects: self.due_saves(),
        }
    }

    /// A new version of a board this session has: taken, with our edits on top. Returns
    /// whether edits of ours were waiting.
    fn observe_board(&mut self, name: &str, disk: Bord, meta: FileMeta, wait: Millis) -> bool {
        let now = self.clock;
        let Some(slot) = self.files.borden.get_mut(&disk.id) else {
            return false;
        };
        let pending = slot.replica.unwritten() > 0;
        let observed = slot.replica.observe(disk, now, wait);
        slot.repairs += observed.repaired;
        slot.meta = meta;
        slot.unreadable = None;
        if observed.repaired > 0 {
            self.warn(wording::herstellen(name, observed.repaired));
        }
        pending
    }

    fn add_board(&mut self, disk: Bord, meta: FileMeta) {
        let mut disk = disk;
        let mut src_bits = self.random_bits();
        crate::domain::ids::assign_missing(&mut disk, || {
            src_bits = src_bits.rotate_left(17) ^ 0x9E37_79B9_7F4A_7C15;
            src_bits
        });
        self.files.borden.insert(
            disk.id.clone(),
            FileSlot::new(meta, disk, self.clock, &self.writer),
        );
    }

    fn drop_board(&mut self, id: &str) {
        self.files.borden.remove(id);
        self.werkmap.borden.retain(|b| b.id != id);
    }

    /// A board file was removed on disk.
    pub fn board_file_removed(&mut self, name: &str) -> Reloaded {
        let Some(id) = self.files.bord_by_name(name).cloned() else {
            return Reloaded::default();
        };
        if let Some(slot) = self.files.borden.get_mut(&id)
            && slot.replica.unwritten() > 0
        {
            // Our edits would vanish with it: write the board back, edits and all.
            slot.gone = true;
            self.warn(wording::bord_verdwenen_teruggezet(name));
            return Reloaded::default();
        }
        self.drop_board(&id);
        self.say(wording::bord_verdwenen(name));
        self.recompute();
        Reloaded {
            changed: true,
            dropped: Some(id),
            effects: Vec::new(),
        }
    }

    /// The organisation changed on disk: take it, with our edits on top; the boards stay.
    pub fn werkmap_reloaded(&mut self, loaded: Loaded) -> Reloaded {
        let org_name = crate::storage::load::ORGANISATIE;
        self.fouten.retain(|d| d.bestand != org_name);
        self.fouten
            .extend(loaded.fouten.into_iter().filter(|d| d.bestand == org_name));
        self.capaciteit_uit = loaded.capaciteit_uit.map(wording::capaciteit_uit);
        let wait = self.repair_wait();
        let now = self.clock;
        let mut repaired = 0;
        match (loaded.werkmap.organisatie, loaded.organisatie_file) {
            (Some(org), Some(meta)) => match self.files.organisatie.as_mut() {
                Some(slot) => {
                    repaired = slot.replica.observe(org, now, wait).repaired;
                    slot.meta = meta;
                    slot.unreadable = None;
                }
                None => self.files.organisatie = Some(FileSlot::new(meta, org, now, &self.writer)),
            },
            _ => {
                // Unreadable or gone: keep what we have and never save over it.
                if let Some(slot) = self.files.organisatie.as_mut() {
                    slot.unreadable = self.capaciteit_uit.clone();
                }
                self.recompute();
                return Reloaded::default();
            }
        }
        let notices = self.rebuild_org();
        self.recompute();
        self.say(wording::herladen(org_name));
        if repaired > 0 {
            self.warn(wording::herstellen(org_name, repaired));
        } else if !notices.is_empty() {
            self.warn(self.notices_text(&notices));
        }
        Reloaded {
            changed: true,
            dropped: None,
            effects: self.due_saves(),
        }
    }

    /// Merges the first conflict copy into its board as an edit (saved, merged with
    /// colleagues and undoable like any other). Returns the copy's path, to move it away.
    pub fn merge_copy(&mut self) -> Option<PathBuf> {
        if self.kopieen.is_empty() {
            return None;
        }
        let (meta, kopie) = self.kopieen.remove(0);
        let ours = self.werkmap.bord(&kopie.id).cloned()?;
        let w: fn(&Notice) -> String = wording::notitie;
        let cx = Context {
            mode: OpsMode::Merge,
            at: Moment(self.now),
            wording: &w,
        };
        let merged = merge::with_copy(&ours, &kopie, &cx);
        let edit = Edit {
            file: FileKey::Bord(ours.id.clone()),
            ops: crate::domain::ops::diff(&ours, &merged.value),
            at: Moment(self.now),
            wat: String::new(),
        };
        self.fouten.retain(|d| d.bestand != meta.name);
        self.commit(edit);
        self.say(wording::kopie_samengevoegd(&meta.name));
        if !merged.notices.is_empty() {
            let lines: Vec<String> = merged.notices.iter().map(wording::melding).collect();
            self.warn(lines.join("; "));
            if let Some(slot) = self.files.borden.get_mut(&ours.id) {
                slot.log.extend(lines);
            }
        }
        Some(meta.path)
    }
}
