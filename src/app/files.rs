//! The files of the session: per file what is on disk, what the user sees, and the edits not
//! yet written or confirmed ([`Replica`]). The session's edits, saves and reloads go through
//! these slots (see `session`).

use std::collections::BTreeMap;

use super::action::Effect;
use crate::domain::ops::Document;
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
pub(crate) fn retry_after(failures: u32) -> Millis {
    match failures {
        0 | 1 => 2_000,
        2 => 5_000,
        3 => 15_000,
        _ => 30_000,
    }
}
