//! The figures behind the selected inzet: what the CoCo looks at before deciding.

use super::InzetRef;
use crate::capacity::Engine;
use crate::domain::{InzetSoort, InzetStatus, Week, Werkmap};

/// The selected inzet's person week by week, with and without it, and the unit likewise:
/// what the CoCo looks at before deciding.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InzetDetail {
    pub naam: String,
    pub eenheid: String,
    pub weeks: Vec<Week>,
    pub met: Vec<crate::capacity::WeekLoad>,
    pub zonder: Vec<crate::capacity::WeekLoad>,
    pub eenheid_met: Vec<crate::capacity::WeekLoad>,
    pub eenheid_zonder: Vec<crate::capacity::WeekLoad>,
}

/// The figures behind one inzet, for up to 12 weeks from its start (or from now).
pub fn detail(werkmap: &Werkmap, r: &InzetRef, nu: Week) -> Option<InzetDetail> {
    let org = werkmap.organisatie.as_ref()?;
    let z = r.inzet(werkmap)?;
    let engine = Engine::new(org, &werkmap.borden);
    let p = engine.person(&z.persoon)?;
    let u = engine.unit_of(p)?;
    let weeks: Vec<Week> = z
        .van
        .max(nu)
        .through(z.tot.max(z.van.max(nu)))
        .take(12)
        .collect();
    let without = |mut l: crate::capacity::WeekLoad, w: Week| {
        if z.is_active_in(w) {
            match (z.soort, z.status) {
                (_, InzetStatus::Afgewezen) => {}
                (InzetSoort::Regulier, _) => l.regulier -= z.uren_per_week,
                (InzetSoort::Opgave, InzetStatus::Gevraagd) => l.gevraagd -= z.uren_per_week,
                (InzetSoort::Opgave, InzetStatus::Toegezegd) => l.toegezegd -= z.uren_per_week,
            }
        }
        l
    };
    let met: Vec<_> = weeks.iter().map(|&w| engine.person_week(p, w)).collect();
    let eenheid_met: Vec<_> = weeks.iter().map(|&w| engine.unit_week(u, w)).collect();
    Some(InzetDetail {
        naam: org.mensen[p].naam.clone(),
        eenheid: org.eenheden[u].naam.clone(),
        zonder: met
            .iter()
            .zip(&weeks)
            .map(|(l, &w)| without(*l, w))
            .collect(),
        eenheid_zonder: eenheid_met
            .iter()
            .zip(&weeks)
            .map(|(l, &w)| without(*l, w))
            .collect(),
        met,
        eenheid_met,
        weeks,
    })
}
