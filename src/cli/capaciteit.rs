//! `planbord capaciteit`: belasting per unit (or per person of one unit) and week.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::args::{CapaciteitArgs, CapaciteitFormaat as Formaat};
use super::sanitize::{self, Zichtbaar, csv_veld};
use crate::capacity::{Engine, WeekLoad, meer_dan};
use crate::domain::Week;
use crate::storage;
use crate::wording;
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
    out: &mut impl Write,
) -> super::CliResult {
    let loaded = storage::load(map);
    super::fouten_naar_stderr(&loaded.fouten);
    let Some(org) = loaded.werkmap.organisatie.as_ref() else {
        return Err(loaded
            .capaciteit_uit
            .map_or_else(wording::organisatie_ongeldig, wording::capaciteit_uit)
            .into());
    };
    let weken = super::controleer::horizon(&a.horizon, vandaag);
    let engine = Engine::new(org, &loaded.werkmap.borden);
    let unit = match &a.eenheid {
        Some(id) => Some(
            engine
                .unit(id)
                .ok_or_else(|| wording::onbekende_eenheid(id))?,
        ),
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
    match a.format {
        Formaat::Json => {
            let weeks = |r: &Row| {
                r.weken
                    .iter()
                    .zip(&weken)
                    .map(|(l, &wk)| WeekJson::new(wk, l))
                    .collect()
            };
            let report = Report {
                weken: &weken,
                eenheden: units
                    .iter()
                    .map(|r| EenheidJson {
                        id: r.id,
                        naam: r.naam,
                        cluster: r.groep,
                        weken: weeks(r),
                    })
                    .collect(),
                mensen: people.as_ref().map(|ps| {
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
            let json = sanitize::json(serde_json::to_string_pretty(&report)?);
            writeln!(out, "{json}")?;
        }
        Formaat::Csv => {
            let rows = people.as_ref().unwrap_or(&units);
            let kop = if people.is_some() {
                "persoon;naam;eenheid"
            } else {
                "eenheid;naam;cluster"
            };
            write!(
                out,
                "\u{feff}{kop};week;beschikbaar;regulier;opgave;gevraagd;belasting\r\n"
            )?;
            for r in rows {
                for (l, wk) in r.weken.iter().zip(&weken) {
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
        }
        Formaat::Text => {
            let out = &mut Zichtbaar::new(&mut *out);
            writeln!(
                out,
                "{}",
                wording::capaciteit_kop(org, &weken, unit.map(|u| &org.eenheden[u]))
            )?;
            table(out, &weken, &units)?;
            if let Some(ps) = &people {
                writeln!(out)?;
                table(out, &weken, ps)?;
            }
            writeln!(out, "\n{}", wording::capaciteit_legenda())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A table: a row of percentages and a row of hours per unit or person.
fn table(out: &mut impl Write, weken: &[Week], rows: &[Row]) -> std::io::Result<()> {
    let name_w = rows
        .iter()
        .map(|r| r.naam.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(8, 34);
    write!(out, "{:name_w$}", "")?;
    for wk in weken {
        write!(out, " {:>12}", wk.to_string())?;
    }
    writeln!(out)?;
    for r in rows {
        let naam: String = r.naam.chars().take(name_w).collect();
        write!(out, "{naam:name_w$}")?;
        for l in &r.weken {
            let mark = if meer_dan(l.gepland(), l.beschikbaar) {
                " !"
            } else {
                "  "
            };
            let pct = l
                .belasting()
                .map_or_else(|| "–".to_string(), wording::procent);
            write!(out, " {:>10}{mark}", pct)?;
        }
        writeln!(out)?;
        write!(out, "{:name_w$}", "")?;
        for l in &r.weken {
            write!(
                out,
                " {:>12}",
                format!("{:.0}/{:.0} u", l.gepland(), l.beschikbaar)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
