//! A capacity conflict: what kind, how serious, where, and one Dutch sentence saying why.

use std::cmp::Ordering;

use super::load::WeekLoad;
use serde::{Serialize, Serializer};

use crate::domain::Week;

/// The kinds of conflict; their names are part of the output contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictSoort {
    AfwezigIngezet,
    DeadlineVerlopen,
    EenheidOverbelast,
    KaartenBovenInzet,
    NietToegezegd,
    Overboekt,
    SpanOfAttention,
    WipOverschreden,
}

impl ConflictSoort {
    /// Every kind, in alphabetical order of their names.
    pub const ALLE: [ConflictSoort; 8] = [
        ConflictSoort::AfwezigIngezet,
        ConflictSoort::DeadlineVerlopen,
        ConflictSoort::EenheidOverbelast,
        ConflictSoort::KaartenBovenInzet,
        ConflictSoort::NietToegezegd,
        ConflictSoort::Overboekt,
        ConflictSoort::SpanOfAttention,
        ConflictSoort::WipOverschreden,
    ];

    /// Whether the kind is about people's load (the rules over the whole organisation), not
    /// about one board's cards or columns.
    pub fn over_belasting(self) -> bool {
        !matches!(
            self,
            ConflictSoort::WipOverschreden
                | ConflictSoort::DeadlineVerlopen
                | ConflictSoort::KaartenBovenInzet
        )
    }

    /// The contract name, e.g. `eenheid_overbelast`.
    pub fn naam(self) -> &'static str {
        match self {
            ConflictSoort::AfwezigIngezet => "afwezig_ingezet",
            ConflictSoort::DeadlineVerlopen => "deadline_verlopen",
            ConflictSoort::EenheidOverbelast => "eenheid_overbelast",
            ConflictSoort::KaartenBovenInzet => "kaarten_boven_inzet",
            ConflictSoort::NietToegezegd => "niet_toegezegd",
            ConflictSoort::Overboekt => "overboekt",
            ConflictSoort::SpanOfAttention => "span_of_attention",
            ConflictSoort::WipOverschreden => "wip_overschreden",
        }
    }
}

/// How serious a conflict is. Ordered most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ernst {
    Hoog,
    Midden,
    Laag,
}

impl Ernst {
    /// The contract name, e.g. `hoog`.
    pub fn naam(self) -> &'static str {
        match self {
            Ernst::Hoog => "hoog",
            Ernst::Midden => "midden",
            Ernst::Laag => "laag",
        }
    }
}

fn hours<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(h) => s.serialize_f64((h * 100.0).round() / 100.0 + 0.0),
        None => s.serialize_none(),
    }
}

/// One conflict. Fields a rule has no value for are `None` (JSON `null`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub soort: ConflictSoort,
    pub ernst: Ernst,
    pub week: Option<Week>,
    pub persoon: Option<String>,
    pub eenheid: Option<String>,
    pub bord: Option<String>,
    /// A board column id.
    pub kolom: Option<String>,
    pub kaart: Option<String>,
    #[serde(serialize_with = "hours")]
    pub beschikbaar: Option<f64>,
    #[serde(serialize_with = "hours")]
    pub gepland: Option<f64>,
    /// What the one-sentence explanation needs (names and figures); worded above the core
    /// (`wording::uitleg`).
    #[serde(skip)]
    pub uitleg: Uitleg,
}

/// The facts behind a conflict's explanation, per kind: names as people know them and the
/// figures. The core states them; the wording module makes the Dutch sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Uitleg {
    Overboekt {
        naam: String,
        eenheid: String,
        week: Week,
        load: WeekLoad,
        /// Hours per opgave (bron) that week.
        delen: Vec<(String, f64)>,
        /// Only claims not yet agreed cause it.
        alleen_gevraagd: bool,
    },
    AfwezigIngezet {
        naam: String,
        eenheid: String,
        week: Week,
        load: WeekLoad,
        delen: Vec<(String, f64)>,
        /// Not absent but not (yet) employed that week.
        buiten_dienst: Option<super::load::BuitenDienst>,
    },
    EenheidOverbelast {
        naam: String,
        week: Week,
        load: WeekLoad,
    },
    NietToegezegd {
        naam: String,
        eenheid: String,
        bord: String,
        inzet: crate::domain::Inzet,
        cocos: Vec<String>,
        weken_tot_start: i64,
    },
    KaartenBovenInzet {
        naam: String,
        bord: String,
        kaarten: usize,
        geschat: f64,
        inzet: f64,
        van: Week,
        tot: Week,
    },
    Wip {
        kolom: String,
        bord: String,
        kaarten: usize,
        wip: u32,
    },
    Deadline {
        titel: String,
        bord: String,
        deadline: crate::domain::Datum,
        kolom: String,
        eigenaar: Option<String>,
    },
    Span {
        naam: String,
        eenheden: Vec<String>,
        fte: f64,
        max: f64,
    },
}

impl Conflict {
    pub(crate) fn new(soort: ConflictSoort, ernst: Ernst, uitleg: Uitleg) -> Conflict {
        Conflict {
            soort,
            ernst,
            week: None,
            persoon: None,
            eenheid: None,
            bord: None,
            kolom: None,
            kaart: None,
            beschikbaar: None,
            gepland: None,
            uitleg,
        }
    }

    /// The order of DESIGN.md section 3: ernst, week, soort, then the ids; `None` first.
    pub fn order(&self, o: &Conflict) -> Ordering {
        self.ernst
            .cmp(&o.ernst)
            .then(self.week.cmp(&o.week))
            .then(self.soort.naam().cmp(o.soort.naam()))
            .then(self.persoon.cmp(&o.persoon))
            .then(self.eenheid.cmp(&o.eenheid))
            .then(self.bord.cmp(&o.bord))
            .then(self.kolom.cmp(&o.kolom))
            .then(self.kaart.cmp(&o.kaart))
    }
}
