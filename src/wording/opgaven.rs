//! The portfolio of opgaven (`o`, `planbord opgaven`, the report): headings and cells.

use chrono::NaiveDate;

use super::{fase, getal2, korte_datum, lta_soort};
use crate::capacity::portefeuille::{LtaItem, OpgaveKolom, OpgaveRij};
use crate::domain::{Datum, Fase, Week};

/// `Opgaven van Gemeente Wassenaar op 28-11-2026 (week 48)`.
pub fn opgaven_kop(organisatie: &str, vandaag: NaiveDate) -> String {
    let wie = if organisatie.is_empty() {
        "Opgaven".to_string()
    } else {
        format!("Opgaven van {organisatie}")
    };
    format!(
        "{wie} op {} (week {})",
        vandaag.format("%d-%m-%Y"),
        Week::of(vandaag).number()
    )
}

/// A column's heading.
pub fn opgave_kolom(k: OpgaveKolom) -> &'static str {
    use OpgaveKolom::*;
    match k {
        Naam => "Opgave",
        Fase => "Fase",
        Adviseur => "Adviseur",
        Portefeuillehouder => "Portefeuillehouder",
        Open => "Open",
        Klaar => "Klaar",
        Risico => "Risico",
        Toegezegd => "Toegezegd",
        Gevraagd => "Gevraagd",
        Conflicten => "Confl. h/m/l",
        Overboekt => "Overboekt",
        Lta => "LTA",
    }
}

/// A phase in one word, for a table: the first word of its name, which tells every phase apart
/// (`Resultaat` for Resultaat zichtbaar, `Gevierd` for Gevierd en geëvalueerd).
pub fn fase_kort(f: Fase) -> &'static str {
    use Fase::*;
    match f {
        Verkenning => "Verkenning",
        Startnotitie => "Startnotitie",
        Uitvoering => "Uitvoering",
        ResultaatZichtbaar => "Resultaat",
        GevierdEnGeevalueerd => "Gevierd",
        Afgesloten => "Afgesloten",
    }
}

/// Hours per week in a table: `12 u`, `4,5 u`, `–` for none.
pub fn uren_cel(u: f64) -> String {
    if u.abs() < 0.005 {
        "–".into()
    } else {
        format!("{} u", getal2(u))
    }
}

/// The symbol of an LTA date, on the timeline and in tables: the council ■, the college ◆,
/// unknown ◇.
pub fn lta_symbool(s: Option<crate::domain::LtaSoort>) -> &'static str {
    match s {
        Some(crate::domain::LtaSoort::Raad) => "■",
        Some(crate::domain::LtaSoort::College) => "◆",
        None => "◇",
    }
}

/// An LTA date with its kind's symbol, for a table: `■ 03-12`.
pub fn lta_cel(l: &LtaItem, vandaag: NaiveDate) -> String {
    format!(
        "{} {}",
        lta_symbool(l.soort),
        korte_datum(Datum(l.datum), vandaag)
    )
}

/// An LTA date with its kind in words, for paper: `01-12-2026 raad`.
pub fn lta_woorden(l: &LtaItem) -> String {
    match l.soort {
        Some(_) => format!("{} {}", l.datum.format("%d-%m-%Y"), lta_soort(l.soort)),
        None => l.datum.format("%d-%m-%Y").to_string(),
    }
}

/// An LTA date in words: `■ 01-12-2026 raad: Begroting 2027 indienen`.
pub fn lta_zin(l: &LtaItem) -> String {
    let soort = match l.soort {
        Some(_) => format!(" {}", lta_soort(l.soort)),
        None => String::new(),
    };
    format!(
        "{} {}{soort}: {}",
        lta_symbool(l.soort),
        l.datum.format("%d-%m-%Y"),
        super::zichtbaar(&l.titel)
    )
}

/// A row's cell in a column, as every table shows it.
pub fn opgave_cel(k: OpgaveKolom, r: &OpgaveRij, vandaag: NaiveDate) -> String {
    use OpgaveKolom::*;
    let of_streep = |s: &Option<String>| {
        s.as_deref()
            .map_or_else(|| "–".into(), |s| super::zichtbaar(s).into_owned())
    };
    match k {
        Naam => super::zichtbaar(&r.naam).into_owned(),
        Fase => fase_kort(r.fase).into(),
        Adviseur => of_streep(&r.adviseur_naam),
        Portefeuillehouder => of_streep(&r.portefeuillehouder),
        Open => r.kaarten_open.to_string(),
        Klaar => r.kaarten_klaar.to_string(),
        Risico => r.kaarten_risico.to_string(),
        Toegezegd => uren_cel(r.inzet_toegezegd),
        Gevraagd => uren_cel(r.inzet_gevraagd),
        Conflicten => {
            let c = r.conflicten;
            if c.totaal() == 0 {
                "–".into()
            } else {
                format!("{}/{}/{}", c.hoog, c.midden, c.laag)
            }
        }
        Overboekt if r.mensen_overboekt == 0 => "–".into(),
        Overboekt => r.mensen_overboekt.to_string(),
        Lta => r
            .volgende_lta
            .as_ref()
            .map_or_else(|| "–".into(), |l| lta_cel(l, vandaag)),
    }
}

/// The heading of a portefeuillehouder's group (the PO's list).
pub fn groep_portefeuillehouder(ph: Option<&str>, n: usize) -> String {
    let opgaven = if n == 1 { "opgave" } else { "opgaven" };
    match ph {
        Some(p) => format!("{p} ({n} {opgaven})"),
        None => format!("Zonder portefeuillehouder ({n} {opgaven})"),
    }
}

/// Under a table that could not show every column.
pub fn kolommen_weggelaten(namen: &[&str]) -> String {
    format!(
        "niet getoond (te smal): {}; zie --format csv of json",
        namen.join(", ")
    )
}

/// When the werkmap has no opgaven.
pub fn geen_opgaven() -> &'static str {
    "geen opgaven: maak er een in de inrichting (I) of met een opgaveteam-bord"
}

/// What the columns mean, under the text table.
pub fn opgaven_legenda() -> &'static str {
    "Open: kaarten niet in een klaar-kolom; Risico: open kaarten met status risico, vertraagd \
     of geblokkeerd; Toegezegd/Gevraagd: inzet deze week in uren per week; Confl.: hoog/midden/\
     laag op de borden van de opgave (kaarten, kolommen, inzet); Overboekt: mensen met inzet op \
     de opgave die ergens overboekt of afwezig zijn; LTA: de eerste LTA-datum vanaf \
     vandaag van een open kaart, ■ raad, ◆ college."
}

/// Enter on an opgave without a board.
pub fn opgave_zonder_bord(naam: &str) -> String {
    format!("{naam} heeft nog geen bord: maak het in de inrichting (I, dan b)")
}

/// The capacity view's crumb for an opgave's people.
pub fn mensen_van_opgave(naam: &str) -> String {
    format!("mensen van {naam}")
}

/// Enter on the timeline without a marker chosen.
pub fn tijdlijn_kies_eerst() -> &'static str {
    "kies eerst een markering met ← of →"
}

/// How the opgaven are sorted: `Confl. h/m/l: meeste eerst`.
pub fn sortering(k: OpgaveKolom, omgekeerd: bool) -> String {
    let richting = match k {
        OpgaveKolom::Lta if omgekeerd => "laatste datum eerst",
        OpgaveKolom::Lta => "eerste datum eerst",
        OpgaveKolom::Fase if omgekeerd => "laatste fase eerst",
        OpgaveKolom::Fase => "vroegste fase eerst",
        k if k.aflopend() && omgekeerd => "minste eerst",
        k if k.aflopend() => "meeste eerst",
        _ if omgekeerd => "Z–A",
        _ => "A–Z",
    };
    format!("{}: {richting}", opgave_kolom(k))
}

/// The keys of the opgaven view, under its title.
pub fn opgaven_toetsen() -> &'static str {
    " ←→ sorteren · r andersom · g per portefeuillehouder · / filter · Enter bord · c mensen · \
     T tijdlijn · ? hulp"
}

/// The selected opgave in a line: phase, programme, period and goal.
pub fn opgave_beschrijving(r: &OpgaveRij, _vandaag: NaiveDate) -> String {
    let mut delen = vec![fase(r.fase).to_string()];
    if let Some(p) = &r.programma {
        delen.push(format!("programma {p}"));
    }
    let d = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
    match (r.start, r.eind) {
        (Some(s), Some(e)) => delen.push(format!("{} t/m {}", d(s), d(e))),
        (Some(s), None) => delen.push(format!("vanaf {}", d(s))),
        (None, Some(e)) => delen.push(format!("tot {}", d(e))),
        (None, None) => {}
    }
    if r.borden.is_empty() {
        delen.push("nog geen bord".into());
    }
    match r.mensen_overboekt {
        0 => {}
        1 => delen.push("1 van haar mensen overboekt of afwezig (c)".into()),
        n => delen.push(format!("{n} van haar mensen overboekt of afwezig (c)")),
    }
    delen.join(" · ")
}

/// The selected opgave's next LTA date with its card, in words.
pub fn opgave_lta_regel(r: &OpgaveRij) -> Option<String> {
    r.volgende_lta
        .as_ref()
        .map(|l| format!("volgende LTA {}", lta_zin(l)))
}

/// The selected opgave's goal.
pub fn opgave_doel(r: &OpgaveRij) -> Option<String> {
    r.doel.as_ref().map(|d| format!("doel: {d}"))
}

/// The values of the columns the screen had no room for, for the selected opgave.
pub fn opgave_weggelaten(r: &OpgaveRij, weg: &[OpgaveKolom], vandaag: NaiveDate) -> String {
    let waarden: Vec<String> = weg
        .iter()
        .map(|&k| format!("{}: {}", opgave_kolom(k), opgave_cel(k, r, vandaag)))
        .collect();
    format!("niet in de tabel (te smal): {}", waarden.join(" · "))
}

/// The timeline's title: `Tijdlijn · per maand · 16-11-2026 t/m 21-11-2027`.
pub fn tijdlijn_titel(zoom: &str, van: NaiveDate, tot: NaiveDate) -> String {
    format!(
        " Tijdlijn · per {zoom} · {} t/m {}",
        van.format("%d-%m-%Y"),
        tot.format("%d-%m-%Y")
    )
}

/// The keys of the timeline, under its title.
pub fn tijdlijn_toetsen() -> &'static str {
    " ↑↓ opgave · ←→ markering · r volgende raad · z zoom · t vandaag · H L schuiven · \
     Enter kaart · ? hulp"
}

/// `r` on the timeline found no later council date.
pub fn geen_raad_meer() -> &'static str {
    "geen latere LTA-datum van de raad"
}

/// What the report's opgaven table counts, under it.
pub fn rapport_opgaven_legenda() -> &'static str {
    "Open: kaarten niet in een klaar-kolom. Risico: open kaarten met status risico, vertraagd \
     of geblokkeerd. Toegezegd en Gevraagd: inzet in de week van vandaag, in uren per week (een \
     verzoek dat later begint, telt hier nog niet). Confl. h/m/l: conflicten hoog, midden en laag \
     op de borden van de opgave. Overboekt: mensen met inzet op de opgave die ergens in de \
     komende weken overboekt of afwezig zijn. Volgende LTA: de eerste LTA-datum vanaf vandaag van \
     een open kaart."
}
