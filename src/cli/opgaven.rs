//! `planbord opgaven`: the opgaven as a portfolio, for the Opgavenoverleg and the PO.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::args::{OpgavenArgs, OpgavenFormaat as Formaat};
use super::sanitize::{self, Zichtbaar, csv_veld};
use crate::capacity::portefeuille::{self, OpgaveKolom, OpgaveRij, PerErnst};
use crate::capacity::{self, Conflict};
use crate::domain::Fase;
use crate::storage;
use crate::ui::opgaven::indeling;
use crate::ui::widgets::ellipsis;
use crate::wording;

/// One opgave in the JSON of issue 12.
#[derive(Serialize)]
struct OpgaveJson<'a> {
    id: &'a str,
    naam: &'a str,
    fase: Fase,
    adviseur: Option<&'a str>,
    portefeuillehouder: Option<&'a str>,
    borden: &'a [String],
    kaarten_open: usize,
    kaarten_klaar: usize,
    kaarten_risico: usize,
    inzet_toegezegd: f64,
    inzet_gevraagd: f64,
    conflicten: PerErnst,
    mensen_overboekt: usize,
    volgende_lta: Option<NaiveDate>,
    /// `College` or `Raad`, as in the file; null when the card does not say.
    volgende_lta_soort: Option<crate::domain::LtaSoort>,
}

#[derive(Serialize)]
struct Report<'a> {
    opgaven: Vec<OpgaveJson<'a>>,
}

/// The portfolio of the werkmap with the conflicts `controleer` finds over the default horizon,
/// by name (as the opgaven view opens).
pub fn rows(werkmap: &crate::domain::Werkmap, vandaag: NaiveDate) -> Vec<OpgaveRij> {
    let conflicten: Vec<Conflict> =
        capacity::conflicts(werkmap, &capacity::default_horizon(vandaag), vandaag);
    let mut rows = portefeuille::opgaven(werkmap, &conflicten, vandaag);
    rows.sort_by(|a, b| OpgaveKolom::Naam.vergelijk(a, b));
    rows
}

/// Prints the opgaven of the werkmap `map`.
pub fn run(
    map: &Path,
    a: &OpgavenArgs,
    vandaag: NaiveDate,
    breedte: usize,
    out: &mut impl Write,
) -> super::CliResult {
    let loaded = storage::load(map);
    super::fouten_naar_stderr(&loaded.fouten);
    let rijen = rows(&loaded.werkmap, vandaag);
    match a.format {
        Formaat::Json => json(&rijen, out),
        Formaat::Csv => csv(&rijen, out),
        Formaat::Text => {
            let org = loaded
                .werkmap
                .organisatie
                .as_ref()
                .map_or("", |o| o.naam.as_str());
            text(
                &rijen,
                org,
                vandaag,
                breedte,
                &mut Zichtbaar::new(&mut *out),
            )
        }
    }?;
    Ok(ExitCode::SUCCESS)
}

fn uren(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn json(rijen: &[OpgaveRij], out: &mut impl Write) -> std::io::Result<()> {
    let report = Report {
        opgaven: rijen
            .iter()
            .map(|r| OpgaveJson {
                id: &r.id,
                naam: &r.naam,
                fase: r.fase,
                adviseur: r.adviseur.as_deref(),
                portefeuillehouder: r.portefeuillehouder.as_deref(),
                borden: &r.borden,
                kaarten_open: r.kaarten_open,
                kaarten_klaar: r.kaarten_klaar,
                kaarten_risico: r.kaarten_risico,
                inzet_toegezegd: uren(r.inzet_toegezegd),
                inzet_gevraagd: uren(r.inzet_gevraagd),
                conflicten: r.conflicten,
                mensen_overboekt: r.mensen_overboekt,
                volgende_lta: r.volgende_lta.as_ref().map(|l| l.datum),
                volgende_lta_soort: r.volgende_lta.as_ref().and_then(|l| l.soort),
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
    writeln!(out, "{}", sanitize::json(json))
}

/// CSV for Dutch Excel: a BOM, `;`, decimal commas, one row per opgave, names not ids.
fn csv(rijen: &[OpgaveRij], out: &mut impl Write) -> std::io::Result<()> {
    write!(
        out,
        "\u{feff}id;naam;fase;adviseur;portefeuillehouder;borden;kaarten_open;kaarten_klaar;\
         kaarten_risico;inzet_toegezegd;inzet_gevraagd;conflicten_hoog;conflicten_midden;\
         conflicten_laag;volgende_lta;volgende_lta_soort;mensen_overboekt\r\n"
    )?;
    for r in rijen {
        let lta = r.volgende_lta.as_ref();
        write!(
            out,
            "{};{};{};{};{};{};{};{};{};{};{};{};{};{};{};{};{}\r\n",
            csv_veld(&r.id),
            csv_veld(&r.naam),
            csv_veld(wording::fase(r.fase)),
            csv_veld(r.adviseur_naam.as_deref().unwrap_or("")),
            csv_veld(r.portefeuillehouder.as_deref().unwrap_or("")),
            csv_veld(&r.borden.join(" ")),
            r.kaarten_open,
            r.kaarten_klaar,
            r.kaarten_risico,
            wording::getal2(r.inzet_toegezegd),
            wording::getal2(r.inzet_gevraagd),
            r.conflicten.hoog,
            r.conflicten.midden,
            r.conflicten.laag,
            lta.map(|l| l.datum.format("%d-%m-%Y").to_string())
                .unwrap_or_default(),
            lta.map(|l| wording::lta_soort(l.soort))
                .filter(|s| *s != "–")
                .unwrap_or(""),
            r.mensen_overboekt,
        )?;
    }
    Ok(())
}

/// A table in `breedte` columns: names cut at 30 cells, and the least important columns left
/// out (and named) when it is still too wide.
fn text(
    rijen: &[OpgaveRij],
    org: &str,
    vandaag: NaiveDate,
    breedte: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let opts = super::breedte::regels(breedte);
    for line in textwrap::wrap(&wording::opgaven_kop(org, vandaag), opts) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    if rijen.is_empty() {
        writeln!(out, "{}", wording::geen_opgaven())?;
        return out.flush();
    }
    let cellen: Vec<Vec<String>> = rijen
        .iter()
        .map(|r| {
            OpgaveKolom::ALLE
                .iter()
                .map(|&k| wording::opgave_cel(k, r, vandaag))
                .collect()
        })
        .collect();
    let koppen: Vec<String> = OpgaveKolom::ALLE
        .iter()
        .map(|&k| wording::opgave_kolom(k).to_string())
        .collect();
    let (getoond, breedtes) = indeling(&cellen, &koppen, None, breedte);
    // The name takes what is left when even the most important columns are too wide.
    let rest: usize = getoond.iter().skip(1).map(|&i| breedtes[i] + 2).sum();
    let naam_w = breedtes[0].min(breedte.saturating_sub(rest)).max(8);
    let regel = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (n, (&i, c)) in getoond.iter().zip(cells).enumerate() {
            let k = OpgaveKolom::ALLE[i];
            let w = if i == 0 { naam_w } else { breedtes[i] };
            let c = ellipsis(c, w);
            let pad = " ".repeat(w.saturating_sub(c.width()));
            if n > 0 {
                s.push_str("  ");
            }
            if k.is_getal() {
                s.push_str(&pad);
                s.push_str(&c);
            } else {
                s.push_str(&c);
                s.push_str(&pad);
            }
        }
        s.trim_end().to_string()
    };
    writeln!(
        out,
        "{}",
        regel(getoond.iter().map(|&i| koppen[i].as_str()).collect())
    )?;
    for c in &cellen {
        writeln!(
            out,
            "{}",
            regel(getoond.iter().map(|&i| c[i].as_str()).collect())
        )?;
    }
    writeln!(out)?;
    let weg: Vec<&str> = OpgaveKolom::ALLE
        .iter()
        .enumerate()
        .filter(|(i, _)| !getoond.contains(i))
        .map(|(_, &k)| wording::opgave_kolom(k))
        .collect();
    if !weg.is_empty() {
        for line in textwrap::wrap(
            &wording::kolommen_weggelaten(&weg),
            super::breedte::regels(breedte),
        ) {
            writeln!(out, "{line}")?;
        }
    }
    for line in textwrap::wrap(wording::opgaven_legenda(), super::breedte::regels(breedte)) {
        writeln!(out, "{line}")?;
    }
    out.flush()
}
