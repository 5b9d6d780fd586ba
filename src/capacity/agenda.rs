//! The weekly agenda of the PMO-overleg and the Opgavenoverleg (OO), as facts: the open
//! capacity requests, the requests a CoCo left for the PMO-overleg, the decisions of the past
//! 7 days, the units over-loaded in the next 4 weeks with the opgaven that cause it, the
//! opgaven with cards at risk and the LTA dates of the next 4 weeks. Pure: a function of the
//! werkmap, the week of the meeting and today. `wording::agenda_document` words it; the report
//! writes it as Markdown or HTML and the TUI shows it (`W`).
//!
//! Which day is which (DESIGN.md section 4): the meeting day is the Monday of the agenda's
//! week; "the past 7 days" are the 7 days before it (Monday to Sunday of the week before).
//! Open requests and requests left for the PMO-overleg are Gevraagd inzet that has not ended
//! before the agenda's week; a Gevraagd inzet with a `besluit` is one its CoCo left for the
//! PMO-overleg. Decisions are Toegezegd or Afgewezen inzet whose `besluit` falls in the past
//! 7 days.

use chrono::{NaiveDate, NaiveDateTime};

use super::portefeuille::{self, LtaItem};
use super::{Engine, WeekLoad, meer_dan};
use crate::domain::{InzetSoort, InzetStatus, KaartStatus, Week, Werkmap};

/// The number of weeks the agenda looks ahead (over-loaded units, LTA dates).
pub const WEKEN_VOORUIT: i64 = 4;

/// A request for capacity: whom it asks, from which unit, for which board.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaVerzoek {
    /// The person's name (the id when unknown).
    pub persoon: String,
    /// The person's unit's name (empty when unknown).
    pub eenheid: String,
    /// The names of the unit's CoCo's: who decides.
    pub cocos: Vec<String>,
    /// The board's title.
    pub bord: String,
    /// What the hours go to: the opgave's name, else the board's title.
    pub bron: String,
    pub uren: f64,
    pub van: Week,
    pub tot: Week,
    /// Who asked (a name when the id is a person), when, and why; `None` for a request
    /// written by hand without one.
    pub gevraagd_door: Option<String>,
    pub gevraagd_op: Option<NaiveDateTime>,
    pub toelichting: Option<String>,
    /// For a request left for the PMO-overleg: who left it, when and why.
    pub besluit: Option<AgendaBesluit>,
}

/// Who decided, when, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaBesluit {
    /// A name when the id is a person.
    pub wie: String,
    pub wanneer: NaiveDateTime,
    pub toelichting: Option<String>,
}

/// A decision on a request in the past 7 days.
#[derive(Debug, Clone, PartialEq)]
pub struct Besluit {
    /// Toegezegd or Afgewezen.
    pub status: InzetStatus,
    pub verzoek: AgendaVerzoek,
    pub besluit: AgendaBesluit,
}

/// An opgave's (or board's) share of an over-loaded unit's heaviest week.
#[derive(Debug, Clone, PartialEq)]
pub struct Oorzaak {
    /// The opgave's name, else the board's title.
    pub bron: String,
    /// Hours per week on the unit's people, asked and agreed.
    pub uren: f64,
    /// Of which still asked (Gevraagd).
    pub gevraagd: f64,
}

/// A unit over-loaded in some of the agenda's weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct Overbelast {
    pub eenheid: String,
    /// The weeks it is over-loaded, with its figures.
    pub weken: Vec<(Week, WeekLoad)>,
    /// The week it is over-loaded most (in hours over).
    pub zwaarste: (Week, WeekLoad),
    /// The opgaven whose inzet on the unit's people makes up its opgave load in the heaviest
    /// week, largest first.
    pub oorzaken: Vec<Oorzaak>,
}

/// An open card at risk (status Risico, Vertraagd or Geblokkeerd).
#[derive(Debug, Clone, PartialEq)]
pub struct RisicoKaart {
    pub titel: String,
    pub status: KaartStatus,
    /// The owner's name.
    pub eigenaar: Option<String>,
    pub deadline: Option<NaiveDate>,
}

/// An opgave with open cards at risk.
#[derive(Debug, Clone, PartialEq)]
pub struct OpgaveRisico {
    pub naam: String,
    pub adviseur: Option<String>,
    pub kaarten: Vec<RisicoKaart>,
}

/// An LTA date with the opgave (or board) it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaLta {
    pub item: LtaItem,
    /// The opgave's name, else the board's title.
    pub bron: String,
}

/// The agenda of one week.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    pub organisatie: String,
    pub week: Week,
    pub vandaag: NaiveDate,
    /// The meeting day: the Monday of [`Self::week`].
    pub vergaderdag: NaiveDate,
    /// The first and last day of "the past 7 days".
    pub besluiten_van: NaiveDate,
    pub besluiten_tot: NaiveDate,
    pub verzoeken: Vec<AgendaVerzoek>,
    pub naar_pmo: Vec<AgendaVerzoek>,
    pub besluiten: Vec<Besluit>,
    /// The weeks looked ahead: the agenda's week and the 3 after it.
    pub weken: Vec<Week>,
    pub overbelast: Vec<Overbelast>,
    pub risico: Vec<OpgaveRisico>,
    pub lta: Vec<AgendaLta>,
    /// False when the werkmap has no (readable) organisation: the sections about people and
    /// units cannot be computed.
    pub met_organisatie: bool,
}

impl Agenda {
    /// The agenda of `week` (the meeting on its Monday), as the werkmap stands `vandaag`.
    pub fn new(werkmap: &Werkmap, week: Week, vandaag: NaiveDate) -> Agenda {
        let vergaderdag = week.monday();
        let besluiten_van = vergaderdag - chrono::Days::new(7);
        let besluiten_tot = vergaderdag - chrono::Days::new(1);
        let weken = super::horizon(week, WEKEN_VOORUIT as u32);
        let mut agenda = Agenda {
            organisatie: werkmap
                .organisatie
                .as_ref()
                .map_or(String::new(), |o| o.naam.clone()),
            week,
            vandaag,
            vergaderdag,
            besluiten_van,
            besluiten_tot,
            verzoeken: Vec::new(),
            naar_pmo: Vec::new(),
            besluiten: Vec::new(),
            weken,
            overbelast: Vec::new(),
            risico: risico(werkmap, vandaag),
            lta: Vec::new(),
            met_organisatie: werkmap.organisatie.is_some(),
        };
        let laatste = week.plus(WEKEN_VOORUIT).monday() - chrono::Days::new(1);
        agenda.lta = lta(werkmap, vergaderdag, laatste);
        let Some(org) = &werkmap.organisatie else {
            return agenda;
        };
        let engine = Engine::new(org, &werkmap.borden);
        let naam = |id: &str| {
            engine
                .person(id)
                .map_or_else(|| id.to_string(), |p| org.mensen[p].naam.clone())
        };
        for bord in &werkmap.borden {
            for z in &bord.inzet {
                let besluit = z.besluit.as_ref().map(|b| AgendaBesluit {
                    wie: naam(&b.wie),
                    wanneer: b.wanneer.0,
                    toelichting: b.toelichting.clone(),
                });
                let verzoek = || {
                    let p = engine.person(&z.persoon);
                    let eenheid = p.and_then(|p| engine.unit_of(p)).map(|u| &org.eenheden[u]);
                    AgendaVerzoek {
                        persoon: naam(&z.persoon),
                        eenheid: eenheid.map_or(String::new(), |e| e.naam.clone()),
                        cocos: eenheid
                            .map_or(Vec::new(), |e| e.cocos.iter().map(|c| naam(c)).collect()),
                        bord: bord.titel.clone(),
                        bron: super::bron(org, bord).to_string(),
                        uren: z.uren_per_week,
                        van: z.van,
                        tot: z.tot,
                        gevraagd_door: z.verzoek.as_ref().map(|v| naam(&v.wie)),
                        gevraagd_op: z.verzoek.as_ref().map(|v| v.wanneer.0),
                        toelichting: z.verzoek.as_ref().and_then(|v| v.toelichting.clone()),
                        besluit: None,
                    }
                };
                match (z.status, besluit) {
                    (InzetStatus::Gevraagd, _) if z.tot < week => {}
                    (InzetStatus::Gevraagd, None) => agenda.verzoeken.push(verzoek()),
                    (InzetStatus::Gevraagd, Some(b)) => agenda.naar_pmo.push(AgendaVerzoek {
                        besluit: Some(b),
                        ..verzoek()
                    }),
                    (status, Some(b))
                        if (besluiten_van..=besluiten_tot).contains(&b.wanneer.date()) =>
                    {
                        agenda.besluiten.push(Besluit {
                            status,
                            verzoek: verzoek(),
                            besluit: b,
                        });
                    }
                    _ => {}
                }
            }
        }
        // The longest waiting first; a request without a date last, by its first week.
        let sleutel = |v: &AgendaVerzoek| (v.gevraagd_op.is_none(), v.gevraagd_op, v.van);
        agenda.verzoeken.sort_by_key(sleutel);
        agenda
            .naar_pmo
            .sort_by_key(|v| (v.besluit.as_ref().map(|b| b.wanneer), v.van));
        agenda.besluiten.sort_by_key(|b| b.besluit.wanneer);
        agenda.overbelast = overbelast(&engine, &agenda.weken);
        agenda
    }
}

/// The LTA dates of open cards from `van` through `tot` ([`portefeuille::lta_items`]), each
/// with the name of its opgave (else its board's title).
pub fn lta(werkmap: &Werkmap, van: NaiveDate, tot: NaiveDate) -> Vec<AgendaLta> {
    portefeuille::lta_items(werkmap, van, tot)
        .into_iter()
        .map(|item| {
            let bord = werkmap.borden.iter().find(|b| b.id == item.bord);
            let bron = match (&werkmap.organisatie, bord) {
                (Some(org), Some(b)) => super::bron(org, b).to_string(),
                (None, Some(b)) => b.titel.clone(),
                (_, None) => item.bord.clone(),
            };
            AgendaLta { item, bron }
        })
        .collect()
}

/// The units over-loaded in `weken`, in the organisation's order, each with the opgaven that
/// load its people in its heaviest week.
fn overbelast(engine: &Engine, weken: &[Week]) -> Vec<Overbelast> {
    let loads = engine.loads(weken);
    let mut out = Vec::new();
    for (u, eenheid) in engine.org.eenheden.iter().enumerate() {
        let over: Vec<(Week, WeekLoad)> = weken
            .iter()
            .enumerate()
            .map(|(w, &week)| {
                let sum = engine
                    .members(u)
                    .iter()
                    .fold(WeekLoad::default(), |mut s, &p| {
                        s.add(&loads[p][w]);
                        s
                    });
                (week, sum)
            })
            .filter(|(_, l)| meer_dan(l.gepland(), l.beschikbaar))
            .collect();
        // The first of equally heavy weeks, as the conflicts and the report name it.
        let Some(&zwaarste) = over.iter().min_by(|a, b| {
            (b.1.gepland() - b.1.beschikbaar).total_cmp(&(a.1.gepland() - a.1.beschikbaar))
        }) else {
            continue;
        };
        let mut oorzaken: Vec<Oorzaak> = Vec::new();
        for &p in engine.members(u) {
            for c in engine
                .claims_in(p, zwaarste.0)
                .filter(|c| c.soort == InzetSoort::Opgave)
            {
                let i = match oorzaken.iter().position(|o| o.bron == c.bron) {
                    Some(i) => i,
                    None => {
                        oorzaken.push(Oorzaak {
                            bron: c.bron.to_string(),
                            uren: 0.0,
                            gevraagd: 0.0,
                        });
                        oorzaken.len() - 1
                    }
                };
                oorzaken[i].uren += c.uren;
                if c.status == InzetStatus::Gevraagd {
                    oorzaken[i].gevraagd += c.uren;
                }
            }
        }
        oorzaken.sort_by(|a, b| b.uren.total_cmp(&a.uren).then_with(|| a.bron.cmp(&b.bron)));
        out.push(Overbelast {
            eenheid: eenheid.naam.clone(),
            weken: over,
            zwaarste,
            oorzaken,
        });
    }
    out
}

/// The opgaven with open cards at risk, in the portfolio's order, with those cards.
fn risico(werkmap: &Werkmap, vandaag: NaiveDate) -> Vec<OpgaveRisico> {
    let naam = |id: &str| {
        werkmap
            .organisatie
            .as_ref()
            .and_then(|o| o.persoon(id))
            .map_or_else(|| id.to_string(), |p| p.naam.clone())
    };
    portefeuille::opgaven(werkmap, &[], vandaag)
        .into_iter()
        .filter(|r| r.kaarten_risico > 0)
        .map(|r| {
            let kaarten = werkmap
                .borden
                .iter()
                .filter(|b| r.borden.contains(&b.id))
                .flat_map(|b| {
                    b.kaarten
                        .iter()
                        .filter(move |k| b.is_open(k) && k.status != KaartStatus::OpKoers)
                })
                .map(|k| RisicoKaart {
                    titel: k.titel.clone(),
                    status: k.status,
                    eigenaar: k.eigenaar.as_deref().map(naam),
                    deadline: k.deadline.map(|d| d.0),
                })
                .collect();
            OpgaveRisico {
                naam: r.naam,
                adviseur: r.adviseur_naam,
                kaarten,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Bord, Organisatie};

    const ORG: &str = r#"Organisatie(versie: 1, naam: "T",
        clusters: [Cluster(id: "c", naam: "C")],
        eenheden: [Eenheid(id: "e", naam: "Eenheid E", cluster: "c", cocos: ["coco"])],
        mensen: [
            Persoon(id: "coco", naam: "Co Coco", eenheid: "e", uren: 36.0),
            Persoon(id: "p", naam: "Piet Pieters", eenheid: "e", uren: 36.0),
        ],
        opgaven: [Opgave(id: "haven", naam: "Haven")])"#;
    const HAVEN: &str = r#"Bord(versie: 1, id: "opgave-haven", titel: "Havenbord",
        soort: Opgaveteam(opgave: "haven"),
        kolommen: [Kolom(id: "todo", naam: "Te doen"), Kolom(id: "klaar", naam: "Klaar", klaar: true)],
        inzet: [
            Inzet(id: "a", persoon: "p", uren_per_week: 30.0, van: "2026-W49", tot: "2026-W50", status: Toegezegd,
                  besluit: Besluit(wie: "coco", wanneer: "2026-11-27T10:00:00", toelichting: "past")),
            Inzet(id: "b", persoon: "coco", uren_per_week: 20.0, van: "2026-W50", tot: "2026-W52", status: Gevraagd,
                  verzoek: Verzoek(wie: "p", wanneer: "2026-11-20T09:00:00", toelichting: "nodig")),
            Inzet(id: "c", persoon: "p", uren_per_week: 4.0, van: "2026-W49", tot: "2026-W49", status: Gevraagd,
                  besluit: Besluit(wie: "coco", wanneer: "2026-11-26T10:00:00", toelichting: "naar PMO")),
            Inzet(id: "d", persoon: "p", uren_per_week: 4.0, van: "2026-W40", tot: "2026-W48", status: Gevraagd),
            Inzet(id: "e", persoon: "p", uren_per_week: 2.0, van: "2026-W49", tot: "2026-W49", status: Afgewezen,
                  besluit: Besluit(wie: "coco", wanneer: "2026-11-30T08:00:00")),
        ],
        kaarten: [
            Kaart(id: "k1", titel: "Kade", kolom: "todo", status: Risico, eigenaar: "p", lta: "2026-12-15", lta_soort: Raad),
            Kaart(id: "k2", titel: "Klaar", kolom: "klaar", status: Risico, lta: "2026-12-16"),
            Kaart(id: "k3", titel: "Ver weg", kolom: "todo", lta: "2027-01-16"),
        ])"#;

    fn agenda() -> Agenda {
        let werkmap = Werkmap {
            organisatie: Some(
                ron::from_str::<Organisatie>(&format!("#![enable(implicit_some)]\n{ORG}")).unwrap(),
            ),
            borden: vec![
                ron::from_str::<Bord>(&format!("#![enable(implicit_some)]\n{HAVEN}")).unwrap(),
            ],
        };
        let vandaag = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        Agenda::new(&werkmap, "2026-W49".parse().unwrap(), vandaag)
    }

    #[test]
    fn requests_decisions_and_the_pmo_are_told_apart() {
        let a = agenda();
        assert_eq!(
            a.vergaderdag,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(
            (a.besluiten_van, a.besluiten_tot),
            (
                NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
            )
        );
        // `d` ended before the week; `c` was left for the PMO-overleg.
        assert_eq!(a.verzoeken.len(), 1);
        let v = &a.verzoeken[0];
        assert_eq!(
            (v.persoon.as_str(), v.eenheid.as_str(), v.bron.as_str()),
            ("Co Coco", "Eenheid E", "Haven")
        );
        assert_eq!(v.gevraagd_door.as_deref(), Some("Piet Pieters"));
        assert_eq!(v.cocos, ["Co Coco"]);
        assert_eq!(a.naar_pmo.len(), 1);
        assert_eq!(a.naar_pmo[0].uren, 4.0);
        // `e` was decided on the meeting day itself: not "the past 7 days".
        assert_eq!(a.besluiten.len(), 1);
        assert_eq!(a.besluiten[0].status, InzetStatus::Toegezegd);
        assert_eq!(a.besluiten[0].besluit.wie, "Co Coco");
        assert_eq!(a.besluiten[0].besluit.toelichting.as_deref(), Some("past"));
    }

    #[test]
    fn an_over_loaded_unit_names_its_opgaven_and_risks_and_lta_follow_the_cards() {
        let a = agenda();
        // W50: 2 × 25.2 regular + 30 + 20 > 72.
        assert_eq!(a.overbelast.len(), 1);
        let o = &a.overbelast[0];
        assert_eq!(o.zwaarste.0.to_string(), "2026-W50");
        assert_eq!(o.oorzaken.len(), 1);
        assert_eq!(
            (
                o.oorzaken[0].bron.as_str(),
                o.oorzaken[0].uren,
                o.oorzaken[0].gevraagd
            ),
            ("Haven", 50.0, 20.0)
        );
        assert_eq!(a.risico.len(), 1);
        assert_eq!(a.risico[0].kaarten.len(), 1, "a finished card is no risk");
        assert_eq!(
            a.risico[0].kaarten[0].eigenaar.as_deref(),
            Some("Piet Pieters")
        );
        let lta: Vec<&str> = a.lta.iter().map(|l| l.item.titel.as_str()).collect();
        assert_eq!(lta, ["Kade"], "open cards in the 4 weeks only");
        assert_eq!(a.lta[0].bron, "Haven");
    }
}
