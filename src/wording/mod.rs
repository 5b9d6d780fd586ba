//! Every Dutch sentence the user sees, in one place so the wording stays consistent. The core
//! (domain, capacity, storage) returns facts; this module words them for the screens, the
//! command line and the report. Uses the core and config; used by app, ui, cli and rapport.
//! Split by where the words appear; every function is reachable as `wording::name`.

mod agenda;
mod bevindingen;
mod conflicten;
mod delen;
mod historie;
mod import;
mod mensen;
mod opdrachtregel;
mod opgaven;
mod scherm;

pub use agenda::*;
pub use bevindingen::*;
pub use conflicten::*;
pub use delen::*;
pub use historie::*;
pub use import::*;
pub use mensen::*;
pub use opdrachtregel::*;
pub use opgaven::*;
pub use scherm::*;

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
pub(super) fn windows_in_gebruik(e: &crate::storage::IoFout) -> Option<String> {
    // ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33).
    (cfg!(windows) && matches!(e.os, Some(32 | 33)))
        .then(|| "bestand is in gebruik door een ander programma".to_string())
}
