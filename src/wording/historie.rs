//! The history of a board in words: "wat is er veranderd", a card's history, and what reading
//! it had to skip.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use crate::domain::historie::{Gebeurtenis, Wat};
use crate::domain::{Bord, InzetStatus};
use crate::storage::historie::{Overgeslagen, Waarom};

/// Text from a history file on one line, without control characters.
fn schoon(s: &str) -> String {
    super::zichtbaar(&s.replace(['\n', '\r', '\t'], " ")).into_owned()
}

fn kort(s: &str, n: usize) -> String {
    let s = schoon(s);
    if s.chars().count() <= n {
        s
    } else {
        format!(
            "{}…",
            s.chars().take(n.saturating_sub(1)).collect::<String>()
        )
    }
}

fn kolom_naam(bord: Option<&Bord>, id: &str) -> String {
    bord.and_then(|b| b.kolommen.iter().find(|k| k.id == id))
        .map_or_else(|| schoon(id), |k| schoon(&k.naam))
}

fn veld_naam(veld: &str) -> &str {
    match veld {
        "lta" => "LTA",
        "lta_soort" => "LTA-soort",
        "uren_per_week" => "uren per week",
        crate::domain::ops::WEKEN => "weken",
        other => other,
    }
}

/// A field's value as the history shows it: dates short, people by name, progress in percent.
fn waarde(veld: &str, v: &Value, jaar: NaiveDate, naam: &dyn Fn(&str) -> String) -> String {
    match (veld, v) {
        (_, Value::Null) => "(leeg)".into(),
        ("eigenaar", Value::String(id)) => schoon(&naam(id)),
        ("voortgang", Value::Number(n)) => format!("{n}%"),
        ("uren" | "uren_per_week", Value::Number(n)) => {
            format!("{} u", super::getal(n.as_f64().unwrap_or(0.0)))
        }
        ("status", Value::String(s)) => match s.as_str() {
            "OpKoers" => "Op koers".into(),
            other => schoon(other),
        },
        (_, Value::String(s)) => match s.parse::<NaiveDate>() {
            Ok(d) => super::korte_datum(crate::domain::Datum(d), jaar),
            Err(_) => format!("\"{}\"", kort(s, 30)),
        },
        _ => kort(&super::waarde(v), 30),
    }
}

fn status_woord(s: InzetStatus) -> &'static str {
    match s {
        InzetStatus::Gevraagd => "gevraagd",
        InzetStatus::Toegezegd => "toegezegd",
        InzetStatus::Afgewezen => "afgewezen",
    }
}

/// What an entry says, without when and who: `"Kade" van Bezig naar Klaar`,
/// `"Kade": deadline 12-01 → 19-01`, `"Kade": notitie: Gebeld`. `naam` names a person by id.
pub fn gebeurtenis(e: &Gebeurtenis, bord: Option<&Bord>, naam: &dyn Fn(&str) -> String) -> String {
    zin(e, bord, naam, Some(30))
}

/// [`gebeurtenis`] in at most `breedte` cells, the card's title as long as there is room (up
/// to 60) and shortened where needed (down to 8; 20 for a note, which is cut at its end anyway): the change itself (`deadline 12-12 → 19-12`) stays whole; the caller
/// cuts what still does not fit.
pub fn gebeurtenis_in(
    e: &Gebeurtenis,
    bord: Option<&Bord>,
    naam: &dyn Fn(&str) -> String,
    breedte: usize,
) -> String {
    // A note is cut at its end anyway: its card keeps a recognisable title.
    let minst = match e.wat {
        Wat::Notitie { .. } | Wat::NotitieWeg { .. } => 20,
        _ => 8,
    };
    let mut titel = 60;
    loop {
        let z = zin(e, bord, naam, Some(titel));
        if titel <= minst || unicode_width::UnicodeWidthStr::width(z.as_str()) <= breedte {
            return z;
        }
        titel -= 1;
    }
}

/// What an entry says in the card's own history, without the card's title: `van Bezig naar
/// Klaar`, `deadline 12-01 → 19-01`.
pub fn gebeurtenis_op_kaart(
    e: &Gebeurtenis,
    bord: Option<&Bord>,
    naam: &dyn Fn(&str) -> String,
) -> String {
    zin(e, bord, naam, None)
}

fn zin(
    e: &Gebeurtenis,
    bord: Option<&Bord>,
    naam: &dyn Fn(&str) -> String,
    titel_max: Option<usize>,
) -> String {
    let t = e
        .titel
        .as_deref()
        .or(e.kaart.as_deref())
        .unwrap_or_default();
    let t = format!("\"{}\"", kort(t, titel_max.unwrap_or(30)));
    // `kaart "Kade"` before a verb; `"Kade" ` before a move, `"Kade": ` before a field.
    let (kaart, plek, voor) = if titel_max.is_some() {
        (format!("kaart {t}"), format!("{t} "), format!("{t}: "))
    } else {
        ("kaart".to_string(), String::new(), String::new())
    };
    let jaar = e.tijd.0.date();
    match &e.wat {
        Wat::Nieuw => format!("{kaart} aangemaakt"),
        Wat::Verwijderd => format!("{kaart} verwijderd"),
        Wat::Verplaatst { van, naar } => format!(
            "{plek}van {} naar {}",
            kolom_naam(bord, van),
            kolom_naam(bord, naar)
        ),
        Wat::Veld { veld, .. } if veld == "omschrijving" => format!("{voor}omschrijving gewijzigd"),
        Wat::Veld { veld, oud, nieuw } => format!(
            "{voor}{} {} → {}",
            veld_naam(veld),
            waarde(veld, oud, jaar, naam),
            waarde(veld, nieuw, jaar, naam)
        ),
        Wat::Label { label, erbij: true } => format!("{voor}label {} erbij", kort(label, 20)),
        Wat::Label { label, .. } => format!("{voor}label {} eraf", kort(label, 20)),
        Wat::Notitie { tekst } => format!("{voor}notitie: {}", schoon(tekst)),
        Wat::NotitieWeg { tekst } => format!("{voor}notitie weg: {}", schoon(tekst)),
        Wat::InzetGevraagd {
            persoon,
            uren,
            van,
            tot,
        } => format!(
            "inzet gevraagd: {} {} u/week, {} t/m {}",
            schoon(&naam(persoon)),
            super::getal(*uren),
            schoon(van),
            schoon(tot)
        ),
        Wat::InzetBesloten { persoon, status } => format!(
            "inzet van {} {}",
            schoon(&naam(persoon)),
            status_woord(*status)
        ),
        Wat::InzetGewijzigd {
            persoon,
            veld,
            oud,
            nieuw,
        } => format!(
            "inzet van {}: {} {} → {}",
            schoon(&naam(persoon)),
            veld_naam(veld),
            waarde(veld, oud, jaar, naam),
            waarde(veld, nieuw, jaar, naam)
        ),
        Wat::InzetIngetrokken { persoon } => {
            format!("inzet van {} ingetrokken", schoon(&naam(persoon)))
        }
        Wat::StandupBegonnen => "stand-up begonnen".into(),
    }
}

/// When an entry was made, as a list shows it: `23-11 09:12`.
pub fn historie_tijd(t: NaiveDateTime) -> String {
    t.format("%d-%m %H:%M").to_string()
}

/// Who made it, by name (as the list shows it).
pub fn historie_wie(wie: &str, naam: &dyn Fn(&str) -> String) -> String {
    kort(&naam(wie), 18)
}

/// The window's title.
pub fn veranderd_titel(bord: &str) -> String {
    format!(" Wat is er veranderd · {} ", kort(bord, 40))
}

/// Since when the list goes.
pub fn veranderd_sinds(sinds: NaiveDateTime, standup: bool) -> String {
    if standup {
        format!("Sinds de stand-up van {}", sinds.format("%d-%m-%Y %H:%M"))
    } else {
        format!("Sinds {}", sinds.format("%d-%m-%Y"))
    }
}

/// Since when, when no earlier stand-up was recorded.
pub fn veranderd_sinds_week(sinds: NaiveDateTime) -> String {
    format!(
        "Sinds {} (de afgelopen 7 dagen; geen eerdere stand-up vastgelegd)",
        sinds.format("%d-%m-%Y")
    )
}

/// The list is empty.
pub fn veranderd_niets() -> &'static str {
    "Niets veranderd in deze periode."
}

/// The history is being read.
pub fn historie_laden() -> &'static str {
    "De historie wordt gelezen…"
}

/// The keys of the window.
pub fn veranderd_hint() -> &'static str {
    "[ ] dag eerder/later · 0 sinds de stand-up · ↑↓ scrollen · Esc sluiten"
}

/// The stand-up's opening list: what a key does and how long it stays.
pub fn standup_veranderd_hint(seconden: i64) -> String {
    format!("elke toets = naar het bord (vanzelf over {seconden} s)")
}

/// The heading of a card's history in the card view.
pub fn kop_historie(n: usize) -> String {
    if n == 0 {
        "Historie: nog niets vastgelegd".into()
    } else {
        format!("Historie ({n}), nieuwste eerst")
    }
}

/// What reading the history skipped, for the status line.
pub fn historie_overgeslagen(o: &[Overgeslagen]) -> String {
    let delen: Vec<String> = o
        .iter()
        .map(|o| match &o.waarom {
            Waarom::Regels(r) if r.len() == 1 => {
                format!("regel {} van {}", r[0], schoon(&o.bestand))
            }
            Waarom::Regels(r) => format!("{} regels van {}", r.len(), schoon(&o.bestand)),
            Waarom::Bestand(e) => format!("{} ({})", schoon(&o.bestand), super::leesweigering(e)),
        })
        .collect();
    format!("historie: beschadigd en overgeslagen: {}", delen.join(", "))
}

/// Recording the history failed; the save itself succeeded.
pub fn historie_niet_bijgehouden(bestand: &str, e: &std::io::Error) -> String {
    format!(
        "opgeslagen, maar de historie van {} niet bijgehouden: {}",
        schoon(bestand),
        super::io_fout(e)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Moment;

    fn e(wat: Wat) -> Gebeurtenis {
        Gebeurtenis {
            tijd: Moment(
                NaiveDate::from_ymd_opt(2026, 11, 23)
                    .unwrap()
                    .and_hms_opt(9, 12, 0)
                    .unwrap(),
            ),
            wie: "dbakker".into(),
            kaart: Some("k1".into()),
            titel: Some("Kade\u{1b}[2J".into()),
            wat,
        }
    }

    #[test]
    fn entries_read_as_dutch_without_control_characters() {
        let naam = |id: &str| {
            if id == "dbakker" {
                "Daan Bakker".into()
            } else {
                id.into()
            }
        };
        let t = gebeurtenis(
            &e(Wat::Veld {
                veld: "deadline".into(),
                oud: Value::String("2027-01-12".into()),
                nieuw: Value::String("2027-01-19".into()),
            }),
            None,
            &naam,
        );
        assert_eq!(t, "\"Kade�[2J\": deadline 12-01-27 → 19-01-27");
        let t = gebeurtenis(
            &e(Wat::Veld {
                veld: "eigenaar".into(),
                oud: Value::Null,
                nieuw: Value::String("dbakker".into()),
            }),
            None,
            &naam,
        );
        assert!(t.ends_with("eigenaar (leeg) → Daan Bakker"), "{t}");
        let t = gebeurtenis(
            &e(Wat::Notitie {
                tekst: "regel 1\nregel 2".into(),
            }),
            None,
            &naam,
        );
        assert!(t.ends_with("notitie: regel 1 regel 2"), "{t}");
    }
}
