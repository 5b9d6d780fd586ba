//! Reading the values of a cell as people type them in a Dutch spreadsheet.

use chrono::NaiveDate;

use crate::domain::Dag;

/// A header or a name compared loosely: lower case, accents off, `-`, `_`, `.` and `/` as
/// spaces, one space between words.
pub fn los(s: &str) -> String {
    let folded: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            '-' | '_' | '.' | '/' => ' ',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An id made of a name: lower-case letters and digits joined by `-`.
pub fn id_van(s: &str) -> String {
    let l = los(s);
    let mut out = String::new();
    for c in l.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "x".into() } else { out }
}

/// A number with a decimal comma or point (`32,5`, `32.5`, `0,8`).
pub fn getal(s: &str) -> Option<f64> {
    let t = s.trim().replace(' ', "");
    let t = if t.contains(',') && !t.contains('.') {
        t.replace(',', ".")
    } else {
        t
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A date as `23-11-2026`, `23/11/2026`, `2026-11-23` or `23-11-26`.
pub fn datum(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    // A spreadsheet's date-time: the date part.
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
}

/// Working days as `ma,di,wo` (or with spaces, or whole names).
pub fn werkdagen(s: &str) -> Option<Vec<Dag>> {
    Dag::lees_lijst(s)
}

/// Talents, separated by commas or semicolons.
pub fn lijst(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_typed_in_a_dutch_spreadsheet() {
        assert_eq!(los("Organisatie-eenheid"), "organisatie eenheid");
        assert_eq!(los("  Uren per  Week "), "uren per week");
        assert_eq!(los("Geëvalueerd"), "geevalueerd");
        assert_eq!(id_van("Ruimte & Wonen"), "ruimte-wonen");
        assert_eq!(id_van("Jan de Vries"), "jan-de-vries");
        assert_eq!(getal("32,5"), Some(32.5));
        assert_eq!(getal("0.8"), Some(0.8));
        assert_eq!(getal("abc"), None);
        assert_eq!(datum("23-11-2026"), datum("2026-11-23"));
        assert_eq!(
            datum("1-2-2027").map(|d| d.to_string()).as_deref(),
            Some("2027-02-01")
        );
        assert_eq!(
            datum("2026-11-23T00:00:00")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-11-23")
        );
        assert_eq!(datum("morgen"), None);
        assert_eq!(werkdagen("ma,di,wo"), Some(vec![Dag::Ma, Dag::Di, Dag::Wo]));
        assert_eq!(werkdagen("Vrijdag maandag"), Some(vec![Dag::Ma, Dag::Vr]));
        assert_eq!(werkdagen("xx"), None);
        assert_eq!(
            lijst("Excel, subsidies;;  bewonersavonden"),
            ["Excel", "subsidies", "bewonersavonden"]
        );
    }
}
