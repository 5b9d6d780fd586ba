//! What can happen to the app (actions) and what it asks the shell to do (effects).

use ratatui::crossterm::event::KeyEvent;

use crate::domain::Bord;
use crate::storage::{Diagnostic, FileMeta, Loaded};

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
    /// A bound command, e.g. from a mouse wheel.
    Command(Command),
    Click(Target),
    Resize(u16, u16),
    /// A second passed (only while a stand-up runs): the timer and the rotation.
    Tick,
    /// A save finished; the file now holds content with this hash.
    Saved {
        bord: String,
        hash: crate::storage::ContentHash,
    },
    /// `organisatie.ron` was saved; it now holds content with this hash.
    OrganisatieSaved(crate::storage::ContentHash),
    /// A save found a colleague's save and wrote the merge of both; this is now on disk.
    Merged {
        bord: String,
        value: Box<Bord>,
        hash: crate::storage::ContentHash,
        meldingen: Vec<String>,
    },
    /// `organisatie.ron` was saved merged with a colleague's save.
    OrganisatieMerged {
        value: Box<crate::domain::Organisatie>,
        hash: crate::storage::ContentHash,
        meldingen: Vec<String>,
    },
    /// A save failed for another reason than a concurrent change.
    SaveFailed {
        bord: String,
        melding: String,
    },
    /// A board file changed on disk (another laptop saved it), read and checked by the shell.
    /// `during_save` says the change was found while saving a local edit.
    FileChanged {
        name: String,
        result: Result<Box<(Bord, FileMeta)>, Vec<Diagnostic>>,
        during_save: bool,
    },
    /// A board file was removed on disk.
    FileRemoved {
        name: String,
    },
    /// The whole werkmap was read again (the organisation changed).
    WerkmapReloaded(Box<Loaded>),
}

/// What `update` asks the shell to do. Effects are values, so tests can look at them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save this board (by id) atomically, if its file still holds what was loaded.
    Save(String),
    /// Save `organisatie.ron`, if it still holds what was loaded.
    SaveOrganisatie,
    /// Move a merged conflict copy out of the werkmap (to `.planbord/vorige/`).
    RemoveCopy(std::path::PathBuf),
    Quit,
}
