//! A new board file made in the TUI: its first save creates the file, like any other save
//! (atomic, under the lock, refused when a file of that name appeared meanwhile).

use super::Session;
use crate::app::files::FileSlot;
use crate::domain::Bord;
use crate::domain::ops::{self, List};
use crate::storage::{ContentHash, FileMeta};

impl Session {
    /// Adds `bord` as a new file `<id>.ron` in the werkmap, saved at the next tick. Refused when
    /// a board with its id or a file of that name exists. Not undoable: it makes a file.
    pub fn nieuw_bord(&mut self, bord: Bord) -> Result<(), String> {
        let name = format!("{}.ron", bord.id);
        let path = self.root.join(&name);
        if self.werkmap.bord(&bord.id).is_some() || path.exists() {
            return Err(crate::wording::bord_bestaat_al(&name));
        }
        // The file starts as the board without columns; adding them is the edit that saves it.
        let leeg = Bord {
            kolommen: Vec::new(),
            ..bord.clone()
        };
        let meta = FileMeta {
            path,
            name,
            hash: ContentHash::of(b""),
            gewijzigd: None,
        };
        let mut slot = FileSlot::new(meta, leeg, self.clock, &self.writer);
        slot.gone = true;
        let mut after = None;
        let columns = bord
            .kolommen
            .iter()
            .map(|k| {
                let op = ops::insert(List::Kolommen, k, after.as_deref());
                after = Some(k.id.clone());
                op
            })
            .collect();
        slot.replica.edit(columns, crate::domain::Moment(self.now));
        self.files.borden.insert(bord.id.clone(), slot);
        self.werkmap.borden.push(bord);
        self.recompute();
        Ok(())
    }
}
