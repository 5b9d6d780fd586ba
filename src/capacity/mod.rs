//! Capacity: availability, planned load and the conflict rules of DESIGN.md section 3.
//! Pure functions of the werkmap, the horizon and "today".
//!
//! Owns: hours per person, unit and week, and the conflicts as facts (an enum per kind with
//! its figures); the words for them live in `wording`. May use: `domain`.

pub mod agenda;
pub mod conflict;
pub mod helpen;
pub mod load;
pub mod portefeuille;
pub mod reeks;
pub mod rules;

use chrono::NaiveDate;

pub use conflict::{Conflict, ConflictSoort, Ernst, Uitleg};
pub use helpen::{Helper, vrij_per_persoon, wie_kan_helpen};
pub use load::{BuitenDienst, Claim, Engine, WeekLoad};
pub use reeks::{Reeks, reeksen};

use crate::domain::{Bord, Organisatie, Week, Werkmap};

/// Hours closer together than this are equal (DESIGN.md section 3).
pub const TOLERANTIE: f64 = 0.05;

/// "`a` is more than `b`", with the tolerance.
pub fn meer_dan(a: f64, b: f64) -> bool {
    a > b + TOLERANTIE
}

/// The people a board is about: its inzet (not declined) and its card owners.
pub fn mensen_van(bord: &Bord) -> std::collections::HashSet<&str> {
    bord.inzet
        .iter()
        .filter(|i| i.status != crate::domain::InzetStatus::Afgewezen)
        .map(|i| i.persoon.as_str())
        .chain(bord.kaarten.iter().filter_map(|k| k.eigenaar.as_deref()))
        .collect()
}

/// Whether a conflict concerns a board: it is on the board, or it is about the load of one of
/// its people ([`mensen_van`]; another board's cards and columns are not this board's). The
/// overview's counts, in the TUI and as text, mean this.
pub fn betreft(bord: &Bord, mensen: &std::collections::HashSet<&str>, c: &Conflict) -> bool {
    c.bord.as_deref() == Some(bord.id.as_str())
        || (c.soort.over_belasting() && c.persoon.as_deref().is_some_and(|p| mensen.contains(p)))
}

/// What a board's inzet goes to, by name: the opgave of an opgaveteam board, else (or when
/// the opgave is not in the organisation) the board's title; what people call the work.
pub fn bron<'a>(org: &'a Organisatie, bord: &'a Bord) -> &'a str {
    bord.opgave()
        .and_then(|id| org.opgaven.iter().find(|o| o.id == id))
        .map_or(bord.titel.as_str(), |o| o.naam.as_str())
}

/// The weeks a capacity question looks at: `weken` weeks from `vanaf`.
pub fn horizon(vanaf: Week, weken: u32) -> Vec<Week> {
    (0..i64::from(weken)).map(|n| vanaf.plus(n)).collect()
}

/// The default horizon: the current week and the 11 after it.
pub fn default_horizon(vandaag: NaiveDate) -> Vec<Week> {
    horizon(Week::of(vandaag), 12)
}

/// Every conflict of the werkmap, sorted as DESIGN.md section 3 says. Without an organisation
/// only the rules that need none run (WIP and deadlines).
pub fn conflicts(werkmap: &Werkmap, horizon: &[Week], vandaag: NaiveDate) -> Vec<Conflict> {
    let mut out = people_conflicts(werkmap, horizon, vandaag);
    for bord in &werkmap.borden {
        out.extend(board_conflicts(werkmap.organisatie.as_ref(), bord, vandaag));
    }
    out.sort_by(Conflict::order);
    out
}

/// The conflicts that depend on people's load: everything but the cards of the boards. Cards
/// do not change anyone's load, so a card edit needs only [`board_conflicts`] again.
pub fn people_conflicts(werkmap: &Werkmap, horizon: &[Week], vandaag: NaiveDate) -> Vec<Conflict> {
    let mut out = Vec::new();
    if let Some(org) = &werkmap.organisatie {
        let engine = Engine::new(org, &werkmap.borden);
        let loads = engine.loads(horizon);
        rules::persons(&engine, horizon, &loads, vandaag, &mut out);
        rules::units(&engine, horizon, &loads, &mut out);
        rules::niet_toegezegd(&engine, vandaag, &mut out);
        rules::span_of_attention(&engine, vandaag, &mut out);
    }
    out
}

/// The conflicts of one board's columns and cards: WIP, deadlines, estimates above inzet.
pub fn board_conflicts(
    org: Option<&Organisatie>,
    bord: &Bord,
    vandaag: NaiveDate,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    rules::wip(bord, &mut out);
    match org {
        Some(org) => {
            let naam = |id: &str| org.persoon(id).map_or(id.to_string(), |p| p.naam.clone());
            rules::deadlines(bord, naam, vandaag, &mut out);
            rules::kaarten_boven_inzet(org, bord, vandaag, &mut out);
        }
        None => rules::deadlines(bord, str::to_string, vandaag, &mut out),
    }
    out
}
