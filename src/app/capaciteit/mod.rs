//! The capacity view's state and figures: a heat map of units × weeks with cluster totals,
//! drill-down to a unit's people, and a person's weeks split into regulier and each opgave with
//! the inzet behind them. Figures are computed here, before drawing.

mod drill;

use crate::capacity::{Engine, WeekLoad, meer_dan};
use crate::domain::{InzetSoort, InzetStatus, Organisatie, Week, Werkmap};

/// How cells show load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Maat {
    #[default]
    Procent,
    Uren,
    Fte,
}

/// How deep the view is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Niveau {
    /// Clusters with their units.
    #[default]
    Eenheden,
    /// The people of a unit (its id).
    Mensen(String),
    /// One person (their id).
    Persoon(String),
    /// The people of an opgave (its id): everyone with inzet on its boards.
    Opgave(String),
}

/// What a heat map row stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    Cluster,
    Eenheid(usize),
    Persoon(usize),
}

/// One row of the heat map.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub kind: RowKind,
    pub naam: String,
    pub cells: Vec<WeekLoad>,
}

impl HeatRow {
    /// Whether the row is over-loaded in week `w` (an index into the weeks).
    pub fn over(&self, w: usize) -> bool {
        self.cells
            .get(w)
            .is_some_and(|l| meer_dan(l.gepland(), l.beschikbaar))
    }
}

/// An inzet behind a person's figures, as the person view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    /// The board's id and the inzet's.
    pub bord: String,
    pub inzet: String,
    pub bord_titel: String,
    pub bron: String,
    pub uren: f64,
    pub van: Week,
    pub tot: Week,
    pub status: InzetStatus,
    pub soort: InzetSoort,
}

/// A person's weeks: the figures and the opgave parts per week.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonDetail {
    pub naam: String,
    pub eenheid: String,
    pub loads: Vec<WeekLoad>,
    /// Per week: (bron, hours) of each opgave.
    pub parts: Vec<Vec<(String, f64)>>,
    /// Every inzet on the person that counts somewhere in the shown weeks (and Afgewezen ones
    /// for the record), in board order.
    pub claims: Vec<ClaimRow>,
}

/// The state of the capacity view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CapaciteitView {
    pub niveau: Niveau,
    /// Levels to return to with Esc, with their selected row.
    pub trail: Vec<(Niveau, usize)>,
    pub row: usize,
    pub weeks: Vec<Week>,
    pub maat: Maat,
    /// Include Gevraagd claims (the what-if: off shows the load if no request is agreed).
    pub met_gevraagd: bool,
    pub rows: Vec<HeatRow>,
    pub person: Option<PersonDetail>,
}

impl CapaciteitView {
    /// A fresh view on the horizon's weeks.
    pub fn new(weeks: Vec<Week>) -> CapaciteitView {
        CapaciteitView {
            weeks,
            met_gevraagd: true,
            ..CapaciteitView::default()
        }
    }

    /// Recomputes the figures of the current level.
    pub fn compute(&mut self, werkmap: &Werkmap) {
        self.rows.clear();
        self.person = None;
        let Some(org) = &werkmap.organisatie else {
            return;
        };
        let engine = Engine::new(org, &werkmap.borden);
        let found = match self.niveau.clone() {
            Niveau::Eenheden => {
                self.rows = self.unit_rows(org, &engine);
                true
            }
            Niveau::Mensen(id) => match org.eenheden.iter().position(|e| e.id == id) {
                Some(u) => {
                    self.rows = self.people_rows(org, &engine, u);
                    true
                }
                None => false,
            },
            Niveau::Opgave(id) => {
                self.rows = self.opgave_rows(werkmap, org, &engine, &id);
                org.opgaven.iter().any(|o| o.id == id)
            }
            Niveau::Persoon(id) => match org.mensen.iter().position(|m| m.id == id) {
                Some(p) => {
                    self.person = Some(self.person_detail(werkmap, org, &engine, p));
                    true
                }
                None => false,
            },
        };
        if !found {
            // The unit or person is gone (a colleague's change): back to the top.
            self.niveau = Niveau::Eenheden;
            self.trail.clear();
            self.compute(werkmap);
        }
    }

    /// A week's load as the view counts it: with or without the requests not yet agreed.
    fn adjust(&self, l: WeekLoad) -> WeekLoad {
        if self.met_gevraagd {
            l
        } else {
            l.zonder_gevraagd()
        }
    }

    /// Per cluster a total row followed by its units.
    fn unit_rows(&self, org: &Organisatie, engine: &Engine) -> Vec<HeatRow> {
        let loads = engine.loads(&self.weeks);
        let unit_cells = |u: usize| -> Vec<WeekLoad> {
            (0..self.weeks.len())
                .map(|w| {
                    engine
                        .members(u)
                        .iter()
                        .fold(WeekLoad::default(), |mut s, &p| {
                            s.add(&self.adjust(loads[p][w]));
                            s
                        })
                })
                .collect()
        };
        let mut rows = Vec::new();
        for c in &org.clusters {
            let unit_rows: Vec<HeatRow> = (0..org.eenheden.len())
                .filter(|&u| org.eenheden[u].cluster == c.id)
                .map(|u| HeatRow {
                    kind: RowKind::Eenheid(u),
                    naam: org.eenheden[u].naam.clone(),
                    cells: unit_cells(u),
                })
                .collect();
            let total = (0..self.weeks.len())
                .map(|w| {
                    unit_rows.iter().fold(WeekLoad::default(), |mut s, r| {
                        s.add(&r.cells[w]);
                        s
                    })
                })
                .collect();
            rows.push(HeatRow {
                kind: RowKind::Cluster,
                naam: c.naam.clone(),
                cells: total,
            });
            rows.extend(unit_rows);
        }
        rows
    }

    /// The people of unit `u`.
    fn people_rows(&self, org: &Organisatie, engine: &Engine, u: usize) -> Vec<HeatRow> {
        engine
            .members(u)
            .iter()
            .map(|&p| HeatRow {
                kind: RowKind::Persoon(p),
                naam: org.mensen[p].naam.clone(),
                cells: self.person_loads(engine, p),
            })
            .collect()
    }

    /// The people with inzet (asked or agreed) on the boards of opgave `id`, by name.
    fn opgave_rows(
        &self,
        werkmap: &Werkmap,
        org: &Organisatie,
        engine: &Engine,
        id: &str,
    ) -> Vec<HeatRow> {
        let mut mensen: Vec<usize> = werkmap
            .borden
            .iter()
            .filter(|b| b.opgave() == Some(id))
            .flat_map(|b| &b.inzet)
            .filter(|i| i.status != InzetStatus::Afgewezen)
            .filter_map(|i| org.mensen.iter().position(|m| m.id == i.persoon))
            .collect();
        mensen.sort_by_key(|&p| crate::domain::zoek::los(&org.mensen[p].naam));
        mensen.dedup();
        mensen
            .into_iter()
            .map(|p| HeatRow {
                kind: RowKind::Persoon(p),
                naam: org.mensen[p].naam.clone(),
                cells: self.person_loads(engine, p),
            })
            .collect()
    }

    fn person_loads(&self, engine: &Engine, p: usize) -> Vec<WeekLoad> {
        self.weeks
            .iter()
            .map(|&w| self.adjust(engine.person_week(p, w)))
            .collect()
    }

    /// Person `p`'s weeks: loads, the opgave parts per week and the inzet behind them.
    fn person_detail(
        &self,
        werkmap: &Werkmap,
        org: &Organisatie,
        engine: &Engine,
        p: usize,
    ) -> PersonDetail {
        let persoon = &org.mensen[p];
        let parts = self
            .weeks
            .iter()
            .map(|&w| {
                engine
                    .claims_in(p, w)
                    .filter(|c| {
                        c.soort == InzetSoort::Opgave
                            && (self.met_gevraagd || c.status != InzetStatus::Gevraagd)
                    })
                    .fold(Vec::<(String, f64)>::new(), |mut v, c| {
                        match v.iter_mut().find(|(b, _)| b == c.bron) {
                            Some((_, h)) => *h += c.uren,
                            None => v.push((c.bron.to_string(), c.uren)),
                        }
                        v
                    })
            })
            .collect();
        PersonDetail {
            naam: persoon.naam.clone(),
            eenheid: org
                .eenheid(&persoon.eenheid)
                .map_or(persoon.eenheid.clone(), |e| e.naam.clone()),
            loads: self.person_loads(engine, p),
            parts,
            claims: self.claims_of(werkmap, &persoon.id),
        }
    }

    /// Every inzet on a person that counts in the shown weeks, and open requests, in board
    /// order.
    fn claims_of(&self, werkmap: &Werkmap, persoon: &str) -> Vec<ClaimRow> {
        let first = self.weeks.first().copied();
        let last = self.weeks.last().copied();
        let mut claims = Vec::new();
        for bord in &werkmap.borden {
            for z in bord.inzet.iter().filter(|z| z.persoon == persoon) {
                let shown = first.is_some_and(|f| z.tot >= f) && last.is_some_and(|l| z.van <= l);
                if shown || z.status == InzetStatus::Gevraagd {
                    claims.push(ClaimRow {
                        bord: bord.id.clone(),
                        inzet: z.id.clone(),
                        bord_titel: bord.titel.clone(),
                        bron: werkmap
                            .organisatie
                            .as_ref()
                            .map_or(bord.titel.as_str(), |o| crate::capacity::bron(o, bord))
                            .to_string(),
                        uren: z.uren_per_week,
                        van: z.van,
                        tot: z.tot,
                        status: z.status,
                        soort: z.soort,
                    });
                }
            }
        }
        claims
    }

    /// The number of selectable rows at this level.
    pub fn len(&self) -> usize {
        match &self.person {
            Some(d) => d.claims.len(),
            None => self.rows.len(),
        }
    }

    /// Whether there is nothing to select.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
