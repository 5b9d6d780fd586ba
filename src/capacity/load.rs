//! Availability and planned load per person and unit per week (DESIGN.md section 3).

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::domain::organisatie::REGULIER_AANDEEL;
use crate::domain::{Bord, InzetSoort, InzetStatus, Organisatie, Week};

/// The figures of one person (or unit, summed) in one week, in hours.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WeekLoad {
    pub beschikbaar: f64,
    /// The regular share of the available hours plus every Regulier-inzet.
    pub regulier: f64,
    /// Toegezegd Opgave-inzet.
    pub toegezegd: f64,
    /// Gevraagd Opgave-inzet.
    pub gevraagd: f64,
}

impl WeekLoad {
    /// All Opgave-inzet, asked or agreed.
    pub fn opgave(&self) -> f64 {
        self.toegezegd + self.gevraagd
    }

    /// Regular work plus opgave work.
    pub fn gepland(&self) -> f64 {
        self.regulier + self.opgave()
    }

    /// `gepland / beschikbaar`; `None` when nothing is available.
    pub fn belasting(&self) -> Option<f64> {
        (self.beschikbaar > super::TOLERANTIE).then(|| self.gepland() / self.beschikbaar)
    }

    /// The same figures without the Gevraagd claims: what if none of the requests is agreed.
    pub fn zonder_gevraagd(&self) -> WeekLoad {
        WeekLoad {
            gevraagd: 0.0,
            ..*self
        }
    }

    /// Adds another person's figures (for unit totals).
    pub fn add(&mut self, o: &WeekLoad) {
        self.beschikbaar += o.beschikbaar;
        self.regulier += o.regulier;
        self.toegezegd += o.toegezegd;
        self.gevraagd += o.gevraagd;
    }
}

/// An inzet that counts (not Afgewezen), seen from the person it claims.
#[derive(Debug, Clone, Copy)]
pub struct Claim<'a> {
    /// Index of the board in the werkmap.
    pub bord: usize,
    /// Index of the inzet in the board.
    pub inzet: usize,
    pub van: Week,
    pub tot: Week,
    pub uren: f64,
    pub status: InzetStatus,
    pub soort: InzetSoort,
    /// What the hours go to, by name: the opgave of an opgaveteam board, else the board.
    pub bron: &'a str,
}

/// Why a person has no working days in a week although their pattern has some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuitenDienst {
    NogNiet,
    NietMeer,
}

struct PersonFacts {
    days: [bool; 7],
    pattern_len: usize,
    uren: f64,
    aandeel: f64,
    unit: Option<usize>,
}

/// The organisation and boards indexed for fast questions about load. Build once per change.
pub struct Engine<'a> {
    pub org: &'a Organisatie,
    pub borden: &'a [Bord],
    holidays: HashSet<NaiveDate>,
    persons: Vec<PersonFacts>,
    person_idx: HashMap<&'a str, usize>,
    unit_idx: HashMap<&'a str, usize>,
    unit_members: Vec<Vec<usize>>,
    claims: Vec<Vec<Claim<'a>>>,
}

impl<'a> Engine<'a> {
    /// Indexes the organisation and every inzet on the boards.
    pub fn new(org: &'a Organisatie, borden: &'a [Bord]) -> Engine<'a> {
        let unit_idx: HashMap<&str, usize> = org
            .eenheden
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let person_idx: HashMap<&str, usize> = org
            .mensen
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut unit_members = vec![Vec::new(); org.eenheden.len()];
        let persons = org
            .mensen
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let unit = unit_idx.get(p.eenheid.as_str()).copied();
                if let Some(u) = unit {
                    unit_members[u].push(i);
                }
                let mut days = [false; 7];
                for d in &p.werkdagen {
                    days[d.weekday().num_days_from_monday() as usize] = true;
                }
                let aandeel = p
                    .regulier_aandeel
                    .or_else(|| unit.and_then(|u| org.eenheden[u].regulier_aandeel))
                    .unwrap_or(REGULIER_AANDEEL);
                PersonFacts {
                    days,
                    pattern_len: days.iter().filter(|d| **d).count(),
                    uren: p.uren,
                    aandeel,
                    unit,
                }
            })
            .collect();
        let mut claims = vec![Vec::new(); org.mensen.len()];
        for (b, bord) in borden.iter().enumerate() {
            let bron = super::bron(org, bord);
            for (i, inz) in bord.inzet.iter().enumerate() {
                if inz.status == InzetStatus::Afgewezen {
                    continue;
                }
                if let Some(&p) = person_idx.get(inz.persoon.as_str()) {
                    claims[p].push(Claim {
                        bord: b,
                        inzet: i,
                        van: inz.van,
                        tot: inz.tot,
                        uren: inz.uren_per_week,
                        status: inz.status,
                        soort: inz.soort,
                        bron,
                    });
                }
            }
        }
        Engine {
            org,
            borden,
            holidays: org.feestdagen.iter().map(|d| d.0).collect(),
            persons,
            person_idx,
            unit_idx,
            unit_members,
            claims,
        }
    }

    /// Index of the person with this id in `org.mensen`.
    pub fn person(&self, id: &str) -> Option<usize> {
        self.person_idx.get(id).copied()
    }

    /// Index of the unit with this id in `org.eenheden`.
    pub fn unit(&self, id: &str) -> Option<usize> {
        self.unit_idx.get(id).copied()
    }

    /// Index of the person's unit.
    pub fn unit_of(&self, person: usize) -> Option<usize> {
        self.persons[person].unit
    }

    /// The people of a unit, as indexes into `org.mensen`.
    pub fn members(&self, unit: usize) -> &[usize] {
        &self.unit_members[unit]
    }

    /// Every inzet that counts on this person (Afgewezen left out).
    pub fn claims(&self, person: usize) -> &[Claim<'a>] {
        &self.claims[person]
    }

    /// The claims on a person that run in `week`: the inzet behind the figures of that week.
    pub fn claims_in(&self, person: usize, week: Week) -> impl Iterator<Item = &Claim<'a>> {
        self.claims[person]
            .iter()
            .filter(move |c| c.van <= week && week <= c.tot)
    }

    /// The person's working days in `week`: pattern minus holidays minus absence, within the
    /// employment dates.
    pub fn werkdagen(&self, person: usize, week: Week) -> usize {
        let facts = &self.persons[person];
        let p = &self.org.mensen[person];
        week.days()
            .filter(|d| facts.days[d.weekday().num_days_from_monday() as usize])
            .filter(|d| !self.holidays.contains(d))
            .filter(|d| !p.afwezig.iter().any(|a| a.van.0 <= *d && *d <= a.tot.0))
            .filter(|d| p.in_dienst_op(*d))
            .count()
    }

    /// Whether the person is out of employment all of `week`: not yet (`NogNiet`) or no longer
    /// (`NietMeer`) employed on any day of their pattern; `None` when employed on one of them.
    pub fn buiten_dienst(&self, person: usize, week: Week) -> Option<BuitenDienst> {
        let facts = &self.persons[person];
        let p = &self.org.mensen[person];
        let mut pattern = week
            .days()
            .filter(|d| facts.days[d.weekday().num_days_from_monday() as usize])
            .peekable();
        let first = *pattern.peek()?;
        if pattern.any(|d| p.in_dienst_op(d)) {
            return None;
        }
        Some(if p.in_dienst.is_some_and(|v| first < v.0) {
            BuitenDienst::NogNiet
        } else {
            BuitenDienst::NietMeer
        })
    }

    /// Whether the person owns an open card that counts in `week`: from the week of its start
    /// (not before today's) to the week of its deadline, or on when it has none.
    pub fn owns_card_in(&self, person: usize, week: Week, vandaag: NaiveDate) -> bool {
        let id = self.org.mensen[person].id.as_str();
        self.borden.iter().any(|b| {
            b.kaarten.iter().any(|k| {
                k.eigenaar.as_deref() == Some(id) && b.is_open(k) && {
                    let from = Week::of(k.start.map_or(vandaag, |s| s.0.max(vandaag)));
                    from <= week && k.deadline.is_none_or(|d| week <= Week::of(d.0))
                }
            })
        })
    }

    /// Whether the person is employed on `day`.
    pub fn employed(&self, person: usize, day: NaiveDate) -> bool {
        self.org.mensen[person].in_dienst_op(day)
    }

    /// `uren × werkdagen / days in the pattern`.
    pub fn beschikbaar(&self, person: usize, week: Week) -> f64 {
        let facts = &self.persons[person];
        if facts.pattern_len == 0 {
            return 0.0;
        }
        facts.uren * self.werkdagen(person, week) as f64 / facts.pattern_len as f64
    }

    /// The person's figures in `week`.
    pub fn person_week(&self, person: usize, week: Week) -> WeekLoad {
        let beschikbaar = self.beschikbaar(person, week);
        let mut load = WeekLoad {
            beschikbaar,
            regulier: self.persons[person].aandeel * beschikbaar,
            ..WeekLoad::default()
        };
        for c in self.claims_in(person, week) {
            match (c.soort, c.status) {
                (InzetSoort::Regulier, _) => load.regulier += c.uren,
                (InzetSoort::Opgave, InzetStatus::Gevraagd) => load.gevraagd += c.uren,
                (InzetSoort::Opgave, _) => load.toegezegd += c.uren,
            }
        }
        load
    }

    /// Every person's figures in every week of the horizon, computed on all cores:
    /// `loads[p][w]` for person `p` and `horizon[w]`.
    pub fn loads(&self, horizon: &[Week]) -> Vec<Vec<WeekLoad>> {
        use rayon::prelude::*;
        (0..self.persons.len())
            .into_par_iter()
            .map(|p| horizon.iter().map(|&w| self.person_week(p, w)).collect())
            .collect()
    }

    /// The unit's figures in `week`: the sum over its people.
    pub fn unit_week(&self, unit: usize, week: Week) -> WeekLoad {
        let mut total = WeekLoad::default();
        for &p in &self.unit_members[unit] {
            total.add(&self.person_week(p, week));
        }
        total
    }

    /// The Opgave-inzet of a person in `week`, summed per source (opgave or board), in board order.
    pub fn opgave_parts(&self, person: usize, week: Week) -> Vec<(String, f64)> {
        let mut parts: Vec<(String, f64)> = Vec::new();
        for c in self
            .claims_in(person, week)
            .filter(|c| c.soort == InzetSoort::Opgave)
        {
            match parts.iter_mut().find(|(b, _)| b == c.bron) {
                Some((_, h)) => *h += c.uren,
                None => parts.push((c.bron.to_string(), c.uren)),
            }
        }
        parts
    }

    /// A unit's size in fte: the sum of its people's hours over `uren_per_fte`.
    pub fn unit_fte(&self, unit: usize) -> f64 {
        self.unit_fte_on(unit, None)
    }

    /// A unit's fte counting only the people employed on `day` (all when `None`).
    pub fn unit_fte_on(&self, unit: usize, day: Option<NaiveDate>) -> f64 {
        let uren: f64 = self.unit_members[unit]
            .iter()
            .filter(|&&p| day.is_none_or(|d| self.employed(p, d)))
            .map(|&p| self.persons[p].uren)
            .sum();
        uren / self.org.uren_per_fte
    }
}
