//! Short ids for cards and inzet that two laptops can create at the same moment without collision.

use super::bord::Bord;

/// Base32 alphabet without easily confused letters (Crockford).
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Six base32 characters from 30 random bits.
pub fn from_bits(bits: u64) -> String {
    (0..6)
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// An id made of a name (lower-case letters and digits joined by `-`), not yet `taken`:
/// `ruimte-wonen`, else `ruimte-wonen-2`, …
pub fn uit_naam(naam: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in naam.to_lowercase().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let base = match base.trim_end_matches('-') {
        "" => "x".to_string(),
        b => b.to_string(),
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Gives every card and inzet without an id a fresh one, drawing random bits from `random`.
/// Returns whether anything changed.
pub fn assign_missing(bord: &mut Bord, mut random: impl FnMut() -> u64) -> bool {
    if bord.kaarten.iter().all(|k| !k.id.is_empty()) && bord.inzet.iter().all(|i| !i.id.is_empty())
    {
        return false;
    }
    let mut taken: std::collections::HashSet<String> = bord
        .kaarten
        .iter()
        .map(|k| k.id.clone())
        .chain(bord.inzet.iter().map(|i| i.id.clone()))
        .collect();
    let mut fresh = || loop {
        let id = from_bits(random());
        if taken.insert(id.clone()) {
            return id;
        }
    };
    let mut changed = false;
    for k in bord.kaarten.iter_mut().filter(|k| k.id.is_empty()) {
        k.id = fresh();
        changed = true;
    }
    for i in bord.inzet.iter_mut().filter(|i| i.id.is_empty()) {
        i.id = fresh();
        changed = true;
    }
    changed
}
