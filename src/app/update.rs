//! `App::update`: every action in, effects out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Command, Effect, Target};
use super::edit::{Edit, EditError};
use super::input::TextInput;
use super::keymap::{self, View};
use super::{App, BordView, FileState, Mode, QuickFilter};
use crate::text;

impl App {
    /// Handles one action and returns what the shell must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.dispatch(action);
        if self.view == View::Inzet {
            self.inzet.detail = self.selected_inzet().and_then(|r| {
                super::inzet::detail(&self.werkmap, r, crate::domain::Week::of(self.vandaag))
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
                self.size = (w, h);
                Vec::new()
            }
            Action::Tick => {
                if let Some(s) = &mut self.standup {
                    s.tick(&self.werkmap, self.now);
                }
                Vec::new()
            }
            Action::Saved { bord, hash } => {
                if let Some(i) = self.werkmap.borden.iter().position(|b| b.id == bord) {
                    self.board_files[i].hash = hash;
                    // The file now holds exactly our state: the base of the next merge.
                    self.base[i] = self.werkmap.borden[i].clone();
                    self.status.message = Some(text::opgeslagen(&self.board_files[i].name));
                }
                self.pending.remove(&bord);
                self.status.file = FileState::Opgeslagen;
                Vec::new()
            }
            Action::SaveFailed { bord: _, melding } => {
                self.status.file = FileState::Opgeslagen;
                self.status.error = Some(melding);
                Vec::new()
            }
            Action::FileChanged {
                name,
                result,
                during_save,
            } => self.on_file_changed(name, result, during_save),
            Action::FileRemoved { name } => {
                if let Some(i) = self.board_files.iter().position(|f| f.name == name) {
                    let id = self.werkmap.borden[i].id.clone();
                    self.werkmap.borden.remove(i);
                    self.board_files.remove(i);
                    self.base.remove(i);
                    self.pending.remove(&id);
                    if self.bord.bord == id && self.view != View::Overzicht {
                        self.view = View::Overzicht;
                        self.mode = Mode::Normal;
                    }
                    self.status.message = Some(text::bord_verdwenen(&name));
                    self.recompute();
                }
                Vec::new()
            }
            Action::Merged {
                bord,
                value,
                hash,
                meldingen,
            } => {
                if let Some(i) = self.werkmap.borden.iter().position(|b| b.id == bord) {
                    self.werkmap.borden[i] = (*value).clone();
                    self.base[i] = *value;
                    self.board_files[i].hash = hash;
                    self.recompute();
                    if self.bord.bord == bord {
                        self.keep_selection_visible();
                    }
                    self.status.message = Some(text::samengevoegd(&self.board_files[i].name));
                }
                self.pending.remove(&bord);
                self.status.file = FileState::Opgeslagen;
                self.status.error = (!meldingen.is_empty()).then(|| meldingen.join("; "));
                Vec::new()
            }
            Action::OrganisatieMerged {
                value,
                hash,
                meldingen,
            } => {
                self.werkmap.organisatie = Some((*value).clone());
                self.base_org = Some(*value);
                if let Some(f) = &mut self.org_file {
                    f.hash = hash;
                }
                self.pending_org.clear();
                self.recompute();
                self.status.file = FileState::Opgeslagen;
                self.status.message = Some(text::samengevoegd(crate::storage::load::ORGANISATIE));
                self.status.error = (!meldingen.is_empty()).then(|| meldingen.join("; "));
                Vec::new()
            }
            Action::OrganisatieSaved(hash) => {
                if let Some(f) = &mut self.org_file {
                    f.hash = hash;
                }
                self.base_org = self.werkmap.organisatie.clone();
                self.pending_org.clear();
                self.status.file = FileState::Opgeslagen;
                self.status.message = Some(text::opgeslagen(crate::storage::load::ORGANISATIE));
                Vec::new()
            }
            Action::WerkmapReloaded(loaded) => {
                // Only the organisation changed: take it, keep the boards and local edits.
                self.werkmap.organisatie = loaded.werkmap.organisatie;
                let mut lost = Vec::new();
                if let Some(org) = self.werkmap.organisatie.as_mut() {
                    for e in &self.pending_org {
                        if let Err(EditError::Gone(id)) = e.apply_org(org) {
                            lost.push(id);
                        }
                    }
                }
                if !lost.is_empty() {
                    self.status.error = Some(text::wijziging_verloren(&lost));
                }
                self.org_file = loaded.organisatie_file;
                self.capaciteit_uit = loaded.capaciteit_uit;
                self.fouten
                    .retain(|d| d.bestand != crate::storage::load::ORGANISATIE);
                self.fouten.extend(
                    loaded
                        .fouten
                        .into_iter()
                        .filter(|d| d.bestand == crate::storage::load::ORGANISATIE),
                );
                self.status.file = FileState::Herladen(crate::storage::load::ORGANISATIE.into());
                self.recompute();
                if self.pending_org.is_empty() || self.werkmap.organisatie.is_none() {
                    Vec::new()
                } else {
                    self.status.file = FileState::Opslaan;
                    vec![Effect::SaveOrganisatie]
                }
            }
        }
    }

    pub(super) fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return vec![Effect::Quit];
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
            Mode::Note(mut input) => match key.code {
                KeyCode::Enter if !input.text.trim().is_empty() => {
                    self.add_note(input.text.trim().to_string())
                }
                KeyCode::Enter | KeyCode::Esc => Vec::new(),
                _ => {
                    input.handle(key);
                    self.mode = Mode::Note(input);
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
            Mode::InzetForm(f) => self.on_inzet_form(f, key),
            Mode::MensForm(f) => self.on_mens_form(f, key),
            Mode::AfwezigForm(f) => self.on_afwezig_form(f, key),
            Mode::Decide(d) => self.on_decide(d, key),
            Mode::Reason(input, r) => self.on_reason(input, r, key),
            Mode::ConfirmDelete => match key.code {
                KeyCode::Char('j') | KeyCode::Char('y') | KeyCode::Enter => self.delete_card(),
                _ => Vec::new(),
            },
        }
    }

    pub(super) fn on_command(&mut self, c: Command) -> Vec<Effect> {
        match (self.view, c) {
            (_, Command::Quit) => return vec![Effect::Quit],
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
                    Command::Volgende => {
                        s.volgende(&self.werkmap, crate::domain::Week::of(self.vandaag))
                    }
                    Command::Left => s.stap(&self.werkmap, -1),
                    Command::Right => s.stap(&self.werkmap, 1),
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
                    (self.overzicht + 1).min(self.werkmap.borden.len().saturating_sub(1))
            }
            (View::Overzicht, Command::PageUp) => {
                self.overzicht = self.overzicht.saturating_sub(10)
            }
            (View::Overzicht, Command::PageDown) => {
                self.overzicht =
                    (self.overzicht + 10).min(self.werkmap.borden.len().saturating_sub(1))
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
            (View::Bord | View::Kaart, Command::DeleteCard) if self.selected_card().is_some() => {
                self.mode = Mode::ConfirmDelete;
            }
            (View::Bord | View::Kaart, Command::AddNote) if self.selected_card().is_some() => {
                self.mode = Mode::Note(TextInput::default());
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
        usize::from(self.size.1 / 5).max(1)
    }

    pub(super) fn open_board(&mut self, index: usize) {
        let id = self.werkmap.borden[index].id.clone();
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

    /// Applies a new edit, records it for undo, and saves.
    pub(super) fn commit(&mut self, edit: Edit) -> Vec<Effect> {
        let effects = self.apply(&edit);
        if !effects.is_empty() {
            self.undo.push(edit);
            self.redo.clear();
        }
        effects
    }

    /// Applies an edit to its board and asks for a save.
    pub(super) fn apply(&mut self, edit: &Edit) -> Vec<Effect> {
        if edit.is_organisatie() {
            let Some(org) = self.werkmap.organisatie.as_mut() else {
                self.status.error = self.capaciteit_uit.clone();
                return Vec::new();
            };
            if let Err(EditError::Gone(id)) = edit.apply_org(org) {
                self.status.error = Some(text::persoon_verdwenen(&id));
                return Vec::new();
            }
            self.pending_org.push(edit.clone());
            self.recompute();
            self.status.error = None;
            self.status.file = FileState::Opslaan;
            return vec![Effect::SaveOrganisatie];
        }
        let Some(b) = self.werkmap.borden.iter().position(|x| x.id == edit.bord()) else {
            self.status.error = Some(text::bord_verdwenen(edit.bord()));
            return Vec::new();
        };
        if let Err(EditError::Gone(id)) = edit.apply(&mut self.werkmap.borden[b]) {
            self.status.error = Some(text::kaart_verdwenen(&id));
            return Vec::new();
        }
        if let Some(after) = edit.card_after()
            && self.board_index() == Some(b)
        {
            self.bord.kaart = Some(after.item.id.clone());
            if let Some(k) = self.werkmap.borden[b]
                .kolommen
                .iter()
                .position(|k| k.id == after.item.kolom)
            {
                self.bord.kolom = k;
            }
        }
        self.pending
            .entry(edit.bord().to_string())
            .or_default()
            .push(edit.clone());
        if edit.changes_load() {
            // Inzet changes someone's load: every rule may change.
            self.recompute();
        } else {
            self.derived.refresh_board(&self.werkmap, b, self.vandaag);
        }
        self.status.error = None;
        self.status.file = FileState::Opslaan;
        vec![Effect::Save(edit.bord().to_string())]
    }

    pub(super) fn undo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.undo.pop() else {
            self.status.message = Some(text::niets_ongedaan());
            return Vec::new();
        };
        let effects = self.apply(&edit.inverted());
        if effects.is_empty() {
            return effects;
        }
        self.focus_edit(&edit.inverted());
        self.redo.push(edit);
        self.status.message = Some(text::ongedaan());
        effects
    }

    pub(super) fn redo(&mut self) -> Vec<Effect> {
        let Some(edit) = self.redo.pop() else {
            return Vec::new();
        };
        let effects = self.apply(&edit);
        if !effects.is_empty() {
            self.focus_edit(&edit);
            self.undo.push(edit);
        }
        effects
    }

    /// After undo/redo: show the board and card the edit was about.
    pub(super) fn focus_edit(&mut self, edit: &Edit) {
        if self.bord.bord != edit.bord()
            && let Some(i) = self.werkmap.borden.iter().position(|b| b.id == edit.bord())
        {
            self.open_board(i);
        }
        if edit.is_removal() {
            self.keep_selection_visible();
        }
    }
}
