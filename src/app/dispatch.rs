//! `App::update`: every action in, effects out. Keys go to the open dialog, else through the
//! keymap to a command; commands that concern the whole app (quit, help, undo, the views
//! reachable from everywhere) are handled here, the others by the view on screen.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Command, Effect, Now, Target};
use super::input::TextInput;
use super::keymap::{self, View};
use super::step::{Go, Step};
use super::{App, Mode};
use crate::domain::ops;
use crate::wording;

impl App {
    /// A key in the help window: the arrows, j/k and the page keys scroll it when it is
    /// longer than the screen; any other key closes it.
    fn on_help_key(&mut self, scroll: usize, key: KeyEvent) -> Step {
        let (w, h) = self.session.size;
        // The window floats over the view's area: all but the status line, which the
        // stand-up does not have.
        let h = if self.view == View::Standup {
            h
        } else {
            h.saturating_sub(1)
        };
        let max =
            super::hulp::indeling(self.help_view(), self.session.config.muis(), w, h).max_scroll(h);
        let page = usize::from(h.saturating_sub(6)).max(1);
        let to = match key.code {
            KeyCode::Down | KeyCode::Char('j') => scroll + 1,
            KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => scroll + page,
            KeyCode::PageUp => scroll.saturating_sub(page),
            _ => return Step::Stay,
        };
        if max == 0 {
            return Step::Stay;
        }
        Mode::Help(to.min(max)).into()
    }

    /// Handles one action and returns what the shell must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = self.dispatch(action);
        if !self.later.is_empty() {
            let mut first = std::mem::take(&mut self.later);
            first.append(&mut effects);
            effects = first;
        }
        self.refresh_views();
        if self.view == View::Inzet {
            self.views.inzet.refresh(&self.session);
        }
        effects
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) => self.on_key(key),
            Action::Command(c) => self.on_command(c),
            Action::Paste(text) => {
                self.on_paste(&text);
                Vec::new()
            }
            Action::Click(t) => self.on_click(t),
            Action::Wheel { over, down } => self.on_wheel(over, down),
            Action::Resize(w, h) => {
                self.session.size = (w, h);
                Vec::new()
            }
            Action::Tick(now) => self.on_tick(now),
            Action::Saved { file, token, hash } => self.session.on_saved(file, &token, hash),
            Action::SaveFailed {
                file,
                token: _,
                changed,
                melding,
            } => self.session.on_save_failed(file, changed, melding),
            Action::FileChanged { name, result } => {
                let r = self.session.board_file_changed(&name, result);
                self.reloaded(r)
            }
            Action::FileRemoved { name } => {
                let r = self.session.board_file_removed(&name);
                self.reloaded(r)
            }
            Action::WerkmapReloaded(loaded) => {
                let r = self.session.werkmap_reloaded(*loaded);
                self.reloaded(r)
            }
            Action::SavedElsewhere(result) => self.saved_elsewhere(result),
            Action::Terminate => self.terminate(),
            Action::Say(status) => {
                let s = &mut self.session;
                if let Some(m) = status.message {
                    s.say(m);
                }
                s.status.error = status.error.or(s.status.error.take());
                Vec::new()
            }
            Action::Historie { bestand, gelezen } => self.on_historie(bestand, *gelezen),
        }
    }

    fn on_tick(&mut self, now: Now) -> Vec<Effect> {
        let s = &mut self.session;
        s.now = now.local;
        s.clock = now.mono;
        if let Some(st) = &mut self.views.standup {
            st.tick(&s.werkmap, s.now);
            if st.intro_tot.is_some_and(|t| s.now >= t) {
                st.intro_tot = None;
            }
        }
        for slot in s.files.borden.values_mut() {
            slot.replica.tick(now.mono);
        }
        if let Some(slot) = s.files.organisatie.as_mut() {
            slot.replica.tick(now.mono);
        }
        let mut effects = s.due_saves();
        effects.extend(self.check_quit());
        effects
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.interrupt();
        }
        let (w, h) = self.session.size;
        if (w, h) != (0, 0) && (w < super::MINSTENS.0 || h < super::MINSTENS.1) {
            return Vec::new();
        }
        self.session.forget_old_message();
        let s = &mut self.session;
        let v = &mut self.views;
        // The list a stand-up opens with: any key goes on to the board, and does what it
        // does there (space: the first person's turn).
        if self.view == View::Standup
            && let Some(st) = v.standup.as_mut()
        {
            st.intro_tot = None;
        }
        let step = match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Veranderd(state) => self.on_veranderd_key(state, key),
            Mode::Normal => match keymap::command(self.view, key) {
                Some(c) => return self.on_command(c),
                None => Step::Stay,
            },
            Mode::Help(scroll) => self.on_help_key(scroll, key),
            Mode::Filter(input) => {
                self.on_filter_key(input, key);
                Step::Stay
            }
            Mode::QuitPending(choice) => return self.on_quit_pending(choice, key),
            Mode::Note(input, kaart) => v.bord.on_note_key(s, input, kaart, key),
            Mode::Form(f) => v.bord.on_form_key(s, f, key),
            Mode::OrgForm(f) => v.inrichting.on_form_key(s, f, key),
            Mode::Kolommen(d) => super::bord::kolommen::on_key(s, d, key),
            Mode::KolomForm(f) => super::bord::kolommen::on_form_key(s, f, key),
            Mode::Sjabloon(nieuw, keuze) => v.inrichting.on_sjabloon_key(s, nieuw, keuze, key),
            Mode::ConfirmDelete(kaart) => v.bord.on_delete_key(s, &kaart, key),
            Mode::InzetForm(f) => v.inzet.on_form_key(s, f, key),
            Mode::Decide(d) => v.inzet.on_decide_key(s, d, key),
            Mode::Reason(input, r) => v.inzet.on_reason_key(s, input, r, key),
            Mode::TochReden(input, d) => v.inzet.on_toch_key(s, input, d, key),
            Mode::MensForm(f) => v.mensen.on_mens_key(s, f, key),
            Mode::AfwezigForm(f) => v.mensen.on_afwezig_key(s, f, key),
        };
        self.take(step)
    }

    /// Pasted text goes into the open note, reason or filter line.
    fn on_paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Note(input, _) | Mode::Reason(input, _) | Mode::TochReden(input, _) => {
                input.paste(text)
            }
            Mode::Filter(input) => {
                input.paste(text);
                let v = &mut self.views;
                if self.view == View::Conflicten {
                    v.conflicten.filter = input.text.clone();
                    v.conflicten.row = 0;
                } else if self.view == View::Opgaven {
                    v.opgaven.filter = input.text.clone();
                    v.opgaven.row = 0;
                } else {
                    v.bord.filter = input.text.clone();
                    v.bord.keep_selection_visible(&self.session);
                }
            }
            _ => {}
        }
    }

    /// A key in the filter line of the board or the conflict list: the list follows as the
    /// user types; Esc clears the filter.
    fn on_filter_key(&mut self, mut input: TextInput, key: KeyEvent) {
        let v = &mut self.views;
        let target = if self.view == View::Conflicten {
            &mut v.conflicten.filter
        } else if self.view == View::Opgaven {
            &mut v.opgaven.filter
        } else {
            &mut v.bord.filter
        };
        match key.code {
            KeyCode::Enter => {}
            KeyCode::Esc => target.clear(),
            _ => {
                input.handle(key);
                *target = input.text.clone();
                self.mode = Mode::Filter(input);
            }
        }
        v.conflicten.row = 0;
        v.opgaven.clamp();
        v.bord.keep_selection_visible(&self.session);
    }

    /// A command: the app's own, else the view's on screen. The keymap decides which
    /// commands reach which view.
    pub(super) fn on_command(&mut self, c: Command) -> Vec<Effect> {
        let s = &mut self.session;
        let v = &mut self.views;
        let step = match c {
            Command::Quit => return self.request_quit(),
            Command::Help => Mode::Help(0).into(),
            Command::Undo => return self.undo(),
            Command::Redo => return self.redo(),
            // On the opgaven, `c` shows the selected opgave's people.
            Command::Capaciteit if self.view == View::Opgaven => v.opgaven.on_command(s, c),
            Command::Capaciteit => Step::Go(Go::View(View::Capaciteit)),
            Command::Conflicten => Step::Go(Go::View(View::Conflicten)),
            Command::Mensen => Step::Go(Go::View(View::Mensen)),
            Command::Inrichting => Step::Go(Go::View(View::Inrichting)),
            Command::Inbox => Step::Go(Go::Inzet(super::inzet::Scope::Inbox, None)),
            Command::Opgaven => Step::Go(Go::View(View::Opgaven)),
            Command::Tijdlijn => Step::Go(Go::View(View::Tijdlijn)),
            Command::Veranderd => return self.open_veranderd(),
            Command::Agenda => Step::Go(Go::View(View::Agenda)),
            _ => match self.view {
                View::Overzicht => v.overzicht.on_command(s, c),
                View::Bord => v.bord.on_command(s, c),
                View::Kaart => {
                    let historie = v.historie.gelezen.as_ref().map(|g| g.entries.as_slice());
                    v.kaart.on_command(s, &mut v.bord, historie, c)
                }
                View::Capaciteit => v.capaciteit.on_command(s, c),
                View::Conflicten => v.conflicten.on_command(s, c),
                View::Inzet => v.inzet.on_command(s, c),
                View::Mensen => v.mensen.on_command(s, c),
                View::Inrichting => v.inrichting.on_command(s, c),
                View::Opgaven => v.opgaven.on_command(s, c),
                View::Tijdlijn => v.tijdlijn.on_command(s, c),
                View::Agenda => v.agenda.on_command(s, c),
                // The stand-up shows the board's columns: the board's archive switch.
                View::Standup if c == Command::Archief => v.bord.on_command(s, c),
                View::Standup => match &mut v.standup {
                    Some(st) => st.on_command(s, c),
                    None => Step::Stay,
                },
            },
        };
        self.take(step)
    }

    fn on_click(&mut self, t: Target) -> Vec<Effect> {
        let s = &self.session;
        let step = match t {
            Target::Board(i) => self.views.overzicht.click(s, i),
            Target::Card { kolom, kaart } => {
                self.views.bord.click(s, kolom, Some(kaart));
                Step::Stay
            }
            Target::Column(kolom) => {
                self.views.bord.click(s, kolom, None);
                Step::Stay
            }
        };
        self.take(step)
    }

    /// The wheel scrolls the column under the pointer (focusing it), else the selection.
    fn on_wheel(&mut self, over: Option<Target>, down: bool) -> Vec<Effect> {
        if self.view == View::Bord
            && let Some(Target::Card { kolom, .. } | Target::Column(kolom)) = over
            && kolom != self.views.bord.kolom
        {
            self.views.bord.click(&self.session, kolom, None);
        }
        self.on_command(if down { Command::Down } else { Command::Up })
    }

    fn undo(&mut self) -> Vec<Effect> {
        let s = &mut self.session;
        let Some(edit) = s.undo.pop() else {
            s.say(wording::niets_ongedaan());
            return Vec::new();
        };
        // `None`: nothing could be undone, a colleague changed all of it since.
        if let Some((done, notices)) = s.apply_edit(&edit.inverted(), ops::Mode::Undo) {
            // Redo re-applies what was undone, where it still holds.
            s.redo.push(done.inverted());
            s.say(if notices.is_empty() {
                wording::ongedaan_wat(&edit.wat)
            } else {
                wording::deels_ongedaan(&edit.wat, &s.notices_text(&notices))
            });
            s.status.error = None;
            self.focus_edit(&done);
        }
        // Saved at the next tick, after the screen shows it.
        Vec::new()
    }

    fn redo(&mut self) -> Vec<Effect> {
        let s = &mut self.session;
        if let Some(edit) = s.redo.pop()
            && let Some((done, _)) = s.apply_edit(&edit, ops::Mode::Undo)
        {
            s.say(wording::opnieuw_wat(&done.wat));
            s.undo.push(done.clone());
            self.focus_edit(&done);
        }
        Vec::new()
    }

    /// After undo/redo: show the board and card the edit was about.
    fn focus_edit(&mut self, edit: &super::edit::Edit) {
        let Some(bord) = edit.bord() else { return };
        if self.views.bord.bord != bord && self.session.werkmap.bord(bord).is_some() {
            self.open_board(bord);
        }
        let s = &self.session;
        let b = &mut self.views.bord;
        match edit.kaart() {
            Some((id, false)) if b.bord == bord => b.select_card(s, id),
            _ => b.keep_selection_visible(s),
        }
    }
}
