//! Builds one copy of the demo organisation with its boards.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::names::{self, EENHEDEN, OPGAVEN};
use super::rng::Rng;
use super::tune::Plan;
use crate::domain::{
    Afwezigheid, AfwezigheidSoort, Besluit, Bord, BordSoort, Cluster, Dag, Datum, Eenheid, Inzet,
    InzetSoort, InzetStatus, Kaart, KaartStatus, Kolom, Moment, Notitie, Opgave, Organisatie,
    Persoon, Week,
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

    /// The units and their people; returns the person ids per unit.
    fn people(&mut self, org: &mut Organisatie) -> Units {
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

    fn opgave_bord(
        &mut self,
        i: usize,
        spec: &names::OpgaveSpec,
        org: &Organisatie,
        units: &Units,
        plan: &mut Plan,
    ) -> Bord {
        let opgave_id = self.id(spec.id);
        let adviseur = org
            .opgaven
            .iter()
            .find(|o| o.id == opgave_id)
            .and_then(|o| o.adviseur.clone())
            .unwrap_or_default();
        let mut team: Vec<(String, f64, InzetStatus)> = Vec::new();
        let mut inzet = Vec::new();
        let mut n = 0;
        let nu = self.nu;

        // The adviser, then people from the opgave's own cluster first and from elsewhere.
        if let Some(h) = self.claim_hours(&adviseur, 12.0) {
            team.push((adviseur.clone(), h, InzetStatus::Toegezegd));
        }
        let own: Vec<&str> = EENHEDEN
            .iter()
            .filter(|u| u.cluster == spec.cluster)
            .map(|u| u.id)
            .collect();
        let size = self.rng.range(6, 9) as usize;
        let mut tries = 0;
        while team.len() < size && tries < 60 {
            tries += 1;
            let unit = if self.rng.chance(0.6) {
                *self.rng.pick(&own)
            } else {
                self.rng.pick(EENHEDEN).id
            };
            let people = &units[unit];
            // Skip the CoCo's: they lead, the others carry the work.
            let p = people[self.rng.range(1, people.len() as i64 - 1) as usize].clone();
            if team.iter().any(|(t, _, _)| *t == p)
                || plan.strand_trekker.as_deref() == Some(p.as_str())
            {
                continue;
            }
            if let Some(h) = self.claim_hours(&p, 12.0) {
                team.push((p, h, InzetStatus::Toegezegd));
            }
        }
        for (p, h, status) in &team {
            n += 1;
            let van = nu.plus(-self.rng.range(4, 26));
            let tot = nu.plus(self.rng.range(32, 44));
            inzet.push(self.inzet(n, p, *h, van, tot, *status));
        }
        // The designated situations of some boards.
        match spec.id {
            "strand" => {
                let pl = plan.strand_trekker.clone().unwrap_or_default();
                n += 1;
                inzet.push(self.inzet(
                    n,
                    &pl,
                    16.0,
                    nu.plus(-20),
                    nu.plus(36),
                    InzetStatus::Toegezegd,
                ));
                team.push((pl, 16.0, InzetStatus::Toegezegd));
            }
            "wilhelminaplein" => {
                let pl = plan.strand_trekker.clone().unwrap_or_default();
                n += 1;
                inzet.push(self.inzet(
                    n,
                    &pl,
                    8.0,
                    nu.plus(-12),
                    nu.plus(30),
                    InzetStatus::Toegezegd,
                ));
            }
            "valkenburg" => {
                // A short extra claim that over-books the project leader right now.
                let pl = plan.strand_trekker.clone().unwrap_or_default();
                n += 1;
                inzet.push(self.inzet(
                    n,
                    &pl,
                    8.0,
                    nu.plus(-6),
                    nu.plus(3),
                    InzetStatus::Toegezegd,
                ));
            }
            _ => {}
        }
        // A new request that starts soon, not yet agreed (on every third board).
        if i % 2 == 1 {
            let unit = *self.rng.pick(&own);
            let p = units[unit][self.rng.range(2, units[unit].len() as i64 - 1) as usize].clone();
            if let Some(h) = self.claim_hours(&p, 8.0) {
                n += 1;
                let van = nu.plus(self.rng.range(0, 2));
                let tot = van.plus(self.rng.range(8, 20));
                inzet.push(self.inzet(n, &p, h, van, tot, InzetStatus::Gevraagd));
                plan.gevraagd.push(p);
            }
        }
        // A declined request, kept for the record with its decision.
        if spec.id == "jeugd" {
            let p = units["sociaal"][2].clone();
            let coco = units["sociaal"][0].clone();
            n += 1;
            let mut afgewezen =
                self.inzet(n, &p, 16.0, nu.plus(1), nu.plus(12), InzetStatus::Afgewezen);
            afgewezen.besluit = Some(Besluit {
                wie: coco,
                wanneer: self.moment(-9),
                toelichting: Some(
                    "Loket jeugd zit vol tot de zomer; vraag het na de zomer opnieuw.".into(),
                ),
            });
            inzet.push(afgewezen);
        }
        // Someone who is away while the claim runs: the claim must be discussed.
        for unit in ["ruimte", "sociaal"] {
            let p = units[unit][3].clone();
            if spec.cluster
                == EENHEDEN
                    .iter()
                    .find(|u| u.id == unit)
                    .map_or("", |u| u.cluster)
                && !inzet.iter().any(|z: &Inzet| z.persoon == p)
            {
                n += 1;
                inzet.push(self.inzet(
                    n,
                    &p,
                    6.0,
                    nu.plus(-8),
                    nu.plus(30),
                    InzetStatus::Toegezegd,
                ));
                team.push((p, 6.0, InzetStatus::Toegezegd));
            }
        }

        let owners: Vec<String> = team.iter().map(|(p, _, _)| p.clone()).collect();
        let kolommen = vec![
            kolom("todo", "Te doen", None, false),
            kolom("bezig", "Bezig", Some(5), false),
            kolom("wacht", "Wacht op", None, false),
            kolom("klaar", "Klaar", None, true),
        ];
        let titels: Vec<&str> = spec
            .kaarten
            .iter()
            .chain(names::ALGEMEEN)
            .copied()
            .collect();
        // Two boards run over their WIP limit; a few cards are overdue.
        let bezig = if matches!(spec.id, "omgevingswet") {
            7
        } else {
            self.rng.range(3, 5) as usize
        };
        let overdue = i.is_multiple_of(3);
        let mut kaarten = self.cards(&titels, &owners, &adviseur, bezig, overdue);
        if spec.id == "strand" {
            self.strand_cards(&mut kaarten, plan);
        }
        if spec.id == "energie" {
            // An owner whose estimates far exceed the hours the team gave them.
            if let Some(k) = kaarten
                .iter_mut()
                .find(|k| k.kolom == "todo" && k.eigenaar.is_some())
            {
                k.uren = Some(80.0);
                k.start = None;
                k.deadline = Some(self.dag(20));
                if let Some(o) = &k.eigenaar {
                    plan.kaarten.insert((self.id("opgave-energie"), o.clone()));
                }
            }
        }
        Bord {
            versie: 1,
            id: self.id(&format!("opgave-{}", spec.id)),
            titel: format!("{}{}", spec.naam, self.naam_suffix),
            soort: BordSoort::Opgaveteam { opgave: opgave_id },
            kolommen,
            inzet,
            kaarten,
            sporen: String::new(),
        }
    }

    /// The project leader owns the busiest cards of the Wassenaarse Slag, with big estimates.
    fn strand_cards(&mut self, kaarten: &mut [Kaart], plan: &mut Plan) {
        let Some(pl) = plan.strand_trekker.clone() else {
            return;
        };
        let mut given = 0;
        for k in kaarten
            .iter_mut()
            .filter(|k| k.kolom == "bezig" || k.kolom == "todo")
        {
            k.eigenaar = Some(pl.clone());
            if given == 0 {
                k.titel = "Ontwerp boulevard bespreken met exploitanten".into();
                k.kolom = "bezig".into();
                k.status = KaartStatus::Risico;
                k.voortgang = 40;
                k.uren = Some(40.0);
                k.deadline = Some(self.dag(12));
                k.lta = Some(next_tuesday(self.vandaag + Duration::days(30)));
                k.zaak = Some(format!("Z/{}/001234", self.vandaag.year() % 100));
            } else {
                k.uren = Some(24.0);
                k.deadline = Some(self.dag(18));
            }
            given += 1;
            if given == 3 {
                break;
            }
        }
        plan.kaarten.insert((self.id("opgave-strand"), pl));
    }

    fn clusterkamer_bord(
        &mut self,
        i: usize,
        cid: &str,
        cnaam: &str,
        units: &Units,
        plan: &mut Plan,
    ) -> Bord {
        let owners: Vec<String> = EENHEDEN
            .iter()
            .filter(|u| u.cluster == cid)
            .flat_map(|u| units[u.id].iter().take(8).cloned())
            .collect();
        let mut inzet = Vec::new();
        if cid == "bedrijfsvoering" {
            // Budget weeks: a peak of regular work for Financiën, planned as Regulier-inzet.
            let van = self.nu.plus(20 + self.rng.range(0, 3));
            for (n, p) in units["financien"].iter().skip(2).take(5).enumerate() {
                let mut z = self.inzet(n + 1, p, 4.0, van, van.plus(2), InzetStatus::Toegezegd);
                z.soort = InzetSoort::Regulier;
                inzet.push(z);
            }
        }
        let kolommen = vec![
            kolom("signalen", "Signalen", None, false),
            kolom("todo", "Te doen", None, false),
            kolom("bezig", "Bezig", Some(6), false),
            kolom("klaar", "Klaar", None, true),
        ];
        let titels: Vec<&str> = names::REGULIER
            .iter()
            .chain(names::ALGEMEEN)
            .copied()
            .collect();
        let bezig = if cid == "dienstverlening" {
            8
        } else {
            self.rng.range(3, 6) as usize
        };
        let coco = owners.first().cloned().unwrap_or_default();
        let mut kaarten = self.cards(&titels, &owners, &coco, bezig, i.is_multiple_of(2));
        for k in kaarten.iter_mut() {
            if k.kolom == "wacht" {
                k.kolom = "signalen".into();
            }
            // Estimates belong on opgave boards; the clusterkamer tracks the line work.
            k.uren = None;
        }
        let _ = plan;
        Bord {
            versie: 1,
            id: self.id(&format!("clusterkamer-{cid}")),
            titel: format!("Clusterkamer {cnaam}{}", self.naam_suffix),
            soort: BordSoort::Clusterkamer {
                cluster: self.id(cid),
            },
            kolommen,
            inzet,
            kaarten,
            sporen: String::new(),
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

    /// The cards of a board: open work in every column and a history of finished work.
    fn cards(
        &mut self,
        titels: &[&str],
        owners: &[String],
        signer: &str,
        bezig: usize,
        overdue: bool,
    ) -> Vec<Kaart> {
        let mut out = Vec::new();
        let open = self.rng.range(16, 24) as usize;
        let total = (KAARTEN_PER_BORD + self.rng.range(-8, 8)) as usize;
        let yy = self.vandaag.year() % 100;
        for n in 0..total {
            let titel = titels[n % titels.len()].to_string();
            let eigenaar = if owners.is_empty() || self.rng.chance(0.1) {
                None
            } else {
                Some(self.rng.pick(owners).clone())
            };
            let mut k = Kaart {
                eigenaar,
                ..Kaart::new(format!("k{}", n + 1), titel, "")
            };
            if n < open {
                k.kolom = if n < bezig {
                    "bezig"
                } else if n < bezig + 4 {
                    "wacht"
                } else {
                    "todo"
                }
                .into();
                let (start, voortgang) = match k.kolom.as_str() {
                    "bezig" => (self.rng.range(-50, -3), self.rng.range(1, 8) * 10),
                    "wacht" => (self.rng.range(-70, -10), self.rng.range(2, 7) * 10),
                    _ => (self.rng.range(3, 60), 0),
                };
                k.start = (k.kolom != "todo" || self.rng.chance(0.5)).then(|| self.dag(start));
                let span = self.rng.range(21, 120);
                k.deadline = Some(self.dag(start.max(0) + span));
                k.voortgang = voortgang as u32;
                k.status = match (k.kolom.as_str(), self.rng.range(0, 19)) {
                    ("wacht", 0..=5) => KaartStatus::Geblokkeerd,
                    ("todo", _) => KaartStatus::OpKoers,
                    (_, 0..=2) => KaartStatus::Risico,
                    (_, 3..=4) => KaartStatus::Vertraagd,
                    _ => KaartStatus::OpKoers,
                };
                if k.eigenaar.is_some() && self.rng.chance(0.5) {
                    k.uren = Some((self.rng.range(1, 6) * 4) as f64);
                }
                if overdue && n == bezig {
                    // Waiting on someone else, and the deadline has passed.
                    let ago = self.rng.range(3, 12);
                    k.deadline = Some(self.dag(-ago));
                    k.start = Some(self.dag(-ago - 30));
                    k.status = KaartStatus::Vertraagd;
                }
                if self.rng.chance(0.15) {
                    k.lta = Some(next_tuesday(
                        self.vandaag + Duration::days(self.rng.range(14, 200)),
                    ));
                }
                if self.rng.chance(0.35) {
                    let wie = k.eigenaar.clone().unwrap_or_else(|| signer.to_string());
                    for d in 0..self.rng.range(1, 2) {
                        let ago = self.rng.range(1, 20);
                        let when = self.moment(-ago - d * 7);
                        k.notities.push(Notitie {
                            wie: wie.clone(),
                            wanneer: when,
                            tekst: (*self.rng.pick(names::NOTITIES)).into(),
                        });
                    }
                    k.notities.sort_by_key(|n| n.wanneer);
                }
            } else {
                k.kolom = "klaar".into();
                let end = self.rng.range(7, 360);
                k.deadline = Some(self.dag(-end));
                let len = self.rng.range(14, 90);
                k.start = Some(self.dag(-end - len));
                k.voortgang = 100;
            }
            if self.rng.chance(0.4) {
                k.zaak = Some(format!("Z/{yy:02}/{:06}", self.rng.range(1, 99_999)));
            }
            if self.rng.chance(0.4) {
                k.labels.push((*self.rng.pick(names::LABELS)).into());
            }
            out.push(k);
        }
        out
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
fn next_tuesday(d: NaiveDate) -> Datum {
    let ahead = (7 + Weekday::Tue.num_days_from_monday() as i64
        - d.weekday().num_days_from_monday() as i64)
        % 7;
    Datum(d + Duration::days(ahead))
}
