//! `planbord controleer`: the files' errors and warnings and the werkmap's conflicts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::args::{ControleerArgs, ControleerFormaat as Formaat, HorizonArgs};
use super::sanitize::{self, Zichtbaar};
use crate::capacity::{self, Conflict, Ernst};
use crate::domain::Week;
use crate::storage::{self, Diagnostic, Loaded};
use crate::wording;

#[derive(Serialize)]
struct Report<'a> {
    fouten: Vec<Positie<'a>>,
    waarschuwingen: Vec<Positie<'a>>,
    conflicten: Vec<Gemeld<'a>>,
}

/// A problem in a file as the JSON contract has it: the position and the sentence.
#[derive(Serialize)]
struct Positie<'a> {
    #[serde(flatten)]
    plek: &'a Diagnostic,
    melding: String,
}

fn posities(ds: &[Diagnostic]) -> Vec<Positie<'_>> {
    ds.iter()
        .map(|d| Positie {
            plek: d,
            melding: wording::melding_van(&d.melding),
        })
        .collect()
}

/// A conflict as the JSON contract has it: its fields and its explanation.
#[derive(Serialize)]
struct Gemeld<'a> {
    #[serde(flatten)]
    conflict: &'a Conflict,
    uitleg: String,
}

/// The weeks of a command's horizon options.
pub fn horizon(h: &HorizonArgs, vandaag: NaiveDate) -> Vec<Week> {
    capacity::horizon(h.vanaf.unwrap_or_else(|| Week::of(vandaag)), h.weken)
}

/// Checks the werkmap `map` (or one board file) and prints the report; the exit code says
/// whether there were errors (2), conflicts (1) or neither (0).
pub fn run(
    map: &Path,
    a: &ControleerArgs,
    vandaag: NaiveDate,
    breedte: usize,
    out: &mut impl Write,
) -> super::CliResult {
    // A board file means its werkmap: the figures are the werkmap's, the conflicts the board's.
    let (root, genoemd) = storage::load::werkmap_van(map);
    let loaded = storage::load(&root);
    let mut conflicten =
        capacity::conflicts(&loaded.werkmap, &horizon(&a.horizon, vandaag), vandaag);
    let kop = match genoemd.and_then(|n| loaded.bord_van_bestand(&n)) {
        Some(b) => {
            let mensen = capacity::mensen_van(b);
            conflicten.retain(|c| capacity::betreft(b, &mensen, c));
            wording::bord_kop(&b.titel, map, &root, loaded.werkmap.borden.len())
        }
        None => wording::werkmap_kop(map, loaded.werkmap.borden.len()),
    };
    let code = if !loaded.fouten.is_empty() {
        ExitCode::from(2)
    } else if !conflicten.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let written = match a.format {
        Formaat::Json => json(&loaded, &conflicten, out),
        Formaat::Text => text(
            &kop,
            &loaded,
            &conflicten,
            breedte,
            &mut Zichtbaar::new(out),
        )
        .map_err(super::CliError::from),
    };
    // The exit code is the check's answer, also when the reader stopped early (`| true`).
    match written {
        Err(super::CliError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(e),
        Ok(()) => Ok(code),
    }
}

/// The JSON of DESIGN.md section 4: errors and warnings with their position, the conflicts
/// with their explanation.
fn json(
    loaded: &Loaded,
    conflicten: &[Conflict],
    out: &mut impl Write,
) -> Result<(), super::CliError> {
    let report = Report {
        fouten: posities(&loaded.fouten),
        waarschuwingen: posities(&loaded.waarschuwingen),
        conflicten: conflicten
            .iter()
            .map(|c| Gemeld {
                conflict: c,
                uitleg: wording::uitleg(c),
            })
            .collect(),
    };
    let json = sanitize::json(serde_json::to_string_pretty(&report)?);
    writeln!(out, "{json}")?;
    Ok(())
}

/// The readable report: positions an editor can jump to, and each conflict's kind on a line
/// with its explanation wrapped under it in `breedte` columns.
fn text(
    kop: &str,
    loaded: &Loaded,
    conflicten: &[Conflict],
    breedte: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    // Positions with the werkmap's path in front, so terminals and editors can jump there.
    let shown = |d: &Diagnostic| {
        let full = if loaded.root.as_os_str().is_empty() {
            d.bestand.clone()
        } else {
            loaded.root.join(&d.bestand).display().to_string()
        };
        format!(
            "{full}:{}:{}: {}",
            d.regel,
            d.kolom,
            wording::melding_van(&d.melding)
        )
    };
    writeln!(
        out,
        "{}",
        textwrap::fill(kop, super::breedte::regels(breedte))
    )?;
    if let Some(why) = loaded.capaciteit_uit {
        writeln!(out, "{}", wording::capaciteit_uit(why))?;
    }
    if !loaded.fouten.is_empty() {
        writeln!(out, "\n{}", wording::kop_fouten(loaded.fouten.len()))?;
        for d in &loaded.fouten {
            writeln!(out, "  {}", shown(d))?;
        }
    }
    if !loaded.waarschuwingen.is_empty() {
        let n = loaded.waarschuwingen.len();
        writeln!(out, "\n{}", wording::kop_waarschuwingen(n))?;
        for d in &loaded.waarschuwingen {
            writeln!(out, "  {}", shown(d))?;
        }
    }
    let count = |e| conflicten.iter().filter(|c| c.ernst == e).count();
    let (hoog, midden, laag) = (count(Ernst::Hoog), count(Ernst::Midden), count(Ernst::Laag));
    let kop = wording::kop_conflicten(conflicten.len(), hoog, midden, laag);
    writeln!(out, "\n{kop}")?;
    let onder = super::breedte::regels(breedte)
        .initial_indent("      ")
        .subsequent_indent("      ");
    for c in conflicten {
        let week = c.week.map(|w| w.to_string()).unwrap_or_default();
        let kop = format!(
            "  {:<6} {:<8} {}",
            c.ernst.naam(),
            week,
            wording::soort(c.soort)
        );
        writeln!(out, "{}", kop.trim_end())?;
        for line in textwrap::wrap(&wording::uitleg(c), &onder) {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()
}
