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
