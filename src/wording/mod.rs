//! Every Dutch sentence the user sees, in one place so the wording stays consistent.

use std::fmt::Write as _;

/// Formats hours or any figure the Dutch way with one decimal: `27,5`.
pub fn getal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// Formats a figure with up to two decimals, Dutch style, for CSV: `27,25`, `36`.
pub fn getal2(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.replace('.', ",")
    }
}

/// Formats a ratio as a whole percentage: `112%`.
pub fn procent(ratio: f64) -> String {
    format!("{:.0}%", ratio * 100.0)
}

// ---- output to a terminal or a spreadsheet --------------------------------------------------

/// What a control character from a file becomes on the terminal: U+FFFD REPLACEMENT CHARACTER.
/// One symbol for every control character, so the output stays plain text that any terminal,
/// editor and spreadsheet shows the same way.
pub const PLAATSVERVANGER: char = '\u{fffd}';

/// Whether `c` must not reach a terminal raw: C0 controls except newline and tab (ESC among
/// them), DEL, and the C1 controls U+0080–U+009F (some terminals act on those as well). These
/// are exactly the characters of Unicode category Cc minus newline and tab.
pub fn is_stuurteken(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Text from a file as it may be shown on a terminal: every control character (see
/// [`is_stuurteken`]) replaced by [`PLAATSVERVANGER`]. Borrowed when there is nothing to replace.
pub fn zichtbaar(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_stuurteken) {
        s.chars()
            .map(|c| if is_stuurteken(c) { PLAATSVERVANGER } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// An operating-system error in Dutch: the common kinds get a Dutch phrase, the rest the
/// system's own text.
pub fn io_fout(e: &std::io::Error) -> String {
    io_fout_van(&crate::storage::IoFout::from(e))
}

/// [`io_fout`] for an error kept as facts.
pub fn io_fout_van(e: &crate::storage::IoFout) -> String {
    use std::io::ErrorKind as K;
    let zin = match e.kind {
        K::NotFound => "bestand niet gevonden",
        K::PermissionDenied => "geen toestemming",
        K::StorageFull => "geen ruimte meer op de schijf",
        K::QuotaExceeded => "schijfquotum overschreden",
        K::ReadOnlyFilesystem => "alleen-lezen bestandssysteem",
        K::ResourceBusy | K::ExecutableFileBusy => "bestand is in gebruik door een ander programma",
        K::AlreadyExists => "bestand bestaat al",
        K::IsADirectory => "dit is een map, geen bestand",
        K::NotADirectory => "dit is geen map",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::FileTooLarge => "bestand is te groot",
        K::InvalidFilename => "ongeldige bestandsnaam",
        K::CrossesDevices => "kan niet verplaatsen tussen twee schijven",
        K::StaleNetworkFileHandle => "de verbinding met de netwerkmap is verbroken",
        K::NetworkDown | K::NetworkUnreachable | K::HostUnreachable => {
            "het netwerk is niet bereikbaar"
        }
        K::TimedOut => "de bewerking duurde te lang",
        K::OutOfMemory => "onvoldoende geheugen",
        K::UnexpectedEof => "onverwacht einde van het bestand",
        K::BrokenPipe => "de uitvoer is gesloten",
        _ => return windows_in_gebruik(e).unwrap_or_else(|| e.tekst.clone()),
    };
    zin.to_string()
}

/// Windows reports a file another program holds open as a sharing or lock violation, which std
/// does not map to a kind of its own.
fn windows_in_gebruik(e: &crate::storage::IoFout) -> Option<String> {
    // ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33).
    (cfg!(windows) && matches!(e.os, Some(32 | 33)))
        .then(|| "bestand is in gebruik door een ander programma".to_string())
}

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
        GeenUtf8 => geen_utf8(),
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
        PersoonNulUren => persoon_nul_uren(),
        VanNaTot { van, tot } => van_na_tot(van, tot),
        GeenKolommen => geen_kolommen(),
        MeerKlaarKolommen => meer_klaar_kolommen(),
        InzetNulUren => inzet_nul_uren(),
        VoortgangTeHoog(v) => voortgang_te_hoog(*v),
        SchattingZonderEigenaar => schatting_zonder_eigenaar(),
        StartNaDeadline => start_na_deadline(),
    }
}

/// Why a file was not read.
pub fn leesweigering(r: &crate::storage::ReadRefused) -> String {
    use crate::storage::ReadRefused::*;
    match r {
        GeenBestand(s) => geen_bordbestand(bestandssoort(*s)),
        LosseKoppeling => losse_koppeling(),
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
        crate::storage::load::CapaciteitUit::OrganisatieOntbreekt => organisatie_ontbreekt(),
        crate::storage::load::CapaciteitUit::OrganisatieOngeldig => organisatie_ongeldig(),
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
pub fn losse_koppeling() -> String {
    "geen bordbestand: een symbolische koppeling naar iets dat niet bestaat".into()
}
pub fn geen_utf8() -> String {
    "bestand is geen UTF-8-tekst".into()
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

fn lijst(namen: &[&str]) -> String {
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
        E::Utf8Error(_) => geen_utf8(),
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
pub fn geen_kolommen() -> String {
    "een bord heeft minstens één kolom nodig".into()
}
pub fn meer_klaar_kolommen() -> String {
    "meer dan één kolom met `klaar: true`; een bord heeft er hoogstens één".into()
}
pub fn bord_id_dubbel(id: &str, ander: &str) -> String {
    format!(
        "bord-id `{id}` wordt ook gebruikt door {ander} (een conflictkopie van een synchronisatieprogramma?); dit bestand wordt niet gebruikt"
    )
}
pub fn start_na_deadline() -> String {
    "de kaart begint na haar deadline".into()
}
pub fn inzet_nul_uren() -> String {
    "inzet van 0 uur per week".into()
}
pub fn persoon_nul_uren() -> String {
    "persoon met 0 uur per week".into()
}
pub fn schatting_zonder_eigenaar() -> String {
    "kaart heeft een schatting in uren maar geen eigenaar".into()
}
pub fn organisatie_ontbreekt() -> String {
    "organisatie.ron ontbreekt: capaciteit staat uit".into()
}
pub fn organisatie_ongeldig() -> String {
    "organisatie.ron bevat fouten: capaciteit staat uit".into()
}

// ---- conflicts -----------------------------------------------------------------------------

/// Writes `strand 8,0, omgevingswet 9,0` from (source, hours) pairs.
pub fn bronnen(delen: &[(String, f64)]) -> String {
    let mut s = String::new();
    for (i, (bron, uren)) in delen.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{bron} {}", getal(*uren));
    }
    s
}

/// A date the Dutch way: `23-11-2026`.
pub fn datum(d: crate::domain::Datum) -> String {
    d.0.format("%d-%m-%Y").to_string()
}

fn week_nr(w: crate::domain::Week) -> String {
    format!("week {}", w.number())
}

/// `week 48 t/m week 16`, with the years when the range crosses one.
pub fn weken(van: crate::domain::Week, tot: crate::domain::Week) -> String {
    if van.year() == tot.year() {
        format!("{} t/m {}", week_nr(van), week_nr(tot))
    } else {
        format!(
            "{} ({}) t/m {} ({})",
            week_nr(van),
            van.year(),
            week_nr(tot),
            tot.year()
        )
    }
}

fn wie(naam: &str, eenheid: &str) -> String {
    if eenheid.is_empty() {
        naam.to_string()
    } else {
        format!("{naam} ({eenheid})")
    }
}

/// The one Dutch sentence that explains a conflict, with its figures.
pub fn uitleg(c: &crate::capacity::Conflict) -> String {
    use crate::capacity::Uitleg::*;
    match &c.uitleg {
        Overboekt {
            naam,
            eenheid,
            week,
            load,
            delen,
            alleen_gevraagd,
        } => uitleg_overboekt(naam, eenheid, *week, load, delen, *alleen_gevraagd),
        AfwezigIngezet {
            naam,
            eenheid,
            week,
            load,
            delen,
        } => uitleg_afwezig_ingezet(naam, eenheid, *week, load, delen),
        EenheidOverbelast { naam, week, load } => uitleg_eenheid_overbelast(naam, *week, load),
        NietToegezegd {
            naam,
            eenheid,
            bord,
            inzet,
            cocos,
            weken_tot_start,
        } => {
            let cocos: Vec<&str> = cocos.iter().map(String::as_str).collect();
            uitleg_niet_toegezegd(naam, eenheid, bord, inzet, &cocos, *weken_tot_start)
        }
        KaartenBovenInzet {
            naam,
            bord,
            kaarten,
            geschat,
            inzet,
            van,
            tot,
        } => uitleg_kaarten_boven_inzet(naam, bord, *kaarten, *geschat, *inzet, *van, *tot),
        Wip {
            kolom,
            bord,
            kaarten,
            wip,
        } => uitleg_wip(kolom, bord, *kaarten, *wip),
        Deadline {
            titel,
            bord,
            deadline,
            kolom,
            eigenaar,
        } => uitleg_deadline(titel, bord, *deadline, kolom, eigenaar.as_deref()),
        Span {
            naam,
            eenheden,
            fte,
            max,
        } => {
            let eenheden: Vec<&str> = eenheden.iter().map(String::as_str).collect();
            uitleg_span(naam, &eenheden, *fte, *max)
        }
    }
}

fn uitleg_overboekt(
    naam: &str,
    eenheid: &str,
    week: crate::domain::Week,
    load: &crate::capacity::WeekLoad,
    delen: &[(String, f64)],
    alleen_gevraagd: bool,
) -> String {
    let opgave = if delen.is_empty() {
        String::new()
    } else {
        format!(" + {} opgave: {}", getal(load.opgave()), bronnen(delen))
    };
    let mut s = format!(
        "{} {}: {} u gepland ({} regulier{opgave}) bij {} u beschikbaar.",
        wie(naam, eenheid),
        week_nr(week),
        getal(load.gepland()),
        getal(load.regulier),
        getal(load.beschikbaar),
    );
    if alleen_gevraagd {
        let _ = write!(
            s,
            " Alleen door nog niet toegezegde inzet ({} u gevraagd).",
            getal(load.gevraagd)
        );
    }
    s
}

fn uitleg_afwezig_ingezet(
    naam: &str,
    eenheid: &str,
    week: crate::domain::Week,
    load: &crate::capacity::WeekLoad,
    delen: &[(String, f64)],
) -> String {
    let mut s = format!(
        "{} is {} afwezig of vrij (0,0 u beschikbaar), maar er staat {} u gepland",
        wie(naam, eenheid),
        week_nr(week),
        getal(load.gepland()),
    );
    if !delen.is_empty() {
        let _ = write!(s, " (opgave: {})", bronnen(delen));
    }
    s.push('.');
    s
}

fn uitleg_eenheid_overbelast(
    naam: &str,
    week: crate::domain::Week,
    load: &crate::capacity::WeekLoad,
) -> String {
    format!(
        "Eenheid {naam} {}: {} u gepland ({} regulier + {} opgave, waarvan {} gevraagd) bij {} u beschikbaar; ook schuiven binnen de eenheid vangt dat niet op.",
        week_nr(week),
        getal(load.gepland()),
        getal(load.regulier),
        getal(load.opgave()),
        getal(load.gevraagd),
        getal(load.beschikbaar),
    )
}

fn uitleg_niet_toegezegd(
    naam: &str,
    eenheid: &str,
    bord: &str,
    inzet: &crate::domain::Inzet,
    cocos: &[&str],
    weken_tot_start: i64,
) -> String {
    let wanneer = if weken_tot_start <= 0 {
        "is al begonnen".to_string()
    } else if weken_tot_start == 1 {
        "begint volgende week".to_string()
    } else {
        format!("begint over {weken_tot_start} weken")
    };
    let door = if cocos.is_empty() {
        String::new()
    } else {
        format!(" door {}", cocos.join(" of "))
    };
    format!(
        "{}: {} u/week voor {bord} ({}) is nog niet toegezegd{door} en {wanneer}.",
        wie(naam, eenheid),
        getal(inzet.uren_per_week),
        weken(inzet.van, inzet.tot),
    )
}

fn uitleg_kaarten_boven_inzet(
    naam: &str,
    bord: &str,
    kaarten: usize,
    geschat: f64,
    inzet: f64,
    van: crate::domain::Week,
    tot: crate::domain::Week,
) -> String {
    let kaart = if kaarten == 1 {
        "open kaart"
    } else {
        "open kaarten"
    };
    format!(
        "{naam} heeft op {bord} {kaarten} {kaart} met samen {} u geschat, maar de inzet op dit bord geeft {} u in {}.",
        getal(geschat),
        getal(inzet),
        weken(van, tot),
    )
}

fn uitleg_wip(kolom: &str, bord: &str, n: usize, wip: u32) -> String {
    format!("Kolom {kolom} op {bord} heeft {n} kaarten bij een WIP-limiet van {wip}.")
}

fn uitleg_deadline(
    titel: &str,
    bord: &str,
    deadline: crate::domain::Datum,
    kolom: &str,
    eigenaar: Option<&str>,
) -> String {
    let eigenaar = eigenaar
        .map(|e| format!(" (eigenaar {e})"))
        .unwrap_or_default();
    format!(
        "Kaart \"{titel}\" op {bord}{eigenaar} had deadline {} en staat nog in {kolom}.",
        datum(deadline)
    )
}

fn uitleg_span(naam: &str, eenheden: &[&str], fte: f64, max: f64) -> String {
    format!(
        "{naam} is CoCo van {} met samen {} fte, meer dan de spanwijdte van {} fte.",
        eenheden.join(" en "),
        getal(fte),
        getal(max),
    )
}

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
pub fn onbekende_eenheid(id: &str) -> String {
    format!("onbekende eenheid `{id}`")
}
pub fn geen_gebruikersmap() -> String {
    "geen gebruikersmap gevonden; geef een werkmap op".into()
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
pub fn overzicht_voet() -> String {
    "Details: `planbord controleer` (conflicten) en `planbord capaciteit` (belasting per eenheid)."
        .into()
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
        Some(e) => format!("Belasting van {} ({}), {a} t/m {b}", e.naam, org.naam),
        None => format!("Belasting per eenheid, {}, {a} t/m {b}", org.naam),
    }
}
pub fn capaciteit_legenda() -> String {
    "Per rij: belasting (gepland / beschikbaar) en daaronder de uren gepland/beschikbaar; ! = meer gepland dan beschikbaar."
        .into()
}

// ---- the terminal UI ------------------------------------------------------------------------

pub fn titel_verplicht() -> String {
    "een kaart heeft een titel nodig".into()
}
pub fn ongeldige_uren(s: &str) -> String {
    format!("ongeldige uren \"{s}\": typ bijvoorbeeld 7,5")
}
pub fn opgeslagen(bestand: &str) -> String {
    format!("opgeslagen: {bestand}")
}
pub fn bord_verdwenen(bestand: &str) -> String {
    format!("{bestand} is verwijderd door iemand anders")
}
pub fn kaart_verdwenen(id: &str) -> String {
    format!("kaart {id} is intussen door iemand anders verwijderd; de wijziging is niet toegepast")
}
pub fn wijziging_verloren(ids: &[String]) -> String {
    format!(
        "je wijziging aan kaart {} is niet toegepast: die kaart is intussen door iemand anders verwijderd",
        ids.join(", ")
    )
}
pub fn niets_ongedaan() -> String {
    "niets om ongedaan te maken".into()
}
pub fn ongedaan() -> String {
    "ongedaan gemaakt".into()
}
pub fn herladen(bestand: &str) -> String {
    format!("herladen: {bestand} is gewijzigd op schijf")
}
pub fn herladen_met_eigen(bestand: &str) -> String {
    format!("{bestand}: samengevoegd met de wijziging van een collega")
}
pub fn fouten_in_werkmap(n: usize) -> String {
    if n == 1 {
        "1 bestand met een fout (zie `planbord controleer`)".into()
    } else {
        format!("{n} fouten in de werkmap (zie `planbord controleer`)")
    }
}
pub fn vandaag_kop(d: chrono::NaiveDate) -> String {
    format!(
        "vandaag {} (week {})",
        d.format("%d-%m-%Y"),
        crate::domain::Week::of(d).number()
    )
}
pub fn geen_borden() -> String {
    " Geen borden in deze werkmap.".into()
}
pub fn gewijzigd(t: chrono::NaiveDateTime) -> String {
    format!("gewijzigd {}", t.format("%d-%m %H:%M"))
}
pub fn lege_kolom() -> String {
    " (leeg)".into()
}
pub fn geen_eigenaar() -> &'static str {
    "geen eigenaar"
}
pub fn strip_titel() -> String {
    " Belasting komende weken (⚠ = meer gepland dan beschikbaar) ".into()
}
pub fn kop_conflicten_kaart() -> String {
    "Conflicten".into()
}
pub fn kop_notities(n: usize) -> String {
    if n == 0 {
        "Notities: geen (a = notitie toevoegen)".into()
    } else {
        format!("Notities ({n}), nieuwste eerst")
    }
}
pub fn kaart_venster_titel() -> String {
    " Kaart (e = bewerken, a = notitie, Esc = terug) ".into()
}
pub fn notitie_titel(kaart: &str) -> String {
    format!("Notitie bij \"{kaart}\"")
}
pub fn notitie_hint(wie: &str) -> String {
    format!("Enter bewaart (ondertekend door {wie}), Esc annuleert")
}
pub fn verwijderen_titel() -> String {
    " Kaart verwijderen? ".into()
}
pub fn verwijderen_vraag() -> String {
    "j = ja, verwijderen (u maakt het ongedaan) · andere toets = nee".into()
}
pub fn hulp_voet(muis: bool) -> Vec<String> {
    let mut v = vec!["  Elke wijziging wordt meteen opgeslagen; een bestand dat een collega opslaat wordt vanzelf herladen.".to_string()];
    if muis {
        v.push("  Muis: klik kiest een bord of kaart, het wiel scrolt. Tekst selecteren: houd Shift ingedrukt, of zet `muis: false` in de config.".into());
    } else {
        v.push("  De muis staat uit (`muis: false` in de config): de terminal selecteert tekst zoals gewoonlijk.".into());
    }
    v.push("  Een toets sluit deze hulp.".into());
    v
}
pub fn nieuwe_kaart() -> String {
    "Nieuwe kaart".into()
}
pub fn kaart_bewerken() -> String {
    "Kaart bewerken".into()
}
pub fn kies_hint(n: usize) -> String {
    format!("←/→ kiest ({n} mensen), typ om te zoeken")
}
pub fn form_datum_hint() -> String {
    "  Datum: 23-11-2026 of 2026-11-23 · uren: 7,5 of 7.5 · leeg = geen".into()
}
pub fn form_hint() -> String {
    "  Tab/↓ volgend veld · ↑ vorig · Enter opslaan · Esc annuleren".into()
}
pub fn niet_opslaan_onleesbaar(bestand: &str) -> String {
    format!(
        "{bestand} is niet op te slaan: het bestand op schijf bevat een fout en wordt niet overschreven"
    )
}
pub fn geen_conflicten_kort() -> &'static str {
    "geen conflicten"
}
pub fn gevraagd_label(met: bool) -> &'static str {
    if met {
        "met gevraagde inzet (g: zonder)"
    } else {
        "ZONDER gevraagde inzet: wat als niets wordt toegezegd (g: met)"
    }
}
pub fn capaciteit_voet() -> String {
    " ⚠ = meer gepland dan beschikbaar · Enter zoomt in · ←/→ andere weken · Esc terug".into()
}
pub fn geen_mensen() -> String {
    " Geen mensen in deze eenheid.".into()
}
pub fn inzet_achter_cijfers() -> String {
    " Inzet achter deze cijfers (Enter opent het bord)".into()
}
pub fn geen_inzet() -> String {
    "   Geen inzet in deze weken.".into()
}
pub fn inzet_status(s: crate::domain::InzetStatus) -> &'static str {
    use crate::domain::InzetStatus::*;
    match s {
        Gevraagd => "gevraagd",
        Toegezegd => "toegezegd",
        Afgewezen => "afgewezen",
    }
}
pub fn ernst_kop(e: crate::capacity::Ernst, n: usize) -> String {
    use crate::capacity::Ernst::*;
    let naam = match e {
        Hoog => "Hoog",
        Midden => "Midden",
        Laag => "Laag",
    };
    format!("{naam} ({n})")
}
pub fn geen_conflicten_hier() -> String {
    " Geen conflicten (met dit filter).".into()
}
pub fn conflict_detail_titel() -> String {
    " Toelichting (Enter: naar de bron) ".into()
}
pub fn kies_persoon() -> String {
    "kies een persoon".into()
}
pub fn uren_verplicht() -> String {
    "vul de uren per week in".into()
}
pub fn ongeldige_week(s: &str) -> String {
    format!("ongeldige week \"{s}\": typ bijvoorbeeld 2026-W50, 50 of 14-12-2026")
}
pub fn alleen_coco(eenheid: &str, cocos: &[String]) -> String {
    if cocos.is_empty() {
        format!("alleen een CoCo van {eenheid} besluit hierover")
    } else {
        format!(
            "alleen de CoCo van {eenheid} ({}) besluit hierover",
            cocos.join(" of ")
        )
    }
}
pub fn inzet_gevraagd() -> String {
    "capaciteit gevraagd: de CoCo beslist".into()
}
pub fn inzet_gewijzigd() -> String {
    "inzet gewijzigd".into()
}
pub fn inzet_ingetrokken() -> String {
    "inzet ingetrokken".into()
}
pub fn niets_in_te_trekken() -> String {
    "deze inzet is al afgelopen of afgewezen".into()
}
pub fn al_toegezegd() -> String {
    "deze inzet is al toegezegd".into()
}
pub fn minder_uren(gevraagd: f64, toegezegd: f64) -> String {
    format!(
        "gevraagd: {} u/week; toegezegd: {} u/week (meer past niet)",
        getal(gevraagd),
        getal(toegezegd)
    )
}
pub fn overgedragen_aan(naam: &str) -> String {
    format!("afgewezen; dezelfde uren zijn toegezegd door {naam}")
}
pub fn in_plaats_van(naam: &str) -> String {
    format!("toegezegd in plaats van {naam}")
}
pub fn naar_pmo() -> String {
    "nog niet besloten: naar het PMO-overleg".into()
}
pub fn besluit_vastgelegd() -> String {
    "besluit vastgelegd".into()
}
pub fn inzet_afgewezen() -> String {
    "inzet afgewezen".into()
}
pub fn alle_eenheden() -> &'static str {
    "alle eenheden (geen gebruiker ingesteld)"
}
pub fn eenheden_van(naam: &str) -> String {
    format!("eenheden van {naam}")
}
pub fn inzet_toetsen() -> String {
    " n vragen · e wijzigen · w intrekken · t toezeggen · x afwijzen · Enter persoon · Esc terug"
        .into()
}
pub fn inzet_detail_titel(naam: &str, eenheid: &str) -> String {
    format!(" {naam} ({eenheid}): belasting met en zonder deze inzet ")
}
pub fn persoon_met() -> &'static str {
    " persoon, met"
}
pub fn persoon_zonder() -> &'static str {
    " persoon, zonder"
}
pub fn eenheid_met() -> &'static str {
    " eenheid, met"
}
pub fn eenheid_zonder() -> &'static str {
    " eenheid, zonder"
}
pub fn afwijzen_titel(naam: &str, uren: f64) -> String {
    format!("{} u/week van {naam} afwijzen", getal(uren))
}
pub fn afwijzen_hint() -> String {
    "Reden (mag leeg; geen medische of persoonlijke details). Enter wijst af, Esc annuleert.".into()
}
pub fn inzet_vragen_titel() -> String {
    "Capaciteit vragen".into()
}
pub fn inzet_wijzigen_titel() -> String {
    "Inzet wijzigen".into()
}
pub fn inzet_form_hint() -> String {
    "  Week: 2026-W50, 50 of een datum · uren: 7,5 · meer uren of weken: opnieuw gevraagd".into()
}
pub fn toezeggen_vraag(
    naam: &str,
    uren: f64,
    van: crate::domain::Week,
    tot: crate::domain::Week,
) -> String {
    format!(
        " {} u/week van {naam}, {}, toezeggen?",
        getal(uren),
        weken(van, tot)
    )
}
pub fn overboekt_door(
    naam: &str,
    w: crate::domain::Week,
    gepland: f64,
    beschikbaar: f64,
) -> String {
    format!(
        "{naam} is dan in {} overboekt: {} u gepland bij {} u beschikbaar.",
        week_nr(w),
        getal(gepland),
        getal(beschikbaar)
    )
}
pub fn eenheid_vol(w: crate::domain::Week, gepland: f64, beschikbaar: f64) -> String {
    format!(
        "De eenheid is dan in {} overbelast: {} u gepland bij {} u beschikbaar.",
        week_nr(w),
        getal(gepland),
        getal(beschikbaar)
    )
}
pub fn keuze_toch(uren: f64) -> String {
    format!("Toch toezeggen ({} u/week)", getal(uren))
}
pub fn keuze_minder(uren: f64) -> String {
    format!("Minder uren toezeggen: {} u/week (wat past)", getal(uren))
}
pub fn keuze_ander(naam: &str, vrij: f64) -> String {
    format!(
        "Een collega van de eenheid: {naam} ({} u/week vrij); dit verzoek wordt afgewezen",
        getal(vrij)
    )
}
pub fn keuze_pmo() -> String {
    "Laten staan als gevraagd, voor het PMO-overleg".into()
}
pub fn keuze_hint() -> String {
    " ↑/↓ of een cijfer kiest · Enter voert uit · Esc annuleert".into()
}
pub fn besluit_titel() -> String {
    " Toezeggen zou iemand overbelasten ".into()
}
pub fn rapport_titel(org: &str, vandaag: chrono::NaiveDate) -> String {
    format!(
        "Capaciteit voor het PMO-overleg — {org} — week {} ({})",
        crate::domain::Week::of(vandaag).number(),
        vandaag.format("%d-%m-%Y")
    )
}
pub fn rapport_kop_heatmap() -> String {
    "Belasting per eenheid en week".into()
}
pub fn rapport_heatmap_uitleg() -> String {
    "Gepland (regulier werk plus opgaven, ook gevraagde inzet) gedeeld door beschikbaar. ⚠ = meer gepland dan beschikbaar.".into()
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
pub fn rapport_geen_verzoeken() -> String {
    "Geen open verzoeken.".into()
}
pub fn rapport_kop_borden() -> String {
    "Stand per bord".into()
}
pub fn rapport_geschreven(pad: &std::path::Path) -> String {
    format!("Rapport geschreven: {}", pad.display())
}
pub fn ongeldige_duur(s: &str) -> String {
    format!("ongeldige duur \"{s}\": typ bijvoorbeeld 30s of 2m")
}
pub fn onbekend_bord_of_cluster(s: &str) -> String {
    format!("geen bord of cluster `{s}` in deze werkmap")
}
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
pub fn niemand_aan_de_beurt() -> String {
    "Spatie: de eerste is aan de beurt".into()
}
pub fn belasting_deze_week(b: Option<f64>) -> String {
    match b {
        Some(b) => format!("belasting deze week {}", procent(b)),
        None => "deze week niet beschikbaar".into(),
    }
}
pub fn keuze_weken(van: crate::domain::Week, tot: crate::domain::Week) -> String {
    format!("Andere weken toezeggen: {} (dan past het)", weken(van, tot))
}
pub fn andere_weken(van: crate::domain::Week, tot: crate::domain::Week) -> String {
    format!(
        "gevraagd voor {}; toegezegd in latere weken",
        weken(van, tot)
    )
}
pub fn persoon_verdwenen(id: &str) -> String {
    format!("{id} staat intussen niet meer in organisatie.ron; de wijziging is niet toegepast")
}
pub fn geen_werkdagen() -> String {
    "kies minstens één werkdag".into()
}
pub fn geen_afwezigheid() -> String {
    "geen afwezigheid vanaf vandaag om te verwijderen".into()
}
pub fn afwezigheid_verwijderd() -> String {
    "afwezigheid verwijderd".into()
}
pub fn persoon_bijgewerkt() -> String {
    "persoon bijgewerkt · u = ongedaan maken".into()
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
pub fn mensen_toetsen_leeg() -> String {
    " Esc terug".into()
}
pub fn mensen_titel_zonder_gebruiker() -> String {
    " Mensen · geen gebruiker ingesteld".into()
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
pub fn mens_form_hint() -> String {
    "  Tab wisselt veld · ←/→ en spatie kiezen dagen · Enter opslaan · Esc annuleren".into()
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
pub fn afwezig_privacy() -> String {
    "  Alleen de soort: een reden hoort niet in een gedeelde map.".into()
}
pub fn afwezig_hint() -> String {
    "  Datum: 23-11-2026 of 2026-11-23 · Enter opslaan · Esc annuleren".into()
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
pub fn twee_klaar_kolommen() -> String {
    "twee kolommen met `klaar: true` na samenvoegen: de eigen keuze is bewaard".into()
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
pub fn git_ingesteld(map: &std::path::Path, driver: &str) -> String {
    format!(
        "Git ingesteld voor {}:\n  .gitattributes: *.ron merge=planbord\n  .gitignore: .planbord/\n  git config merge.planbord.driver {driver}",
        map.display()
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

fn getal_kort(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}").replace('.', ",")
    }
}

fn veld(n: &crate::domain::ops::Notice) -> &str {
    match n.field.as_deref() {
        Some(crate::domain::ops::WEKEN) => "weken",
        Some(crate::domain::ops::BESLISSING) => "besluit",
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
    format!("\"{kaart}\" verplaatst naar {kolom} · u = ongedaan maken")
}
pub fn deels_ongedaan(wat: &str) -> String {
    format!("ongedaan gemaakt, behalve: {wat}")
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
pub fn verzoek_veranderd() -> String {
    "het verzoek is intussen door een collega gewijzigd of afgehandeld: er is niets besloten".into()
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
pub fn opnieuw_proberen() -> String {
    "opnieuw proberen op te slaan…".into()
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
pub fn afsluiten_titel() -> String {
    " Afsluiten met wijzigingen die niet zijn opgeslagen ".into()
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
pub fn afsluiten_hint() -> String {
    "↑/↓ of een cijfer kiest · Enter voert uit · Esc blijft".into()
}
pub fn veld_van_collega() -> String {
    "  ↺ door een collega gewijzigd".into()
}
pub fn veld_ook_collega(v: &serde_json::Value) -> String {
    format!("  ⚠ collega: {}", waarde(v))
}
pub fn kaart_weg_in_formulier() -> String {
    "  ⚠ Een collega heeft deze kaart verwijderd; Enter zet haar terug met je wijzigingen.".into()
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
    format!("\"{kaart}\" bijgewerkt · u = ongedaan maken")
}
pub fn kaart_toegevoegd(kaart: &str) -> String {
    format!("\"{kaart}\" toegevoegd · u = ongedaan maken")
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
