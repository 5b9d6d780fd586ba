//! Leaving: never past edits that are not safely on disk. `q` waits for saves to be
//! confirmed; when they cannot be, a dialog offers to try again, to keep the edits outside the
//! werkmap, or to quit anyway. A stop from outside (SIGTERM, a closed terminal) asks nothing.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Effect;
use super::{App, Mode};
use crate::domain::sync::CONFIRM;
use crate::wording;

/// The choices of the quit dialog, in order.
pub const QUIT_CHOICES: usize = 3;

impl App {
    /// `q`: quit, but not past edits that are not safely on disk.
    pub(super) fn request_quit(&mut self) -> Vec<Effect> {
        let s = &mut self.session;
        if s.files.unconfirmed() == 0 {
            return vec![Effect::Quit];
        }
        if s.files.unwritten() > 0 && s.files.problem().is_some() {
            self.mode = Mode::QuitPending(0);
            return Vec::new();
        }
        // Saves are under way or waiting to be confirmed: wait up to 3 s.
        s.leaving.deadline = Some(s.clock + CONFIRM);
        s.say(wording::wacht_op_bevestiging(s.files.unconfirmed()));
        s.force_saves()
    }

    /// Ctrl-c: like `q`, and a second one while quitting leaves at once.
    pub(super) fn interrupt(&mut self) -> Vec<Effect> {
        if self.session.leaving.deadline.is_some() || matches!(self.mode, Mode::QuitPending(_)) {
            return vec![Effect::Quit];
        }
        self.mode = Mode::Normal;
        self.request_quit()
    }

    /// The process was asked to stop: save what can be saved, keep the rest outside the
    /// werkmap, and quit. Asked twice: go now.
    pub(super) fn terminate(&mut self) -> Vec<Effect> {
        let s = &mut self.session;
        if s.leaving.terminating {
            let docs = s.unsaved_docs();
            return if docs.is_empty() {
                vec![Effect::Quit]
            } else {
                self.save_elsewhere(docs)
            };
        }
        s.leaving.terminating = true;
        self.mode = Mode::Normal;
        if s.files.unconfirmed() == 0 {
            return vec![Effect::Quit];
        }
        s.leaving.deadline = Some(s.clock + CONFIRM);
        s.force_saves()
    }

    /// The shell wrote unsaved edits outside the werkmap (or could not): say where, and go.
    pub(super) fn saved_elsewhere(
        &mut self,
        result: Result<Vec<std::path::PathBuf>, String>,
    ) -> Vec<Effect> {
        match result {
            Ok(paths) => self.session.say(wording::elders_bewaard(&paths)),
            Err(e) => self.session.warn(e),
        }
        vec![Effect::Quit]
    }

    fn save_elsewhere(&mut self, docs: Vec<(String, super::Doc)>) -> Vec<Effect> {
        self.session.leaving.saved_elsewhere = true;
        vec![Effect::SaveElsewhere(docs)]
    }

    /// While quitting: quit when everything is confirmed, or at the deadline.
    pub(super) fn check_quit(&mut self) -> Vec<Effect> {
        let s = &mut self.session;
        let Some(deadline) = s.leaving.deadline else {
            return Vec::new();
        };
        if s.files.unconfirmed() == 0 {
            return vec![Effect::Quit];
        }
        if s.clock < deadline {
            return Vec::new();
        }
        s.leaving.deadline = None;
        if s.files.unwritten() == 0 {
            // Written, only not yet seen to survive: nothing more to do from here.
            return vec![Effect::Quit];
        }
        if s.leaving.terminating {
            let docs = s.unsaved_docs();
            let mut effects = self.save_elsewhere(docs);
            effects.push(Effect::Quit);
            return effects;
        }
        self.mode = Mode::QuitPending(0);
        Vec::new()
    }

    /// A key in the quit dialog: a digit chooses, Enter carries out (as the hint says).
    pub(super) fn on_quit_pending(&mut self, choice: usize, key: KeyEvent) -> Vec<Effect> {
        let pick = match key.code {
            KeyCode::Esc => return Vec::new(),
            KeyCode::Enter => choice,
            KeyCode::Up | KeyCode::Char('k') => {
                self.mode = Mode::QuitPending(choice.saturating_sub(1));
                return Vec::new();
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.mode = Mode::QuitPending((choice + 1).min(QUIT_CHOICES - 1));
                return Vec::new();
            }
            KeyCode::Char(c @ '1'..='3') => {
                self.mode = Mode::QuitPending(c as usize - '1' as usize);
                return Vec::new();
            }
            _ => {
                self.mode = Mode::QuitPending(choice);
                return Vec::new();
            }
        };
        match pick {
            0 => {
                self.session.say(wording::opnieuw_proberen());
                self.session.force_saves()
            }
            1 => {
                let docs = self.session.unsaved_docs();
                self.save_elsewhere(docs)
            }
            _ => vec![Effect::Quit],
        }
    }
}
