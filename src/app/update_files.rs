//! `update` for files changed on disk: reloads, merges, conflict copies.

use super::action::Effect;
use super::keymap::View;
use super::{App, FileState};
use crate::domain::Bord;
use crate::storage::FileMeta;
use crate::text;

impl App {
    pub(super) fn on_file_changed(
        &mut self,
        name: String,
        result: Result<Box<(Bord, FileMeta)>, Vec<crate::storage::Diagnostic>>,
        during_save: bool,
    ) -> Vec<Effect> {
        self.fouten.retain(|d| d.bestand != name);
        let (disk, meta) = match result {
            Ok(b) => *b,
            Err(diags) => {
                // Keep showing what we had; never save over a file we could not read.
                self.status.error = diags.first().map(|d| d.to_string());
                self.fouten.extend(diags);
                self.status.file = FileState::Opgeslagen;
                return Vec::new();
            }
        };
        let index = self.board_files.iter().position(|f| f.name == name);
        if let Some(i) = index
            && self.board_files[i].hash == meta.hash
        {
            return Vec::new(); // our own save
        }
        let id = disk.id.clone();
        let pending = self.pending.get(&id).is_some_and(|p| !p.is_empty());
        let mut report = crate::storage::merge::MergeReport::default();
        // With local edits not yet on disk: a three-way merge (base = what we last read or
        // wrote, ours = our state, theirs = the disk); without: simply the disk's version.
        let merged = match index {
            Some(i) if pending => {
                let base = self.base.get(i).cloned().unwrap_or_else(|| disk.clone());
                let (m, r) = crate::storage::merge::merge_bord(
                    &base,
                    &self.werkmap.borden[i],
                    &disk,
                    crate::domain::Moment(self.now),
                );
                report = r;
                m
            }
            _ => disk.clone(),
        };
        match index {
            Some(i) => {
                self.werkmap.borden[i] = merged;
                self.board_files[i] = meta;
                if let Some(b) = self.base.get_mut(i) {
                    *b = disk;
                }
            }
            // A new file claiming a board we have: a sync tool's conflict copy.
            None if self.werkmap.borden.iter().any(|b| b.id == id) => {
                self.kopieen.retain(|(m, _)| m.name != meta.name);
                self.kopieen.push((meta, disk));
                self.status.message = Some(text::kopie_banner(&name, &id));
                return Vec::new();
            }
            None => {
                self.werkmap.borden.push(merged);
                self.board_files.push(meta);
                self.base.push(disk);
            }
        }
        self.recompute();
        if self.bord.bord == id {
            self.keep_selection_visible();
            if self.view == View::Kaart && self.selected_card().is_none() {
                self.view = View::Bord;
            }
        }
        self.status.file = FileState::Herladen(name.clone());
        self.status.message = Some(if pending {
            text::herladen_met_eigen(&name)
        } else {
            text::herladen(&name)
        });
        if !report.is_clean() {
            self.status.error = Some(report.meldingen.join("; "));
        }
        if pending || during_save {
            self.status.file = FileState::Opslaan;
            return vec![Effect::Save(id)];
        }
        Vec::new()
    }

    /// Merges the first conflict copy into its board, saves, and moves the copy away.
    pub(super) fn merge_copy(&mut self) -> Vec<Effect> {
        if self.kopieen.is_empty() {
            return Vec::new();
        }
        let (meta, kopie) = self.kopieen.remove(0);
        let Some(i) = self.werkmap.borden.iter().position(|b| b.id == kopie.id) else {
            return Vec::new();
        };
        let (merged, report) = crate::storage::merge::merge_kopie(
            &self.werkmap.borden[i],
            &kopie,
            &meta.name,
            crate::domain::Moment(self.now),
        );
        self.werkmap.borden[i] = merged;
        self.fouten.retain(|d| d.bestand != meta.name);
        self.recompute();
        self.status.message = Some(text::kopie_samengevoegd(&meta.name));
        self.status.error = (!report.is_clean()).then(|| report.meldingen.join("; "));
        self.status.file = FileState::Opslaan;
        vec![
            Effect::Save(self.werkmap.borden[i].id.clone()),
            Effect::RemoveCopy(meta.path),
        ]
    }
}
