//! The units of the organisation and their people: contracts, working days and holidays.

use std::collections::HashMap;

use chrono::{Datelike, Duration};

use super::{Copy, Units};
use crate::demo::names::{self, EENHEDEN};
use crate::domain::{Afwezigheid, AfwezigheidSoort, Dag, Datum, Eenheid, Organisatie, Persoon};

impl Copy {
    /// The units and their people; returns the person ids per unit.
    pub(super) fn people(&mut self, org: &mut Organisatie) -> Units {
        let mut units: Units = HashMap::new();
        let mut taken: std::collections::HashSet<String> =
            org.mensen.iter().map(|p| p.id.clone()).collect();
        for spec in EENHEDEN {
            let mut ids = Vec::new();
            for n in 0..spec.mensen {
                let voornaam = *self.rng.pick(names::VOORNAMEN);
                let achternaam = *self.rng.pick(names::ACHTERNAMEN);
                let base: String = format!(
                    "{}{}",
                    voornaam.chars().next().unwrap_or('x'),
                    achternaam.replace(' ', "")
                )
                .to_lowercase();
                let mut id = self.id(&base);
                let mut k = 2;
                while !taken.insert(id.clone()) {
                    id = self.id(&format!("{base}{k}"));
                    k += 1;
                }
                // The first people of a unit lead it and work full time.
                let (uren, werkdagen) = if n < 2 {
                    (36.0, Dag::WERKWEEK.to_vec())
                } else {
                    self.contract()
                };
                let aandeel = match (spec.id, n) {
                    ("strategie", 1..=6) => Some(0.2),
                    ("realisatieregie", 1..=4) => Some(0.3),
                    _ => None,
                };
                let mut talenten = Vec::new();
                if spec.id == "strategie" && (1..=6).contains(&n) {
                    talenten.push("strategisch advies".to_string());
                }
                if spec.id == "realisatieregie" && (1..=4).contains(&n) {
                    talenten.push("projectleiding".to_string());
                }
                if self.rng.chance(0.3) {
                    talenten.push((*self.rng.pick(names::LABELS)).to_string());
                }
                let free = (1.0 - aandeel.or(spec.aandeel).unwrap_or(0.7)) * uren;
                self.vrij.insert(id.clone(), free);
                org.mensen.push(Persoon {
                    id: id.clone(),
                    naam: format!("{voornaam} {achternaam}"),
                    eenheid: self.id(spec.id),
                    uren,
                    werkdagen,
                    regulier_aandeel: aandeel,
                    talenten,
                    afwezig: self.vakantie(),
                    in_dienst: None,
                    uit_dienst: None,
                });
                ids.push(id);
            }
            let cocos = match spec.id {
                "groen" => vec![ids[0].clone(), ids[1].clone()],
                // Informatievoorziening shares the CoCo of Financiën.
                "io" => vec![units["financien"][0].clone()],
                _ => vec![ids[0].clone()],
            };
            org.eenheden.push(Eenheid {
                id: self.id(spec.id),
                naam: format!("{}{}", spec.naam, self.naam_suffix),
                cluster: self.id(spec.cluster),
                cocos,
                regulier_aandeel: spec.aandeel,
            });
            units.insert(spec.id, ids);
        }
        units
    }

    /// Contract hours and working days of a colleague.
    fn contract(&mut self) -> (f64, Vec<Dag>) {
        use Dag::*;
        let r = self.rng.range(0, 99);
        let (uren, dagen): (f64, Vec<Dag>) = match r {
            0..=44 => (36.0, vec![Ma, Di, Wo, Do, Vr]),
            45..=64 => (
                32.0,
                self.rng
                    .pick(&[
                        vec![Ma, Di, Wo, Do],
                        vec![Ma, Di, Do, Vr],
                        vec![Di, Wo, Do, Vr],
                    ])
                    .clone(),
            ),
            65..=79 => (
                28.0,
                self.rng
                    .pick(&[vec![Ma, Di, Wo, Do], vec![Ma, Wo, Do, Vr]])
                    .clone(),
            ),
            80..=94 => (
                24.0,
                self.rng
                    .pick(&[vec![Ma, Di, Wo], vec![Di, Wo, Do], vec![Ma, Wo, Vr]])
                    .clone(),
            ),
            _ => (16.0, self.rng.pick(&[vec![Ma, Di], vec![Wo, Do]]).clone()),
        };
        (uren, dagen)
    }

    /// A holiday for about a third of the people, somewhere in the coming months.
    fn vakantie(&mut self) -> Vec<Afwezigheid> {
        if !self.rng.chance(0.33) {
            return Vec::new();
        }
        let start = self.vandaag + Duration::days(self.rng.range(-14, 280));
        let monday = start - Duration::days(start.weekday().num_days_from_monday() as i64);
        let len = *self.rng.pick(&[4, 11, 11, 18]);
        // A kind from the fixed list, never a reason: the files are shared widely.
        let soort = *self.rng.pick(&[
            Some(AfwezigheidSoort::Verlof),
            Some(AfwezigheidSoort::Verlof),
            None,
            Some(AfwezigheidSoort::Verlof),
            Some(AfwezigheidSoort::Opleiding),
        ]);
        vec![Afwezigheid {
            van: Datum(monday),
            tot: Datum(monday + Duration::days(len)),
            soort,
        }]
    }
}
