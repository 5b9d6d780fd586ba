//! Working together: values that lost to a colleague's, merges, conflict copies, saves that
//! wait, and quitting with edits not yet on disk.

use super::*;

pub fn gelijktijdige_wijziging(veld: &str, waarde: &str) -> String {
    format!(
        "Gelijktijdige wijziging: `{veld}` was elders ook gewijzigd, in {waarde}; deze waarde is bewaard."
    )
}
pub fn gelijktijdig_op_kaart(kaart: &str, veld: &str) -> String {
    format!("\"{kaart}\": `{veld}` ook elders gewijzigd (zie notitie)")
}
pub fn gelijktijdig_item(wat: &str) -> String {
    format!("{wat} was ook door een ander gewijzigd; deze versie is bewaard")
}
pub fn verwijderd_maar_gewijzigd(wat: &str) -> String {
    format!("{wat} was door de een verwijderd en door de ander gewijzigd: bewaard")
}
pub fn twee_klaar_kolommen() -> &'static str {
    "twee kolommen met `klaar: true` na samenvoegen: de eigen keuze is bewaard"
}
pub fn kolom_verdwenen(kaart: &str, kolom: &str) -> String {
    format!(
        "kaart \"{kaart}\" stond in kolom `{kolom}`, die de ander verwijderde: naar de eerste kolom"
    )
}
pub fn kolom_verdwenen_notitie(kolom: &str) -> String {
    format!(
        "Samengevoegd: de kolom `{kolom}` van deze kaart was elders verwijderd; de kaart staat nu in de eerste kolom."
    )
}
pub fn merge_onleesbaar(name: &str) -> String {
    format!(
        "{name} is in een van de versies geen geldig bord of organisatie: voeg met de hand samen"
    )
}
pub fn geen_git(map: &std::path::Path, err: &str) -> String {
    format!(
        "{} is geen git-repository (of git ontbreekt): {}",
        map.display(),
        err.trim()
    )
}
pub fn pad_geen_tekst(pad: &std::path::Path) -> String {
    format!(
        "het pad van planbord ({}) is geen geldige tekst (UTF-8); git kan het niet als merge-driver gebruiken",
        pad.display()
    )
}
pub fn git_ingesteld(
    map: &std::path::Path,
    attributes: &[&str],
    ignore: &[&str],
    driver: &str,
) -> String {
    format!(
        "Git ingesteld voor {}:\n  .gitattributes: {}\n  .gitignore: {}\n  git config merge.planbord.driver {driver}\n\
         De historie en het logboek van samenvoegingen reizen mee; sloten, vorige versies en \
         tijdelijke bestanden blijven op deze computer.",
        map.display(),
        attributes.join(", "),
        ignore.join(", ")
    )
}
pub fn samengevoegd(bestand: &str) -> String {
    format!("opgeslagen: {bestand}, samengevoegd met de wijziging van een collega")
}
pub fn uit_kopie(bestand: &str, veld: &str, waarde: &str) -> String {
    format!("Uit conflictkopie {bestand}: `{veld}` was daar {waarde}.")
}
pub fn kopie_kaart(kaart: &str, bestand: &str) -> String {
    format!(
        "kaart \"{kaart}\" verschilt in {bestand}: de waarden van de kopie staan in een notitie"
    )
}
pub fn kopie_banner(kopie: &str, bord: &str) -> String {
    format!(
        "Conflictkopie {kopie} van bord {bord}: M voegt haar samen met het bord en ruimt haar op"
    )
}
pub fn kopie_samengevoegd(kopie: &str) -> String {
    format!("{kopie} is samengevoegd; de kopie staat in .planbord/vorige/")
}
pub fn te_diep(max: usize) -> String {
    format!("te diep genest: meer dan {max} niveaus haakjes, dieper dan dit bestandsformaat gaat")
}

// ---- sharing: operations that lost, saves, pending edits --------------------------------

/// A value of a field as people read it in a note or a log line.
pub fn waarde(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "(leeg)".into(),
        Value::String(s) => format!("\"{s}\""),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), getal_kort),
        Value::Bool(b) => if *b { "ja" } else { "nee" }.into(),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(waarde).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(m) => {
            // An inzet's weeks or decision, or any other group of fields.
            let get = |k: &str| m.get(k).filter(|v| !v.is_null());
            if let (Some(van), Some(tot)) = (get("van"), get("tot")) {
                return format!(
                    "{} t/m {}",
                    van.as_str().unwrap_or(""),
                    tot.as_str().unwrap_or("")
                );
            }
            if let Some(status) = get("status").and_then(|s| s.as_str()) {
                let wie = get("besluit")
                    .and_then(|b| b.get("wie"))
                    .and_then(|w| w.as_str())
                    .map(|w| format!(" door {w}"))
                    .unwrap_or_default();
                return format!("{}{wie}", status.to_lowercase());
            }
            // A card's place: its column says it (the day it finished goes with it).
            if let Some(kolom) = get("kolom").and_then(|k| k.as_str()) {
                return format!("\"{kolom}\"");
            }
            if let Some(t) = get("tekst").and_then(|t| t.as_str()) {
                return format!("\"{t}\"");
            }
            let parts: Vec<String> = m
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{k} {}", waarde(v)))
                .collect();
            parts.join(", ")
        }
    }
}

pub(super) fn getal_kort(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}").replace('.', ",")
    }
}

pub(super) fn veld(n: &crate::domain::ops::Notice) -> &str {
    match n.field.as_deref() {
        Some(crate::domain::ops::WEKEN) => "weken",
        Some(crate::domain::ops::BESLISSING) => "besluit",
        Some(crate::domain::ops::DIENST) => "in dienst",
        Some(crate::domain::ops::PLEK) => "kolom",
        Some(f) => f,
        None => "",
    }
}

/// The text of the note the engine leaves on a card.
pub fn notitie(n: &crate::domain::ops::Notice) -> String {
    use crate::domain::ops::NoticeKind::*;
    let (v, ours, theirs) = (veld(n), waarde(&n.ours), waarde(&n.theirs));
    match n.kind {
        NotApplied => format!(
            "Gelijktijdige wijziging: `{v}` werd {ours}, maar was intussen door een ander {theirs} gemaakt; dat is bewaard."
        ),
        Replaced => format!(
            "Gelijktijdige wijziging: `{v}` {theirs} van een collega is vervangen door {ours}."
        ),
        DecisionReopened => {
            format!("Opnieuw gevraagd: {ours}; het besluit op de oude uren ({theirs}) vervalt.")
        }
        NotDeleted => "Niet verwijderd: deze kaart was intussen door een ander gewijzigd.".into(),
        Restored => "Teruggezet: deze kaart was verwijderd terwijl een ander haar wijzigde.".into(),
        NotUndone | ItemNotUndone => format!("Niet ongedaan gemaakt: `{v}` is nu {theirs}."),
        ColumnGone => format!(
            "Samengevoegd: de kolom {ours} van deze kaart bestaat niet meer; de kaart staat nu in de eerste kolom."
        ),
        TwoDoneColumns => "Samengevoegd: twee klaar-kolommen; de eerste is gebleven.".into(),
        FromCopy => format!("Uit een conflictkopie: `{v}` was daar {theirs}."),
    }
}

/// A notice for the status line and `.planbord/samenvoegingen.log`: the item, the field and
/// both values.
pub fn melding(n: &crate::domain::ops::Notice) -> String {
    use crate::domain::ops::{List, NoticeKind::*, Target};
    let wat = match &n.target {
        Target::Root => "het bestand".to_string(),
        Target::Item(l, _) => {
            let soort = match l {
                List::Kolommen => "kolom",
                List::Inzet => "inzet van",
                List::Kaarten => "kaart",
                List::Clusters => "cluster",
                List::Eenheden => "eenheid",
                List::Mensen => "persoon",
                List::Opgaven => "opgave",
            };
            format!("{soort} \"{}\"", n.naam)
        }
    };
    let (v, ours, theirs) = (veld(n), waarde(&n.ours), waarde(&n.theirs));
    match n.kind {
        NotApplied => {
            format!("{wat}: `{v}` {ours} niet doorgevoerd, een ander maakte het {theirs}")
        }
        Replaced => format!("{wat}: `{v}` {theirs} van een collega vervangen door {ours}"),
        DecisionReopened => format!("{wat}: opnieuw gevraagd ({ours}); besluit {theirs} vervalt"),
        NotDeleted => format!("{wat} niet verwijderd: intussen door een ander gewijzigd"),
        Restored => format!("{wat} teruggezet: verwijderd terwijl jij het wijzigde"),
        NotUndone => format!("{wat}: `{v}` niet ongedaan gemaakt, een ander maakte het {theirs}"),
        ItemNotUndone => format!("{wat} niet ongedaan gemaakt: intussen gewijzigd of weg"),
        ColumnGone => format!("{wat}: kolom {ours} bestaat niet meer, naar de eerste kolom"),
        TwoDoneColumns => format!("{wat} is geen klaar-kolom meer (er waren er twee)"),
        FromCopy => format!("{wat}: `{v}` was in de kopie {theirs}; {ours} is bewaard"),
    }
}

pub fn kaart_verplaatst(kaart: &str, kolom: &str) -> String {
    let k = titel_kort(kaart);
    format!("\"{k}\" verplaatst naar {kolom}")
}
pub fn kaart_geschoven(kaart: &str, omhoog: bool) -> String {
    let k = titel_kort(kaart);
    let richting = if omhoog { "omhoog" } else { "omlaag" };
    format!("\"{k}\" een plek {richting}")
}
pub fn notitie_bij(kaart: &str) -> String {
    let k = titel_kort(kaart);
    format!("notitie bij \"{k}\"")
}
pub fn kaart_verwijderd(kaart: &str) -> String {
    let k = titel_kort(kaart);
    format!("\"{k}\" verwijderd")
}
/// What the user just did, with the key that undoes it.
pub fn gedaan(wat: &str) -> String {
    format!("{wat} · u = ongedaan maken")
}
/// Undone: what, and the key that does it again.
pub fn ongedaan_wat(wat: &str) -> String {
    if wat.is_empty() {
        "ongedaan gemaakt · Ctrl-r = opnieuw".into()
    } else {
        format!("ongedaan gemaakt: {wat} · Ctrl-r = opnieuw")
    }
}
pub fn opnieuw_wat(wat: &str) -> String {
    if wat.is_empty() {
        "opnieuw gedaan".into()
    } else {
        format!("opnieuw gedaan: {wat}")
    }
}
pub fn deels_ongedaan(wat: &str, behalve: &str) -> String {
    if wat.is_empty() {
        format!("ongedaan gemaakt, behalve: {behalve}")
    } else {
        format!("ongedaan gemaakt: {wat}, behalve: {behalve}")
    }
}
pub fn dialoog_gewijzigd(wat: &str) -> String {
    format!(
        "\"{wat}\" is intussen door een collega gewijzigd: de vraag is gesloten, er is niets gedaan"
    )
}
pub fn dialoog_verdwenen(wat: &str) -> String {
    format!(
        "\"{wat}\" is intussen door een collega verwijderd: de vraag is gesloten, er is niets gedaan"
    )
}
pub fn verzoek_veranderd() -> &'static str {
    "het verzoek is intussen door een collega gewijzigd of afgehandeld: er is niets besloten"
}
pub fn herstellen(bestand: &str, n: usize) -> String {
    format!(
        "{bestand}: een collega schreef over {n} van je wijzigingen heen zonder ze te zien; ze worden opnieuw opgeslagen"
    )
}
pub fn bord_verdwenen_teruggezet(bestand: &str) -> String {
    format!(
        "{bestand} is verwijderd door iemand anders, maar had nog niet opgeslagen wijzigingen: het wordt teruggezet"
    )
}
pub fn opnieuw_proberen() -> &'static str {
    "opnieuw proberen op te slaan…"
}
pub fn elders_bewaard(paden: &[std::path::PathBuf]) -> String {
    let namen: Vec<String> = paden.iter().map(|p| p.display().to_string()).collect();
    format!(
        "niet-opgeslagen wijzigingen bewaard in {}",
        namen.join(", ")
    )
}
pub fn wacht_op_bevestiging(n: usize) -> String {
    format!("afsluiten: wacht tot {n} wijziging(en) op schijf bevestigd zijn…")
}
pub fn afsluiten_titel() -> &'static str {
    " Afsluiten met wijzigingen die niet zijn opgeslagen "
}
pub fn afsluiten_vraag(n: usize) -> String {
    if n == 1 {
        "1 wijziging kon niet in de werkmap worden opgeslagen:".into()
    } else {
        format!("{n} wijzigingen konden niet in de werkmap worden opgeslagen:")
    }
}
pub fn afsluiten_keuzes() -> [&'static str; 3] {
    [
        "Opnieuw proberen",
        "Bewaren buiten de werkmap (in je gebruikersmap) en afsluiten",
        "Toch afsluiten (de wijzigingen gaan verloren)",
    ]
}
pub fn afsluiten_hint() -> &'static str {
    "↑/↓ of een cijfer kiest · Enter voert uit · Esc blijft"
}
pub fn veld_van_collega() -> &'static str {
    "  ↺ door een collega gewijzigd"
}
pub fn veld_ook_collega(v: &serde_json::Value) -> String {
    // A date as the form's fields write it (23-11-2026), not as the file does.
    match v
        .as_str()
        .and_then(|s| s.parse::<crate::domain::Datum>().ok())
    {
        Some(d) => format!("  ⚠ collega: {}", datum(d)),
        None => format!("  ⚠ collega: {}", waarde(v)),
    }
}
pub fn kaart_weg_in_formulier() -> &'static str {
    "  ⚠ Een collega heeft deze kaart verwijderd; Enter zet haar terug met je wijzigingen."
}
pub fn wacht_omdat(n: usize, waarom: &str) -> String {
    let wat = if n == 1 {
        "1 wijziging".to_string()
    } else {
        format!("{n} wijzigingen")
    };
    format!("{wat} niet opgeslagen: {waarom}")
}
pub fn kaart_bijgewerkt(kaart: &str) -> String {
    let k = titel_kort(kaart);
    format!("\"{k}\" bijgewerkt")
}
pub fn kaart_toegevoegd(kaart: &str) -> String {
    let k = titel_kort(kaart);
    format!("\"{k}\" toegevoegd")
}
pub fn vergrendeling_mislukt(map: &std::path::Path, e: &std::io::Error) -> String {
    format!(
        "kan de vergrendeling in {} niet maken: {}",
        map.display(),
        io_fout(e)
    )
}
pub fn wijzigingen_wachten(n: usize) -> String {
    if n == 1 {
        "1 wijziging nog niet bevestigd".into()
    } else {
        format!("{n} wijzigingen nog niet bevestigd")
    }
}
/// The same on a narrow screen, leaving room for what just happened.
pub fn wijzigingen_wachten_kort(n: usize) -> String {
    format!("{n} onbevestigd")
}

/// A card's title in a status message: at most 20 characters, so what happened to it (the
/// column it went to) still fits on an 80-column status line beside the save state.
fn titel_kort(titel: &str) -> String {
    if titel.chars().count() <= 20 {
        titel.to_string()
    } else {
        format!("{}…", titel.chars().take(19).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_colleagues_date_in_a_form_reads_as_the_field_does() {
        let v = serde_json::json!("2026-12-31");
        assert_eq!(super::veld_ook_collega(&v), "  ⚠ collega: 31-12-2026");
        let v = serde_json::json!("Nieuwe titel");
        assert_eq!(super::veld_ook_collega(&v), "  ⚠ collega: \"Nieuwe titel\"");
    }
}
