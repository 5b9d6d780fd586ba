//! The report for the PMO-overleg: the heat map, the conflicts per unit with their explanation,
//! the open capacity requests, one line of status per board, the opgaven as a portfolio and
//! the LTA dates of the next 8 weeks. Built from the engine (pure),
//! then written as Markdown (renders in a git host) or as one self-contained HTML file.
//!
//! Owns: the report's content and its two formats. May use: `domain`, `capacity`, `storage`'s
//! types and `wording`; never the app or the terminal.
//!
//! `Rapport::new` (about 130 lines) gathers the four sections from one pass over the engine's
//! figures; each section's block is commented, and splitting it would recompute the engine
//! per section.

mod dokument;
mod html;
mod markdown;

use chrono::NaiveDate;

use crate::capacity::{self, Conflict, Engine, WeekLoad};
use crate::domain::{BordSoort, InzetStatus, KaartStatus, Week, Werkmap};

pub use dokument::{html_document, markdown_document};
pub use html::html;
pub use markdown::markdown;

/// One row of the heat map: a cluster total or a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Rij {
    /// The unit id, or `None` for a cluster total.
    pub eenheid: Option<String>,
    pub naam: String,
    pub cells: Vec<WeekLoad>,
}

/// An open request for capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct Verzoek {
    pub persoon: String,
    pub eenheid: String,
    pub bord: String,
    pub uren: f64,
    pub van: Week,
    pub tot: Week,
}

/// One line of status of a board.
#[derive(Debug, Clone, PartialEq)]
pub struct BordStatus {
    pub titel: String,
    pub soort: &'static str,
    /// (column name, cards).
    pub kolommen: Vec<(String, usize)>,
    pub verlopen: usize,
    pub risico: usize,
}

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Rapport {
    pub organisatie: String,
    pub vandaag: NaiveDate,
    pub weeks: Vec<Week>,
    pub heat: Vec<Rij>,
    /// Conflicts per unit name (conflicts without a unit under "Borden"), in unit order.
    pub conflicten: Vec<(String, Vec<Conflict>)>,
    pub verzoeken: Vec<Verzoek>,
    pub borden: Vec<BordStatus>,
    /// The opgaven as a portfolio, with the conflicts above (issue 12).
    pub opgaven: Vec<capacity::portefeuille::OpgaveRij>,
    /// The LTA dates of open cards in the next 8 weeks (today and the 55 days after it).
    pub lta: Vec<capacity::agenda::AgendaLta>,
    pub capaciteit_uit: Option<String>,
}

/// The days the report's LTA section looks ahead: 8 weeks.
pub const LTA_DAGEN: u64 = 8 * 7;

impl Rapport {
    /// Builds the report over the default horizon.
    pub fn new(werkmap: &Werkmap, vandaag: NaiveDate, capaciteit_uit: Option<String>) -> Rapport {
        let weeks = capacity::default_horizon(vandaag);
        let conflicts = capacity::conflicts(werkmap, &weeks, vandaag);
        let mut heat = Vec::new();
        let mut verzoeken = Vec::new();
        let mut groups: Vec<(String, Vec<Conflict>)> = Vec::new();
        if let Some(org) = &werkmap.organisatie {
            let engine = Engine::new(org, &werkmap.borden);
            let loads = engine.loads(&weeks);
            let unit = |u: usize| -> Vec<WeekLoad> {
                (0..weeks.len())
                    .map(|w| {
                        engine
                            .members(u)
                            .iter()
                            .fold(WeekLoad::default(), |mut s, &p| {
                                s.add(&loads[p][w]);
                                s
                            })
                    })
                    .collect()
            };
            for c in &org.clusters {
                let units: Vec<Rij> = (0..org.eenheden.len())
                    .filter(|&u| org.eenheden[u].cluster == c.id)
                    .map(|u| Rij {
                        eenheid: Some(org.eenheden[u].id.clone()),
                        naam: org.eenheden[u].naam.clone(),
                        cells: unit(u),
                    })
                    .collect();
                let total = (0..weeks.len())
                    .map(|w| {
                        units.iter().fold(WeekLoad::default(), |mut s, r| {
                            s.add(&r.cells[w]);
                            s
                        })
                    })
                    .collect();
                heat.push(Rij {
                    eenheid: None,
                    naam: c.naam.clone(),
                    cells: total,
                });
                heat.extend(units);
            }
            for e in &org.eenheden {
                let mine: Vec<Conflict> = conflicts
                    .iter()
                    .filter(|c| c.eenheid.as_deref() == Some(e.id.as_str()))
                    .cloned()
                    .collect();
                if !mine.is_empty() {
                    groups.push((e.naam.clone(), mine));
                }
            }
            let nu = Week::of(vandaag);
            for bord in &werkmap.borden {
                for z in bord
                    .inzet
                    .iter()
                    .filter(|z| z.status == InzetStatus::Gevraagd && z.tot >= nu)
                {
                    let p = org.persoon(&z.persoon);
                    verzoeken.push(Verzoek {
                        persoon: p.map_or(z.persoon.clone(), |p| p.naam.clone()),
                        eenheid: p
                            .and_then(|p| org.eenheid(&p.eenheid))
                            .map_or(String::new(), |e| e.naam.clone()),
                        bord: bord.titel.clone(),
                        uren: z.uren_per_week,
                        van: z.van,
                        tot: z.tot,
                    });
                }
            }
            verzoeken.sort_by_key(|v| v.van);
        }
        let rest: Vec<Conflict> = conflicts
            .iter()
            .filter(|c| c.eenheid.is_none())
            .cloned()
            .collect();
        if !rest.is_empty() {
            groups.push((crate::wording::rapport_overig().into(), rest));
        }
        let borden = werkmap
            .borden
            .iter()
            .map(|b| BordStatus {
                titel: b.titel.clone(),
                soort: match b.soort {
                    BordSoort::Clusterkamer { .. } => "clusterkamer",
                    BordSoort::Opgaveteam { .. } => "opgaveteam",
                },
                kolommen: b
                    .kolommen
                    .iter()
                    .map(|k| {
                        (
                            k.naam.clone(),
                            b.kaarten.iter().filter(|c| c.kolom == k.id).count(),
                        )
                    })
                    .collect(),
                verlopen: b
                    .kaarten
                    .iter()
                    .filter(|k| b.is_open(k) && k.deadline.is_some_and(|d| d.0 < vandaag))
                    .count(),
                risico: b
                    .kaarten
                    .iter()
                    .filter(|k| b.is_open(k) && k.status != KaartStatus::OpKoers)
                    .count(),
            })
            .collect();
        let opgaven = capacity::portefeuille::opgaven(werkmap, &conflicts, vandaag);
        let lta =
            capacity::agenda::lta(werkmap, vandaag, vandaag + chrono::Days::new(LTA_DAGEN - 1));
        Rapport {
            organisatie: werkmap
                .organisatie
                .as_ref()
                .map_or(String::new(), |o| o.naam.clone()),
            vandaag,
            weeks,
            heat,
            conflicten: groups,
            verzoeken,
            borden,
            opgaven,
            lta,
            capaciteit_uit,
        }
    }

    /// Every conflict in the report.
    pub fn alle_conflicten(&self) -> impl Iterator<Item = &Conflict> {
        self.conflicten.iter().flat_map(|(_, v)| v)
    }
}
