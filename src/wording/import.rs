//! The words of `planbord importeer`: the report, the skipped rows, what a file lacks.

use std::fmt::Write;
use std::path::Path;

use crate::import::{Kolom, Ontbreekt, RijFout, Verslag};
use crate::storage::tabel::TabelFout;

/// A column's name as the importer accepts it first.
pub fn kolom(k: Kolom) -> &'static str {
    match k {
        Kolom::Naam => "naam",
        _ => k.namen().first().copied().unwrap_or(""),
    }
}

/// Why a row was skipped.
pub fn rijfout(f: &RijFout) -> String {
    match f {
        RijFout::GeenNaam => "geen naam".into(),
        RijFout::GeenEenheid => "geen eenheid".into(),
        RijFout::GeenUren => "geen uren of fte".into(),
        RijFout::UrenOngeldig(t) => format!("uren of fte \"{t}\" is geen getal"),
        RijFout::UrenBuitenBereik(u) => {
            format!("{} uur per week ligt buiten 0–60", super::getal_kort(*u))
        }
        RijFout::DatumOngeldig { kolom: k, tekst } => format!(
            "{} \"{tekst}\" is geen datum (bijvoorbeeld 23-11-2026 of 2026-11-23)",
            kolom(*k)
        ),
        RijFout::WerkdagenOngeldig(t) => {
            format!("werkdagen \"{t}\" niet begrepen (bijvoorbeeld ma,di,wo)")
        }
        RijFout::DienstOmgekeerd => "in dienst ligt na uit dienst".into(),
        RijFout::Dubbel(r) => format!("dezelfde persoon als rij {r}"),
    }
}

/// At most five names, then how many more.
fn namen(v: &[String]) -> String {
    let mut s = v.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    if v.len() > 5 {
        let _ = write!(s, " en nog {}", v.len() - 5);
    }
    s
}

/// The report of an import (or of a dry run: `droog`).
pub fn importverslag(bestand: &Path, map: &Path, v: &Verslag, droog: bool) -> String {
    let mut s = format!(
        "Mensen uit {} in werkmap {}{}:\n",
        bestand.display(),
        map.display(),
        if droog {
            " (droog: er wordt niets geschreven)"
        } else {
            ""
        }
    );
    let mut regel = |label: &str, n: usize, wie: &[String]| {
        let _ = write!(s, "  {label:<22}{n:>4}");
        if !wie.is_empty() {
            let _ = write!(s, "  {}", namen(wie));
        }
        s.push('\n');
    };
    regel("toegevoegd", v.toegevoegd.len(), &v.toegevoegd);
    regel("bijgewerkt", v.bijgewerkt.len(), &v.bijgewerkt);
    regel("ongewijzigd", v.ongewijzigd, &[]);
    regel("overgeslagen", v.overgeslagen.len(), &[]);
    regel(
        "niet in het bestand",
        v.niet_in_bestand.len(),
        &v.niet_in_bestand,
    );
    regel("nieuwe eenheden", v.eenheden_nieuw.len(), &v.eenheden_nieuw);
    regel("nieuwe clusters", v.clusters_nieuw.len(), &v.clusters_nieuw);
    if !v.niet_in_bestand.is_empty() {
        s.push_str("Wie niet in het bestand staat, blijft in de werkmap staan.\n");
    }
    if !v.onbekende_kolommen.is_empty() {
        let _ = writeln!(
            s,
            "Onbekende kolommen (genegeerd): {}",
            v.onbekende_kolommen.join(", ")
        );
    }
    if !v.overgeslagen.is_empty() {
        s.push_str("Overgeslagen rijen:\n");
        for (r, f) in &v.overgeslagen {
            let _ = writeln!(s, "  rij {r}: {}", rijfout(f));
        }
    }
    s
}

/// The file lacks required columns: what it has, and the names accepted.
pub fn kolommen_ontbreken(bestand: &Path, o: &Ontbreekt) -> String {
    let mut s = format!(
        "{}: verplichte kolommen ontbreken.\nGevonden kop: {}\n",
        bestand.display(),
        if o.gevonden.is_empty() {
            "(leeg)".to_string()
        } else {
            o.gevonden.join(" | ")
        }
    );
    for k in &o.ontbrekend {
        let namen: Vec<String> = match k {
            Kolom::Naam => vec![
                "naam".into(),
                "volledige naam".into(),
                "voornaam + tussenvoegsel + achternaam".into(),
            ],
            Kolom::Uren => Kolom::Uren
                .namen()
                .iter()
                .chain(Kolom::Fte.namen())
                .map(|n| n.to_string())
                .collect(),
            _ => k.namen().iter().map(|n| n.to_string()).collect(),
        };
        let _ = writeln!(
            s,
            "Ontbreekt: {} (een van: {})",
            kolom(*k),
            namen.join(", ")
        );
    }
    s.trim_end().to_string()
}

/// A file that could not be read as a table.
pub fn tabel_fout(bestand: &Path, e: &TabelFout) -> String {
    let waarom = match e {
        TabelFout::Geweigerd(r) => super::leesweigering(r),
        TabelFout::Formaat(ext) => {
            format!("onbekend formaat \"{ext}\": gebruik .csv, .xlsx of .ods")
        }
        TabelFout::Csv { regel, melding } => format!("regel {regel}: {melding}"),
        TabelFout::Spreadsheet(m) => format!("geen leesbare spreadsheet: {m}"),
        TabelFout::Leeg => "het bestand is leeg".into(),
    };
    format!("{}: {waarom}", bestand.display())
}

pub fn import_opgeslagen(pad: &Path) -> String {
    format!("Opgeslagen in {}.", pad.display())
}
pub fn import_niets_veranderd() -> &'static str {
    "Niets veranderd: de werkmap had deze gegevens al."
}
pub fn import_zonder_organisatie(map: &Path) -> String {
    format!(
        "{} heeft geen leesbaar organisatie.ron; maak eerst een werkmap met `planbord nieuw`, \
         of herstel het bestand (planbord controleer {})",
        map.display(),
        map.display()
    )
}
