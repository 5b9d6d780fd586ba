//! What the core found, in Dutch: diagnostics of files that could not be read, findings of
//! validation, refusals, save errors, and the parser's messages.

use super::*;

// ---- what the core found: diagnostics, findings, refusals -----------------------------------

/// A problem in a file as `bestand:regel:kolom: melding`.
pub fn diagnostic(d: &crate::storage::Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}",
        d.bestand,
        d.regel,
        d.kolom,
        melding_van(&d.melding)
    )
}

/// What is wrong in a file, in one Dutch sentence.
pub fn melding_van(m: &crate::storage::Melding) -> String {
    use crate::storage::Melding::*;
    match m {
        Bevinding(b) => bevinding(b),
        Ron(e) => ron_fout(e),
        TeDiep { max } => te_diep(*max),
        DecimaalKomma { geheel, fractie } => decimaalkomma(geheel, fractie),
        GeenUtf8 => geen_utf8().into(),
        NietGelezen(r) => leesweigering(r),
        WerkmapNietTeLezen(e) => format!("kan de werkmap niet lezen: {}", io_fout_van(e)),
        RedenenVervallen(n) => redenen_vervallen(*n),
        BordIdDubbel { id, ander } => bord_id_dubbel(id, ander),
    }
}

/// What a check of a file's content found.
pub fn bevinding(b: &crate::domain::validate::Bevinding) -> String {
    use crate::domain::validate::Bevinding::*;
    match b {
        DubbelId { soort, id } => dubbel_id(soort, id),
        OngeldigGetal { veld, nan } => ongeldig_getal(veld, *nan),
        AandeelBuitenBereik(v) => aandeel_buiten_bereik(*v),
        Negatief { veld } => negatief(veld),
        NietPositief { veld } => niet_positief(veld),
        VersieTeHoog { versie, bekend } => versie_te_hoog(*versie, *bekend),
        VersieOnbekend(v) => versie_onbekend(*v),
        OnbekendId { soort, id } => onbekend_id(soort, id),
        PersoonNulUren => persoon_nul_uren().into(),
        AfgeslotenMetOpenKaarten { opgave, open } => format!(
            "opgave \"{opgave}\" staat op Afgesloten, maar dit bord heeft nog {open} open \
             {}: een opgave sluit pas af als het resultaat zichtbaar is en gevierd en \
             geëvalueerd (zet de fase terug, of rond de kaarten af)",
            if *open == 1 { "kaart" } else { "kaarten" }
        ),
        VanNaTot { van, tot } => van_na_tot(van, tot),
        InDienstNaUitDienst {
            in_dienst,
            uit_dienst,
        } => format!("`in_dienst` ({in_dienst}) ligt na `uit_dienst` ({uit_dienst})"),
        GeenKolommen => geen_kolommen().into(),
        MeerKlaarKolommen => meer_klaar_kolommen().into(),
        InzetNulUren => inzet_nul_uren().into(),
        VoortgangTeHoog(v) => voortgang_te_hoog(*v),
        SchattingZonderEigenaar => schatting_zonder_eigenaar().into(),
        StartNaDeadline => start_na_deadline().into(),
    }
}

/// Why a file was not read.
pub fn leesweigering(r: &crate::storage::ReadRefused) -> String {
    use crate::storage::ReadRefused::*;
    match r {
        GeenBestand(s) => geen_bordbestand(bestandssoort(*s)),
        LosseKoppeling => losse_koppeling().into(),
        TeGroot(n) => te_groot(*n, crate::storage::load::MAX_BYTES),
        Io(e) => format!("kan het bestand niet lezen: {}", io_fout_van(e)),
    }
}

/// Why a save did not happen.
pub fn opslaan_fout(e: &crate::storage::save::SaveError) -> String {
    use crate::storage::save::SaveError::*;
    match e {
        Io { path, source } => format!("kan {} niet opslaan: {}", path.display(), io_fout(source)),
        Lock { dir, source } => vergrendeling_mislukt(dir, source),
        Refused { path, reason } => {
            format!(
                "kan {} niet opslaan: {}",
                path.display(),
                leesweigering(reason)
            )
        }
        Changed { path, .. } => format!(
            "kan {} niet opslaan: het bestand is intussen door iemand anders gewijzigd",
            path.display()
        ),
        TooLarge { path, bytes } => format!(
            "kan {} niet opslaan: het zou {} MB worden, meer dan de grens van {} MB; de wijziging blijft bewaard",
            path.display(),
            bytes / 1_000_000,
            crate::storage::load::MAX_BYTES / 1_000_000
        ),
        Format(e) => format!("kan niet naar RON schrijven: {e}"),
    }
}

/// Why capacity is switched off.
pub fn capaciteit_uit(c: crate::storage::load::CapaciteitUit) -> String {
    match c {
        crate::storage::load::CapaciteitUit::OrganisatieOntbreekt => organisatie_ontbreekt().into(),
        crate::storage::load::CapaciteitUit::OrganisatieOngeldig => organisatie_ongeldig().into(),
    }
}

// ---- reading files -------------------------------------------------------------------------

pub fn te_groot(bytes: u64, max: u64) -> String {
    format!(
        "bestand is te groot ({} MB; de grens is {} MB)",
        bytes / 1_000_000,
        max / 1_000_000
    )
}
/// What a file is that planbord does not read: "een map", "een FIFO"...
pub fn bestandssoort(s: crate::storage::load::Soort) -> &'static str {
    use crate::storage::load::Soort::*;
    match s {
        Map => "een map",
        Fifo => "een FIFO (named pipe)",
        Apparaat => "een apparaat",
        Socket => "een socket",
        Anders => "geen gewoon bestand",
    }
}
pub fn geen_bordbestand(wat: &str) -> String {
    format!("geen bordbestand: dit is {wat}; planbord leest alleen gewone bestanden")
}
pub fn losse_koppeling() -> &'static str {
    "geen bordbestand: een symbolische koppeling naar iets dat niet bestaat"
}
pub fn geen_utf8() -> &'static str {
    "bestand is geen UTF-8-tekst"
}
pub fn versie_te_hoog(versie: u64, bekend: u32) -> String {
    format!(
        "versie {versie} is nieuwer dan deze planbord kent (versie {bekend}); werk planbord bij. \
         Het bestand wordt niet gebruikt en niet overschreven"
    )
}
pub fn versie_onbekend(versie: u64) -> String {
    format!("onbekende versie {versie}; verwacht versie 1")
}
pub fn decimaalkomma(geheel: &str, fractie: &str) -> String {
    format!("decimaalkomma in een getal: gebruik een punt: {geheel}.{fractie}")
}
pub fn bestand_niet_te_lezen(pad: &std::path::Path, err: &std::io::Error) -> String {
    format!("kan {} niet lezen: {}", pad.display(), io_fout(err))
}
pub fn git_niet_te_starten(err: &std::io::Error) -> String {
    format!(
        "kan git niet starten (is git geïnstalleerd?): {}",
        io_fout(err)
    )
}
pub fn niet_op_te_slaan(pad: &std::path::Path, err: &std::io::Error) -> String {
    format!("kan {} niet opslaan: {}", pad.display(), io_fout(err))
}

pub(super) fn lijst(namen: &[&str]) -> String {
    namen
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Translates a ron parse error into Dutch.
pub fn ron_fout(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Message(m) => m.clone(),
        E::Eof => "onverwacht einde van het bestand (ontbreekt er een `)` of `]`?)".into(),
        E::ExpectedArray => "verwacht een lijst `[ ... ]`".into(),
        E::ExpectedArrayEnd => "verwacht `]` of een komma".into(),
        E::ExpectedAttribute | E::ExpectedAttributeEnd => {
            "ongeldige regel `#![enable(...)]`".into()
        }
        E::ExpectedBoolean => "verwacht `true` of `false`".into(),
        E::ExpectedComma => "verwacht een komma".into(),
        E::ExpectedFloat | E::ExpectedInteger => "verwacht een getal".into(),
        E::ExpectedOption => "verwacht een waarde of `None`".into(),
        E::ExpectedMap | E::ExpectedMapColon | E::ExpectedMapEnd => "ongeldige map".into(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("verwacht `{expected}(...)`, gevonden `{found}(...)`")
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "verwacht een structuur `Naam( ... )`".into()
        }
        E::ExpectedStructLikeEnd => "verwacht `)` of een komma".into(),
        E::ExpectedString | E::ExpectedStringEnd => "verwacht tekst tussen aanhalingstekens".into(),
        E::ExpectedIdentifier => "verwacht een veldnaam".into(),
        E::IntegerOutOfBounds => "getal buiten het toegestane bereik".into(),
        E::InvalidIntegerDigit { digit, .. } => format!("ongeldig cijfer `{digit}` in een getal"),
        E::InvalidEscape(_) => "ongeldige escape in tekst".into(),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "commentaar wordt niet afgesloten".into()
        }
        E::UnexpectedChar(c) => format!("onverwacht teken `{c}`"),
        E::Utf8Error(_) => geen_utf8().into(),
        E::TrailingCharacters => "tekst na het einde van het bestand".into(),
        E::InvalidValueForType { expected, found } => {
            format!("ongeldige waarde {found}: verwacht {expected}")
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "onbekende waarde `{found}`; mogelijk zijn: {}",
            lijst(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            // An absence's fields that are only read to be thrown away are not offered as
            // known ones.
            let vervallen = |n: &&str| {
                outer.as_deref() == Some("Afwezigheid")
                    && crate::domain::organisatie::VERVALLEN_VELDEN.contains(n)
            };
            let bekend: Vec<&str> = expected.iter().copied().filter(|n| !vervallen(n)).collect();
            format!(
                "onbekend veld `{found}`{}; bekende velden zijn: {}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default(),
                lijst(&bekend)
            )
        }
        E::MissingStructField { field, outer } => format!(
            "verplicht veld `{field}` ontbreekt{}",
            outer
                .as_ref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default()
        ),
        E::DuplicateStructField { field, .. } => format!("veld `{field}` staat er twee keer"),
        E::ExceededRecursionLimit => "te diep genest voor dit bestandsformaat".into(),
        E::ExpectedStructName(name) => format!("verwacht de naam van de structuur `{name}`"),
        other => format!("ongeldige RON: {other}"),
    }
}

// ---- validation ----------------------------------------------------------------------------

pub fn dubbel_id(soort: &str, id: &str) -> String {
    format!("{soort} `{id}` komt twee keer voor")
}
pub fn onbekend_id(soort: &str, id: &str) -> String {
    format!("onbekende {soort} `{id}`")
}
pub fn negatief(veld: &str) -> String {
    format!("`{veld}` mag niet negatief zijn")
}
/// A number field holding NaN, or an infinity (`inf`, or a value too large such as `1e400`).
pub fn ongeldig_getal(veld: &str, nan: bool) -> String {
    let wat = if nan {
        "NaN (geen getal)"
    } else {
        "oneindig of te groot"
    };
    format!("ongeldig getal voor `{veld}`: {wat}; schrijf een gewoon getal, bijvoorbeeld 7.5")
}
pub fn niet_positief(veld: &str) -> String {
    format!("`{veld}` moet groter dan 0 zijn")
}
pub fn aandeel_buiten_bereik(v: f64) -> String {
    format!("`regulier_aandeel` moet tussen 0 en 1 liggen, niet {v}")
}
pub fn voortgang_te_hoog(v: u32) -> String {
    format!("`voortgang` is een percentage van 0 tot 100, niet {v}")
}
pub fn van_na_tot(van: &str, tot: &str) -> String {
    format!("`van` ({van}) ligt na `tot` ({tot})")
}
pub fn geen_kolommen() -> &'static str {
    "een bord heeft minstens één kolom nodig"
}
pub fn meer_klaar_kolommen() -> &'static str {
    "meer dan één kolom met `klaar: true`; een bord heeft er hoogstens één"
}
pub fn bord_id_dubbel(id: &str, ander: &str) -> String {
    format!(
        "bord-id `{id}` wordt ook gebruikt door {ander} (een conflictkopie van een synchronisatieprogramma?); dit bestand wordt niet gebruikt"
    )
}
pub fn start_na_deadline() -> &'static str {
    "de kaart begint na haar deadline"
}
pub fn inzet_nul_uren() -> &'static str {
    "inzet van 0 uur per week"
}
pub fn persoon_nul_uren() -> &'static str {
    "persoon met 0 uur per week"
}
pub fn schatting_zonder_eigenaar() -> &'static str {
    "kaart heeft een schatting in uren maar geen eigenaar"
}
pub fn organisatie_ontbreekt() -> &'static str {
    "organisatie.ron ontbreekt: capaciteit staat uit"
}
pub fn organisatie_ongeldig() -> &'static str {
    "organisatie.ron bevat fouten: capaciteit staat uit"
}
