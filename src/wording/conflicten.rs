//! Capacity conflicts explained: one sentence per conflict with its figures, for the
//! conflict list, the command line and the report.

use super::*;
use std::fmt::Write as _;

// ---- conflicts -----------------------------------------------------------------------------

/// Writes `strand 8,0, omgevingswet 9,0` from (source, hours) pairs.
pub fn bronnen(delen: &[(String, f64)]) -> String {
    let mut s = String::new();
    for (i, (bron, uren)) in delen.iter().enumerate() {
        // Names may hold commas: the parts are separated by semicolons.
        if i > 0 {
            s.push_str("; ");
        }
        let _ = write!(s, "{bron} {}", getal(*uren));
    }
    s
}

/// A date the Dutch way: `23-11-2026`.
pub fn datum(d: crate::domain::Datum) -> String {
    d.0.format("%d-%m-%Y").to_string()
}

pub(super) fn week_nr(w: crate::domain::Week) -> String {
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

pub(super) fn wie(naam: &str, eenheid: &str) -> String {
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
            buiten_dienst,
        } => uitleg_afwezig_ingezet(naam, eenheid, *week, load, delen, *buiten_dienst),
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

pub(super) fn uitleg_overboekt(
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

pub(super) fn uitleg_afwezig_ingezet(
    naam: &str,
    eenheid: &str,
    week: crate::domain::Week,
    load: &crate::capacity::WeekLoad,
    delen: &[(String, f64)],
    buiten_dienst: Option<crate::capacity::BuitenDienst>,
) -> String {
    use crate::capacity::BuitenDienst;
    let waarom = match buiten_dienst {
        None => "afwezig of vrij",
        Some(BuitenDienst::NogNiet) => "nog niet in dienst",
        Some(BuitenDienst::NietMeer) => "niet meer in dienst",
    };
    let mut s = format!(
        "{} is in {} {waarom} (0,0 u beschikbaar), maar er staat {} u gepland",
        wie(naam, eenheid),
        week_nr(week),
        getal(load.gepland()),
    );
    if buiten_dienst.is_some() && load.gepland() <= crate::capacity::TOLERANTIE {
        s = format!(
            "{} is in {} {waarom}, maar is eigenaar van een open kaart die dan loopt",
            wie(naam, eenheid),
            week_nr(week),
        );
    }
    if !delen.is_empty() {
        let _ = write!(s, " (opgave: {})", bronnen(delen));
    }
    s.push('.');
    s
}

pub(super) fn uitleg_eenheid_overbelast(
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

pub(super) fn uitleg_niet_toegezegd(
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

pub(super) fn uitleg_kaarten_boven_inzet(
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

pub(super) fn uitleg_wip(kolom: &str, bord: &str, n: usize, wip: u32) -> String {
    format!("Kolom {kolom} op {bord} heeft {n} kaarten bij een WIP-limiet van {wip}.")
}

pub(super) fn uitleg_deadline(
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

pub(super) fn uitleg_span(naam: &str, eenheden: &[&str], fte: f64, max: f64) -> String {
    format!(
        "{naam} is CoCo van {} met samen {} fte, meer dan de spanwijdte van {} fte.",
        eenheden.join(" en "),
        getal(fte),
        getal(max),
    )
}

/// A conflict kind in words, for screens and text output (JSON keeps the contract names).
pub fn soort(s: crate::capacity::ConflictSoort) -> &'static str {
    use crate::capacity::ConflictSoort as S;
    match s {
        S::AfwezigIngezet => "afwezig en ingezet",
        S::DeadlineVerlopen => "deadline verlopen",
        S::EenheidOverbelast => "eenheid overbelast",
        S::KaartenBovenInzet => "meer werk dan inzet",
        S::NietToegezegd => "niet toegezegd",
        S::Overboekt => "overboekt",
        S::SpanOfAttention => "te veel fte per CoCo",
        S::WipOverschreden => "WIP-limiet over",
    }
}

/// The weeks of a run of one conflict, as a report names them: `2026-W49` or
/// `2026-W49 t/m 2027-W06`; empty without a week.
pub fn reeks_weken(r: &crate::capacity::Reeks) -> String {
    match (r.eerste().week, r.laatste().week) {
        (Some(a), Some(b)) if a != b => weken_iso(a, b),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// A run of one conflict in words: the one sentence, or for several weeks the range and the
/// worst week's sentence.
pub fn uitleg_reeks(r: &crate::capacity::Reeks) -> String {
    let n = r.conflicten.len();
    match (r.eerste().week, r.laatste().week) {
        (Some(a), Some(b)) if n > 1 => format!(
            "In {} ({n} weken); het zwaarst: {}",
            weken(a, b),
            uitleg(r.zwaarste())
        ),
        _ => uitleg(r.eerste()),
    }
}

/// `2026-W48 t/m 2027-W06`: weeks as the forms take them, one width for every range.
pub fn weken_iso(van: crate::domain::Week, tot: crate::domain::Week) -> String {
    format!("{van} t/m {tot}")
}
