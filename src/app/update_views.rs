//! `update` for the capacity and conflict views, and stand-up start.

use super::action::Command;
use super::input::TextInput;
use super::keymap::View;
use super::{App, Mode, QuickFilter};

impl App {
    /// Starts a stand-up of these boards: `minuten` on the timer, rotating when `roteer` is set.
    pub fn start_standup(
        &mut self,
        borden: Vec<String>,
        minuten: i64,
        roteer: Option<chrono::Duration>,
    ) {
        self.standup = Some(super::standup::Standup::new(
            &self.session.werkmap,
            borden,
            self.session.now,
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
            self.capaciteit = super::capaciteit::CapaciteitView::new(self.session.horizon.clone());
        }
        self.view = View::Capaciteit;
        self.capaciteit.compute(&self.session.werkmap);
        if self.session.capaciteit_uit.is_some() {
            self.session.status.error = self.session.capaciteit_uit.clone();
        }
    }

    pub(super) fn on_capaciteit(&mut self, c: Command) {
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
                cap.compute(&self.session.werkmap);
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
                cap.compute(&self.session.werkmap);
            }
            Command::Open => {
                let next = match (&cap.person, cap.rows.get(cap.row).map(|r| &r.kind)) {
                    (Some(d), _) => {
                        if let Some(claim) = d.claims.get(cap.row).cloned()
                            && let Some(b) = self
                                .session
                                .werkmap
                                .borden
                                .iter()
                                .position(|x| x.id == claim.bord)
                        {
                            self.open_board(b);
                            self.open_inzet(
                                super::inzet::Scope::Bord(claim.bord),
                                Some(&claim.inzet),
                            );
                            // Esc: team panel, board, then back here.
                            self.return_to = View::Capaciteit;
                        }
                        return;
                    }
                    (None, Some(RowKind::Eenheid(u))) => match self
                        .session
                        .werkmap
                        .organisatie
                        .as_ref()
                        .and_then(|o| o.eenheden.get(*u))
                    {
                        Some(e) => Niveau::Mensen(e.id.clone()),
                        None => return,
                    },
                    (None, Some(RowKind::Persoon(p))) => match self
                        .session
                        .werkmap
                        .organisatie
                        .as_ref()
                        .and_then(|o| o.mensen.get(*p))
                    {
                        Some(m) => Niveau::Persoon(m.id.clone()),
                        None => return,
                    },
                    _ => return,
                };
                cap.trail.push((cap.niveau.clone(), cap.row));
                cap.niveau = next;
                cap.row = 0;
                cap.compute(&self.session.werkmap);
            }
            Command::Back => match cap.trail.pop() {
                Some((niveau, row)) => {
                    cap.niveau = niveau;
                    cap.compute(&self.session.werkmap);
                    self.capaciteit.row = row;
                }
                None => self.view = self.return_to,
            },
            _ => {}
        }
    }

    pub(super) fn on_conflicten(&mut self, c: Command) {
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
    pub(super) fn jump_to(&mut self, c: &crate::capacity::Conflict) {
        use super::capaciteit::{Niveau, RowKind};
        use crate::capacity::ConflictSoort as S;
        let org_unit = |app: &App, id: &str| {
            app.session
                .werkmap
                .organisatie
                .as_ref()
                .and_then(|o| o.eenheden.iter().position(|e| e.id == id))
        };
        let person = c.persoon.as_deref().and_then(|p| {
            self.session
                .werkmap
                .organisatie
                .as_ref()?
                .mensen
                .iter()
                .position(|m| m.id == p)
        });
        let board = c
            .bord
            .as_deref()
            .and_then(|b| self.session.werkmap.borden.iter().position(|x| x.id == b));
        match (c.soort, board, person) {
            (S::Overboekt | S::AfwezigIngezet, _, Some(p)) | (S::SpanOfAttention, _, Some(p)) => {
                self.open_capaciteit();
                self.return_to = View::Conflicten;
                let unit = self
                    .session
                    .werkmap
                    .organisatie
                    .as_ref()
                    .and_then(|o| org_unit(self, &o.mensen[p].eenheid));
                let ids = self.session.werkmap.organisatie.as_ref().map(|o| {
                    (
                        o.mensen[p].id.clone(),
                        unit.map(|u| o.eenheden[u].id.clone()),
                    )
                });
                let Some((persoon_id, unit_id)) = ids else {
                    return;
                };
                let cap = &mut self.capaciteit;
                cap.trail.clear();
                cap.niveau = Niveau::Eenheden;
                cap.compute(&self.session.werkmap);
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
                if let Some(u) = unit_id {
                    cap.niveau = Niveau::Mensen(u.clone());
                    cap.compute(&self.session.werkmap);
                    let person_row = cap
                        .rows
                        .iter()
                        .position(|r| r.kind == RowKind::Persoon(p))
                        .unwrap_or(0);
                    cap.trail.push((Niveau::Mensen(u), person_row));
                }
                cap.niveau = Niveau::Persoon(persoon_id);
                cap.row = 0;
                cap.compute(&self.session.werkmap);
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
                cap.compute(&self.session.werkmap);
                let unit_row = cap
                    .rows
                    .iter()
                    .position(|r| r.kind == RowKind::Eenheid(u))
                    .unwrap_or(0);
                cap.trail.push((Niveau::Eenheden, unit_row));
                let Some(unit_id) = self
                    .session
                    .werkmap
                    .organisatie
                    .as_ref()
                    .and_then(|o| o.eenheden.get(u))
                    .map(|e| e.id.clone())
                else {
                    return;
                };
                let cap = &mut self.capaciteit;
                cap.niveau = Niveau::Mensen(unit_id);
                cap.row = 0;
                cap.compute(&self.session.werkmap);
            }
            (_, Some(b), _) => {
                self.open_board(b);
                self.return_to = View::Conflicten;
                let bord = &self.session.werkmap.borden[b];
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
}
