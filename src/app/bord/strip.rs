//! The capacity strip under a board: its people (or a clusterkamer's units) in the coming
//! weeks.

use crate::capacity::{self, Engine, meer_dan};
use crate::domain::{Bord, BordSoort, InzetStatus, Week, Werkmap};

/// One row of a board's capacity strip: a person or unit and their belasting per week.
#[derive(Debug, Clone, PartialEq)]
pub struct StripRow {
    pub naam: String,
    /// (belasting, over-booked) per week; `None` when nothing is available that week.
    pub cells: Vec<(Option<f64>, bool)>,
}

/// The capacity strip under a board: its people (or a clusterkamer's units) in the coming weeks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Strip {
    pub weeks: Vec<Week>,
    pub rows: Vec<StripRow>,
}

impl Strip {
    /// The strip of a board; empty without an organisation.
    pub fn of(werkmap: &Werkmap, bord: &Bord, horizon: &[Week]) -> Strip {
        let Some(org) = &werkmap.organisatie else {
            return Strip::default();
        };
        let engine = Engine::new(org, &werkmap.borden);
        let cell = |l: capacity::WeekLoad| (l.belasting(), meer_dan(l.gepland(), l.beschikbaar));
        let rows = match &bord.soort {
            BordSoort::Opgaveteam { .. } => {
                let mut ids: Vec<&str> = Vec::new();
                for i in bord
                    .inzet
                    .iter()
                    .filter(|i| i.status != InzetStatus::Afgewezen)
                {
                    if !ids.contains(&i.persoon.as_str()) {
                        ids.push(&i.persoon);
                    }
                }
                let mut rows: Vec<StripRow> = ids
                    .into_iter()
                    .filter_map(|id| engine.person(id))
                    .map(|p| StripRow {
                        naam: org.mensen[p].naam.clone(),
                        cells: horizon
                            .iter()
                            .map(|&w| cell(engine.person_week(p, w)))
                            .collect(),
                    })
                    .collect();
                rows.sort_by(|a, b| a.naam.cmp(&b.naam));
                rows
            }
            BordSoort::Clusterkamer { cluster } => org
                .eenheden
                .iter()
                .enumerate()
                .filter(|(_, e)| &e.cluster == cluster)
                .map(|(u, e)| StripRow {
                    naam: e.naam.clone(),
                    cells: horizon
                        .iter()
                        .map(|&w| cell(engine.unit_week(u, w)))
                        .collect(),
                })
                .collect(),
        };
        Strip {
            weeks: horizon.to_vec(),
            rows,
        }
    }
}
