//! The weekly agenda of the PMO-overleg and the OO (`planbord agenda`, `W` in the TUI), and the
//! report's opgaven and LTA sections, as a [`Document`]: plain text in sections of sentences,
//! points and tables. The report writes a document as Markdown or HTML (escaping it there);
//! the TUI draws it as lines. So all three say the same, in the words of this file.

use chrono::NaiveDate;

use super::{getal, getal2, lta_soort, opgave_cel, opgave_kolom, procent};
use crate::capacity::agenda::{Agenda, AgendaLta, AgendaVerzoek, Besluit, Overbelast};
use crate::capacity::portefeuille::{OpgaveKolom, OpgaveRij};
use crate::domain::{InzetStatus, KaartStatus, Week};

/// A text in sections, for Markdown, HTML and the screen. Every string is plain text from
/// files and wording: whoever writes it out escapes it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub titel: String,
    /// Lines under the title.
    pub inleiding: Vec<String>,
    /// A warning under the title (capacity could not be computed), if any.
    pub waarschuwing: Option<String>,
    pub secties: Vec<Sectie>,
}

/// A numbered section: its heading and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Sectie {
    pub kop: String,
    pub blokken: Vec<Blok>,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Blok {
    /// A sentence (the empty state of a section, or an explanation).
    Zin(String),
    /// A list of points.
    Punten(Vec<Punt>),
    Tabel(Tabel),
}

/// A point: its lead in bold, the rest, and points under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Punt {
    pub vet: String,
    pub tekst: String,
    pub onder: Vec<String>,
}

/// A table: headings, which columns are figures (right-aligned), rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Tabel {
    pub koppen: Vec<String>,
    pub getal: Vec<bool>,
    pub rijen: Vec<Vec<String>>,
}

/// A date as the agenda writes it: `01-12-2026`.
pub fn datum_lang(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A card's status in a sentence: `risico`, `vertraagd`, `geblokkeerd`.
pub fn kaart_status(s: KaartStatus) -> &'static str {
    match s {
        KaartStatus::OpKoers => "op koers",
        KaartStatus::Risico => "risico",
        KaartStatus::Vertraagd => "vertraagd",
        KaartStatus::Geblokkeerd => "geblokkeerd",
    }
}

/// Weeks as someone reads them aloud, the year said only when it is not `jaar`:
/// `week 49 t/m 52`, `week 49 t/m week 8 van 2027`, `week 50` for one week.
pub fn weken_tekst(van: Week, tot: Week, jaar: i32) -> String {
    let w = |x: Week| {
        if x.year() == jaar {
            format!("{}", x.number())
        } else {
            format!("{} van {}", x.number(), x.year())
        }
    };
    if van == tot {
        format!("week {}", w(van))
    } else if van.year() == tot.year() && van.year() != jaar {
        format!(
            "week {} t/m {} van {}",
            van.number(),
            tot.number(),
            tot.year()
        )
    } else if van.year() == tot.year() {
        format!("week {} t/m {}", w(van), w(tot))
    } else {
        format!("week {} t/m week {}", w(van), w(tot))
    }
}

/// A list of week numbers: `week 49`, `week 49 en 51`, `week 49, 50 en 51`.
fn weeknummers(weken: &[Week]) -> String {
    let n: Vec<String> = weken.iter().map(|w| w.number().to_string()).collect();
    match n.split_last() {
        None => String::new(),
        Some((last, [])) => format!("week {last}"),
        Some((last, rest)) => format!("week {} en {last}", rest.join(", ")),
    }
}

/// The agenda's title: `Agenda PMO-overleg en OO, week 49 (30-11-2026 t/m 06-12-2026)`.
pub fn agenda_titel(a: &Agenda) -> String {
    let zondag = a.vergaderdag + chrono::Days::new(6);
    format!(
        "Agenda PMO-overleg en OO, week {} ({} t/m {})",
        a.week.number(),
        datum_lang(a.vergaderdag),
        datum_lang(zondag)
    )
}

fn verzoek_tekst(v: &AgendaVerzoek, jaar: i32) -> String {
    format!(
        "{} u per week voor {}, {}",
        getal2(v.uren),
        v.bron,
        weken_tekst(v.van, v.tot, jaar)
    )
}

fn wie_eenheid(v: &AgendaVerzoek) -> String {
    if v.eenheid.is_empty() {
        v.persoon.clone()
    } else {
        format!("{} ({})", v.persoon, v.eenheid)
    }
}

fn gevraagd(v: &AgendaVerzoek) -> Option<String> {
    let wie = v
        .gevraagd_door
        .as_ref()
        .map_or(String::new(), |w| format!(" door {w}"));
    let op = v
        .gevraagd_op
        .map_or(String::new(), |d| format!(" op {}", datum_lang(d.date())));
    let waarom = v
        .toelichting
        .as_ref()
        .map_or(String::new(), |t| format!(": “{t}”"));
    (!(wie.is_empty() && op.is_empty() && waarom.is_empty()))
        .then(|| format!("gevraagd{wie}{op}{waarom}"))
}

fn verzoeken(a: &Agenda) -> Sectie {
    let kop = format!("Open verzoeken om capaciteit ({})", a.verzoeken.len());
    if a.verzoeken.is_empty() {
        return sectie(kop, zin("Geen open verzoeken om capaciteit."));
    }
    let jaar = a.week.year();
    let rijen = a
        .verzoeken
        .iter()
        .map(|v| {
            vec![
                v.persoon.clone(),
                if v.cocos.is_empty() {
                    v.eenheid.clone()
                } else {
                    format!("{} (CoCo {})", v.eenheid, v.cocos.join(", "))
                },
                v.bron.clone(),
                getal2(v.uren),
                format!(
                    "{} ({} weken)",
                    weken_tekst(v.van, v.tot, jaar),
                    v.van.weeks_until(v.tot) + 1
                ),
                // A request written in the file by hand says nothing about itself.
                v.gevraagd_op
                    .map_or_else(|| "onbekend".into(), |d| datum_lang(d.date())),
                match (&v.gevraagd_door, &v.toelichting) {
                    (Some(w), Some(t)) => format!("{w}: “{t}”"),
                    (Some(w), None) => w.clone(),
                    (None, Some(t)) => format!("“{t}”"),
                    (None, None) => "onbekend".into(),
                },
            ]
        })
        .collect();
    sectie(
        kop,
        Blok::Tabel(Tabel {
            koppen: [
                "Persoon",
                "Eenheid",
                "Opgave",
                "Uren per week",
                "Weken",
                "Gevraagd sinds",
                "Door, waarom",
            ]
            .map(String::from)
            .to_vec(),
            getal: vec![false, false, false, true, false, false, false],
            rijen,
        }),
    )
}

fn naar_pmo(a: &Agenda) -> Sectie {
    let kop = format!("Laten staan voor het PMO-overleg ({})", a.naar_pmo.len());
    if a.naar_pmo.is_empty() {
        return sectie(
            kop,
            zin("Geen verzoeken die een CoCo liet staan voor het PMO-overleg."),
        );
    }
    let jaar = a.week.year();
    let punten = a
        .naar_pmo
        .iter()
        .map(|v| {
            let mut onder: Vec<String> = gevraagd(v).into_iter().collect();
            if let Some(b) = &v.besluit {
                let waarom = b
                    .toelichting
                    .as_ref()
                    .map_or(String::new(), |t| format!(": “{t}”"));
                onder.push(format!(
                    "laten staan door {} op {}{waarom}",
                    b.wie,
                    datum_lang(b.wanneer.date())
                ));
            }
            Punt {
                vet: wie_eenheid(v),
                tekst: verzoek_tekst(v, jaar),
                onder,
            }
        })
        .collect();
    sectie(kop, Blok::Punten(punten))
}

fn besluit_punt(b: &Besluit, jaar: i32) -> Punt {
    let wat = match b.status {
        InzetStatus::Toegezegd => "Toegezegd",
        InzetStatus::Afgewezen => "Afgewezen",
        InzetStatus::Gevraagd => "Gevraagd",
    };
    let waarom = b
        .besluit
        .toelichting
        .as_ref()
        .map_or_else(|| "geen reden vastgelegd".to_string(), |t| format!("“{t}”"));
    Punt {
        vet: wat.to_string(),
        tekst: format!(
            "{}: {}",
            wie_eenheid(&b.verzoek),
            verzoek_tekst(&b.verzoek, jaar)
        ),
        onder: vec![format!(
            "door {} op {}; waarom: {waarom}",
            b.besluit.wie,
            datum_lang(b.besluit.wanneer.date())
        )],
    }
}

fn besluiten(a: &Agenda) -> Sectie {
    let kop = format!("Besluiten van de afgelopen 7 dagen ({})", a.besluiten.len());
    let periode = format!(
        "Van {} t/m {}.",
        datum_lang(a.besluiten_van),
        datum_lang(a.besluiten_tot)
    );
    if a.besluiten.is_empty() {
        return sectie(
            kop,
            zin(&format!(
                "Geen besluiten over capaciteit van {} t/m {}.",
                datum_lang(a.besluiten_van),
                datum_lang(a.besluiten_tot)
            )),
        );
    }
    let jaar = a.week.year();
    Sectie {
        kop,
        blokken: vec![
            Blok::Zin(periode),
            Blok::Punten(a.besluiten.iter().map(|b| besluit_punt(b, jaar)).collect()),
        ],
    }
}

fn overbelast_punt(o: &Overbelast) -> Punt {
    let weken: Vec<Week> = o.weken.iter().map(|(w, _)| *w).collect();
    let (zw, l) = o.zwaarste;
    let tekst = if o.weken.len() == 1 {
        format!(
            "overbelast in week {}: {} u gepland bij {} u beschikbaar ({})",
            zw.number(),
            getal(l.gepland()),
            getal(l.beschikbaar),
            l.belasting().map_or_else(|| "–".into(), procent)
        )
    } else {
        format!(
            "overbelast in {}; het zwaarst in week {}: {} u gepland bij {} u beschikbaar ({})",
            weeknummers(&weken),
            zw.number(),
            getal(l.gepland()),
            getal(l.beschikbaar),
            l.belasting().map_or_else(|| "–".into(), procent)
        )
    };
    let mut onder: Vec<String> = o
        .oorzaken
        .iter()
        .map(|c| {
            if c.gevraagd > 0.005 {
                format!(
                    "{}: {} u per week (waarvan {} u gevraagd)",
                    c.bron,
                    getal2(c.uren),
                    getal2(c.gevraagd)
                )
            } else {
                format!("{}: {} u per week", c.bron, getal2(c.uren))
            }
        })
        .collect();
    if onder.is_empty() {
        onder.push("geen inzet van opgaven: het regulier werk alleen is al te veel".into());
    } else {
        onder.push(format!("regulier werk: {} u", getal(l.regulier)));
    }
    Punt {
        vet: o.eenheid.clone(),
        tekst,
        onder,
    }
}

fn overbelast(a: &Agenda, weken: &str) -> Sectie {
    let kop = format!("Eenheden overbelast in {weken} ({})", a.overbelast.len());
    if !a.met_organisatie {
        return sectie(kop, zin("Niet te berekenen zonder organisatie.ron."));
    }
    if a.overbelast.is_empty() {
        return sectie(kop, zin(&format!("Geen eenheid overbelast in {weken}.")));
    }
    Sectie {
        kop,
        blokken: vec![
            Blok::Zin(
                "Per eenheid de weken waarin meer gepland is dan haar mensen samen beschikbaar \
                 zijn, en de opgaven die in de zwaarste week op haar mensen rekenen (meeste eerst)."
                    .into(),
            ),
            Blok::Punten(a.overbelast.iter().map(overbelast_punt).collect()),
        ],
    }
}

fn risico(a: &Agenda) -> Sectie {
    let kop = format!("Opgaven met kaarten in gevaar ({})", a.risico.len());
    if a.risico.is_empty() {
        return sectie(
            kop,
            zin("Geen opgaven met open kaarten op risico, vertraagd of geblokkeerd."),
        );
    }
    let punten = a
        .risico
        .iter()
        .map(|r| {
            let n = r.kaarten.len();
            let kaarten = if n == 1 { "kaart" } else { "kaarten" };
            Punt {
                vet: r.naam.clone(),
                tekst: match &r.adviseur {
                    Some(ad) => format!("{n} {kaarten} (adviseur {ad})"),
                    None => format!("{n} {kaarten}"),
                },
                onder: r
                    .kaarten
                    .iter()
                    .map(|k| {
                        let mut s = format!("{}: {}", k.titel, kaart_status(k.status));
                        if let Some(e) = &k.eigenaar {
                            s.push_str(&format!(", {e}"));
                        }
                        if let Some(d) = k.deadline {
                            s.push_str(&format!(", deadline {}", datum_lang(d)));
                        }
                        s
                    })
                    .collect(),
            }
        })
        .collect();
    sectie(kop, Blok::Punten(punten))
}

/// The LTA dates as a table: date, college or raad, opgave, card.
pub fn lta_tabel(items: &[AgendaLta]) -> Tabel {
    Tabel {
        koppen: ["Datum", "LTA van", "Opgave of bord", "Kaart"]
            .map(String::from)
            .to_vec(),
        getal: vec![false; 4],
        rijen: items
            .iter()
            .map(|l| {
                vec![
                    datum_lang(l.item.datum),
                    match l.item.soort {
                        Some(_) => lta_soort(l.item.soort).to_string(),
                        None => "–".into(),
                    },
                    l.bron.clone(),
                    l.item.titel.clone(),
                ]
            })
            .collect(),
    }
}

fn lta(a: &Agenda, weken: &str) -> Sectie {
    let kop = format!("LTA de komende 4 weken ({})", a.lta.len());
    if a.lta.is_empty() {
        return sectie(
            kop,
            zin(&format!("Geen LTA-data van open kaarten in {weken}.")),
        );
    }
    sectie(kop, Blok::Tabel(lta_tabel(&a.lta)))
}

fn sectie(kop: String, blok: Blok) -> Sectie {
    Sectie {
        kop,
        blokken: vec![blok],
    }
}

fn zin(s: &str) -> Blok {
    Blok::Zin(s.to_string())
}

/// The agenda as a document, its sections numbered in the order of the meeting.
/// `capaciteit_uit` says why capacity could not be computed, when it could not.
pub fn agenda_document(a: &Agenda, capaciteit_uit: Option<&str>) -> Document {
    let weken = match (a.weken.first(), a.weken.last()) {
        (Some(&v), Some(&t)) => weken_tekst(v, t, a.week.year()),
        _ => String::new(),
    };
    let mut inleiding = Vec::new();
    let wie = if a.organisatie.is_empty() {
        String::new()
    } else {
        format!("{} · ", a.organisatie)
    };
    inleiding.push(format!(
        "{wie}opgesteld op {} · besluiten: de 7 dagen voor maandag {}",
        datum_lang(a.vandaag),
        datum_lang(a.vergaderdag)
    ));
    let mut secties = vec![
        verzoeken(a),
        naar_pmo(a),
        besluiten(a),
        overbelast(a, &weken),
        risico(a),
        lta(a, &weken),
    ];
    for (i, s) in secties.iter_mut().enumerate() {
        s.kop = format!("{}. {}", i + 1, s.kop);
    }
    Document {
        titel: agenda_titel(a),
        inleiding,
        waarschuwing: capaciteit_uit.map(str::to_string),
        secties,
    }
}

/// `-o` wrote the agenda.
pub fn agenda_geschreven(pad: &std::path::Path) -> String {
    format!("agenda geschreven naar {}", pad.display())
}

/// The TUI's agenda title line.
pub fn agenda_scherm_titel(week: Week) -> String {
    format!(
        " Weekagenda PMO-overleg en OO · week {} van {}",
        week.number(),
        week.year()
    )
}

/// Where the agenda's screen is: `▼ regel 22 van 40` (▲ at the end).
pub fn agenda_positie(tot: usize, van: usize, einde: bool) -> String {
    let teken = if einde { "▲" } else { "▼" };
    format!(" {teken} regel {tot} van {van} ")
}

/// The keys of the agenda view, under its title.
pub fn agenda_toetsen() -> &'static str {
    " ↑↓ PgUp PgDn scrollen · ←→ vorige/volgende week · t deze week · Esc terug · ? hulp"
}

// ---- the report's opgaven and LTA sections ---------------------------------------------------

/// The report's heading over the opgaven table.
pub fn rapport_kop_opgaven(n: usize) -> String {
    format!("Opgaven ({n})")
}

/// The report's heading over the LTA dates.
pub fn rapport_kop_lta(n: usize) -> String {
    format!("LTA de komende 8 weken ({n})")
}

/// No LTA dates in the report's 8 weeks.
pub fn rapport_geen_lta() -> &'static str {
    "Geen LTA-data van open kaarten in de komende 8 weken."
}

/// The opgaven as a table with the portfolio's columns and cells (`o`, `planbord opgaven`).
pub fn opgaven_tabel(rijen: &[OpgaveRij], vandaag: NaiveDate) -> Tabel {
    Tabel {
        koppen: OpgaveKolom::ALLE
            .iter()
            .map(|&k| match k {
                // On paper there is room to say which LTA date.
                OpgaveKolom::Lta => "Volgende LTA".to_string(),
                k => opgave_kolom(k).to_string(),
            })
            .collect(),
        getal: OpgaveKolom::ALLE.iter().map(|&k| k.is_getal()).collect(),
        rijen: rijen
            .iter()
            .map(|r| {
                OpgaveKolom::ALLE
                    .iter()
                    .map(|&k| match (k, &r.volgende_lta) {
                        // On paper the kind in words: there is no legend of the symbols.
                        (OpgaveKolom::Lta, Some(l)) => super::lta_woorden(l),
                        // No width to save on paper: the phase in full.
                        (OpgaveKolom::Fase, _) => super::fase(r.fase).to_string(),
                        _ => opgave_cel(k, r, vandaag),
                    })
                    .collect()
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_read_aloud_say_the_year_only_when_it_differs() {
        let w = |s: &str| s.parse::<Week>().unwrap();
        assert_eq!(
            weken_tekst(w("2026-W49"), w("2026-W52"), 2026),
            "week 49 t/m 52"
        );
        assert_eq!(weken_tekst(w("2026-W50"), w("2026-W50"), 2026), "week 50");
        assert_eq!(
            weken_tekst(w("2026-W49"), w("2027-W08"), 2026),
            "week 49 t/m week 8 van 2027"
        );
        assert_eq!(
            weken_tekst(w("2027-W02"), w("2027-W05"), 2026),
            "week 2 t/m 5 van 2027"
        );
        assert_eq!(
            weeknummers(&[w("2026-W49"), w("2026-W50"), w("2026-W52")]),
            "week 49, 50 en 52"
        );
    }
}
