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

impl StripRow {
    /// The weeks with more planned than available.
    pub fn weeks_over(&self) -> usize {
        self.cells.iter().filter(|&&(_, over)| over).count()
    }
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
        // The most over-booked first: a strip cut short must not hide them. The sort is
        // stable, so equals keep their order (by name, or the cluster's order).
        let mut rows = rows;
        rows.sort_by_key(|r| std::cmp::Reverse(r.weeks_over()));
        Strip {
            weeks: horizon.to_vec(),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::session;

    #[test]
    fn the_over_booked_come_first_then_the_rest_by_name() {
        let mut s = session();
        let org = s.werkmap.organisatie.as_mut().unwrap();
        let gijs = org.mensen.iter_mut().find(|p| p.id == "gvisser").unwrap();
        gijs.uren = 2.0;
        let haven = s.werkmap.bord("opgave-haven").unwrap();
        let strip = Strip::of(&s.werkmap, haven, &s.horizon);
        let namen: Vec<&str> = strip.rows.iter().map(|r| r.naam.as_str()).collect();
        assert_eq!(
            namen,
            ["Daan Bakker", "Gijs Visser", "Eva Smit", "Fleur Mulder"]
        );
    }
}
