//! `App::update`: every action in, effects out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Command, Effect, Target};
use super::edit::Edit;
use super::input::TextInput;
use super::keymap::{self, View};
use super::{App, BordView, Mode, QuickFilter};
use crate::wording;
impl App {
    /// Handles one action and returns what the shell must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.dispatch(action);
        if self.view == View::Inzet {
            self.inzet.detail = self.selected_inzet().and_then(|r| {
                super::inzet::detail(
                    &self.session.werkmap,
                    &r,
                    crate::domain::Week::of(self.session.vandaag),
                )
            });
        }
        effects
    }

    pub(super) fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) => self.on_key(key),
            Action::Command(c) => self.on_command(c),
            Action::Click(t) => {
                self.on_click(t);
                Vec::new()
            }
            Action::Resize(w, h) => {
                self.session.size = (w, h);
                Vec::new()
            }
            Action::Tick(now) => self.on_tick(now),
            Action::Saved { file, token, hash } => self.on_saved(file, &token, hash),
            Action::SaveFailed {
                file,
                token: _,
                changed,
                melding,
            } => self.on_save_failed(file, changed, melding),
            Action::FileChanged { name, result } => self.on_file_changed(name, result),
            Action::FileRemoved { name } => self.on_file_removed(&name),
            Action::WerkmapReloaded(loaded) => self.on_werkmap_reloaded(*loaded),
            Action::SavedElsewhere(result) => {
                match result {
                    Ok(paths) => {
                        self.session.status.message = Some(wording::elders_bewaard(&paths))
                    }
                    Err(e) => self.session.status.error = Some(e),
                }
                vec![Effect::Quit]
            }
            Action::Terminate => {
                if self.session.leaving.terminating {
                    // Asked twice: go now, edits that are not written kept elsewhere.
                    let docs = self.unsaved_docs();
                    return if docs.is_empty() {
                        vec![Effect::Quit]
                    } else {
                        vec![Effect::SaveElsewhere(docs)]
                    };
                }
                self.session.leaving.terminating = true;
                self.mode = Mode::Normal;
                if self.session.files.unconfirmed() == 0 {
                    return vec![Effect::Quit];
                }
                self.session.leaving.deadline =
                    Some(self.session.clock + crate::domain::sync::CONFIRM);
                self.force_saves()
            }
        }
    }

    fn on_tick(&mut self, now: super::action::Now) -> Vec<Effect> {
        self.session.now = now.local;
        self.session.clock = now.mono;
        if let Some(s) = &mut self.standup {
            s.tick(&self.session.werkmap, self.session.now);
        }
        for s in self.session.files.borden.values_mut() {
            s.replica.tick(now.mono);
        }
        if let Some(s) = self.session.files.organisatie.as_mut() {
            s.replica.tick(now.mono);
        }
        let mut effects = self.due_saves();
        effects.extend(self.check_quit());
        effects
    }

    pub(super) fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            // A second Ctrl-c while quitting leaves at once.
            if self.session.leaving.deadline.is_some() || matches!(self.mode, Mode::QuitPending(_))
            {
                return vec![Effect::Quit];
            }
            self.mode = Mode::Normal;
            return self.request_quit();
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => match keymap::command(self.view, key) {
                Some(c) => self.on_command(c),
                None => Vec::new(),
            },
            Mode::Help => Vec::new(),
            Mode::Filter(mut input) => {
                let target = if self.view == View::Conflicten {
                    &mut self.conflicten.filter
                } else {
                    &mut self.bord.filter
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
                self.conflicten.row = 0;
                self.keep_selection_visible();
                Vec::new()
            }
            Mode::Note(mut input, kaart) => match key.code {
                KeyCode::Enter if !input.text.trim().is_empty() => {
                    self.add_note(&kaart, input.text.trim().to_string())
                }
                KeyCode::Enter | KeyCode::Esc => Vec::new(),
                _ => {
                    input.handle(key);
                    self.mode = Mode::Note(input, kaart);
                    Vec::new()
                }
            },
            Mode::Form(mut f) => {
                if key.code == KeyCode::Esc {
                    return Vec::new();
                }
                if f.handle(key) {
                    match f.result() {
                        Ok(kaart) => return self.submit_form(&f, kaart),
                        Err(e) => f.error = Some(e),
                    }
                }
                self.mode = Mode::Form(f);
                Vec::new()
            }
            Mode::QuitPending(choice) => self.on_quit_pending(choice, key),
            Mode::InzetForm(f) => self.on_inzet_form(f, key),
            Mode::MensForm(f) => self.on_mens_form(f, key),
            Mode::AfwezigForm(f) => self.on_afwezig_form(f, key),
            Mode::Decide(d) => self.on_decide(d, key),
            Mode::Reason(input, r) => self.on_reason(input, r, key),
            Mode::ConfirmDelete(kaart) => match key.code {
                KeyCode::Char('j') | KeyCode::Char('y') | KeyCode::Enter => {
                    self.delete_card(&kaart)
                }
                _ => Vec::new(),
            },
        }
    }

    pub(super) fn on_command(&mut self, c: Command) -> Vec<Effect> {
        match (self.view, c) {
            (_, Command::Quit) => return self.request_quit(),
            (_, Command::Help) => self.mode = Mode::Help,
            (_, Command::Undo) => return self.undo(),
            (_, Command::Redo) => return self.redo(),
            (_, Command::Capaciteit) => self.open_capaciteit(),
            (View::Overzicht, Command::MergeCopy) => return self.merge_copy(),
            (_, Command::Conflicten) => {
                if !matches!(self.view, View::Capaciteit | View::Conflicten) {
                    self.return_to = self.view;
                }
                self.view = View::Conflicten;
            }
            (View::Inzet, Command::Mensen) => self.open_mensen(),
            (View::Inzet, _) => return self.on_inzet(c),
            (View::Mensen, _) => return self.on_mensen(c),
            (_, Command::Mensen) => self.open_mensen(),
            (View::Bord, Command::Standup) => {
                let id = self.bord.bord.clone();
                self.start_standup(vec![id], 15, None);
            }
            (View::Standup, c) => {
                let Some(s) = &mut self.standup else {
                    return Vec::new();
                };
                match c {
                    Command::Volgende => s.volgende(
                        &self.session.werkmap,
                        crate::domain::Week::of(self.session.vandaag),
                    ),
                    Command::Left => s.stap(&self.session.werkmap, -1),
                    Command::Right => s.stap(&self.session.werkmap, 1),
                    Command::Back => {
                        self.standup = None;
                        self.view = if self.board().is_some() {
                            View::Bord
                        } else {
                            View::Overzicht
                        };
                    }
                    _ => {}
                }
            }
            (View::Bord, Command::Team) => {
                let id = self.bord.bord.clone();
                self.open_inzet(super::inzet::Scope::Bord(id), None);
            }
            (_, Command::Inbox) => self.open_inzet(super::inzet::Scope::Inbox, None),
            (View::Capaciteit, _) => self.on_capaciteit(c),
            (View::Conflicten, _) => self.on_conflicten(c),
            (View::Overzicht, Command::Up) => self.overzicht = self.overzicht.saturating_sub(1),
            (View::Overzicht, Command::Down) => {
                self.overzicht =
                    (self.overzicht + 1).min(self.session.werkmap.borden.len().saturating_sub(1))
            }
            (View::Overzicht, Command::PageUp) => {
                self.overzicht = self.overzicht.saturating_sub(10)
            }
            (View::Overzicht, Command::PageDown) => {
                self.overzicht =
                    (self.overzicht + 10).min(self.session.werkmap.borden.len().saturating_sub(1))
            }
            (View::Overzicht, Command::Open) => {
                if let Some(&i) = self.overview_order().get(self.overzicht) {
                    self.open_board(i);
                }
            }
            (View::Bord, Command::Back) => {
                self.view = if matches!(self.return_to, View::Capaciteit | View::Conflicten) {
                    std::mem::replace(&mut self.return_to, View::Overzicht)
                } else {
                    View::Overzicht
                }
            }
            (View::Kaart, Command::Back) => self.view = View::Bord,
            (View::Bord, Command::Up) => self.step_card(-1),
            (View::Bord, Command::Down) => self.step_card(1),
            (View::Bord, Command::PageUp) => self.step_card(-(self.page() as isize)),
            (View::Bord, Command::PageDown) => self.step_card(self.page() as isize),
            (View::Bord, Command::Left) => self.step_column(-1),
            (View::Bord, Command::Right) => self.step_column(1),
            (View::Bord, Command::Open) if self.selected_card().is_some() => {
                self.view = View::Kaart;
                self.kaart_scroll = 0;
            }
            (View::Kaart, Command::Up) => self.kaart_scroll = self.kaart_scroll.saturating_sub(1),
            (View::Kaart, Command::Down) => self.kaart_scroll = self.kaart_scroll.saturating_add(1),
            (View::Kaart, Command::PageUp) => {
                self.kaart_scroll = self.kaart_scroll.saturating_sub(10)
            }
            (View::Kaart, Command::PageDown) => {
                self.kaart_scroll = self.kaart_scroll.saturating_add(10)
            }
            (View::Bord, Command::MoveLeft) => return self.move_sideways(-1),
            (View::Bord, Command::MoveRight) => return self.move_sideways(1),
            (View::Bord, Command::MoveUp) => return self.move_within(-1),
            (View::Bord, Command::MoveDown) => return self.move_within(1),
            (View::Bord, Command::NewCard) => self.open_form(true),
            (View::Bord | View::Kaart, Command::EditCard) => self.open_form(false),
            (View::Bord | View::Kaart, Command::DeleteCard) => {
                if let Some(k) = self.selected_card() {
                    self.mode = Mode::ConfirmDelete(Box::new(k.clone()));
                }
            }
            (View::Bord | View::Kaart, Command::AddNote) => {
                if let Some(k) = self.selected_card() {
                    self.mode = Mode::Note(TextInput::default(), k.id.clone());
                }
            }
            (View::Bord, Command::Filter) => {
                self.mode = Mode::Filter(TextInput::new(self.bord.filter.clone()))
            }
            (View::Bord, Command::QuickFilter) => {
                self.bord.quick = match self.bord.quick {
                    QuickFilter::Geen => QuickFilter::Mijn,
                    QuickFilter::Mijn => QuickFilter::Verlopen,
                    QuickFilter::Verlopen => QuickFilter::InConflict,
                    QuickFilter::InConflict => QuickFilter::Geen,
                };
                self.keep_selection_visible();
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn on_click(&mut self, t: Target) {
        match t {
            Target::Board(i) => {
                let pos = self.overview_order().iter().position(|&x| x == i);
                match pos {
                    Some(p) if p == self.overzicht => self.open_board(i),
                    Some(p) => self.overzicht = p,
                    None => {}
                }
            }
            Target::Card { kolom, kaart } => {
                self.bord.kolom = kolom;
                self.bord.kaart = Some(kaart);
            }
            Target::Column(kolom) => {
                self.bord.kolom = kolom;
                self.keep_selection_visible();
            }
        }
    }

    pub(super) fn page(&self) -> usize {
        usize::from(self.session.size.1 / 5).max(1)
    }

    pub(super) fn open_board(&mut self, index: usize) {
        let id = self.session.werkmap.borden[index].id.clone();
        if self.bord.bord != id {
            self.bord = BordView {
                bord: id,
                ..BordView::default()
            };
        }
        self.view = View::Bord;
        self.refresh_strip();
        self.keep_selection_visible();
    }

    /// Makes sure the selection is a visible card of the current column (or nothing).
    pub(super) fn keep_selection_visible(&mut self) {
        let Some(bord) = self.board() else { return };
        let kolom = self.bord.kolom.min(bord.kolommen.len().saturating_sub(1));
        let visible = self.visible_cards(bord, kolom);
        let keep = self
            .bord
            .kaart
            .as_ref()
            .is_some_and(|id| visible.iter().any(|k| &k.id == id));
        let first = visible.first().map(|k| k.id.clone());
        self.bord.kolom = kolom;
        if !keep {
            self.bord.kaart = first;
        }
    }

    pub(super) fn step_card(&mut self, delta: isize) {
        let Some(bord) = self.board() else { return };
        let visible = self.visible_cards(bord, self.bord.kolom);
        if visible.is_empty() {
            return;
        }
        let pos = self
            .bord
            .kaart
            .as_ref()
            .and_then(|id| visible.iter().position(|k| &k.id == id))
            .unwrap_or(0);
        let next = (pos as isize + delta).clamp(0, visible.len() as isize - 1) as usize;
        self.bord.kaart = Some(visible[next].id.clone());
    }

    pub(super) fn step_column(&mut self, delta: isize) {
        let Some(bord) = self.board() else { return };
        let row = self
            .bord
            .kaart
            .as_ref()
            .and_then(|id| {
                self.visible_cards(bord, self.bord.kolom)
                    .iter()
                    .position(|k| &k.id == id)
            })
            .unwrap_or(0);
        let kolom =
            (self.bord.kolom as isize + delta).clamp(0, bord.kolommen.len() as isize - 1) as usize;
        let visible = self.visible_cards(bord, kolom);
        let pick = visible
            .get(row.min(visible.len().saturating_sub(1)))
            .map(|k| k.id.clone());
        self.bord.kolom = kolom;
        self.bord.kaart = pick;
    }

    pub(super) fn undo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.session.undo.pop() else {
            self.session.status.message = Some(wording::niets_ongedaan());
            return Vec::new();
        };
        let Some((done, notices)) =
            self.apply_edit(&edit.inverted(), crate::domain::ops::Mode::Undo)
        else {
            // Nothing could be undone: a colleague changed all of it since.
            return Vec::new();
        };
        self.focus_edit(&done);
        // Redo re-applies what was undone, where it still holds.
        self.session.redo.push(done.inverted());
        self.session.status.message = Some(if notices.is_empty() {
            wording::ongedaan()
        } else {
            wording::deels_ongedaan(&self.notices_text(&notices))
        });
        self.session.status.error = None;
        // Saved at the next tick, after the screen shows it.
        Vec::new()
    }

    pub(super) fn redo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.session.redo.pop() else {
            return Vec::new();
        };
        let Some((done, _)) = self.apply_edit(&edit, crate::domain::ops::Mode::Undo) else {
            return Vec::new();
        };
        self.focus_edit(&done);
        self.session.undo.push(done);
        Vec::new()
    }

    /// After undo/redo: show the board and card the edit was about.
    pub(super) fn focus_edit(&mut self, edit: &Edit) {
        let Some(bord) = edit.bord() else { return };
        if self.bord.bord != bord
            && let Some(i) = self
                .session
                .werkmap
                .borden
                .iter()
                .position(|b| b.id == bord)
        {
            self.open_board(i);
        }
        match edit.kaart() {
            Some((id, false)) if self.bord.bord == bord => {
                let id = id.to_string();
                self.select_card(&id);
            }
            _ => self.keep_selection_visible(),
        }
    }

    /// Selects a card of the open board by id, with its column.
    pub(super) fn select_card(&mut self, id: &str) {
        let Some(bord) = self.board() else { return };
        let Some(k) = bord.kaarten.iter().find(|k| k.id == id) else {
            return;
        };
        if let Some(c) = bord.kolommen.iter().position(|c| c.id == k.kolom) {
            self.bord.kolom = c;
            self.bord.kaart = Some(id.to_string());
        }
        self.keep_selection_visible();
    }
}
