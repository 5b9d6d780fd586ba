//! The command line and the report: headings, counts, where a werkmap came from.

use super::*;

// ---- command line --------------------------------------------------------------------------

pub const KOP_CLUSTERKAMERS: &str = "Clusterkamers";
pub const KOP_OPGAVETEAMS: &str = "Opgaveteams";

/// Formats a figure with `n` decimals, Dutch style.
pub fn getal_n(v: f64, n: usize) -> String {
    format!("{v:.n$}").replace('.', ",")
}

pub fn werkmap_kop(map: &std::path::Path, borden: usize) -> String {
    format!("Werkmap {} ({borden} borden)", map.display())
}
/// The heading of a command run on one board file of a werkmap.
pub fn bord_kop(
    titel: &str,
    bestand: &std::path::Path,
    werkmap: &std::path::Path,
    borden: usize,
) -> String {
    let map = if werkmap == std::path::Path::new(".") {
        String::new()
    } else {
        format!(" in werkmap {}", werkmap.display())
    };
    format!(
        "Bord {titel} ({}){map}; de belasting telt alle {borden} borden",
        bestand.display(),
    )
}
pub fn kop_fouten(n: usize) -> String {
    format!("Fouten ({n}): deze bestanden worden niet gebruikt")
}
pub fn kop_waarschuwingen(n: usize) -> String {
    format!("Waarschuwingen ({n})")
}
pub fn kop_conflicten(n: usize, hoog: usize, midden: usize, laag: usize) -> String {
    if n == 0 {
        "Geen conflicten.".into()
    } else {
        format!("Conflicten ({n}): {hoog} hoog, {midden} midden, {laag} laag")
    }
}
pub fn conflict_telling(hoog: usize, midden: usize, laag: usize) -> String {
    if hoog + midden + laag == 0 {
        "geen conflicten".into()
    } else {
        format!("conflicten: {hoog} hoog, {midden} midden, {laag} laag")
    }
}
pub fn onbekende_eenheid(id: &str, keuzes: &[(String, String)]) -> String {
    format!(
        "onbekende eenheid `{id}`; noem een id, een naam of een deel ervan:{}",
        super::keuzelijst(keuzes)
    )
}
pub fn meerdere_eenheden(id: &str, keuzes: &[(String, String)]) -> String {
    format!(
        "`{id}` past bij meer dan één eenheid; noem er één:{}",
        super::keuzelijst(keuzes)
    )
}
pub fn geen_gebruikersmap() -> &'static str {
    "geen gebruikersmap gevonden; geef een werkmap op"
}
// Where a werkmap came from, for messages ("de werkmap X bestaat niet (genoemd met --werkmap)").
pub const BRON_ARGUMENT: &str = "genoemd op de opdrachtregel";
pub const BRON_OPTIE: &str = "genoemd met --werkmap";
pub const BRON_HUIDIGE_MAP: &str = "de huidige map, want daar staat organisatie.ron";
pub const BRON_BOARDS: &str = "de map boards in de huidige map";
pub const BRON_GEBRUIKERSMAP: &str = "de werkmap in je gebruikersmap";
pub fn bron_config(config: &std::path::Path) -> String {
    format!("de `werkmap` in de config {}", config.display())
}
/// `bron` is one of the `BRON_*` texts; `netwerk` adds the hint for a share that is not mounted.
pub fn werkmap_bestaat_niet(pad: &std::path::Path, bron: &str, netwerk: bool) -> String {
    let hint = if netwerk {
        "; is de netwerkmap gekoppeld?"
    } else {
        ""
    };
    format!("de werkmap {} bestaat niet ({bron}){hint}", pad.display())
}
pub fn werkmap_niet_te_openen(pad: &std::path::Path, bron: &str, err: &std::io::Error) -> String {
    format!(
        "kan de werkmap {} niet openen ({bron}): {}",
        pad.display(),
        io_fout(err)
    )
}
pub fn config_onleesbaar(fout: &str) -> String {
    format!(
        "de config is onleesbaar, dus is niet bekend welke werkmap ze noemt: {fout}. \
         Verbeter de config of noem een werkmap"
    )
}
pub fn geen_werkmap(config: Option<&std::path::Path>) -> String {
    let config = config
        .map(|p| format!(" ({})", p.display()))
        .unwrap_or_default();
    format!(
        "geen werkmap gevonden: noem er een (bijvoorbeeld `planbord controleer MAP`), \
         werk in een map met organisatie.ron, of zet `werkmap` in de config{config}. \
         `planbord demo MAP` schrijft een demo-werkmap"
    )
}
pub fn gebruikersmap_niet_leeg(pad: &std::path::Path) -> String {
    format!(
        "{} is geen werkmap (er staat geen organisatie.ron in) en is niet leeg; \
         planbord zet daar geen demo neer. Noem een werkmap",
        pad.display()
    )
}
pub fn demo_map_niet_leeg(pad: &std::path::Path) -> String {
    format!(
        "{} is niet leeg; de demo overschrijft niets. Kies een lege map, \
         of gebruik --overschrijven (de oude bestanden gaan naar .planbord/vorige/)",
        pad.display()
    )
}
pub fn niet_te_verplaatsen(pad: &std::path::Path, err: &std::io::Error) -> String {
    format!("kan {} niet opzij zetten: {}", pad.display(), io_fout(err))
}
pub fn demo_oude_bestanden(naar: &std::path::Path) -> String {
    format!("De oude bestanden staan in {}.", naar.display())
}
pub fn demo_geschreven(map: &std::path::Path, w: &crate::domain::Werkmap) -> String {
    let mensen = w.organisatie.as_ref().map_or(0, |o| o.mensen.len());
    let kaarten: usize = w.borden.iter().map(|b| b.kaarten.len()).sum();
    format!(
        "Demo-werkmap geschreven in {}: {mensen} mensen, {} borden, {kaarten} kaarten.",
        map.display(),
        w.borden.len()
    )
}
pub fn demo_aangemaakt(map: &std::path::Path) -> String {
    format!(
        "Eerste start: een demo-werkmap is aangemaakt in {}.",
        map.display()
    )
}
pub fn overzicht_voet() -> &'static str {
    "Details: `planbord controleer` (conflicten) en `planbord capaciteit` (belasting per eenheid)."
}
pub fn capaciteit_kop(
    org: &crate::domain::Organisatie,
    weken: &[crate::domain::Week],
    eenheid: Option<&crate::domain::Eenheid>,
) -> String {
    let (Some(a), Some(b)) = (weken.first(), weken.last()) else {
        return String::new();
    };
    match eenheid {
        Some(e) => format!(
            "Belasting van {} ({}), {}",
            e.naam,
            org.naam,
            weken_iso(*a, *b)
        ),
        None => format!("Belasting per eenheid, {}, {}", org.naam, weken_iso(*a, *b)),
    }
}
pub fn capaciteit_legenda() -> &'static str {
    "Per rij: belasting (gepland / beschikbaar) en daaronder de uren gepland/beschikbaar; ! = meer gepland dan beschikbaar."
}
pub fn capaciteit_meer_weken(volgende: crate::domain::Week, rest: usize) -> String {
    let weken = if rest == 1 {
        "week past"
    } else {
        "weken passen"
    };
    format!(
        "Nog {rest} {weken} niet in de breedte: zie ze met `--vanaf {volgende} --weken {rest}`, in een breder venster of met COLUMNS=200."
    )
}

pub fn rapport_titel(org: &str, vandaag: chrono::NaiveDate) -> String {
    format!(
        "Capaciteit voor het PMO-overleg — {org} — week {} ({})",
        crate::domain::Week::of(vandaag).number(),
        vandaag.format("%d-%m-%Y")
    )
}
pub fn rapport_kop_heatmap() -> &'static str {
    "Belasting per eenheid en week"
}
pub fn rapport_heatmap_uitleg() -> &'static str {
    "Gepland (regulier werk plus opgaven, ook gevraagde inzet) gedeeld door beschikbaar. ⚠ = meer gepland dan beschikbaar."
}
pub fn rapport_kop_conflicten(n: usize) -> String {
    format!("Conflicten per eenheid ({n})")
}
pub fn rapport_overig() -> &'static str {
    "Borden (zonder eenheid)"
}
pub fn rapport_kop_verzoeken(n: usize) -> String {
    format!("Open verzoeken om capaciteit ({n})")
}
pub fn rapport_geen_verzoeken() -> &'static str {
    "Geen open verzoeken."
}
pub fn rapport_kop_borden() -> &'static str {
    "Stand per bord"
}
pub fn rapport_geschreven(pad: &std::path::Path) -> String {
    format!("Rapport geschreven: {}", pad.display())
}
pub fn man_geschreven(map: &std::path::Path) -> String {
    format!(
        "man-pagina's geschreven in {}; bekijk met `man -l {}/planbord.1`",
        map.display(),
        map.display()
    )
}
pub fn nieuw_zonder_naam() -> &'static str {
    "geef de organisatie een naam: --naam \"Gemeente …\""
}
pub fn nieuw_map_niet_leeg(pad: &std::path::Path) -> String {
    format!(
        "{} is niet leeg; een nieuwe werkmap komt alleen in een lege of nieuwe map",
        pad.display()
    )
}
pub fn nieuw_aangemaakt(map: &std::path::Path, naam: &str, jaar: i32) -> String {
    format!(
        "Werkmap voor {naam} aangemaakt in {map}: organisatie.ron met 36 uur per fte en de \
         feestdagen van {jaar} en {}.\n\
         Volgende stap: zet de mensen erin met\n  \
         planbord importeer mensen MENSEN.xlsx {map}\n\
         of open de werkmap en richt hem in: planbord {map}",
        jaar + 1,
        map = map.display()
    )
}
pub fn geen_aantal(s: &str, max: u32) -> String {
    format!("\"{s}\" is geen geheel getal van 1 tot en met {max}")
}
/// The heading of `planbord mensen`.
pub fn helpers_kop(
    zoek: &str,
    van: crate::domain::Week,
    tot: crate::domain::Week,
    n: usize,
) -> String {
    let wie = match n {
        0 => "niemand".to_string(),
        1 => "1 persoon".to_string(),
        n => format!("{n} mensen"),
    };
    if n == 0 {
        return format!(
            "Wie kan helpen met \"{zoek}\" in {}: niemand heeft dat talent of die naam.",
            super::weken_iso(van, tot)
        );
    }
    format!(
        "Wie kan helpen met \"{zoek}\" in {}: {wie}, de meeste ruimte eerst \
         (vrij = wat elke week over is).",
        super::weken_iso(van, tot)
    )
}
/// One person of `planbord mensen` in `breedte` columns: name and unit in columns of the
/// given widths, free hours, talents (on the next line when they do not fit).
pub fn helper_regel(
    h: &crate::capacity::Helper,
    (naam_w, eenheid_w): (usize, usize),
    breedte: usize,
) -> String {
    let vrij = format!("{:>5} u/week vrij", super::getal(h.vrij.max(0.0)));
    let voor = format!("  {:<naam_w$}  {:<eenheid_w$}  {vrij}", h.naam, h.eenheid);
    let talenten = h.talenten.join(", ");
    let regel = format!("{voor}  {talenten}");
    if unicode_width::UnicodeWidthStr::width(regel.as_str()) <= breedte {
        regel
    } else {
        format!("{voor}\n      {talenten}")
    }
}
