//! Reading a spreadsheet someone else exported (an HR list of people): CSV with `;`, `,` or a
//! tab, in UTF-8 (with or without BOM) or Windows-1252 as Dutch Excel writes it, and the first
//! sheet of an `.xlsx` or `.ods`. Every cell becomes text, trimmed; what the text means is
//! for the importer.

use std::path::Path;

use calamine::{Data, Reader};

use super::ReadRefused;

/// The cells of a sheet, row by row; row 0 is the header. A row's number as a spreadsheet
/// shows it is its index + 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tabel {
    pub rijen: Vec<Vec<String>>,
}

/// Why a file could not be read as a table.
#[derive(Debug, thiserror::Error)]
pub enum TabelFout {
    #[error("{0:?}")]
    Geweigerd(ReadRefused),
    /// Not `.csv`, `.txt`, `.xlsx`, `.xls`, `.ods`.
    #[error("onbekend formaat")]
    Formaat(String),
    /// A CSV line that cannot be split (an unclosed quote), with its line number.
    #[error("csv: regel {regel}: {melding}")]
    Csv { regel: u64, melding: String },
    /// The spreadsheet library's message.
    #[error("spreadsheet: {0}")]
    Spreadsheet(String),
    /// No sheet, or no rows in it.
    #[error("leeg")]
    Leeg,
}

/// Reads the file at `path` by its extension.
pub fn lees(path: &Path) -> Result<Tabel, TabelFout> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let tabel = match ext.as_str() {
        "csv" | "txt" | "tsv" => {
            let bytes = super::load::read_bounded(path).map_err(TabelFout::Geweigerd)?;
            csv(&bytes)?
        }
        "xlsx" | "xlsm" | "xls" | "ods" => {
            // Looked at first: never a FIFO or a device, never above the size limit.
            super::load::read_checked(path).map_err(TabelFout::Geweigerd)?;
            spreadsheet(path)?
        }
        _ => return Err(TabelFout::Formaat(ext)),
    };
    if tabel.rijen.iter().all(|r| r.iter().all(String::is_empty)) {
        return Err(TabelFout::Leeg);
    }
    Ok(tabel)
}

/// The text of CSV bytes: UTF-8 without its BOM, else Windows-1252.
pub fn tekst(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The delimiter of a CSV text: the most frequent of `;`, `,` and tab on its first line,
/// outside quotes (`;` on a tie: Dutch Excel's list separator).
pub fn scheidingsteken(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(b';', 0), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for c in first.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(e) = counts.iter_mut().find(|(d, _)| *d == c) {
            e.1 += 1;
        }
    }
    // max_by_key keeps the last of equal maxima: reverse so `;` wins a tie.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b';', |(d, _)| *d)
}

fn csv(bytes: &[u8]) -> Result<Tabel, TabelFout> {
    let text = tekst(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(scheidingsteken(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rijen = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TabelFout::Csv {
            regel: e.position().map_or(0, |p| p.line()),
            melding: e.to_string(),
        })?;
        rijen.push(record.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(Tabel { rijen })
}

fn spreadsheet(path: &Path) -> Result<Tabel, TabelFout> {
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| TabelFout::Spreadsheet(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(TabelFout::Leeg)?
        .map_err(|e| TabelFout::Spreadsheet(e.to_string()))?;
    // The sheet's first row may not be row 1: keep the numbers a spreadsheet shows.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rijen: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); first_col as usize];
        cells.extend(row.iter().map(cel));
        rijen.push(cells);
    }
    Ok(Tabel { rijen })
}

/// A cell as text: whole numbers without ".0", dates as `2026-11-23`.
fn cel(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map_or_else(|| dt.to_string(), |t| t.date().to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_found_outside_quotes_and_semicolon_wins_a_tie() {
        assert_eq!(scheidingsteken("naam;eenheid;uren\n"), b';');
        assert_eq!(scheidingsteken("naam,eenheid,uren\n"), b',');
        assert_eq!(scheidingsteken("naam\teenheid\turen\n"), b'\t');
        assert_eq!(scheidingsteken("\"a;b\",c,d"), b',');
        assert_eq!(scheidingsteken("naam"), b';');
    }

    #[test]
    fn windows_1252_and_a_bom_are_read() {
        assert_eq!(tekst(b"\xEF\xBB\xBFna\xC3\xAFef"), "naïef");
        assert_eq!(tekst(b"Jos\xE9 M\xFCller"), "José Müller");
    }

    #[test]
    fn quoted_fields_keep_their_delimiters_and_newlines() {
        let t = csv("naam;talenten\n\"Mulder, F.\";\"a;b\"\n".as_bytes()).unwrap();
        assert_eq!(t.rijen[1], ["Mulder, F.", "a;b"]);
    }
}
