//! Finding what a user named on the command line: by id, by name, or by a unique part of
//! either, ignoring case ("strand" finds the board of the opgave `strand`).

/// What a name found among the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gezocht<T> {
    /// Exactly one candidate.
    Een(T),
    /// More than one candidate has the text in a name; none is named exactly.
    Meerdere(Vec<T>),
    /// No candidate has the text in any of its names.
    Geen,
}

/// A name as a search compares it: lower case, accents off (`Chloë` and `chloe` match).
pub fn los(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            'ş' => 's',
            'ğ' => 'g',
            c => c,
        })
        .collect()
}

/// Finds `tekst` among `kandidaten` (a value with the words that name it: its id, its name,
/// …). An exact name wins over a part of one; a part must point at one candidate.
pub fn zoek<T: Clone>(kandidaten: &[(T, Vec<&str>)], tekst: &str) -> Gezocht<T> {
    let tekst = los(tekst.trim());
    if tekst.is_empty() {
        return Gezocht::Geen;
    }
    let waar = |f: &dyn Fn(&str) -> bool| -> Vec<T> {
        kandidaten
            .iter()
            .filter(|(_, namen)| namen.iter().any(|n| f(&los(n))))
            .map(|(v, _)| v.clone())
            .collect()
    };
    let precies = waar(&|n| n == tekst);
    let gevonden = if precies.is_empty() {
        waar(&|n| n.contains(&tekst))
    } else {
        precies
    };
    let mut rest = gevonden.into_iter();
    match (rest.next(), rest.next()) {
        (None, _) => Gezocht::Geen,
        (Some(een), None) => Gezocht::Een(een),
        (Some(a), Some(b)) => Gezocht::Meerdere([a, b].into_iter().chain(rest).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        let k = vec![
            ("chloe", vec!["Chloë van den Berg"]),
            ("anais", vec!["Anaïs Öztürk"]),
        ];
        assert_eq!(zoek(&k, "chloe"), Gezocht::Een("chloe"));
        assert_eq!(zoek(&k, "OZTURK"), Gezocht::Een("anais"));
        assert_eq!(los("Financiën"), "financien");
    }

    fn borden() -> Vec<(&'static str, Vec<&'static str>)> {
        vec![
            (
                "opgave-strand",
                vec!["opgave-strand", "Revitalisering Wassenaarse Slag", "strand"],
            ),
            (
                "opgave-jeugd",
                vec!["opgave-jeugd", "Jeugd en gezin", "jeugd"],
            ),
            (
                "clusterkamer-staf",
                vec!["clusterkamer-staf", "Clusterkamer Staf"],
            ),
        ]
    }

    #[test]
    fn an_id_a_name_or_a_unique_part() {
        let b = borden();
        assert_eq!(zoek(&b, "strand"), Gezocht::Een("opgave-strand"));
        assert_eq!(zoek(&b, "OPGAVE-JEUGD"), Gezocht::Een("opgave-jeugd"));
        assert_eq!(zoek(&b, "wassenaarse"), Gezocht::Een("opgave-strand"));
        assert_eq!(zoek(&b, "staf"), Gezocht::Een("clusterkamer-staf"));
    }

    #[test]
    fn a_part_of_several_names_is_not_a_choice() {
        let b = borden();
        assert_eq!(
            zoek(&b, "opgave"),
            Gezocht::Meerdere(vec!["opgave-strand", "opgave-jeugd"])
        );
        assert_eq!(zoek(&b, "haven"), Gezocht::Geen);
        assert_eq!(zoek(&b, "  "), Gezocht::Geen);
    }

    #[test]
    fn an_exact_name_beats_a_part_of_another() {
        let b = vec![("a", vec!["ruimte"]), ("b", vec!["clusterkamer-ruimte"])];
        assert_eq!(zoek(&b, "Ruimte"), Gezocht::Een("a"));
    }
}
