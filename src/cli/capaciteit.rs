//! `planbord capaciteit`: belasting per unit (or per person of one unit) and week.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::args::{CapaciteitArgs, CapaciteitFormaat as Formaat};
use super::sanitize::{self, Zichtbaar, csv_veld};
use crate::capacity::{Engine, WeekLoad, meer_dan};
use crate::domain::zoek::{Gezocht, zoek};
use crate::domain::{Organisatie, Week};
use crate::storage;
use crate::ui::widgets::ellipsis;
use crate::wording;
use unicode_width::UnicodeWidthStr;
fn h2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[derive(Serialize)]
struct WeekJson {
    week: Week,
    beschikbaar: f64,
    regulier: f64,
    opgave: f64,
    gevraagd: f64,
    belasting: Option<f64>,
}

impl WeekJson {
    fn new(week: Week, l: &WeekLoad) -> WeekJson {
        WeekJson {
            week,
            beschikbaar: h2(l.beschikbaar),
            regulier: h2(l.regulier),
            opgave: h2(l.opgave()),
            gevraagd: h2(l.gevraagd),
            belasting: l.belasting().map(|b| (b * 10_000.0).round() / 10_000.0),
        }
    }
}

#[derive(Serialize)]
struct EenheidJson<'a> {
    id: &'a str,
    naam: &'a str,
    cluster: &'a str,
    weken: Vec<WeekJson>,
}

#[derive(Serialize)]
struct PersoonJson<'a> {
    id: &'a str,
    naam: &'a str,
    eenheid: &'a str,
    weken: Vec<WeekJson>,
}

#[derive(Serialize)]
struct Report<'a> {
    weken: &'a [Week],
    eenheden: Vec<EenheidJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mensen: Option<Vec<PersoonJson<'a>>>,
}

/// One row of the table: who, of which group, and the figures per week.
struct Row<'a> {
    id: &'a str,
    naam: &'a str,
    groep: &'a str,
    weken: Vec<WeekLoad>,
}

/// Prints the belasting of the werkmap `map` per unit (or per person of one unit) and week.
pub fn run(
    map: &Path,
    a: &CapaciteitArgs,
    vandaag: NaiveDate,
    breedte: usize,
    out: &mut impl Write,
) -> super::CliResult {
    let loaded = storage::load(map);
    super::fouten_naar_stderr(&loaded.fouten);
    let Some(org) = loaded.werkmap.organisatie.as_ref() else {
        return Err(loaded
            .capaciteit_uit
            .map_or_else(
                || wording::organisatie_ongeldig().into(),
                wording::capaciteit_uit,
            )
            .into());
    };
    let weken = super::controleer::horizon(&a.horizon, vandaag);
    let engine = Engine::new(org, &loaded.werkmap.borden);
    let unit = match &a.eenheid {
        Some(genoemd) => Some(eenheid(org, &engine, genoemd)?),
        None => None,
    };
    let units: Vec<Row> = org
        .eenheden
        .iter()
        .enumerate()
        .filter(|(u, _)| unit.is_none_or(|x| x == *u))
        .map(|(u, e)| Row {
            id: &e.id,
            naam: &e.naam,
            groep: &e.cluster,
            weken: weken.iter().map(|&w| engine.unit_week(u, w)).collect(),
        })
        .collect();
    let people: Option<Vec<Row>> = unit.map(|u| {
        engine
            .members(u)
            .iter()
            .map(|&p| {
                let persoon = &org.mensen[p];
                Row {
                    id: &persoon.id,
                    naam: &persoon.naam,
                    groep: &persoon.eenheid,
                    weken: weken.iter().map(|&w| engine.person_week(p, w)).collect(),
                }
            })
            .collect()
    });
    let t = Tabel {
        weken: &weken,
        units: &units,
        people: people.as_deref(),
    };
    match a.format {
        Formaat::Json => json(&t, out),
        Formaat::Csv => csv(&t, out),
        Formaat::Text => {
            let heading = |getoond: &[Week]| {
                wording::capaciteit_kop(org, getoond, unit.map(|u| &org.eenheden[u]))
            };
            text(&t, heading, breedte, &mut Zichtbaar::new(&mut *out))
        }
    }?;
    Ok(ExitCode::SUCCESS)
}

/// What every format prints: the weeks, the units' rows, and the people's rows of one unit.
struct Tabel<'a> {
    weken: &'a [Week],
    units: &'a [Row<'a>],
    people: Option<&'a [Row<'a>]>,
}

/// The JSON of DESIGN.md section 4.
fn json(t: &Tabel, out: &mut impl Write) -> std::io::Result<()> {
    let weeks = |r: &Row| {
        r.weken
            .iter()
            .zip(t.weken)
            .map(|(l, &wk)| WeekJson::new(wk, l))
            .collect()
    };
    let report = Report {
        weken: t.weken,
        eenheden: t
            .units
            .iter()
            .map(|r| EenheidJson {
                id: r.id,
                naam: r.naam,
                cluster: r.groep,
                weken: weeks(r),
            })
            .collect(),
        mensen: t.people.map(|ps| {
            ps.iter()
                .map(|r| PersoonJson {
                    id: r.id,
                    naam: r.naam,
                    eenheid: r.groep,
                    weken: weeks(r),
                })
                .collect()
        }),
    };
    let json = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
    writeln!(out, "{}", sanitize::json(json))
}

/// CSV for Dutch Excel: a BOM, `;`, decimal commas, one row per unit (or person) and week.
fn csv(t: &Tabel, out: &mut impl Write) -> std::io::Result<()> {
    let (rows, kop) = match t.people {
        Some(ps) => (ps, "persoon;naam;eenheid"),
        None => (t.units, "eenheid;naam;cluster"),
    };
    write!(
        out,
        "\u{feff}{kop};week;beschikbaar;regulier;opgave;gevraagd;belasting\r\n"
    )?;
    for r in rows {
        for (l, wk) in r.weken.iter().zip(t.weken) {
            write!(
                out,
                "{};{};{};{wk};{};{};{};{};{}\r\n",
                csv_veld(r.id),
                csv_veld(r.naam),
                csv_veld(r.groep),
                wording::getal2(l.beschikbaar),
                wording::getal2(l.regulier),
                wording::getal2(l.opgave()),
                wording::getal2(l.gevraagd),
                l.belasting()
                    .map(|b| wording::getal_n(b, 3))
                    .unwrap_or_default(),
            )?;
        }
    }
    Ok(())
}

/// The text tables in `breedte` columns: the weeks that fit, and how to see the rest.
fn text(
    t: &Tabel,
    heading: impl Fn(&[Week]) -> String,
    breedte: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let all: Vec<&Row> = t
        .units
        .iter()
        .chain(t.people.into_iter().flatten())
        .collect();
    let maat = Maat::new(&all, t.weken.len(), breedte);
    let getoond = &t.weken[..maat.weken];
    writeln!(out, "{}", heading(getoond))?;
    table(out, getoond, t.units, &maat)?;
    if let Some(ps) = t.people {
        writeln!(out)?;
        table(out, getoond, ps, &maat)?;
    }
    writeln!(out)?;
    if let Some(&volgende) = t.weken.get(maat.weken) {
        let rest = t.weken.len() - maat.weken;
        for line in textwrap::wrap(
            &wording::capaciteit_meer_weken(volgende, rest),
            super::breedte::regels(breedte),
        ) {
            writeln!(out, "{line}")?;
        }
    }
    for line in textwrap::wrap(
        wording::capaciteit_legenda(),
        super::breedte::regels(breedte),
    ) {
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// The unit named by `--eenheid`: its id, its name or a unique part of either.
fn eenheid(org: &Organisatie, engine: &Engine, genoemd: &str) -> Result<usize, String> {
    let kandidaten: Vec<(&str, Vec<&str>)> = org
        .eenheden
        .iter()
        .map(|e| (e.id.as_str(), vec![e.id.as_str(), e.naam.as_str()]))
        .collect();
    let keuzes = |ids: &[&str]| -> Vec<(String, String)> {
        org.eenheden
            .iter()
            .filter(|e| ids.contains(&e.id.as_str()))
            .map(|e| (e.id.clone(), e.naam.clone()))
            .collect()
    };
    match zoek(&kandidaten, genoemd) {
        Gezocht::Een(id) => engine
            .unit(id)
            .ok_or_else(|| wording::onbekende_eenheid(genoemd, &[])),
        Gezocht::Meerdere(ids) => Err(wording::meerdere_eenheden(genoemd, &keuzes(&ids))),
        Gezocht::Geen => {
            let alle: Vec<&str> = kandidaten.iter().map(|(id, _)| *id).collect();
            Err(wording::onbekende_eenheid(genoemd, &keuzes(&alle)))
        }
    }
}

/// The widths of the text table: the name column, a week's column, and how many weeks fit.
struct Maat {
    naam: usize,
    kolom: usize,
    weken: usize,
}

impl Maat {
    /// Fits `weken` weeks of `rows` into `breedte` columns: names up to 34 cells (cut with
    /// `…`), every week as wide as its widest figure, and at least one week.
    fn new(rows: &[&Row], weken: usize, breedte: usize) -> Maat {
        let figures = rows.iter().flat_map(|r| r.weken.iter().map(uren));
        // A week's column: a space, then "2026-W48", "1234/1300 u" or "100% !".
        let kolom = 1 + figures.map(|u| u.width()).max().unwrap_or(0).max(8);
        let langste = rows.iter().map(|r| r.naam.width()).max().unwrap_or(0);
        let naam = langste
            .clamp(8, 34)
            .min(breedte.saturating_sub(kolom).max(8));
        let weken = (breedte.saturating_sub(naam) / kolom)
            .clamp(1, weken.max(1))
            .min(weken);
        Maat { naam, kolom, weken }
    }
}

/// A week's hours: planned of available.
fn uren(l: &WeekLoad) -> String {
    format!("{:.0}/{:.0} u", l.gepland(), l.beschikbaar)
}

/// A table: a row of percentages and a row of hours per unit or person, in the weeks shown.
fn table(out: &mut impl Write, weken: &[Week], rows: &[Row], m: &Maat) -> std::io::Result<()> {
    let (name_w, col) = (m.naam, m.kolom - 1);
    write!(out, "{:name_w$}", "")?;
    for wk in weken {
        write!(out, " {:>col$}", wk.to_string())?;
    }
    writeln!(out)?;
    for r in rows {
        let naam = ellipsis(r.naam, name_w);
        write!(out, "{naam}{:pad$}", "", pad = name_w - naam.width())?;
        for l in &r.weken[..weken.len()] {
            let mark = if meer_dan(l.gepland(), l.beschikbaar) {
                " !"
            } else {
                "  "
            };
            let pct = l
                .belasting()
                .map_or_else(|| "–".to_string(), wording::procent);
            write!(out, " {:>w$}{mark}", pct, w = col - 2)?;
        }
        writeln!(out)?;
        write!(out, "{:name_w$}", "")?;
        for l in &r.weken[..weken.len()] {
            write!(out, " {:>col$}", uren(l))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
