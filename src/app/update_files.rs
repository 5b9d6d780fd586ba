//! `update` for files changed on disk: reloads (with our edits on top), removed files,
//! conflict copies, and what an open form or dialog does when its item changed.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Effect;
use super::files::FileSlot;
use super::keymap::View;
use super::{App, Mode};
use crate::domain::Bord;
use crate::domain::merge;
use crate::domain::ops::{Context, Mode as OpsMode};
use crate::storage::{FileMeta, Loaded};
use crate::wording;
/// The choices of the quit dialog, in order.
pub const QUIT_CHOICES: usize = 3;

impl App {
    pub(super) fn on_file_changed(
        &mut self,
        name: String,
        result: Result<Box<(Bord, FileMeta)>, Vec<crate::storage::Diagnostic>>,
    ) -> Vec<Effect> {
        self.session.fouten.retain(|d| d.bestand != name);
        let known = self.session.files.bord_by_name(&name).cloned();
        let (disk, meta) = match result {
            Ok(b) => *b,
            Err(diags) => {
                // Keep showing what we had; never save over a file we could not read.
                let why = diags.first().map(wording::diagnostic);
                if let Some(id) = &known
                    && let Some(slot) = self.session.files.borden.get_mut(id)
                {
                    slot.unreadable = why.clone();
                }
                self.session.status.error = why;
                self.session.fouten.extend(diags);
                return Vec::new();
            }
        };
        let id = disk.id.clone();
        if known.as_ref() == Some(&id)
            && self
                .session
                .files
                .borden
                .get(&id)
                .is_some_and(|s| s.meta.hash == meta.hash && s.unreadable.is_none())
        {
            return Vec::new(); // nothing new (our own save coming back)
        }
        let wait = self.repair_wait();
        let now = self.session.clock;
        let pending = match &known {
            Some(known_id) if *known_id == id => {
                let Some(slot) = self.session.files.borden.get_mut(&id) else {
                    return Vec::new();
                };
                let pending = slot.replica.unwritten() > 0;
                let observed = slot.replica.observe(disk, now, wait);
                slot.repairs += observed.repaired;
                slot.meta = meta;
                slot.unreadable = None;
                if observed.repaired > 0 {
                    self.session.status.error = Some(wording::herstellen(&name, observed.repaired));
                }
                pending
            }
            // The file now holds another board (renamed, or replaced by hand).
            Some(old_id) => {
                let old_id = old_id.clone();
                self.drop_board(&old_id);
                self.add_board(disk, meta);
                false
            }
            // A new file claiming a board we have: a sync tool's conflict copy.
            None if self.session.werkmap.bord(&id).is_some() => {
                self.session.kopieen.retain(|(m, _)| m.name != meta.name);
                self.session.kopieen.push((meta, disk));
                self.session.status.message = Some(wording::kopie_banner(&name, &id));
                return Vec::new();
            }
            None if self.session.single_board => return Vec::new(),
            None => {
                self.add_board(disk, meta);
                false
            }
        };
        let notices = self.rebuild_bord(&id);
        self.recompute();
        self.reconcile();
        // What lost says enough; otherwise say what happened.
        if notices.is_empty() {
            self.session.status.message = Some(if pending {
                wording::herladen_met_eigen(&name)
            } else {
                wording::herladen(&name)
            });
        } else {
            self.session.status.message = None;
            self.session.status.error = Some(self.notices_text(&notices));
        }
        self.due_saves()
    }

    fn add_board(&mut self, disk: Bord, meta: FileMeta) {
        let mut disk = disk;
        let mut src_bits = self.session.random_bits();
        crate::domain::ids::assign_missing(&mut disk, || {
            src_bits = src_bits.rotate_left(17) ^ 0x9E37_79B9_7F4A_7C15;
            src_bits
        });
        self.session.files.borden.insert(
            disk.id.clone(),
            FileSlot::new(meta, disk, self.session.clock, &self.session.writer),
        );
    }

    fn drop_board(&mut self, id: &str) {
        self.session.files.borden.remove(id);
        self.session.werkmap.borden.retain(|b| b.id != id);
        if self.bord.bord == id && self.view != View::Overzicht {
            self.view = View::Overzicht;
            self.mode = Mode::Normal;
        }
    }

    pub(super) fn on_file_removed(&mut self, name: &str) -> Vec<Effect> {
        let Some(id) = self.session.files.bord_by_name(name).cloned() else {
            return Vec::new();
        };
        let unsaved = self
            .session
            .files
            .borden
            .get(&id)
            .is_some_and(|s| s.replica.unwritten() > 0);
        if unsaved {
            // Our edits would vanish with it: write the board back, edits and all.
            if let Some(slot) = self.session.files.borden.get_mut(&id) {
                slot.gone = true;
            }
            self.session.status.error = Some(wording::bord_verdwenen_teruggezet(name));
            return Vec::new();
        }
        self.drop_board(&id);
        self.session.status.message = Some(wording::bord_verdwenen(name));
        self.recompute();
        Vec::new()
    }

    /// The organisation changed on disk: take it, with our edits on top; the boards stay.
    pub(super) fn on_werkmap_reloaded(&mut self, loaded: Loaded) -> Vec<Effect> {
        let org_name = crate::storage::load::ORGANISATIE;
        self.session.fouten.retain(|d| d.bestand != org_name);
        self.session
            .fouten
            .extend(loaded.fouten.into_iter().filter(|d| d.bestand == org_name));
        self.session.capaciteit_uit = loaded.capaciteit_uit.map(wording::capaciteit_uit);
        let wait = self.repair_wait();
        let now = self.session.clock;
        let mut repaired = 0;
        match (loaded.werkmap.organisatie, loaded.organisatie_file) {
            (Some(org), Some(meta)) => match self.session.files.organisatie.as_mut() {
                Some(slot) => {
                    repaired = slot.replica.observe(org, now, wait).repaired;
                    slot.meta = meta;
                    slot.unreadable = None;
                }
                None => {
                    self.session.files.organisatie =
                        Some(FileSlot::new(meta, org, now, &self.session.writer))
                }
            },
            _ => {
                // Unreadable or gone: keep what we have and never save over it.
                if let Some(slot) = self.session.files.organisatie.as_mut() {
                    slot.unreadable = self.session.capaciteit_uit.clone();
                }
                self.recompute();
                return Vec::new();
            }
        }
        let notices = self.rebuild_org();
        self.recompute();
        self.reconcile();
        self.session.status.message = Some(wording::herladen(org_name));
        if repaired > 0 {
            self.session.status.error = Some(wording::herstellen(org_name, repaired));
        } else if !notices.is_empty() {
            self.session.status.error = Some(self.notices_text(&notices));
        }
        self.due_saves()
    }

    /// After a file changed under them: forms take a colleague's values into the fields the
    /// user did not touch; a dialog whose item is gone or changed closes and says so; views
    /// keep their selection within what exists.
    pub(super) fn reconcile(&mut self) {
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        self.mode = match mode {
            Mode::Form(mut f) => {
                let now = self
                    .session
                    .werkmap
                    .bord(&f.bord)
                    .and_then(|b| b.kaarten.iter().find(|k| k.id == f.kaart.id))
                    .cloned();
                if !f.is_new {
                    f.absorb(now.as_ref());
                }
                Mode::Form(f)
            }
            Mode::ConfirmDelete(k) => {
                let now = self
                    .board()
                    .and_then(|b| b.kaarten.iter().find(|x| x.id == k.id));
                match now {
                    Some(x) if *x == *k => Mode::ConfirmDelete(k),
                    Some(_) => {
                        self.session.status.error = Some(wording::dialoog_gewijzigd(&k.titel));
                        Mode::Normal
                    }
                    None => {
                        self.session.status.error = Some(wording::dialoog_verdwenen(&k.titel));
                        Mode::Normal
                    }
                }
            }
            Mode::Decide(d) => {
                if self.request_still_open(&d.r, &d.asked) {
                    Mode::Decide(d)
                } else {
                    self.session.status.error = Some(wording::verzoek_veranderd());
                    Mode::Normal
                }
            }
            Mode::Reason(input, r) => {
                if self.inzet_still_open(&r) {
                    Mode::Reason(input, r)
                } else {
                    self.session.status.error = Some(wording::verzoek_veranderd());
                    Mode::Normal
                }
            }
            Mode::MensForm(f) => {
                if self.persoon_exists(&f.persoon.id) {
                    Mode::MensForm(f)
                } else {
                    self.session.status.error = Some(wording::dialoog_verdwenen(&f.persoon.naam));
                    Mode::Normal
                }
            }
            Mode::AfwezigForm(f) => {
                if self.persoon_exists(&f.persoon.id) {
                    Mode::AfwezigForm(f)
                } else {
                    self.session.status.error = Some(wording::dialoog_verdwenen(&f.persoon.naam));
                    Mode::Normal
                }
            }
            other => other,
        };
        // The selected card stays selected, also when a colleague moved it to another column.
        match self.bord.kaart.clone() {
            Some(id) if self.selected_card().is_some() => self.select_card(&id),
            _ => self.keep_selection_visible(),
        }
        if self.view == View::Kaart && self.selected_card().is_none() {
            self.view = View::Bord;
        }
        self.clamp_rows();
    }

    /// Keeps every list's selection within the list, after it may have shrunk.
    pub(super) fn clamp_rows(&mut self) {
        let last = |n: usize| n.saturating_sub(1);
        self.inzet.row = self.inzet.row.min(last(self.inzet_rows().len()));
        self.mensen.row = self.mensen.row.min(last(self.mensen_rows().len()));
        self.conflicten.row = self.conflicten.row.min(last(self.conflict_list().len()));
        self.capaciteit.row = self.capaciteit.row.min(last(self.capaciteit.len()));
        self.overzicht = self.overzicht.min(last(self.session.werkmap.borden.len()));
    }

    fn persoon_exists(&self, id: &str) -> bool {
        self.session
            .werkmap
            .organisatie
            .as_ref()
            .is_some_and(|o| o.persoon(id).is_some())
    }

    /// Merges the first conflict copy into its board, saves, and moves the copy away.
    pub(super) fn merge_copy(&mut self) -> Vec<Effect> {
        if self.session.kopieen.is_empty() {
            return Vec::new();
        }
        let (meta, kopie) = self.session.kopieen.remove(0);
        let Some(ours) = self.session.werkmap.bord(&kopie.id).cloned() else {
            return Vec::new();
        };
        let w: fn(&crate::domain::ops::Notice) -> String = wording::notitie;
        let cx = Context {
            mode: OpsMode::Merge,
            at: crate::domain::Moment(self.session.now),
            wording: &w,
        };
        let merged = merge::with_copy(&ours, &kopie, &cx);
        // As an edit of our board: saved, merged with colleagues and undoable like any other.
        let edit = super::edit::Edit {
            file: super::edit::FileKey::Bord(ours.id.clone()),
            ops: crate::domain::ops::diff(&ours, &merged.value),
            at: crate::domain::Moment(self.session.now),
        };
        self.session.fouten.retain(|d| d.bestand != meta.name);
        self.commit(edit);
        self.session.status.message = Some(wording::kopie_samengevoegd(&meta.name));
        if !merged.notices.is_empty() {
            let lines: Vec<String> = merged.notices.iter().map(wording::melding).collect();
            self.session.status.error = Some(lines.join("; "));
            if let Some(slot) = self.session.files.borden.get_mut(&ours.id) {
                slot.log.extend(lines);
            }
        }
        vec![Effect::RemoveCopy(meta.path)]
    }

    pub(super) fn on_quit_pending(&mut self, choice: usize, key: KeyEvent) -> Vec<Effect> {
        let pick = match key.code {
            KeyCode::Esc => return Vec::new(),
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::QuitPending(choice.saturating_sub(1));
                return Vec::new();
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::QuitPending((choice + 1).min(QUIT_CHOICES - 1));
                return Vec::new();
            }
            // A digit chooses, Enter carries out (as the hint says).
            KeyCode::Char(c @ '1'..='3') => {
                self.mode = Mode::QuitPending(c as usize - '1' as usize);
                return Vec::new();
            }
            KeyCode::Enter => choice,
            _ => {
                self.mode = Mode::QuitPending(choice);
                return Vec::new();
            }
        };
        match pick {
            0 => {
                self.session.status.message = Some(wording::opnieuw_proberen());
                self.force_saves()
            }
            1 => vec![Effect::SaveElsewhere(self.unsaved_docs())],
            _ => vec![Effect::Quit],
        }
    }
}
