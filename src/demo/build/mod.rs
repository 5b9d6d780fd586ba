//! Builds one copy of the demo organisation with its boards: the people (`people`), the
//! boards of the opgaven (`opgave`) and the clusterkamers (`clusterkamer`), and their cards
//! (`cards`).

mod cards;
mod clusterkamer;
mod opgave;
mod people;

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::names::{self, OPGAVEN};
use super::rng::Rng;
use super::tune::Plan;
use crate::domain::{
    Afwezigheid, AfwezigheidSoort, Bord, Cluster, Datum, Fase, Inzet, InzetSoort, InzetStatus,
    Kolom, LtaSoort, Moment, Opgave, Organisatie, Week,
};

/// Cards per board, open and finished together: 17 boards make about 2,000 cards.
const KAARTEN_PER_BORD: i64 = 118;

/// One copy of the organisation: ids get a suffix from the second copy on.
pub struct Copy {
    suffix: String,
    naam_suffix: String,
    vandaag: NaiveDate,
    nu: Week,
    rng: Rng,
    /// Opgave hours still free per person id, so claims stay plausible.
    vrij: HashMap<String, f64>,
}

/// People of a unit in this copy, by unit id.
type Units = HashMap<&'static str, Vec<String>>;

impl Copy {
    pub fn new(copy: u32, vandaag: NaiveDate) -> Copy {
        let seed = (vandaag.num_days_from_ce() as u64) << 16 | u64::from(copy);
        Copy {
            suffix: if copy == 0 {
                String::new()
            } else {
                format!("-{}", copy + 1)
            },
            naam_suffix: if copy == 0 {
                String::new()
            } else {
                format!(" ({})", copy + 1)
            },
            vandaag,
            nu: Week::of(vandaag),
            rng: Rng::new(seed),
            vrij: HashMap::new(),
        }
    }

    fn id(&self, base: &str) -> String {
        format!("{base}{}", self.suffix)
    }

    fn dag(&self, offset: i64) -> Datum {
        Datum(self.vandaag + Duration::days(offset))
    }

    pub fn build(mut self, org: &mut Organisatie, borden: &mut Vec<Bord>, plan: &mut Plan) {
        for (id, naam) in names::CLUSTERS {
            org.clusters.push(Cluster {
                id: self.id(id),
                naam: format!("{naam}{}", self.naam_suffix),
            });
        }
        let units = self.people(org);
        let advisers: Vec<String> = units["strategie"][1..7].to_vec();
        for (i, spec) in OPGAVEN.iter().enumerate() {
            org.opgaven.push(Opgave {
                id: self.id(spec.id),
                naam: format!("{}{}", spec.naam, self.naam_suffix),
                cluster: Some(self.id(spec.cluster)),
                adviseur: Some(advisers[i % advisers.len()].clone()),
                portefeuillehouder: Some(spec.portefeuillehouder.into()),
                fase: FASEN[i % FASEN.len()],
                programma: Some(programma(spec.cluster).into()),
                doel: Some(format!("{} zichtbaar voor inwoners en raad", spec.naam)),
                // Started a year or so ago, ending in one to three years: no two the same.
                start: Some(self.dag(-300 - 30 * i as i64)),
                eind: Some(self.dag(200 + 60 * i as i64)),
            });
        }
        self.scenarios_before(org, &units, plan);
        for (i, spec) in OPGAVEN.iter().enumerate() {
            let bord = self.opgave_bord(i, spec, org, &units, plan);
            borden.push(bord);
        }
        for (i, (cid, cnaam)) in names::CLUSTERS.iter().enumerate() {
            let bord = self.clusterkamer_bord(i, cid, cnaam, &units, plan);
            borden.push(bord);
        }
        self.scenarios_after(org, borden, &units, plan);
    }

    /// Opgave hours for a person: a share of what is still free, in whole hours.
    fn claim_hours(&mut self, persoon: &str, max: f64) -> Option<f64> {
        let free = self.vrij.get(persoon).copied().unwrap_or(0.0);
        let share = self.rng.range(35, 60) as f64 / 100.0;
        let hours = (free * share).min(max).floor();
        if hours < 2.0 {
            return None;
        }
        self.vrij.insert(persoon.to_string(), free - hours);
        Some(hours)
    }

    fn inzet(
        &self,
        n: usize,
        persoon: &str,
        uren: f64,
        van: Week,
        tot: Week,
        status: InzetStatus,
    ) -> Inzet {
        Inzet {
            id: format!("i{n}"),
            persoon: persoon.to_string(),
            uren_per_week: uren,
            van,
            tot,
            status,
            soort: InzetSoort::Opgave,
            verzoek: None,
            besluit: None,
        }
    }

    /// Designated people and claims that must exist before the boards are filled.
    fn scenarios_before(&mut self, _org: &Organisatie, units: &Units, plan: &mut Plan) {
        // The project leader of the Wassenaarse Slag, over-booked in the current weeks.
        let pl = units["realisatieregie"][1].clone();
        self.vrij.insert(pl.clone(), 0.0);
        plan.designated.insert(pl.clone());
        plan.strand_trekker = Some(pl);
        // Two team members who will be away while their claims run.
        for unit in ["ruimte", "sociaal"] {
            plan.designated.insert(units[unit][3].clone());
        }
    }

    /// A moment `days` from today during office hours.
    fn moment(&mut self, days: i64) -> Moment {
        let t = NaiveTime::from_hms_opt(
            self.rng.range(8, 16) as u32,
            self.rng.range(0, 11) as u32 * 5,
            0,
        )
        .unwrap_or_default();
        Moment((self.vandaag + Duration::days(days)).and_time(t))
    }

    /// Situations that need the boards to exist.
    fn scenarios_after(
        &mut self,
        org: &mut Organisatie,
        _borden: &mut [Bord],
        units: &Units,
        _plan: &mut Plan,
    ) {
        // Two team members away for a week while their claims run.
        for (unit, weeks) in [("ruimte", 3), ("sociaal", 6)] {
            let p = &units[unit][3];
            let monday = self.nu.plus(weeks).monday();
            if let Some(persoon) = org.mensen.iter_mut().find(|m| &m.id == p) {
                persoon.afwezig = vec![Afwezigheid {
                    van: Datum(monday),
                    tot: Datum(monday + Duration::days(6)),
                    soort: Some(AfwezigheidSoort::Verlof),
                }];
            }
        }
    }
}

fn kolom(id: &str, naam: &str, wip: Option<u32>, klaar: bool) -> Kolom {
    Kolom {
        id: id.into(),
        naam: naam.into(),
        wip,
        klaar,
    }
}

/// The college meets on Tuesdays: LTA dates fall on one.
/// The phases of the demo's opgaven, in their order: most are under way, one is being
/// explored, one is celebrated and evaluated.
const FASEN: [Fase; 12] = [
    Fase::Uitvoering,
    Fase::Uitvoering,
    Fase::Startnotitie,
    Fase::Uitvoering,
    Fase::ResultaatZichtbaar,
    Fase::Uitvoering,
    Fase::Verkenning,
    Fase::Uitvoering,
    Fase::Uitvoering,
    Fase::GevierdEnGeevalueerd,
    Fase::Uitvoering,
    Fase::Uitvoering,
];

/// The programme an opgave of this cluster belongs to.
fn programma(cluster: &str) -> &'static str {
    match cluster {
        "ontwikkeling" => "Ruimtelijke ontwikkeling",
        "wijken" => "Leefbare wijken",
        "dienstverlening" => "Dienstverlening",
        _ => "Bestuur en organisatie",
    }
}

/// Whose agenda an LTA date is on: the council meets on the first Tuesday of the month, the
/// college on the other Tuesdays.
fn lta_soort(d: Datum) -> LtaSoort {
    if d.0.day() <= 7 {
        LtaSoort::Raad
    } else {
        LtaSoort::College
    }
}

fn next_tuesday(d: NaiveDate) -> Datum {
    let ahead = (7 + Weekday::Tue.num_days_from_monday() as i64
        - d.weekday().num_days_from_monday() as i64)
        % 7;
    Datum(d + Duration::days(ahead))
}
