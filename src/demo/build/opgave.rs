//! The board of an opgave team: the team and their inzet, the designated situations of some
//! boards, and the cards.

use chrono::{Datelike, Duration};

use super::{Copy, Units, kolom, lta_soort, next_tuesday};
use crate::demo::names::{self, EENHEDEN, OpgaveSpec};
use crate::demo::tune::Plan;
use crate::domain::{
    Besluit, Bord, BordSoort, Inzet, InzetStatus, Kaart, KaartStatus, Kolom, Moment, Organisatie,
    Verzoek,
};

/// A team member: the person, hours per week and the status of the inzet.
type Lid = (String, f64, InzetStatus);

/// The people of an opgave team and the inzet its board records.
struct Team {
    /// Who carries the work; the cards' owners come from here.
    leden: Vec<Lid>,
    inzet: Vec<Inzet>,
}

impl Team {
    /// The number of the next inzet: `i1`, `i2`, … in the order they are added.
    fn next(&self) -> usize {
        self.inzet.len() + 1
    }
}

impl Copy {
    /// The board of the `i`th opgave.
    pub(super) fn opgave_bord(
        &mut self,
        i: usize,
        spec: &OpgaveSpec,
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
        let own: Vec<&str> = EENHEDEN
            .iter()
            .filter(|u| u.cluster == spec.cluster)
            .map(|u| u.id)
            .collect();
        let mut team = Team {
            leden: self.team_members(&adviseur, &own, units, plan),
            inzet: Vec::new(),
        };
        self.team_inzet(&mut team);
        self.designated_inzet(spec.id, plan, &mut team);
        // A new request that starts soon, not yet agreed (on every third board).
        if i % 2 == 1 {
            self.new_request(&own, units, plan, &mut team);
            // Asked by the adviser a few days ago, with a reason for the CoCo (no random
            // draw, so the rest of the demo stays as it was).
            if let Some(z) = team
                .inzet
                .last_mut()
                .filter(|z| z.status == InzetStatus::Gevraagd && z.verzoek.is_none())
            {
                let dag = self.vandaag - Duration::days(1 + (i as i64 % 5));
                z.verzoek = Some(Verzoek {
                    wie: adviseur.clone(),
                    wanneer: Moment(dag.and_hms_opt(10, 30, 0).unwrap_or_default()),
                    toelichting: Some(format!(
                        "Nodig voor {}: de volgende fase vraagt deze kennis.",
                        spec.naam
                    )),
                });
            }
        }
        if spec.id == "jeugd" {
            self.declined_request(units, &mut team);
        }
        self.away_claims(spec, units, &mut team);

        let owners: Vec<String> = team.leden.iter().map(|(p, _, _)| p.clone()).collect();
        let kaarten = self.opgave_kaarten(i, spec, &owners, &adviseur, plan);
        Bord {
            versie: 1,
            id: self.id(&format!("opgave-{}", spec.id)),
            titel: format!("{}{}", spec.naam, self.naam_suffix),
            soort: BordSoort::Opgaveteam { opgave: opgave_id },
            kolommen: opgave_kolommen(),
            inzet: team.inzet,
            kaarten,
            sporen: String::new(),
        }
    }

    /// The adviser, then people from the opgave's own cluster first and from elsewhere, each
    /// with a share of their free hours.
    fn team_members(
        &mut self,
        adviseur: &str,
        own: &[&str],
        units: &Units,
        plan: &Plan,
    ) -> Vec<Lid> {
        let mut team: Vec<Lid> = Vec::new();
        if let Some(h) = self.claim_hours(adviseur, 12.0) {
            team.push((adviseur.to_string(), h, InzetStatus::Toegezegd));
        }
        let size = self.rng.range(6, 9) as usize;
        let mut tries = 0;
        while team.len() < size && tries < 60 {
            tries += 1;
            let unit = if self.rng.chance(0.6) {
                *self.rng.pick(own)
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
        team
    }

    /// The inzet of every team member, from some weeks ago until well into the coming year.
    fn team_inzet(&mut self, team: &mut Team) {
        let nu = self.nu;
        for (p, h, status) in &team.leden {
            let n = team.inzet.len() + 1;
            let van = nu.plus(-self.rng.range(4, 26));
            let tot = nu.plus(self.rng.range(32, 44));
            team.inzet.push(self.inzet(n, p, *h, van, tot, *status));
        }
    }

    /// The designated situations of some boards: the project leader of the Wassenaarse Slag
    /// also works for Wilhelminaplein and Valkenburg.
    fn designated_inzet(&self, opgave: &str, plan: &Plan, team: &mut Team) {
        let nu = self.nu;
        let (uren, van, tot) = match opgave {
            "strand" => (16.0, nu.plus(-20), nu.plus(36)),
            "wilhelminaplein" => (8.0, nu.plus(-12), nu.plus(30)),
            // A short extra claim that over-books the project leader right now.
            "valkenburg" => (8.0, nu.plus(-6), nu.plus(3)),
            _ => return,
        };
        let pl = plan.strand_trekker.clone().unwrap_or_default();
        let n = team.next();
        team.inzet
            .push(self.inzet(n, &pl, uren, van, tot, InzetStatus::Toegezegd));
        if opgave == "strand" {
            team.leden.push((pl, uren, InzetStatus::Toegezegd));
        }
    }

    /// A new request that starts soon, not yet agreed, for someone of the own cluster.
    fn new_request(&mut self, own: &[&str], units: &Units, plan: &mut Plan, team: &mut Team) {
        let unit = *self.rng.pick(own);
        let p = units[unit][self.rng.range(2, units[unit].len() as i64 - 1) as usize].clone();
        if let Some(h) = self.claim_hours(&p, 8.0) {
            let n = team.next();
            let van = self.nu.plus(self.rng.range(0, 2));
            let tot = van.plus(self.rng.range(8, 20));
            team.inzet
                .push(self.inzet(n, &p, h, van, tot, InzetStatus::Gevraagd));
            plan.gevraagd.push(p);
        }
    }

    /// A declined request, kept for the record with its decision.
    fn declined_request(&mut self, units: &Units, team: &mut Team) {
        let p = units["sociaal"][2].clone();
        let coco = units["sociaal"][0].clone();
        let nu = self.nu;
        let mut afgewezen = self.inzet(
            team.next(),
            &p,
            16.0,
            nu.plus(1),
            nu.plus(12),
            InzetStatus::Afgewezen,
        );
        afgewezen.besluit = Some(Besluit {
            wie: coco,
            // Within the week before the demo's Monday: on the agenda of its PMO-overleg.
            wanneer: self.moment(-3),
            toelichting: Some(
                "Loket jeugd zit vol tot de zomer; vraag het na de zomer opnieuw.".into(),
            ),
        });
        team.inzet.push(afgewezen);
    }

    /// Someone who is away while the claim runs: the claim must be discussed.
    fn away_claims(&self, spec: &OpgaveSpec, units: &Units, team: &mut Team) {
        let nu = self.nu;
        for unit in ["ruimte", "sociaal"] {
            let p = units[unit][3].clone();
            if spec.cluster
                == EENHEDEN
                    .iter()
                    .find(|u| u.id == unit)
                    .map_or("", |u| u.cluster)
                && !team.inzet.iter().any(|z: &Inzet| z.persoon == p)
            {
                let n = team.next();
                team.inzet.push(self.inzet(
                    n,
                    &p,
                    6.0,
                    nu.plus(-8),
                    nu.plus(30),
                    InzetStatus::Toegezegd,
                ));
                team.leden.push((p, 6.0, InzetStatus::Toegezegd));
            }
        }
    }

    /// The cards of the `i`th opgave board, with the designated cards of some boards.
    fn opgave_kaarten(
        &mut self,
        i: usize,
        spec: &OpgaveSpec,
        owners: &[String],
        adviseur: &str,
        plan: &mut Plan,
    ) -> Vec<Kaart> {
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
        let mut kaarten = self.cards(&titels, owners, adviseur, bezig, overdue);
        if spec.id == "strand" {
            self.strand_cards(&mut kaarten, plan);
        }
        if spec.id == "energie" {
            self.energie_card(&mut kaarten, plan);
        }
        kaarten
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
                let lta = next_tuesday(self.vandaag + Duration::days(30));
                k.lta = Some(lta);
                k.lta_soort = Some(lta_soort(lta));
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

    /// An owner whose estimates far exceed the hours the team gave them.
    fn energie_card(&self, kaarten: &mut [Kaart], plan: &mut Plan) {
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
}

/// The columns of an opgave board.
fn opgave_kolommen() -> Vec<Kolom> {
    vec![
        kolom("todo", "Te doen", None, false),
        kolom("bezig", "Bezig", Some(5), false),
        kolom("wacht", "Wacht op", None, false),
        kolom("klaar", "Klaar", None, true),
    ]
}
