//! The stand-up screen and the Mensen view (hours, working days, absences).

use super::*;

pub fn standup_hint(belasting: bool) -> String {
    if belasting {
        " spatie: wie is er aan de beurt · ←/→ kolom · Esc: stoppen".into()
    } else {
        " spatie: wie is er aan de beurt · ←/→ kolom · Esc: stoppen · (belasting verborgen)".into()
    }
}
pub fn aan_de_beurt(naam: &str) -> String {
    format!("Aan de beurt: {naam}")
}
pub fn niemand_aan_de_beurt() -> &'static str {
    "Spatie: de eerste is aan de beurt"
}
pub fn belasting_deze_week(b: Option<f64>) -> String {
    match b {
        Some(b) => format!("belasting deze week {}", procent(b)),
        None => "deze week niet beschikbaar".into(),
    }
}
pub fn persoon_verdwenen(id: &str) -> String {
    format!("{id} staat intussen niet meer in organisatie.ron; de wijziging is niet toegepast")
}
pub fn geen_werkdagen() -> &'static str {
    "kies minstens één werkdag"
}
pub fn geen_afwezigheid() -> &'static str {
    "geen afwezigheid vanaf vandaag om te verwijderen"
}
pub fn afwezigheid_verwijderd() -> &'static str {
    "afwezigheid verwijderd"
}
pub fn persoon_bijgewerkt() -> &'static str {
    "persoon bijgewerkt"
}
/// The keys of the Mensen view, in full when `breed` cells allow it.
pub fn mensen_toetsen(breed: usize) -> String {
    let lang = " e uren en werkdagen · a afwezigheid toevoegen · d eerstvolgende afwezigheid verwijderen · u ongedaan · Esc terug";
    if lang.chars().count() <= breed {
        lang.into()
    } else {
        " e uren/dagen · a afwezig erbij · d eerstvolgende weg · u ongedaan · Esc terug".into()
    }
}
/// The keys of the Mensen view when it lists no one.
pub fn mensen_toetsen_leeg() -> &'static str {
    " Esc terug"
}
pub fn mensen_titel_zonder_gebruiker() -> &'static str {
    " Mensen · geen gebruiker ingesteld"
}
/// Why the Mensen view lists no one without a (known) `gebruiker`, and how to set one: the
/// config file (`bestand`, when known) with `gebruiker: "persoonid"`. `ingesteld` is the
/// `gebruiker` of the config when it names no one in `organisatie.ron`.
pub fn mensen_zonder_gebruiker(
    ingesteld: Option<&str>,
    bestand: Option<&std::path::Path>,
) -> Vec<String> {
    let wie = match ingesteld {
        Some(g) => format!(
            "In de config staat gebruiker: \"{}\", maar die persoon staat niet in organisatie.ron, dus planbord weet niet wie je bent.",
            zichtbaar(g)
        ),
        None => "Er is geen gebruiker ingesteld, dus planbord weet niet wie je bent.".into(),
    };
    let waar = match bestand {
        Some(b) => format!("  {}", zichtbaar(&b.display().to_string())),
        None => "  ~/.config/planbord/config.ron (Linux; of het bestand in PLANBORD_CONFIG)".into(),
    };
    vec![
        MENSEN_ALLEEN_COCO.into(),
        String::new(),
        wie,
        "Zet je persoon-id uit organisatie.ron als gebruiker in het configuratiebestand".into(),
        waar,
        "bijvoorbeeld zo:".into(),
        String::new(),
        "    Config(".into(),
        "        gebruiker: \"persoonid\",".into(),
        "    )".into(),
        String::new(),
        "en start planbord opnieuw (zie README, \"Instellingen\").".into(),
    ]
}
const MENSEN_ALLEEN_COCO: &str = "Hier staan alleen de mensen van de eenheden waarvan je CoCo bent, met hun uren, werkdagen en afwezigheid. Afwezigheid is persoonlijk: alleen een CoCo van de eenheid ziet haar.";
/// Why the Mensen view of `naam` lists no one: they lead no unit.
pub fn mensen_geen_coco(naam: &str) -> Vec<String> {
    vec![
        format!(
            "{naam} is geen CoCo van een eenheid (cocos in organisatie.ron), dus hier staat niemand."
        ),
        String::new(),
        MENSEN_ALLEEN_COCO.into(),
    ]
}
/// An absence as the Mensen view shows it: the dates and the kind (never a reason).
pub fn afwezigheid(a: &crate::domain::Afwezigheid) -> String {
    let mut s = format!("afwezig {} t/m {}", datum(a.van), datum(a.tot));
    if a.soort.is_some() {
        s.push_str(" · ");
        s.push_str(afwezigheid_soort(a.soort));
    }
    s
}
/// The next absence in a row of the Mensen view, as much as fits in `breed` cells without
/// cutting a date: the whole, then without the kind, then only the date still to come, then
/// only `afwezig`; nothing when not even that fits.
pub fn afwezig_kort(
    vandaag: chrono::NaiveDate,
    a: &crate::domain::Afwezigheid,
    breed: usize,
) -> String {
    let heel = afwezigheid(a);
    let data = format!("afwezig {} t/m {}", datum(a.van), datum(a.tot));
    let een = if a.van.0 <= vandaag {
        format!("afwezig t/m {}", datum(a.tot))
    } else {
        format!("afwezig vanaf {}", datum(a.van))
    };
    [heel, data, een, "afwezig".into()]
        .into_iter()
        .find(|s| s.chars().count() <= breed)
        .unwrap_or_default()
}
pub fn mens_form_hint() -> &'static str {
    "  Tab wisselt veld · ←/→ en spatie kiezen dagen · Enter opslaan · Esc annuleren"
}
pub fn afwezig_titel(naam: &str) -> String {
    format!(" Afwezigheid van {naam} ")
}
/// The one warning for a file whose absences still carry the old free-text `reden`.
pub fn redenen_vervallen(aantal: usize) -> String {
    let wat = if aantal == 1 {
        "1 afwezigheid heeft".to_string()
    } else {
        format!("{aantal} afwezigheden hebben")
    };
    format!(
        "{wat} nog een `reden`: redenen van afwezigheid worden niet meer bewaard (ze horen niet in \
         een gedeelde map) en verdwijnen bij de volgende keer opslaan van dit bestand; \
         gebruik zo nodig `soort: Verlof`, `Opleiding` of `Overig`"
    )
}
pub fn afwezig_privacy() -> &'static str {
    "  Alleen de soort: een reden hoort niet in een gedeelde map."
}
pub fn afwezig_hint() -> &'static str {
    "  Datum: 23-11-2026, 2026-11-23 of 23-11 · Enter opslaan · Esc annuleren"
}
/// The kind of an absence as shown (to a CoCo of the person's unit only).
pub fn afwezigheid_soort(s: Option<crate::domain::AfwezigheidSoort>) -> &'static str {
    use crate::domain::AfwezigheidSoort as S;
    match s {
        None => "geen soort",
        Some(S::Verlof) => "verlof",
        Some(S::Opleiding) => "opleiding",
        Some(S::Overig) => "overig",
    }
}
