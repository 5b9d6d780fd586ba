//! The organisation file: clusters, units (eenheden), people, opgaven and holidays.

use serde::{Deserialize, Serialize};

use super::week::Datum;

/// The file format version this program reads and writes.
pub const VERSIE: u32 = 1;

/// Hours in a full-time week unless the organisation says otherwise.
pub const UREN_PER_FTE: f64 = 36.0;

/// The span of attention of a CoCo, in fte, unless the organisation says otherwise.
pub const MAX_FTE_PER_COCO: f64 = 25.0;

/// Share of a person's available hours that goes to regular work when neither the person nor
/// the unit says otherwise.
pub const REGULIER_AANDEEL: f64 = 0.7;

fn uren_per_fte() -> f64 {
    UREN_PER_FTE
}
fn is_uren_per_fte(v: &f64) -> bool {
    *v == UREN_PER_FTE
}
fn max_fte_per_coco() -> f64 {
    MAX_FTE_PER_COCO
}
fn is_max_fte_per_coco(v: &f64) -> bool {
    *v == MAX_FTE_PER_COCO
}

/// `organisatie.ron`: who works where, and which opgaven exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisatie {
    pub versie: u32,
    pub naam: String,
    #[serde(default = "uren_per_fte", skip_serializing_if = "is_uren_per_fte")]
    pub uren_per_fte: f64,
    #[serde(
        default = "max_fte_per_coco",
        skip_serializing_if = "is_max_fte_per_coco"
    )]
    pub max_fte_per_coco: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feestdagen: Vec<Datum>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eenheden: Vec<Eenheid>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mensen: Vec<Persoon>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opgaven: Vec<Opgave>,
    /// The tokens of the last saves (see [`crate::domain::Bord::sporen`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sporen: String,
}

impl Organisatie {
    /// The person with this id.
    pub fn persoon(&self, id: &str) -> Option<&Persoon> {
        self.mensen.iter().find(|p| p.id == id)
    }

    /// The unit with this id.
    pub fn eenheid(&self, id: &str) -> Option<&Eenheid> {
        self.eenheden.iter().find(|e| e.id == id)
    }

    /// The cluster with this id.
    pub fn cluster(&self, id: &str) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    /// The opgave with this id.
    pub fn opgave(&self, id: &str) -> Option<&Opgave> {
        self.opgaven.iter().find(|o| o.id == id)
    }
}

/// A thematic cluster of units, with its clusterkamer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub id: String,
    pub naam: String,
}

/// A line unit, led by one or more coach/coördinatoren (CoCo's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eenheid {
    pub id: String,
    pub naam: String,
    pub cluster: String,
    /// Persoon ids of the CoCo's who lead this unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cocos: Vec<String>,
    /// Share (0–1) of available hours spent on regular work, for people who do not set their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulier_aandeel: Option<f64>,
}

/// A working day in a person's pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dag {
    Ma,
    Di,
    Wo,
    Do,
    Vr,
    Za,
    Zo,
}

impl Dag {
    /// Monday to Friday: the pattern of a person who does not say otherwise.
    pub const WERKWEEK: [Dag; 5] = [Dag::Ma, Dag::Di, Dag::Wo, Dag::Do, Dag::Vr];

    /// Every day, Monday first.
    pub const ALLE: [Dag; 7] = [
        Dag::Ma,
        Dag::Di,
        Dag::Wo,
        Dag::Do,
        Dag::Vr,
        Dag::Za,
        Dag::Zo,
    ];

    /// The day's two letters, as people write them: `ma`.
    pub fn afkorting(self) -> &'static str {
        ["ma", "di", "wo", "do", "vr", "za", "zo"][self.weekday().num_days_from_monday() as usize]
    }

    /// Working days as people type them (`ma,di,wo`, with spaces, or whole names), Monday
    /// first; `None` when a part is no day or there is none.
    pub fn lees_lijst(s: &str) -> Option<Vec<Dag>> {
        let mut out = Vec::new();
        for part in s
            .split([',', ';', ' ', '/'])
            .filter(|p| !p.trim().is_empty())
        {
            let p = part.trim().to_lowercase();
            let dag = *Dag::ALLE.iter().find(|d| p.starts_with(d.afkorting()))?;
            if !out.contains(&dag) {
                out.push(dag);
            }
        }
        out.sort_by_key(|d| d.weekday().num_days_from_monday());
        (!out.is_empty()).then_some(out)
    }

    /// The chrono weekday.
    pub fn weekday(self) -> chrono::Weekday {
        use chrono::Weekday::*;
        match self {
            Dag::Ma => Mon,
            Dag::Di => Tue,
            Dag::Wo => Wed,
            Dag::Do => Thu,
            Dag::Vr => Fri,
            Dag::Za => Sat,
            Dag::Zo => Sun,
        }
    }
}

fn werkweek() -> Vec<Dag> {
    Dag::WERKWEEK.to_vec()
}
fn is_werkweek(v: &[Dag]) -> bool {
    v == Dag::WERKWEEK
}

/// A colleague.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persoon {
    pub id: String,
    pub naam: String,
    pub eenheid: String,
    /// Contract hours per week.
    pub uren: f64,
    #[serde(default = "werkweek", skip_serializing_if = "is_werkweek")]
    pub werkdagen: Vec<Dag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulier_aandeel: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talenten: Vec<String>,
    /// The first day of employment; before it the person has no availability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_dienst: Option<Datum>,
    /// The last day of employment; after it the person has no availability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uit_dienst: Option<Datum>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub afwezig: Vec<Afwezigheid>,
}

impl Persoon {
    /// Whether the person is employed on day `d` (no `in_dienst` after it, no `uit_dienst`
    /// before it).
    pub fn in_dienst_op(&self, d: chrono::NaiveDate) -> bool {
        self.in_dienst.is_none_or(|v| v.0 <= d) && self.uit_dienst.is_none_or(|t| d <= t.0)
    }
}

/// A period of absence, both dates included, with at most a kind from a fixed list. These files
/// are shared widely, so an absence never holds a reason (DESIGN.md section 2, "Privacy").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "AfwezigheidBestand")]
pub struct Afwezigheid {
    pub van: Datum,
    pub tot: Datum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soort: Option<AfwezigheidSoort>,
}

/// What kind of absence it is: a fixed list, so no one writes a reason (illness, pregnancy)
/// into a shared file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AfwezigheidSoort {
    Verlof,
    Opleiding,
    Overig,
}

impl AfwezigheidSoort {
    /// Every kind, in the order a form cycles through them.
    pub const ALLE: [AfwezigheidSoort; 3] = [
        AfwezigheidSoort::Verlof,
        AfwezigheidSoort::Opleiding,
        AfwezigheidSoort::Overig,
    ];
}

/// Fields that older files may still hold and that are read and thrown away: the free-text
/// `reden` of an absence. Never kept, never written, never mapped to a `soort`.
pub const VERVALLEN_VELDEN: [&str; 1] = ["reden"];

/// An absence as a file may hold it: [`Afwezigheid`] plus the old free-text `reden`, which is
/// read and dropped. Every other unknown field is still refused, so a misspelt field never
/// vanishes at the next save.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Afwezigheid")]
struct AfwezigheidBestand {
    van: Datum,
    tot: Datum,
    #[serde(default)]
    soort: Option<AfwezigheidSoort>,
    /// Read to be thrown away: whatever its value, nothing of it is kept.
    #[serde(default, rename = "reden")]
    _reden: serde::de::IgnoredAny,
}

impl From<AfwezigheidBestand> for Afwezigheid {
    fn from(a: AfwezigheidBestand) -> Afwezigheid {
        Afwezigheid {
            van: a.van,
            tot: a.tot,
            soort: a.soort,
        }
    }
}

/// A societal mission carried by an opgaveteam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opgave {
    pub id: String,
    pub naam: String,
    /// The cluster whose clusterkamer shows this opgave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Persoon id of the strategisch adviseur.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adviseur: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portefeuillehouder: Option<String>,
    /// Where the opgave is in its life: an opgave is closed only after its result was visible
    /// and celebrated and evaluated.
    #[serde(default, skip_serializing_if = "is_uitvoering")]
    pub fase: Fase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programma: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Datum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eind: Option<Datum>,
}

/// The phases of an opgave, in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Fase {
    Verkenning,
    Startnotitie,
    #[default]
    Uitvoering,
    ResultaatZichtbaar,
    GevierdEnGeevalueerd,
    Afgesloten,
}

impl Fase {
    pub const ALLE: [Fase; 6] = [
        Fase::Verkenning,
        Fase::Startnotitie,
        Fase::Uitvoering,
        Fase::ResultaatZichtbaar,
        Fase::GevierdEnGeevalueerd,
        Fase::Afgesloten,
    ];

    /// Whether an opgave may go from `self` to `naar`: anywhere, except that it closes only
    /// after it was celebrated and evaluated.
    pub fn mag_naar(self, naar: Fase) -> bool {
        naar != Fase::Afgesloten || matches!(self, Fase::GevierdEnGeevalueerd | Fase::Afgesloten)
    }
}

fn is_uitvoering(f: &Fase) -> bool {
    *f == Fase::Uitvoering
}

impl Opgave {
    /// An opgave with only its id and name.
    pub fn new(id: &str, naam: &str) -> Opgave {
        Opgave {
            id: id.to_string(),
            naam: naam.to_string(),
            cluster: None,
            adviseur: None,
            portefeuillehouder: None,
            fase: Fase::Uitvoering,
            programma: None,
            doel: None,
            start: None,
            eind: None,
        }
    }
}
