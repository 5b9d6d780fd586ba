//! "Wie kan helpen?": people whose talents or name match a search, with the hours they have
//! free per week over the weeks asked about, those with room first.

use super::Engine;
use crate::domain::{Bord, Organisatie, Week};

/// A person who may help.
#[derive(Debug, Clone, PartialEq)]
pub struct Helper {
    pub id: String,
    pub naam: String,
    /// The unit's name (empty when unknown).
    pub eenheid: String,
    /// The talents that matched the search (all of them when the name matched).
    pub talenten: Vec<String>,
    /// Free hours per week: the least over the weeks (available minus planned, requests
    /// included), so it is what they can give every one of those weeks.
    pub vrij: f64,
}

use crate::domain::zoek::los;

/// Free hours per week of every person over `weken`: the least of available minus planned.
pub fn vrij_per_persoon(org: &Organisatie, borden: &[Bord], weken: &[Week]) -> Vec<f64> {
    let e = Engine::new(org, borden);
    (0..org.mensen.len())
        .map(|p| {
            weken
                .iter()
                .map(|&w| {
                    let l = e.person_week(p, w);
                    l.beschikbaar - l.gepland()
                })
                .fold(f64::INFINITY, f64::min)
        })
        .map(|v| if v.is_finite() { v } else { 0.0 })
        .collect()
}

/// The people whose talents or name contain `zoek` (case-insensitive), most free hours per
/// week over `weken` first, then by name.
pub fn wie_kan_helpen(
    org: &Organisatie,
    borden: &[Bord],
    zoek: &str,
    weken: &[Week],
) -> Vec<Helper> {
    let q = los(zoek.trim());
    let vrij = vrij_per_persoon(org, borden, weken);
    let mut out: Vec<Helper> = org
        .mensen
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let talenten: Vec<String> = p
                .talenten
                .iter()
                .filter(|t| los(t).contains(&q))
                .cloned()
                .collect();
            let op_naam = los(&p.naam).contains(&q) || p.id == q;
            (!talenten.is_empty() || op_naam).then(|| Helper {
                id: p.id.clone(),
                naam: p.naam.clone(),
                eenheid: org
                    .eenheid(&p.eenheid)
                    .map_or(String::new(), |e| e.naam.clone()),
                talenten: if talenten.is_empty() {
                    p.talenten.clone()
                } else {
                    talenten
                },
                vrij: vrij[i],
            })
        })
        .collect();
    out.sort_by(|a, b| b.vrij.total_cmp(&a.vrij).then_with(|| a.naam.cmp(&b.naam)));
    out
}
