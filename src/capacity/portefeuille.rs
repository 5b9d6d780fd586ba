//! The opgaven as a portfolio: one row of figures per opgave, for the Opgavenoverleg (OO) and
//! the Portefeuillehoudersoverleg (PO), in the TUI (`o`), `planbord opgaven` and the report.
//!
//! What the figures mean (issue 12, the contract of `planbord opgaven --format json`):
//! - the opgave's boards are the opgaveteam boards of its id;
//! - open cards are not in a klaar column; at risk are *open* cards with status Risico,
//!   Vertraagd or Geblokkeerd (a finished card is no longer a risk);
//! - inzet is the sum of `uren_per_week` of its boards' inzet active in the week of today, per
//!   status (toegezegd, gevraagd; declined counts nowhere);
//! - conflicts are those whose `bord` is one of its boards, by severity;
//! - the next LTA date is the earliest `lta` on or after today among its open cards.

use chrono::NaiveDate;

use super::{Conflict, ConflictSoort, Ernst};
use crate::domain::{Fase, InzetStatus, KaartStatus, LtaSoort, Week, Werkmap};

/// Conflicts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct PerErnst {
    pub hoog: usize,
    pub midden: usize,
    pub laag: usize,
}

impl PerErnst {
    /// All of them.
    pub fn totaal(&self) -> usize {
        self.hoog + self.midden + self.laag
    }

    /// The order of "most serious first": high, then medium, then low.
    pub fn gewicht(&self) -> (usize, usize, usize) {
        (self.hoog, self.midden, self.laag)
    }

    fn tel(&mut self, ernst: Ernst) {
        match ernst {
            Ernst::Hoog => self.hoog += 1,
            Ernst::Midden => self.midden += 1,
            Ernst::Laag => self.laag += 1,
        }
    }
}

/// An LTA date of an open card: when, for whom, and the card.
#[derive(Debug, Clone, PartialEq)]
pub struct LtaItem {
    pub datum: NaiveDate,
    pub soort: Option<LtaSoort>,
    pub bord: String,
    pub kaart: String,
    pub titel: String,
}

/// One opgave's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct OpgaveRij {
    pub id: String,
    pub naam: String,
    pub fase: Fase,
    /// Persoon id, as in the file.
    pub adviseur: Option<String>,
    /// The adviser's name (the id when the person is unknown).
    pub adviseur_naam: Option<String>,
    pub portefeuillehouder: Option<String>,
    pub programma: Option<String>,
    pub doel: Option<String>,
    pub start: Option<NaiveDate>,
    pub eind: Option<NaiveDate>,
    /// Board ids, in werkmap order.
    pub borden: Vec<String>,
    pub kaarten_open: usize,
    pub kaarten_klaar: usize,
    pub kaarten_risico: usize,
    pub inzet_toegezegd: f64,
    pub inzet_gevraagd: f64,
    pub conflicten: PerErnst,
    /// People with inzet on its boards (asked or agreed) who are over-booked or claimed while
    /// away in some week: their conflicts have no board, so they are not in `conflicten`.
    pub mensen_overboekt: usize,
    pub volgende_lta: Option<LtaItem>,
}

/// The columns of the portfolio, in the order shown; each can sort the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpgaveKolom {
    Naam,
    Fase,
    Adviseur,
    Portefeuillehouder,
    Open,
    Klaar,
    Risico,
    Toegezegd,
    Gevraagd,
    Conflicten,
    Overboekt,
    Lta,
}

impl OpgaveKolom {
    pub const ALLE: [OpgaveKolom; 12] = [
        OpgaveKolom::Naam,
        OpgaveKolom::Fase,
        OpgaveKolom::Adviseur,
        OpgaveKolom::Portefeuillehouder,
        OpgaveKolom::Open,
        OpgaveKolom::Klaar,
        OpgaveKolom::Risico,
        OpgaveKolom::Toegezegd,
        OpgaveKolom::Gevraagd,
        OpgaveKolom::Conflicten,
        OpgaveKolom::Overboekt,
        OpgaveKolom::Lta,
    ];

    /// Whether the column holds figures (counts and hours; tables align them right).
    pub fn is_getal(self) -> bool {
        use OpgaveKolom::*;
        matches!(
            self,
            Open | Klaar | Risico | Toegezegd | Gevraagd | Conflicten | Overboekt
        )
    }

    /// Whether sorting by this column puts the largest first (the figures: what needs
    /// attention on top) rather than A to Z (names, the phase's order, the earliest date).
    pub fn aflopend(self) -> bool {
        self.is_getal()
    }

    /// Orders two rows by this column, in its natural direction ([`Self::aflopend`]); ties
    /// by name. Empty values (no adviser, no LTA date) come last.
    pub fn vergelijk(self, a: &OpgaveRij, b: &OpgaveRij) -> std::cmp::Ordering {
        let naam = || crate::domain::zoek::los(&a.naam).cmp(&crate::domain::zoek::los(&b.naam));
        self.vergelijk_zonder_naam(a, b).then_with(naam)
    }

    /// [`Self::vergelijk`] without the tie-break by name.
    pub fn vergelijk_zonder_naam(self, a: &OpgaveRij, b: &OpgaveRij) -> std::cmp::Ordering {
        use OpgaveKolom::*;
        use std::cmp::Ordering;
        fn leeg_laatst<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        let uren = |x: f64| (x * 100.0).round() as i64;
        match self {
            Naam => crate::domain::zoek::los(&a.naam).cmp(&crate::domain::zoek::los(&b.naam)),
            Fase => a.fase.cmp(&b.fase),
            Adviseur => leeg_laatst(
                a.adviseur_naam.as_deref().map(crate::domain::zoek::los),
                b.adviseur_naam.as_deref().map(crate::domain::zoek::los),
            ),
            Portefeuillehouder => leeg_laatst(
                a.portefeuillehouder
                    .as_deref()
                    .map(crate::domain::zoek::los),
                b.portefeuillehouder
                    .as_deref()
                    .map(crate::domain::zoek::los),
            ),
            Open => b.kaarten_open.cmp(&a.kaarten_open),
            Klaar => b.kaarten_klaar.cmp(&a.kaarten_klaar),
            Risico => b.kaarten_risico.cmp(&a.kaarten_risico),
            Toegezegd => uren(b.inzet_toegezegd).cmp(&uren(a.inzet_toegezegd)),
            Gevraagd => uren(b.inzet_gevraagd).cmp(&uren(a.inzet_gevraagd)),
            Conflicten => b.conflicten.gewicht().cmp(&a.conflicten.gewicht()),
            Overboekt => b.mensen_overboekt.cmp(&a.mensen_overboekt),
            Lta => leeg_laatst(
                a.volgende_lta.as_ref().map(|l| l.datum),
                b.volgende_lta.as_ref().map(|l| l.datum),
            ),
        }
    }
}

/// The rows of every opgave of the organisation, in its order, then one per opgaveteam board
/// whose opgave is not in the organisation (named after the board), so no board's figures go
/// unseen. `conflicten` are the werkmap's conflicts (as `controleer` finds them).
pub fn opgaven<'a>(
    werkmap: &Werkmap,
    conflicten: impl IntoIterator<Item = &'a Conflict>,
    vandaag: NaiveDate,
) -> Vec<OpgaveRij> {
    let mut rows: Vec<OpgaveRij> = werkmap
        .organisatie
        .iter()
        .flat_map(|org| org.opgaven.iter().map(move |o| (org, o)))
        .map(|(org, o)| OpgaveRij {
            id: o.id.clone(),
            naam: o.naam.clone(),
            fase: o.fase,
            adviseur: o.adviseur.clone(),
            adviseur_naam: o
                .adviseur
                .as_ref()
                .map(|a| org.persoon(a).map_or(a, |p| &p.naam).clone()),
            portefeuillehouder: o.portefeuillehouder.clone(),
            programma: o.programma.clone(),
            doel: o.doel.clone(),
            start: o.start.map(|d| d.0),
            eind: o.eind.map(|d| d.0),
            ..leeg(&o.id, &o.naam)
        })
        .collect();
    for b in &werkmap.borden {
        if let Some(id) = b.opgave()
            && !rows.iter().any(|r| r.id == id)
        {
            rows.push(leeg(id, &b.titel));
        }
    }
    let week = Week::of(vandaag);
    // Board index -> row index, so each conflict is counted in one pass.
    let mut van_bord = std::collections::HashMap::new();
    for b in &werkmap.borden {
        let Some(ri) = b
            .opgave()
            .and_then(|id| rows.iter().position(|r| r.id == id))
        else {
            continue;
        };
        van_bord.insert(b.id.as_str(), ri);
        let r = &mut rows[ri];
        r.borden.push(b.id.clone());
        for k in &b.kaarten {
            if !b.is_open(k) {
                r.kaarten_klaar += 1;
                continue;
            }
            r.kaarten_open += 1;
            if k.status != KaartStatus::OpKoers {
                r.kaarten_risico += 1;
            }
            if let Some(lta) = k.lta.map(|d| d.0)
                && lta >= vandaag
                && r.volgende_lta.as_ref().is_none_or(|l| lta < l.datum)
            {
                r.volgende_lta = Some(LtaItem {
                    datum: lta,
                    soort: k.lta_soort,
                    bord: b.id.clone(),
                    kaart: k.id.clone(),
                    titel: k.titel.clone(),
                });
            }
        }
        for i in b.inzet.iter().filter(|i| i.is_active_in(week)) {
            match i.status {
                InzetStatus::Toegezegd => r.inzet_toegezegd += i.uren_per_week,
                InzetStatus::Gevraagd => r.inzet_gevraagd += i.uren_per_week,
                InzetStatus::Afgewezen => {}
            }
        }
    }
    let mut overboekt = std::collections::HashSet::new();
    for c in conflicten {
        if let Some(&ri) = c.bord.as_deref().and_then(|b| van_bord.get(b)) {
            rows[ri].conflicten.tel(c.ernst);
        }
        if matches!(
            c.soort,
            ConflictSoort::Overboekt | ConflictSoort::AfwezigIngezet
        ) && let Some(p) = c.persoon.as_deref()
        {
            overboekt.insert(p);
        }
    }
    for r in &mut rows {
        let mensen: std::collections::HashSet<&str> = werkmap
            .borden
            .iter()
            .filter(|b| r.borden.contains(&b.id))
            .flat_map(|b| &b.inzet)
            .filter(|i| i.status != InzetStatus::Afgewezen)
            .map(|i| i.persoon.as_str())
            .filter(|p| overboekt.contains(p))
            .collect();
        r.mensen_overboekt = mensen.len();
    }
    rows
}

/// The LTA dates of open cards of every board from `van` through `tot`, by date.
pub fn lta_items(werkmap: &Werkmap, van: NaiveDate, tot: NaiveDate) -> Vec<LtaItem> {
    let mut out: Vec<LtaItem> = werkmap
        .borden
        .iter()
        .flat_map(|b| {
            b.kaarten.iter().filter_map(move |k| {
                let datum = k.lta.map(|d| d.0)?;
                (b.is_open(k) && datum >= van && datum <= tot).then(|| LtaItem {
                    datum,
                    soort: k.lta_soort,
                    bord: b.id.clone(),
                    kaart: k.id.clone(),
                    titel: k.titel.clone(),
                })
            })
        })
        .collect();
    out.sort_by(|a, b| (a.datum, &a.bord, &a.titel).cmp(&(b.datum, &b.bord, &b.titel)));
    out
}

fn leeg(id: &str, naam: &str) -> OpgaveRij {
    OpgaveRij {
        id: id.to_string(),
        naam: naam.to_string(),
        fase: Fase::default(),
        adviseur: None,
        adviseur_naam: None,
        portefeuillehouder: None,
        programma: None,
        doel: None,
        start: None,
        eind: None,
        borden: Vec::new(),
        kaarten_open: 0,
        kaarten_klaar: 0,
        kaarten_risico: 0,
        inzet_toegezegd: 0.0,
        inzet_gevraagd: 0.0,
        conflicten: PerErnst::default(),
        mensen_overboekt: 0,
        volgende_lta: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Bord, Organisatie};

    const ORG: &str =
        r#"Organisatie(versie: 1, naam: "T", opgaven: [Opgave(id: "haven", naam: "Haven")])"#;
    const HAVEN: &str = r#"Bord(versie: 1, id: "opgave-haven", titel: "Haven",
        soort: Opgaveteam(opgave: "haven"),
        kolommen: [Kolom(id: "todo", naam: "Te doen"), Kolom(id: "klaar", naam: "Klaar", klaar: true)],
        inzet: [
            Inzet(id: "a", persoon: "p", uren_per_week: 8.0, van: "2026-W48", tot: "2026-W48", status: Toegezegd),
            Inzet(id: "b", persoon: "p", uren_per_week: 4.0, van: "2026-W46", tot: "2026-W50", status: Gevraagd),
            Inzet(id: "c", persoon: "p", uren_per_week: 16.0, van: "2026-W48", tot: "2026-W48", status: Afgewezen),
            Inzet(id: "d", persoon: "p", uren_per_week: 2.0, van: "2026-W49", tot: "2026-W51", status: Toegezegd),
        ],
        kaarten: [
            Kaart(id: "k1", titel: "Open op koers", kolom: "todo", lta: Some("2026-12-10")),
            Kaart(id: "k2", titel: "Open geblokkeerd", kolom: "todo", status: Geblokkeerd, lta: Some("2026-12-03"), lta_soort: Some(Raad)),
            Kaart(id: "k3", titel: "Klaar risico", kolom: "klaar", status: Risico, lta: Some("2026-12-01")),
            Kaart(id: "k4", titel: "LTA voorbij", kolom: "todo", lta: Some("2026-11-01")),
        ])"#;
    const WEES: &str = r#"Bord(versie: 1, id: "opgave-wees", titel: "Wees",
        soort: Opgaveteam(opgave: "onbekend"), kolommen: [Kolom(id: "todo", naam: "Te doen")])"#;

    fn werkmap() -> Werkmap {
        let org: Organisatie = ron::from_str(ORG).unwrap();
        let borden: Vec<Bord> = [HAVEN, WEES]
            .iter()
            .map(|s| ron::from_str(s).unwrap())
            .collect();
        Werkmap {
            organisatie: Some(org),
            borden,
        }
    }

    #[test]
    fn an_opgave_counts_its_boards_cards_inzet_and_next_lta() {
        let w = werkmap();
        let vandaag = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let rows = opgaven(&w, &[], vandaag);
        assert_eq!(
            rows.len(),
            2,
            "the board of an unknown opgave gets its own row"
        );
        let r = &rows[0];
        assert_eq!(r.borden, ["opgave-haven"]);
        assert_eq!(
            (r.kaarten_open, r.kaarten_klaar, r.kaarten_risico),
            (3, 1, 1)
        );
        assert_eq!((r.inzet_toegezegd, r.inzet_gevraagd), (8.0, 4.0));
        let lta = r.volgende_lta.as_ref().unwrap();
        assert_eq!(
            (lta.kaart.as_str(), lta.soort),
            ("k2", Some(LtaSoort::Raad))
        );
        assert_eq!(
            (rows[1].id.as_str(), rows[1].naam.as_str()),
            ("onbekend", "Wees")
        );
        let items = lta_items(&w, vandaag, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        let ids: Vec<&str> = items.iter().map(|i| i.kaart.as_str()).collect();
        assert_eq!(ids, ["k2", "k1"], "open cards only, by date");
    }
}
