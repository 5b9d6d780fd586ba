//! `update` for inzet: asking capacity, changing and withdrawing it, and the CoCo's decisions.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::{Command, Effect};
use super::edit::{Edit, FileKey};
use super::input::TextInput;
use super::inzet::{Decide, InzetForm, InzetRef, Keuze, Scope};
use super::keymap::View;
use super::{App, Mode};
use crate::domain::ops::{self, List};
use crate::domain::{Besluit, Inzet, InzetSoort, InzetStatus, Moment, Week};
use crate::wording;
impl App {
    /// The current week.
    fn nu(&self) -> Week {
        Week::of(self.session.vandaag)
    }

    fn besluit(&self, toelichting: Option<String>) -> Besluit {
        Besluit {
            wie: self.session.signer.clone(),
            wanneer: Moment(self.session.now),
            toelichting,
        }
    }

    /// Opens the inzet view on a board's team (`Scope::Bord`) or on the CoCo's inbox.
    pub(super) fn open_inzet(&mut self, scope: Scope, select: Option<&str>) {
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
                if let Some(r) = self.selected_inzet()
                    && let Some(z) = r.inzet(&self.session.werkmap)
                {
                    let persoon = z.persoon.clone();
                    match self.session.may_decide(&persoon) {
                        Ok(()) => self.mode = Mode::Reason(TextInput::default(), r),
                        Err(e) => self.session.status.error = Some(e),
                    }
                }
            }
            Command::Open => {
                if let Some(z) = self
                    .selected_inzet()
                    .and_then(|r| r.inzet(&self.session.werkmap).cloned())
                {
                    self.show_person(&z.persoon);
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
            .session
            .werkmap
            .organisatie
            .as_ref()
            .and_then(|o| o.persoon(id))
            .map(|m| m.id.clone())
        else {
            return;
        };
        let from = self.view;
        self.open_capaciteit();
        self.return_to = from;
        self.capaciteit.trail.clear();
        self.capaciteit.niveau = Niveau::Persoon(p);
        self.capaciteit.row = 0;
        self.capaciteit.compute(&self.session.werkmap);
    }

    fn open_inzet_form(&mut self, r: Option<InzetRef>) {
        let id = match (&self.inzet.scope, &r) {
            (_, Some(r)) => r.bord.clone(),
            (Scope::Bord(id), None) => id.clone(),
            (Scope::Inbox, None) => return,
        };
        let Some(bord) = self.session.werkmap.borden.iter().position(|b| b.id == id) else {
            return;
        };
        let candidates = super::form::candidates(
            self.session.werkmap.organisatie.as_ref(),
            &self.session.werkmap.borden[bord],
        );
        let (inzet, is_new) = match r {
            Some(r) => match r.inzet(&self.session.werkmap) {
                Some(z) => (z.clone(), false),
                None => return,
            },
            None => {
                let nu = self.nu();
                let id = self.session.new_id();
                let soort = if self.session.werkmap.borden[bord].opgave().is_some() {
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
        self.mode = Mode::InzetForm(Box::new(InzetForm::new(id, inzet, is_new, candidates)));
    }

    /// An edit that changes (or adds, or removes) one inzet of a board: `before` is the
    /// inzet as the user saw it (`None`: new), `after` as it should become (`None`: gone).
    fn inzet_edit(&self, bord: &str, before: Option<&Inzet>, after: Option<&Inzet>) -> Edit {
        let ops = match (before, after) {
            (Some(b), Some(a)) => {
                let mut ops = ops::diff_item(List::Inzet, b, a);
                // Asking again (more hours or weeks) must win over a decision on the old
                // amount that a CoCo may be making at this moment: the decision is part of it.
                let wider = a.uren_per_week > b.uren_per_week || a.van < b.van || a.tot > b.tot;
                let decided = |o: &ops::Op| matches!(&o.change, ops::Change::Set { field, .. } if field == ops::BESLISSING);
                if wider && a.status == InzetStatus::Gevraagd && !ops.iter().any(decided) {
                    let group = |z: &Inzet| {
                        let f = ops::fields_of(z);
                        let mut g = serde_json::Map::new();
                        for k in ["status", "verzoek", "besluit"] {
                            g.insert(k.into(), f.get(k).cloned().unwrap_or_default());
                        }
                        serde_json::Value::Object(g)
                    };
                    ops.push(ops::Op {
                        target: ops::Target::Item(List::Inzet, a.id.clone()),
                        change: ops::Change::Set {
                            field: ops::BESLISSING.into(),
                            old: group(b),
                            new: group(a),
                        },
                        snapshot: Some(ops::fields_of(a)),
                    });
                }
                ops
            }
            (Some(b), None) => {
                let list = self
                    .session
                    .werkmap
                    .bord(bord)
                    .map(|x| &x.inzet[..])
                    .unwrap_or(&[]);
                let prev = list
                    .iter()
                    .position(|z| z.id == b.id)
                    .and_then(|i| i.checked_sub(1))
                    .map(|p| list[p].id.as_str());
                vec![ops::delete(List::Inzet, b, prev)]
            }
            (None, Some(a)) => {
                let last = self
                    .session
                    .werkmap
                    .bord(bord)
                    .and_then(|b| b.inzet.last())
                    .map(|z| z.id.as_str());
                vec![ops::insert(List::Inzet, a, last)]
            }
            (None, None) => Vec::new(),
        };
        Edit {
            file: FileKey::Bord(bord.to_string()),
            ops,
            at: Moment(self.session.now),
        }
    }

    pub(super) fn on_inzet_form(&mut self, mut f: Box<InzetForm>, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Esc {
            return Vec::new();
        }
        if f.handle(key) {
            match f.result(self.nu()) {
                Ok(z) => {
                    if !f.is_new && f.inzet == z {
                        return Vec::new();
                    }
                    // Only what the user changed, compared with the inzet as the form opened.
                    let before = (!f.is_new).then_some(&f.inzet);
                    let edit = self.inzet_edit(&f.bord, before, Some(&z));
                    self.session.status.message = Some(if f.is_new {
                        wording::inzet_gevraagd()
                    } else {
                        wording::inzet_gewijzigd()
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
        let Some(z) = r.inzet(&self.session.werkmap).cloned() else {
            return Vec::new();
        };
        let nu = self.nu();
        let after = match z.status {
            InzetStatus::Gevraagd => None,
            InzetStatus::Toegezegd if z.van <= nu && z.tot > nu => Some(Inzet {
                tot: nu,
                ..z.clone()
            }),
            InzetStatus::Toegezegd if z.van > nu => None,
            _ => {
                self.session.status.message = Some(wording::niets_in_te_trekken());
                return Vec::new();
            }
        };
        let edit = self.inzet_edit(&r.bord, Some(&z), after.as_ref());
        self.session.status.message = Some(wording::inzet_ingetrokken());
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
        let Some(z) = r.inzet(&self.session.werkmap).cloned() else {
            return Vec::new();
        };
        if z.status == InzetStatus::Toegezegd {
            self.session.status.message = Some(wording::al_toegezegd());
            return Vec::new();
        }
        if let Err(e) = self.session.may_decide(&z.persoon) {
            self.session.status.error = Some(e);
            return Vec::new();
        }
        match super::inzet::impact(&self.session.werkmap, &r, self.nu()) {
            Some(i) if i.persoon.is_some() || i.eenheid.is_some() => {
                self.mode = Mode::Decide(Box::new(Decide::new(r, z, i)));
                Vec::new()
            }
            _ => self.decide(&r, &z, Keuze::TochToezeggen),
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
            // A digit chooses, Enter carries out (as the hint says).
            KeyCode::Char(c @ '1'..='9') if (c as usize - '1' as usize) < d.keuzes.len() => {
                d.choice = c as usize - '1' as usize;
                self.mode = Mode::Decide(d);
                Vec::new()
            }
            KeyCode::Enter => match d.keuzes.get(d.choice).cloned() {
                Some(k) => self.decide(&d.r, &d.asked, k),
                None => Vec::new(),
            },
            _ => {
                self.mode = Mode::Decide(d);
                Vec::new()
            }
        }
    }

    /// Carries out the CoCo's choice on a request, recording the decision.
    fn decide(&mut self, r: &InzetRef, asked: &Inzet, keuze: Keuze) -> Vec<Effect> {
        // The question was about the request as the dialog showed it.
        if r.inzet(&self.session.werkmap) != Some(asked) {
            self.session.status.error = Some(wording::verzoek_veranderd());
            return Vec::new();
        }
        let z = asked.clone();
        let b = r.bord.as_str();
        let edit = match keuze {
            Keuze::TochToezeggen => self.inzet_edit(
                b,
                Some(asked),
                Some(&Inzet {
                    status: InzetStatus::Toegezegd,
                    besluit: Some(self.besluit(None)),
                    ..z
                }),
            ),
            Keuze::MinderUren(h) => {
                let why = wording::minder_uren(z.uren_per_week, h);
                self.inzet_edit(
                    b,
                    Some(asked),
                    Some(&Inzet {
                        uren_per_week: h,
                        status: InzetStatus::Toegezegd,
                        besluit: Some(self.besluit(Some(why))),
                        ..z
                    }),
                )
            }
            Keuze::AndereWeken { van, tot } => {
                let why = wording::andere_weken(z.van, z.tot);
                self.inzet_edit(
                    b,
                    Some(asked),
                    Some(&Inzet {
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
                    besluit: Some(self.besluit(Some(wording::overgedragen_aan(&naam)))),
                    ..z.clone()
                };
                let other = Inzet {
                    id: self.session.new_id(),
                    persoon: id,
                    status: InzetStatus::Toegezegd,
                    besluit: Some(self.besluit(Some(wording::in_plaats_van(
                        &self.session.person_name(&z.persoon),
                    )))),
                    ..z
                };
                // One edit, one undo: the decline and the colleague's agreed inzet.
                let mut edit = self.inzet_edit(b, Some(asked), Some(&decline));
                edit.ops.extend(self.inzet_edit(b, None, Some(&other)).ops);
                edit
            }
            Keuze::LatenStaan => {
                let besluit = self.besluit(Some(wording::naar_pmo()));
                self.inzet_edit(
                    b,
                    Some(asked),
                    Some(&Inzet {
                        besluit: Some(besluit),
                        ..z
                    }),
                )
            }
        };
        self.session.status.message = Some(wording::besluit_vastgelegd());
        self.commit(edit)
    }

    /// Whether the decision dialog's request is still as it was asked.
    pub(super) fn request_still_open(&self, r: &InzetRef, asked: &Inzet) -> bool {
        r.inzet(&self.session.werkmap) == Some(asked)
    }

    /// Whether an inzet can still be declined: it exists and is not declined already.
    pub(super) fn inzet_still_open(&self, r: &InzetRef) -> bool {
        r.inzet(&self.session.werkmap)
            .is_some_and(|z| z.status != InzetStatus::Afgewezen)
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
                let Some(z) = r.inzet(&self.session.werkmap).cloned() else {
                    self.session.status.error = Some(wording::verzoek_veranderd());
                    return Vec::new();
                };
                let why = Some(input.text.trim().to_string()).filter(|t| !t.is_empty());
                let after = Inzet {
                    status: InzetStatus::Afgewezen,
                    besluit: Some(self.besluit(why)),
                    ..z.clone()
                };
                let edit = self.inzet_edit(&r.bord, Some(&z), Some(&after));
                self.session.status.message = Some(wording::inzet_afgewezen());
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
