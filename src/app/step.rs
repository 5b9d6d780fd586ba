//! What a view asks of the app after handling a command or a dialog key. Views change their
//! own state and the session; everything that concerns other views (which view shows, which
//! dialog is open) they ask for with a [`Step`], and the app carries it out.

use super::Mode;
use super::action::Effect;
use super::inzet::Scope;
use super::keymap::View;
use crate::capacity::Conflict;

/// The answer of a view's `on_command` and of its dialogs' key handlers.
#[derive(Debug)]
pub enum Step {
    /// Nothing more to do.
    Stay,
    /// Open (or keep open) this dialog over the view.
    Dialog(Mode),
    /// Esc: leave the view, back to where it was opened from.
    Back,
    /// Show another view.
    Go(Go),
    /// Effects for the shell.
    Effects(Vec<Effect>),
}

/// Where a view sends the user.
#[derive(Debug)]
pub enum Go {
    /// This view, as it was left.
    View(View),
    /// A board, by id.
    Bord(String),
    /// The inzet view on a board's team or an inbox, with this inzet (id) selected.
    Inzet(Scope, Option<String>),
    /// A board's team with one inzet selected; Esc goes back to the board, then here.
    Claim { bord: String, inzet: String },
    /// The capacity view on one person.
    Persoon(String),
    /// The source of a conflict: its card or column, its person or unit.
    Conflict(Box<Conflict>),
    /// A stand-up of these boards.
    Standup(Vec<String>),
    /// The capacity view on the people of an opgave (its id).
    OpgaveMensen(String),
    /// A card's view on its board.
    Kaart { bord: String, kaart: String },
}

impl From<Mode> for Step {
    fn from(mode: Mode) -> Step {
        Step::Dialog(mode)
    }
}
