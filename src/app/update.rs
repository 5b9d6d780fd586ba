//! `App::update`: every action in, effects out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Command, Effect, Target};
use super::edit::{Change, Edit, EditError, Placed};
use super::form::{self, CardForm};
use super::input::TextInput;
use super::keymap::{self, View};
use super::{App, BordView, FileState, Mode, QuickFilter};
use crate::domain::{Bord, Kaart, Notitie};
use crate::storage::FileMeta;
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

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
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

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
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

    fn on_command(&mut self, c: Command) -> Vec<Effect> {
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

    /// Starts a stand-up of these boards: `minuten` on the timer, rotating when `roteer` is set.
    pub fn start_standup(
        &mut self,
        borden: Vec<String>,
        minuten: i64,
        roteer: Option<chrono::Duration>,
    ) {
        self.standup = Some(super::standup::Standup::new(
            &self.werkmap,
            borden,
            self.now,
            minuten,
            roteer,
        ));
        self.mode = Mode::Normal;
        self.view = View::Standup;
    }

    pub(super) fn open_capaciteit(&mut self) {
        if !matches!(self.view, View::Capaciteit | View::Conflicten) {
            self.return_to = self.view;
        }
        if self.capaciteit.weeks.is_empty() {
            self.capaciteit = super::capaciteit::CapaciteitView::new(self.horizon.clone());
        }
        self.view = View::Capaciteit;
        self.capaciteit.compute(&self.werkmap);
        if self.capaciteit_uit.is_some() {
            self.status.error = self.capaciteit_uit.clone();
        }
    }

    fn on_capaciteit(&mut self, c: Command) {
        use super::capaciteit::{Maat, Niveau, RowKind};
        let cap = &mut self.capaciteit;
        let last = cap.len().saturating_sub(1);
        match c {
            Command::Up => cap.row = cap.row.saturating_sub(1),
            Command::Down => cap.row = (cap.row + 1).min(last),
            Command::PageUp => cap.row = cap.row.saturating_sub(10),
            Command::PageDown => cap.row = (cap.row + 10).min(last),
            Command::Left | Command::Right => {
                let d = if c == Command::Left { -1 } else { 1 };
                cap.weeks = cap.weeks.iter().map(|w| w.plus(d)).collect();
                cap.compute(&self.werkmap);
            }
            Command::Maat => {
                cap.maat = match cap.maat {
                    Maat::Procent => Maat::Uren,
                    Maat::Uren => Maat::Fte,
                    Maat::Fte => Maat::Procent,
                }
            }
            Command::Gevraagd => {
                cap.met_gevraagd = !cap.met_gevraagd;
                cap.compute(&self.werkmap);
            }
            Command::Open => {
                let next = match (&cap.person, cap.rows.get(cap.row).map(|r| &r.kind)) {
                    (Some(d), _) => {
                        if let Some(claim) = d.claims.get(cap.row) {
                            let (b, i) = (claim.bord, claim.inzet);
                            self.open_board(b);
                            let id = self.werkmap.borden[b].id.clone();
                            self.open_inzet(super::inzet::Scope::Bord(id), Some(i));
                            // Esc: team panel, board, then back here.
                            self.return_to = View::Capaciteit;
                        }
                        return;
                    }
                    (None, Some(RowKind::Eenheid(u))) => Niveau::Mensen(*u),
                    (None, Some(RowKind::Persoon(p))) => Niveau::Persoon(*p),
                    _ => return,
                };
                cap.trail.push((cap.niveau, cap.row));
                cap.niveau = next;
                cap.row = 0;
                cap.compute(&self.werkmap);
            }
            Command::Back => match cap.trail.pop() {
                Some((niveau, row)) => {
                    cap.niveau = niveau;
                    cap.compute(&self.werkmap);
                    self.capaciteit.row = row;
                }
                None => self.view = self.return_to,
            },
            _ => {}
        }
    }

    fn on_conflicten(&mut self, c: Command) {
        let n = self.conflict_list().len();
        let last = n.saturating_sub(1);
        let v = &mut self.conflicten;
        match c {
            Command::Up => v.row = v.row.saturating_sub(1),
            Command::Down => v.row = (v.row + 1).min(last),
            Command::PageUp => v.row = v.row.saturating_sub(10),
            Command::PageDown => v.row = (v.row + 10).min(last),
            Command::Back => self.view = self.return_to,
            Command::Filter => self.mode = Mode::Filter(TextInput::new(v.filter.clone())),
            Command::QuickFilter => {
                use crate::capacity::ConflictSoort;
                v.soort = match v.soort {
                    None => Some(ConflictSoort::ALLE[0]),
                    Some(s) => ConflictSoort::ALLE
                        .iter()
                        .position(|x| *x == s)
                        .and_then(|i| ConflictSoort::ALLE.get(i + 1))
                        .copied(),
                };
                v.row = 0;
            }
            Command::Open => {
                if let Some(c) = self
                    .conflict_list()
                    .get(self.conflicten.row)
                    .map(|c| (*c).clone())
                {
                    self.jump_to(&c);
                }
            }
            _ => {}
        }
    }

    /// Shows the source of a conflict: the card or column on its board, the person or unit in
    /// the capacity view.
    fn jump_to(&mut self, c: &crate::capacity::Conflict) {
        use super::capaciteit::{Niveau, RowKind};
        use crate::capacity::ConflictSoort as S;
        let org_unit = |app: &App, id: &str| {
            app.werkmap
                .organisatie
                .as_ref()
                .and_then(|o| o.eenheden.iter().position(|e| e.id == id))
        };
        let person = c.persoon.as_deref().and_then(|p| {
            self.werkmap
                .organisatie
                .as_ref()?
                .mensen
                .iter()
                .position(|m| m.id == p)
        });
        let board = c
            .bord
            .as_deref()
            .and_then(|b| self.werkmap.borden.iter().position(|x| x.id == b));
        match (c.soort, board, person) {
            (S::Overboekt | S::AfwezigIngezet, _, Some(p)) | (S::SpanOfAttention, _, Some(p)) => {
                self.open_capaciteit();
                self.return_to = View::Conflicten;
                let unit = self
                    .werkmap
                    .organisatie
                    .as_ref()
                    .and_then(|o| org_unit(self, &o.mensen[p].eenheid));
                let cap = &mut self.capaciteit;
                cap.trail.clear();
                cap.niveau = Niveau::Eenheden;
                cap.compute(&self.werkmap);
                let unit_row = cap
                    .rows
                    .iter()
                    .position(|r| unit.is_some_and(|u| r.kind == RowKind::Eenheid(u)))
                    .unwrap_or(0);
                if c.soort == S::SpanOfAttention {
                    cap.row = unit_row;
                    return;
                }
                cap.trail.push((Niveau::Eenheden, unit_row));
                if let Some(u) = unit {
                    cap.niveau = Niveau::Mensen(u);
                    cap.compute(&self.werkmap);
                    let person_row = cap
                        .rows
                        .iter()
                        .position(|r| r.kind == RowKind::Persoon(p))
                        .unwrap_or(0);
                    cap.trail.push((Niveau::Mensen(u), person_row));
                }
                cap.niveau = Niveau::Persoon(p);
                cap.row = 0;
                cap.compute(&self.werkmap);
            }
            (S::EenheidOverbelast, _, _) => {
                let Some(u) = c.eenheid.as_deref().and_then(|e| org_unit(self, e)) else {
                    return;
                };
                self.open_capaciteit();
                self.return_to = View::Conflicten;
                let cap = &mut self.capaciteit;
                cap.trail.clear();
                cap.niveau = Niveau::Eenheden;
                cap.compute(&self.werkmap);
                let unit_row = cap
                    .rows
                    .iter()
                    .position(|r| r.kind == RowKind::Eenheid(u))
                    .unwrap_or(0);
                cap.trail.push((Niveau::Eenheden, unit_row));
                cap.niveau = Niveau::Mensen(u);
                cap.row = 0;
                cap.compute(&self.werkmap);
            }
            (_, Some(b), _) => {
                self.open_board(b);
                self.return_to = View::Conflicten;
                let bord = &self.werkmap.borden[b];
                let card = c.kaart.clone().or_else(|| {
                    bord.kaarten
                        .iter()
                        .find(|k| {
                            bord.is_open(k) && k.eigenaar.is_some() && k.eigenaar == c.persoon
                        })
                        .map(|k| k.id.clone())
                });
                if let Some(k) = card
                    .as_deref()
                    .and_then(|id| bord.kaarten.iter().find(|k| k.id == id))
                {
                    self.bord.kolom = bord
                        .kolommen
                        .iter()
                        .position(|col| col.id == k.kolom)
                        .unwrap_or(0);
                    self.bord.kaart = Some(k.id.clone());
                    self.bord.filter.clear();
                    self.bord.quick = QuickFilter::Geen;
                } else if let Some(kolom) = c
                    .kolom
                    .as_deref()
                    .and_then(|id| bord.kolommen.iter().position(|col| col.id == id))
                {
                    self.bord.kolom = kolom;
                    self.keep_selection_visible();
                }
            }
            _ => {}
        }
    }

    /// Merges the first conflict copy into its board, saves, and moves the copy away.
    fn merge_copy(&mut self) -> Vec<Effect> {
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

    fn on_click(&mut self, t: Target) {
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

    fn page(&self) -> usize {
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
    fn keep_selection_visible(&mut self) {
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

    fn step_card(&mut self, delta: isize) {
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

    fn step_column(&mut self, delta: isize) {
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

    /// The selected card with its index in the board's card list.
    fn selected_placed(&self) -> Option<(usize, Placed<Kaart>)> {
        let b = self.board_index()?;
        let id = self.bord.kaart.as_deref()?;
        let index = self.werkmap.borden[b]
            .kaarten
            .iter()
            .position(|k| k.id == id)?;
        Some((
            b,
            Placed {
                index,
                item: self.werkmap.borden[b].kaarten[index].clone(),
            },
        ))
    }

    fn move_sideways(&mut self, delta: isize) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        let bord = &self.werkmap.borden[b];
        let Some(from) = bord.kolommen.iter().position(|k| k.id == before.item.kolom) else {
            return Vec::new();
        };
        let to = from as isize + delta;
        if to < 0 || to as usize >= bord.kolommen.len() {
            return Vec::new();
        }
        let target = bord.kolommen[to as usize].id.clone();
        // At the end of the target column, in the list without the card itself.
        let rest: Vec<&Kaart> = bord
            .kaarten
            .iter()
            .filter(|k| k.id != before.item.id)
            .collect();
        let index = rest
            .iter()
            .rposition(|k| k.kolom == target)
            .map_or(rest.len(), |p| p + 1);
        let mut kaart = before.item.clone();
        kaart.kolom = target;
        let edit = Edit::Kaart(Change {
            bord: bord.id.clone(),
            before: Some(before),
            after: Some(Placed { index, item: kaart }),
        });
        self.bord.kolom = to as usize;
        self.commit(edit)
    }

    fn move_within(&mut self, delta: isize) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        let bord = &self.werkmap.borden[b];
        let visible = self.visible_cards(bord, self.bord.kolom);
        let Some(pos) = visible.iter().position(|k| k.id == before.item.id) else {
            return Vec::new();
        };
        let other = pos as isize + delta;
        if other < 0 || other as usize >= visible.len() {
            return Vec::new();
        }
        let other_id = &visible[other as usize].id;
        let Some(index) = bord.kaarten.iter().position(|k| &k.id == other_id) else {
            return Vec::new();
        };
        let edit = Edit::Kaart(Change {
            bord: bord.id.clone(),
            after: Some(Placed {
                index,
                item: before.item.clone(),
            }),
            before: Some(before),
        });
        self.commit(edit)
    }

    fn open_form(&mut self, new: bool) {
        let Some(b) = self.board_index() else { return };
        let bord = &self.werkmap.borden[b];
        let candidates = form::candidates(self.werkmap.organisatie.as_ref(), bord);
        let kaart = if new {
            let Some(kolom) = bord.kolommen.get(self.bord.kolom).map(|k| k.id.clone()) else {
                return;
            };
            Kaart::new(self.new_id(), "", kolom)
        } else {
            match self.selected_card() {
                Some(k) => k.clone(),
                None => return,
            }
        };
        self.mode = Mode::Form(Box::new(CardForm::new(kaart, new, candidates)));
    }

    fn submit_form(&mut self, f: &CardForm, kaart: Kaart) -> Vec<Effect> {
        let Some(b) = self.board_index() else {
            return Vec::new();
        };
        let bord = &self.werkmap.borden[b];
        let edit = if f.is_new {
            let index = bord
                .kaarten
                .iter()
                .rposition(|k| k.kolom == kaart.kolom)
                .map_or(bord.kaarten.len(), |p| p + 1);
            Edit::Kaart(Change {
                bord: bord.id.clone(),
                before: None,
                after: Some(Placed { index, item: kaart }),
            })
        } else {
            let Some(index) = bord.kaarten.iter().position(|k| k.id == kaart.id) else {
                return Vec::new();
            };
            if bord.kaarten[index] == kaart {
                return Vec::new();
            }
            Edit::Kaart(Change {
                bord: bord.id.clone(),
                before: Some(Placed {
                    index,
                    item: bord.kaarten[index].clone(),
                }),
                after: Some(Placed { index, item: kaart }),
            })
        };
        self.commit(edit)
    }

    fn add_note(&mut self, tekst: String) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        let mut kaart = before.item.clone();
        kaart.notities.push(Notitie {
            wie: self.signer.clone(),
            wanneer: crate::domain::Moment(self.now),
            tekst,
        });
        let edit = Edit::Kaart(Change {
            bord: self.werkmap.borden[b].id.clone(),
            after: Some(Placed {
                index: before.index,
                item: kaart,
            }),
            before: Some(before),
        });
        self.commit(edit)
    }

    fn delete_card(&mut self) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        // Select the neighbour that takes the card's place.
        self.step_card(1);
        if self.bord.kaart.as_deref() == Some(before.item.id.as_str()) {
            self.step_card(-1);
        }
        if self.bord.kaart.as_deref() == Some(before.item.id.as_str()) {
            self.bord.kaart = None;
        }
        let edit = Edit::Kaart(Change {
            bord: self.werkmap.borden[b].id.clone(),
            before: Some(before),
            after: None,
        });
        if self.view == View::Kaart {
            self.view = View::Bord;
        }
        self.commit(edit)
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
    fn apply(&mut self, edit: &Edit) -> Vec<Effect> {
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

    fn undo(&mut self) -> Vec<Effect> {
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

    fn redo(&mut self) -> Vec<Effect> {
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
    fn focus_edit(&mut self, edit: &Edit) {
        if self.bord.bord != edit.bord()
            && let Some(i) = self.werkmap.borden.iter().position(|b| b.id == edit.bord())
        {
            self.open_board(i);
        }
        if edit.is_removal() {
            self.keep_selection_visible();
        }
    }

    fn on_file_changed(
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
}
