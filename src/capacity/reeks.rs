//! Runs of one conflict: the same kind about the same person, unit, board, column or card in
//! consecutive weeks ("Petra overboekt in week 49 t/m week 6"), so a list shows it once.

use super::Conflict;

/// One conflict in consecutive weeks (or one conflict without a week), in week order.
#[derive(Debug, Clone, PartialEq)]
pub struct Reeks<'a> {
    pub conflicten: Vec<&'a Conflict>,
}

impl<'a> Reeks<'a> {
    /// The first week's conflict: what the run is about.
    pub fn eerste(&self) -> &'a Conflict {
        self.conflicten[0]
    }

    /// The last week's conflict.
    pub fn laatste(&self) -> &'a Conflict {
        self.conflicten[self.conflicten.len() - 1]
    }

    /// The week with the most planned above what is available (the first of equals).
    pub fn zwaarste(&self) -> &'a Conflict {
        let over = |c: &Conflict| c.gepland.unwrap_or(0.0) - c.beschikbaar.unwrap_or(0.0);
        self.conflicten
            .iter()
            .copied()
            .fold(
                self.eerste(),
                |best, c| if over(c) > over(best) { c } else { best },
            )
    }
}

/// What a run is about: the conflict without its week and figures.
fn onderwerp(c: &Conflict) -> impl PartialEq + '_ {
    (
        c.soort, c.ernst, &c.persoon, &c.eenheid, &c.bord, &c.kolom, &c.kaart,
    )
}

/// Groups conflicts into runs of consecutive weeks, in the order their first week appears.
/// Conflicts without a week stay on their own.
pub fn reeksen<'a>(conflicten: impl IntoIterator<Item = &'a Conflict>) -> Vec<Reeks<'a>> {
    let mut out: Vec<Reeks<'a>> = Vec::new();
    for c in conflicten {
        let vervolg = c.week.and_then(|w| {
            out.iter_mut().find(|r| {
                let l = r.laatste();
                l.week.is_some_and(|lw| lw.plus(1) == w) && onderwerp(l) == onderwerp(c)
            })
        });
        match vervolg {
            Some(r) => r.conflicten.push(c),
            None => out.push(Reeks {
                conflicten: vec![c],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity::{ConflictSoort, Ernst, Uitleg};
    use crate::domain::Week;

    fn overboekt(persoon: &str, week: u32, gepland: f64) -> Conflict {
        let mut c = Conflict::new(
            ConflictSoort::Overboekt,
            Ernst::Hoog,
            Uitleg::Span {
                naam: String::new(),
                eenheden: Vec::new(),
                fte: 0.0,
                max: 0.0,
            },
        );
        c.persoon = Some(persoon.into());
        c.week = Some(Week::new(2026, week).unwrap());
        c.gepland = Some(gepland);
        c.beschikbaar = Some(36.0);
        c
    }

    #[test]
    fn consecutive_weeks_of_one_subject_make_one_run() {
        let cs = [
            overboekt("petra", 49, 40.0),
            overboekt("rik", 49, 39.0),
            overboekt("petra", 50, 44.0),
            overboekt("petra", 51, 41.0),
            overboekt("petra", 53, 41.0),
        ];
        let rs = reeksen(&cs);
        let shape: Vec<(&str, usize)> = rs
            .iter()
            .map(|r| (r.eerste().persoon.as_deref().unwrap(), r.conflicten.len()))
            .collect();
        assert_eq!(
            shape,
            [("petra", 3), ("rik", 1), ("petra", 1)],
            "week 52 breaks the run"
        );
        assert_eq!(rs[0].zwaarste().week, Some(Week::new(2026, 50).unwrap()));
        assert_eq!(rs[0].laatste().week, Some(Week::new(2026, 51).unwrap()));
    }
}
