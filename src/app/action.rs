//! What can happen to the app (actions) and what it asks the shell to do (effects).

use ratatui::crossterm::event::KeyEvent;

use super::edit::FileKey;
use crate::domain::Bord;
use crate::domain::historie::Gebeurtenis;
use crate::domain::sync::Millis;
use crate::storage::historie::Gelezen;
use crate::storage::{ContentHash, Diagnostic, FileMeta, Loaded};

/// A command bound to a key in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Back,
    Help,
    Up,
    Down,
    Left,
    Right,
    Open,
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    NewCard,
    EditCard,
    DeleteCard,
    AddNote,
    Undo,
    Redo,
    Filter,
    QuickFilter,
    /// The Inrichting view: clusters, units and opgaven.
    Inrichting,
    /// A new board for the selected opgave or cluster.
    NieuwBord,
    /// The board's columns: add, rename, reorder, WIP, klaar, remove.
    Kolommen,
    /// Show or hide the finished cards in the archive.
    Archief,
    PageUp,
    PageDown,
    Capaciteit,
    Conflicten,
    Maat,
    Gevraagd,
    Team,
    Inbox,
    Withdraw,
    Agree,
    Decline,
    Standup,
    Volgende,
    Mensen,
    MergeCopy,
    /// The opgaven at a glance.
    Opgaven,
    /// The timeline of the opgaven.
    Tijdlijn,
    /// Sort the other way round.
    Omkeren,
    /// Group by portefeuillehouder (or not).
    Groeperen,
    /// The timeline's next zoom level.
    Zoom,
    /// The timeline back to today.
    Vandaag,
    /// The timeline's next council (raad) date of any opgave.
    VolgendeRaad,
    /// "Wat is er veranderd": the board's changes since the last stand-up.
    Veranderd,
    /// The weekly agenda of the PMO-overleg and the OO.
    Agenda,
}

/// Where a mouse click landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A board in the overview, by index into `werkmap.borden`.
    Board(usize),
    /// A card on the open board.
    Card { kolom: usize, kaart: String },
    /// A column header or empty space in a column.
    Column(usize),
}

/// Everything that changes the app's state.
#[derive(Debug, Clone)]
pub enum Action {
    /// A key press (the shell drops releases and repeats are presses).
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste): goes into the open text line.
    Paste(String),
    /// A bound command, e.g. from a mouse wheel.
    Command(Command),
    Click(Target),
    /// The mouse wheel, over what the pointer is on: a board's column scrolls that column.
    Wheel {
        over: Option<Target>,
        down: bool,
    },
    Resize(u16, u16),
    /// Time passed: the shell sends the time before every batch of actions and when a
    /// deadline (a save, a confirmation, a stand-up second) comes.
    Tick(Now),
    /// A save was written; the file now holds content with this hash.
    Saved {
        file: FileKey,
        token: String,
        hash: ContentHash,
    },
    /// A save was not written. `changed`: the file had changed since it was read (the new
    /// version arrives as its own action first); otherwise `melding` says why (disk full,
    /// read-only, refused).
    SaveFailed {
        file: FileKey,
        token: String,
        changed: bool,
        melding: String,
    },
    /// A board file changed on disk (another laptop saved it), read and checked by the shell.
    FileChanged {
        name: String,
        result: Result<Box<(Bord, FileMeta)>, Vec<Diagnostic>>,
    },
    /// A board file was removed on disk.
    FileRemoved {
        name: String,
    },
    /// The whole werkmap was read again (the organisation changed).
    WerkmapReloaded(Box<Loaded>),
    /// The shell wrote unsaved edits outside the werkmap (or could not).
    SavedElsewhere(Result<Vec<std::path::PathBuf>, String>),
    /// The terminal is gone or the process was asked to stop (SIGTERM, SIGHUP, SIGINT):
    /// save what can be saved, keep the rest outside the werkmap, and quit.
    Terminate,
    /// Something for the status line from outside the app (a demo werkmap was made, the
    /// config could not be read).
    Say(super::Status),
    /// The history of the board file `bestand`, read by the shell (see [`Effect::LeesHistorie`]).
    Historie {
        bestand: String,
        gelezen: Box<Gelezen>,
    },
}

/// The time, as the shell tells it: a monotonic clock for deadlines and the local time for
/// signing notes and decisions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub mono: Millis,
    pub local: chrono::NaiveDateTime,
}

/// A file's content for the shell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Doc {
    Bord(Box<Bord>),
    Organisatie(Box<crate::domain::Organisatie>),
}

/// A save for the shell to carry out (off the screen's thread): write `content` to `path` if
/// the file still has content `expected`, and report back with [`Action::Saved`] or
/// [`Action::SaveFailed`] carrying `token`.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveRequest {
    pub file: FileKey,
    pub path: std::path::PathBuf,
    /// The file name in the werkmap, for the merge log.
    pub name: String,
    pub expected: Option<ContentHash>,
    pub content: Doc,
    pub token: String,
    /// Lines for `.planbord/samenvoegingen.log`: values that lost in this save.
    pub log: Vec<String>,
    /// What this save changed, for the board's history (appended once the save is written;
    /// an append that fails never fails the save).
    pub historie: Vec<Gebeurtenis>,
}

/// What `update` asks the shell to do. Effects are values, so tests can look at them.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write a file (see [`SaveRequest`]).
    Save(Box<SaveRequest>),
    /// Write these files' contents, with unsaved edits, outside the werkmap (the user's data
    /// folder), then report with [`Action::SavedElsewhere`].
    SaveElsewhere(Vec<(String, Doc)>),
    /// Move a merged conflict copy out of the werkmap (to `.planbord/vorige/`).
    RemoveCopy(std::path::PathBuf),
    /// Append entries to the history of the board file `bestand` (a stand-up began).
    Vastleggen {
        bestand: String,
        entries: Vec<Gebeurtenis>,
    },
    /// Read the history of the board file `bestand` and report with [`Action::Historie`].
    LeesHistorie {
        bestand: String,
    },
    Quit,
}
