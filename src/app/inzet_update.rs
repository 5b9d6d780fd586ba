//! `update` for inzet: asking capacity, changing and withdrawing it, and the CoCo's decisions.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::{Command, Effect};
use super::edit::{Change, Edit, Placed};
use super::input::TextInput;
use super::inzet::{Decide, InzetForm, InzetRef, Keuze, Scope};
use super::keymap::View;
use super::{App, Mode};
use crate::domain::{Besluit, Inzet, InzetSoort, InzetStatus, Moment, Week};
use crate::text;

impl App {
    /// The current week.
    fn nu(&self) -> Week {
        Week::of(self.vandaag)
    }

    fn besluit(&self, toelichting: Option<String>) -> Besluit {
        Besluit {
            wie: self.signer.clone(),
            wanneer: Moment(self.now),
            toelichting,
        }
    }

    /// Opens the inzet view on a board's team (`Scope::Bord`) or on the CoCo's inbox.
    pub(super) fn open_inzet(&mut self, scope: Scope, select: Option<usize>) {
        if !matches!(self.view, View::Inzet) {
            self.return_to = self.view;
        }
        self.inzet.scope = scope;
        self.inzet.row = 0;
        if let Some(i) = select {
            self.inzet.row = self
                .inzet_rows()
                .iter()
                .position(|r| r.inzet == i)
                .unwrap_or(0);
        }
        self.view = View::Inzet;
    }

    pub(super) fn on_inzet(&mut self, c: Command) -> Vec<Effect> {
        let last = self.inzet_rows().len().saturating_sub(1);
        match c {
            Command::Up => self.inzet.row = self.inzet.row.saturating_sub(1),
            Command::Down => self.inzet.row = (self.inzet.row + 1).min(last),
            Command::PageUp => self.inzet.row = self.inzet.row.saturating_sub(10),
            Command::PageDown => self.inzet.row = (self.inzet.row + 10).min(last),
            Command::Back => {
                self.view = match self.inzet.scope {
                    Scope::Bord(_) => View::Bord,
                    Scope::Inbox => self.return_to,
                }
            }
            Command::NewCard => self.open_inzet_form(None),
            Command::EditCard => {
                if let Some(r) = self.selected_inzet() {
                    self.open_inzet_form(Some(r));
                }
            }
            Command::Withdraw => return self.withdraw(),
            Command::Agree => return self.agree(),
            Command::Decline => {
                if let Some(r) = self.selected_inzet() {
                    let persoon = self.werkmap.borden[r.bord].inzet[r.inzet].persoon.clone();
                    match self.may_decide(&persoon) {
                        Ok(()) => self.mode = Mode::Reason(TextInput::default(), r),
                        Err(e) => self.status.error = Some(e),
                    }
                }
            }
            Command::Open => {
                if let Some(r) = self.selected_inzet() {
                    let persoon = self.werkmap.borden[r.bord].inzet[r.inzet].persoon.clone();
                    self.show_person(&persoon);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// The capacity view on one person.
    fn show_person(&mut self, id: &str) {
        use super::capaciteit::Niveau;
        let Some(p) = self
            .werkmap
            .organisatie
            .as_ref()
            .and_then(|o| o.mensen.iter().position(|m| m.id == id))
        else {
            return;
        };
        let from = self.view;
        self.open_capaciteit();
        self.return_to = from;
        self.capaciteit.trail.clear();
        self.capaciteit.niveau = Niveau::Persoon(p);
        self.capaciteit.row = 0;
        self.capaciteit.compute(&self.werkmap);
    }

    fn open_inzet_form(&mut self, r: Option<InzetRef>) {
        let bord = match (&self.inzet.scope, r) {
            (_, Some(r)) => r.bord,
            (Scope::Bord(id), None) => match self.werkmap.borden.iter().position(|b| &b.id == id) {
                Some(b) => b,
                None => return,
            },
            (Scope::Inbox, None) => return,
        };
        let candidates = super::form::candidates(
            self.werkmap.organisatie.as_ref(),
            &self.werkmap.borden[bord],
        );
        let (inzet, is_new) = match r {
            Some(r) => (self.werkmap.borden[r.bord].inzet[r.inzet].clone(), false),
            None => {
                let nu = self.nu();
                let id = self.new_id();
                let soort = if self.werkmap.borden[bord].opgave().is_some() {
                    InzetSoort::Opgave
                } else {
                    InzetSoort::Regulier
                };
                (
                    Inzet {
                        id,
                        persoon: candidates.first().map(|c| c.id.clone()).unwrap_or_default(),
                        uren_per_week: 0.0,
                        van: nu.plus(1),
                        tot: nu.plus(12),
                        status: InzetStatus::Gevraagd,
                        soort,
                        besluit: None,
                    },
                    true,
                )
            }
        };
        let id = self.werkmap.borden[bord].id.clone();
        self.mode = Mode::InzetForm(Box::new(InzetForm::new(id, inzet, is_new, candidates)));
    }

    /// An edit that replaces (or adds, or removes) one inzet of a board.
    fn inzet_edit(&self, bord: usize, index: Option<usize>, after: Option<Inzet>) -> Edit {
        let b = &self.werkmap.borden[bord];
        let before = index.map(|i| Placed {
            index: i,
            item: b.inzet[i].clone(),
        });
        let at = index.unwrap_or(b.inzet.len());
        Edit::Inzet(Change {
            bord: b.id.clone(),
            before,
            after: after.map(|item| Placed { index: at, item }),
        })
    }

    pub(super) fn on_inzet_form(&mut self, mut f: Box<InzetForm>, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Esc {
            return Vec::new();
        }
        if f.handle(key) {
            match f.result(self.nu()) {
                Ok(z) => {
                    let Some(b) = self.werkmap.borden.iter().position(|x| x.id == f.bord) else {
                        return Vec::new();
                    };
                    let index = (!f.is_new)
                        .then(|| {
                            self.werkmap.borden[b]
                                .inzet
                                .iter()
                                .position(|x| x.id == z.id)
                        })
                        .flatten();
                    if index.is_some_and(|i| self.werkmap.borden[b].inzet[i] == z) {
                        return Vec::new();
                    }
                    let edit = self.inzet_edit(b, index, Some(z));
                    self.status.message = Some(if f.is_new {
                        text::inzet_gevraagd()
                    } else {
                        text::inzet_gewijzigd()
                    });
                    return self.commit(edit);
                }
                Err(e) => f.error = Some(e),
            }
        }
        self.mode = Mode::InzetForm(f);
        Vec::new()
    }

    /// Withdraws the selected inzet: a request disappears, an agreed claim ends this week.
    fn withdraw(&mut self) -> Vec<Effect> {
        let Some(r) = self.selected_inzet() else {
            return Vec::new();
        };
        let z = self.werkmap.borden[r.bord].inzet[r.inzet].clone();
        let nu = self.nu();
        let after = match z.status {
            InzetStatus::Gevraagd => None,
            InzetStatus::Toegezegd if z.van <= nu && z.tot > nu => Some(Inzet { tot: nu, ..z }),
            InzetStatus::Toegezegd if z.van > nu => None,
            _ => {
                self.status.message = Some(text::niets_in_te_trekken());
                return Vec::new();
            }
        };
        let edit = self.inzet_edit(r.bord, Some(r.inzet), after);
        self.status.message = Some(text::inzet_ingetrokken());
        let effects = self.commit(edit);
        let last = self.inzet_rows().len().saturating_sub(1);
        self.inzet.row = self.inzet.row.min(last);
        effects
    }

    /// Agrees to the selected request, or offers the choices when that over-books someone.
    fn agree(&mut self) -> Vec<Effect> {
        let Some(r) = self.selected_inzet() else {
            return Vec::new();
        };
        let z = self.werkmap.borden[r.bord].inzet[r.inzet].clone();
        if z.status == InzetStatus::Toegezegd {
            self.status.message = Some(text::al_toegezegd());
            return Vec::new();
        }
        if let Err(e) = self.may_decide(&z.persoon) {
            self.status.error = Some(e);
            return Vec::new();
        }
        match super::inzet::impact(&self.werkmap, r, self.nu()) {
            Some(i) if i.persoon.is_some() || i.eenheid.is_some() => {
                self.mode = Mode::Decide(Box::new(Decide::new(r, i, z.uren_per_week)));
                Vec::new()
            }
            _ => self.decide(r, Keuze::TochToezeggen),
        }
    }

    pub(super) fn on_decide(&mut self, mut d: Box<Decide>, key: KeyEvent) -> Vec<Effect> {
        match key.code {
            KeyCode::Esc => Vec::new(),
            KeyCode::Up | KeyCode::Char('k') => {
                d.choice = d.choice.saturating_sub(1);
                self.mode = Mode::Decide(d);
                Vec::new()
            }
            KeyCode::Down | KeyCode::Char('j') => {
                d.choice = (d.choice + 1).min(d.keuzes.len() - 1);
                self.mode = Mode::Decide(d);
                Vec::new()
            }
            KeyCode::Char(c)
                if c.is_ascii_digit() && (c as usize - '1' as usize) < d.keuzes.len() =>
            {
                let k = d.keuzes[c as usize - '1' as usize].clone();
                self.decide(d.r, k)
            }
            KeyCode::Enter => {
                let k = d.keuzes[d.choice].clone();
                self.decide(d.r, k)
            }
            _ => {
                self.mode = Mode::Decide(d);
                Vec::new()
            }
        }
    }

    /// Carries out the CoCo's choice on a request, recording the decision.
    fn decide(&mut self, r: InzetRef, keuze: Keuze) -> Vec<Effect> {
        let z = self.werkmap.borden[r.bord].inzet[r.inzet].clone();
        let edit = match keuze {
            Keuze::TochToezeggen => self.inzet_edit(
                r.bord,
                Some(r.inzet),
                Some(Inzet {
                    status: InzetStatus::Toegezegd,
                    besluit: Some(self.besluit(None)),
                    ..z
                }),
            ),
            Keuze::MinderUren(h) => {
                let why = text::minder_uren(z.uren_per_week, h);
                self.inzet_edit(
                    r.bord,
                    Some(r.inzet),
                    Some(Inzet {
                        uren_per_week: h,
                        status: InzetStatus::Toegezegd,
                        besluit: Some(self.besluit(Some(why))),
                        ..z
                    }),
                )
            }
            Keuze::AndereWeken { van, tot } => {
                let why = text::andere_weken(z.van, z.tot);
                self.inzet_edit(
                    r.bord,
                    Some(r.inzet),
                    Some(Inzet {
                        van,
                        tot,
                        status: InzetStatus::Toegezegd,
                        besluit: Some(self.besluit(Some(why))),
                        ..z
                    }),
                )
            }
            Keuze::AnderePersoon { id, naam } => {
                let decline = Inzet {
                    status: InzetStatus::Afgewezen,
                    besluit: Some(self.besluit(Some(text::overgedragen_aan(&naam)))),
                    ..z.clone()
                };
                let other = Inzet {
                    id: self.new_id(),
                    persoon: id,
                    status: InzetStatus::Toegezegd,
                    besluit: Some(
                        self.besluit(Some(text::in_plaats_van(&self.person_name(&z.persoon)))),
                    ),
                    ..z
                };
                Edit::Samen(vec![
                    self.inzet_edit(r.bord, Some(r.inzet), Some(decline)),
                    self.inzet_edit(r.bord, None, Some(other)),
                ])
            }
            Keuze::LatenStaan => {
                let besluit = self.besluit(Some(text::naar_pmo()));
                self.inzet_edit(
                    r.bord,
                    Some(r.inzet),
                    Some(Inzet {
                        besluit: Some(besluit),
                        ..z
                    }),
                )
            }
        };
        self.status.message = Some(text::besluit_vastgelegd());
        self.commit(edit)
    }

    pub(super) fn on_reason(
        &mut self,
        mut input: TextInput,
        r: InzetRef,
        key: KeyEvent,
    ) -> Vec<Effect> {
        match key.code {
            KeyCode::Esc => Vec::new(),
            KeyCode::Enter => {
                let z = self.werkmap.borden[r.bord].inzet[r.inzet].clone();
                let why = Some(input.text.trim().to_string()).filter(|t| !t.is_empty());
                let after = Inzet {
                    status: InzetStatus::Afgewezen,
                    besluit: Some(self.besluit(why)),
                    ..z
                };
                let edit = self.inzet_edit(r.bord, Some(r.inzet), Some(after));
                self.status.message = Some(text::inzet_afgewezen());
                self.commit(edit)
            }
            _ => {
                input.handle(key);
                self.mode = Mode::Reason(input, r);
                Vec::new()
            }
        }
    }
}
