//! Words of the screens that name the app's own states (views, filters, scopes): they sit
//! with the screens, because the wording module sits below the app.

pub fn hulp_kop(view: crate::app::View) -> String {
    use crate::app::View::*;
    let naam = match view {
        Overzicht => "Overzicht",
        Bord => "Bord",
        Kaart => "Kaart",
        Capaciteit => "Capaciteit",
        Conflicten => "Conflicten",
        Inzet => "Inzet",
        Standup => "Stand-up",
        Mensen => "Mensen",
        Inrichting => "Inrichting",
        Opgaven => "Opgaven",
        Tijdlijn => "Tijdlijn",
        Agenda => "Weekagenda",
    };
    format!("Toetsen in {naam}")
}

pub fn snelfilter(q: crate::app::QuickFilter) -> String {
    use crate::app::QuickFilter::*;
    match q {
        Geen => "alle kaarten",
        Mijn => "mijn kaarten",
        Verlopen => "verlopen",
        InConflict => "in conflict",
    }
    .into()
}

pub fn maat_label(m: crate::app::capaciteit::Maat) -> &'static str {
    use crate::app::capaciteit::Maat::*;
    match m {
        Procent => "belasting in procenten (m: uren, fte)",
        Uren => "uren gepland/beschikbaar (m: fte, procenten)",
        Fte => "fte gepland/beschikbaar (m: procenten, uren)",
    }
}

pub fn geen_inzet_hier(scope: &crate::app::inzet::Scope) -> String {
    match scope {
        crate::app::inzet::Scope::Bord(_) => {
            "  Nog geen inzet op dit bord: n vraagt capaciteit.".into()
        }
        crate::app::inzet::Scope::Inbox => "  Geen open verzoeken.".into(),
    }
}

/// The timeline's zoom level.
pub fn zoom(z: crate::app::tijdlijn::Zoom) -> &'static str {
    use crate::app::tijdlijn::Zoom::*;
    match z {
        Week => "week",
        Maand => "maand",
        Kwartaal => "kwartaal",
    }
}

const MAANDEN: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// The time axis's upper label where its period begins: the month and year over weeks
/// (`dec 2026`), the year over months and quarters (`2027`).
pub fn as_boven(z: crate::app::tijdlijn::Zoom, dag: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match z {
        crate::app::tijdlijn::Zoom::Week => {
            format!("{} {}", MAANDEN[dag.month0() as usize], dag.year())
        }
        _ => dag.year().to_string(),
    }
}

/// The time axis's lower label where its period begins: the week (`W49`), the month (`dec`)
/// or the quarter (`K1`).
pub fn as_onder(z: crate::app::tijdlijn::Zoom, dag: chrono::NaiveDate) -> String {
    use crate::app::tijdlijn::Zoom::*;
    use chrono::Datelike;
    match z {
        Week => format!("W{:02}", dag.iso_week().week()),
        Maand => MAANDEN[dag.month0() as usize].to_string(),
        Kwartaal => format!("K{}", dag.month0() / 3 + 1),
    }
}

/// What a marker's symbol means, for the legend.
pub fn marker_uitleg(s: crate::app::tijdlijn::MarkerSoort) -> &'static str {
    use crate::app::tijdlijn::MarkerSoort::*;
    match s {
        LtaRaad => "LTA raad",
        LtaCollege => "LTA college",
        Lta => "LTA",
        Deadline => "deadline",
        Start => "start",
        Eind => "eind",
    }
}

/// The selected marker in three parts, so a narrow screen cuts only the middle: the date and
/// kind (`01-12-2026 LTA raad · `), what it is about (`Begroting 2027 · Haven en strand`),
/// and how many more share its cell (` (+2 in dit vak)`).
pub fn markering(
    m: &crate::app::tijdlijn::Marker,
    opgave: &str,
    samen: usize,
) -> (String, String, String) {
    use crate::app::tijdlijn::MarkerSoort::*;
    let datum = m.datum.format("%d-%m-%Y");
    let (kop, wat) = match m.soort {
        Start => (format!("{datum} start van "), opgave.to_string()),
        Eind => (format!("{datum} eind van "), opgave.to_string()),
        s => (
            format!("{datum} {} · ", marker_uitleg(s)),
            format!("{} · {opgave}", m.titel),
        ),
    };
    let meer = if samen > 1 {
        format!(" (+{} in dit vak)", samen - 1)
    } else {
        String::new()
    };
    (kop, wat, meer)
}
