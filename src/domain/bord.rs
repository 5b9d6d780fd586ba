//! A board file: columns, inzet (claims on people's hours) and cards.

use serde::{Deserialize, Serialize};

use super::week::{Datum, Moment, Week};

/// A planbord of a clusterkamer or an opgaveteam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bord {
    pub versie: u32,
    pub id: String,
    pub titel: String,
    pub soort: BordSoort,
    pub kolommen: Vec<Kolom>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inzet: Vec<Inzet>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kaarten: Vec<Kaart>,
    /// The tokens of the last saves, space-separated (DESIGN.md section 7): how a writer
    /// tells whether a later file still descends from its save.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sporen: String,
}

impl Bord {
    /// The column that holds finished work, if the board has one.
    pub fn klaar_kolom(&self) -> Option<&Kolom> {
        self.kolommen.iter().find(|k| k.klaar)
    }

    /// Whether the card lies outside the `klaar` column.
    pub fn is_open(&self, kaart: &Kaart) -> bool {
        self.klaar_kolom().is_none_or(|k| k.id != kaart.kolom)
    }

    /// The opgave id of an opgaveteam board.
    pub fn opgave(&self) -> Option<&str> {
        match &self.soort {
            BordSoort::Opgaveteam { opgave } => Some(opgave),
            BordSoort::Clusterkamer { .. } => None,
        }
    }
}

/// Which room or team a board belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum BordSoort {
    Opgaveteam { opgave: String },
    Clusterkamer { cluster: String },
}

/// The columns a new board starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sjabloon {
    /// Te doen, Bezig (WIP 5), Wacht op, Klaar.
    Standaard,
    /// For an opgave followed to its end: Te doen, Bezig, Wacht op, Resultaat zichtbaar,
    /// Gevierd en geëvalueerd (klaar).
    TotHetEinde,
}

impl Sjabloon {
    pub const ALLE: [Sjabloon; 2] = [Sjabloon::Standaard, Sjabloon::TotHetEinde];

    /// The template's columns.
    pub fn kolommen(self) -> Vec<Kolom> {
        let k = |id: &str, naam: &str, wip: Option<u32>, klaar: bool| Kolom {
            id: id.into(),
            naam: naam.into(),
            wip,
            klaar,
        };
        let mut v = vec![
            k("todo", "Te doen", None, false),
            k("bezig", "Bezig", Some(5), false),
            k("wacht", "Wacht op", None, false),
        ];
        match self {
            Sjabloon::Standaard => v.push(k("klaar", "Klaar", None, true)),
            Sjabloon::TotHetEinde => {
                v.push(k("resultaat", "Resultaat zichtbaar", None, false));
                v.push(k("gevierd", "Gevierd en geëvalueerd", None, true));
            }
        }
        v
    }
}

/// A column of the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kolom {
    pub id: String,
    pub naam: String,
    /// Work-in-progress limit: the most cards this column should hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip: Option<u32>,
    /// This column holds finished work.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub klaar: bool,
}

/// Whether an inzet is asked, agreed or declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum InzetStatus {
    /// Asked by the opgave, not yet agreed by the CoCo.
    Gevraagd,
    /// Agreed by the CoCo.
    #[default]
    Toegezegd,
    /// Declined: kept for the record, counts nowhere.
    Afgewezen,
}

/// Whether an inzet is work for the opgave or a peak of regular work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum InzetSoort {
    #[default]
    Opgave,
    Regulier,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Hours per week claimed from a person, from week `van` to week `tot` (both included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inzet {
    /// Empty when read without an id; one is assigned at the first save.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub persoon: String,
    pub uren_per_week: f64,
    pub van: Week,
    pub tot: Week,
    /// Always written, so a reader never has to know the default.
    #[serde(default)]
    pub status: InzetStatus,
    #[serde(default, skip_serializing_if = "is_default")]
    pub soort: InzetSoort,
    /// Who asked for it, when and why; set when the request is made in planbord.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verzoek: Option<Verzoek>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub besluit: Option<Besluit>,
}

/// A request for inzet: who asked, when, and their motivation for the CoCo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verzoek {
    /// Persoon id or name.
    pub wie: String,
    pub wanneer: Moment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

impl Inzet {
    /// Whether the inzet runs in `week`.
    pub fn is_active_in(&self, week: Week) -> bool {
        self.van <= week && week <= self.tot
    }
}

/// Who decided on an inzet, when and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Besluit {
    /// Persoon id or name.
    pub wie: String,
    pub wanneer: Moment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

/// Whose lange termijn agenda a card's date is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LtaSoort {
    College,
    Raad,
}

/// How a card is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum KaartStatus {
    #[default]
    OpKoers,
    Risico,
    Vertraagd,
    Geblokkeerd,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

/// A piece of work with at most one owner (dossierhouder).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kaart {
    /// Empty when read without an id; one is assigned at the first save.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub titel: String,
    pub kolom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eigenaar: Option<String>,
    /// What the card is about, in as many lines as it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omschrijving: Option<String>,
    /// Total effort estimate in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uren: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Datum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Datum>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: KaartStatus,
    /// Progress in percent, 0–100.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub voortgang: u32,
    /// Case number in the document system, e.g. `Z/26/001234`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zaak: Option<String>,
    /// Decision moment on the lange termijn agenda.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lta: Option<Datum>,
    /// Whose agenda the LTA date is on: the college's or the council's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lta_soort: Option<LtaSoort>,
    /// The day the card entered the klaar column; cleared when it leaves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub klaar_op: Option<Datum>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notities: Vec<Notitie>,
}

impl Kaart {
    /// A card with only its id, title and column; every other field at its default.
    pub fn new(id: impl Into<String>, titel: impl Into<String>, kolom: impl Into<String>) -> Kaart {
        Kaart {
            id: id.into(),
            titel: titel.into(),
            kolom: kolom.into(),
            eigenaar: None,
            omschrijving: None,
            uren: None,
            start: None,
            deadline: None,
            status: KaartStatus::OpKoers,
            voortgang: 0,
            zaak: None,
            lta: None,
            lta_soort: None,
            klaar_op: None,
            labels: Vec::new(),
            notities: Vec::new(),
        }
    }
}

/// A signed note on a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notitie {
    pub wie: String,
    pub wanneer: Moment,
    pub tekst: String,
}
