//! Tuning the generated demo with the capacity engine: accidental conflicts are removed, the
//! designated ones stay, and the unit scenario is set up with exact figures.
//!
//! `unit_scenario` (about 95 lines) sets up one story with exact figures (who is moved where
//! so that one unit is over-loaded in exactly the weeks the demo promises); it reads as the
//! story's steps in order.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::capacity::{self, ConflictSoort, Engine};
use crate::domain::{Inzet, InzetSoort, InzetStatus, Week, Werkmap};

/// What the builder intends: conflicts that must survive tuning.
#[derive(Default)]
pub struct Plan {
    /// People whose conflicts are part of a story.
    pub designated: HashSet<String>,
    /// The project leader of the Wassenaarse Slag, over-booked in the current weeks.
    pub strand_trekker: Option<String>,
    /// (bord, persoon) pairs whose cards are meant to exceed their inzet.
    pub kaarten: HashSet<(String, String)>,
    /// People with a Gevraagd claim starting soon.
    pub gevraagd: Vec<String>,
}

/// Weeks looked at while tuning: well past 2027-W26 for a demo made in late 2026.
const TUNE_WEKEN: u32 = 44;

pub fn tune(werkmap: &mut Werkmap, plan: &Plan, vandaag: NaiveDate) {
    let horizon = capacity::horizon(Week::of(vandaag), TUNE_WEKEN);
    for _ in 0..40 {
        let conflicts = capacity::conflicts(werkmap, &horizon, vandaag);
        let mut handled: HashSet<String> = HashSet::new();
        let mut changed = false;
        for c in &conflicts {
            let Some(p) = c.persoon.clone() else { continue };
            if plan.designated.contains(&p) && c.soort == ConflictSoort::AfwezigIngezet
                || plan.strand_trekker.as_deref() == Some(p.as_str())
            {
                continue;
            }
            match c.soort {
                ConflictSoort::Overboekt if handled.insert(p.clone()) => {
                    let (Some(w), Some(b), Some(g)) = (c.week, c.beschikbaar, c.gepland) else {
                        continue;
                    };
                    changed |= reduce_claim(werkmap, &p, w, g - b);
                }
                ConflictSoort::AfwezigIngezet if handled.insert(p.clone()) => {
                    let Some(w) = c.week else { continue };
                    changed |= drop_absence(werkmap, &p, w);
                }
                ConflictSoort::KaartenBovenInzet => {
                    let bord = c.bord.clone().unwrap_or_default();
                    if !plan.kaarten.contains(&(bord.clone(), p.clone())) {
                        changed |= drop_estimate(werkmap, &bord, &p);
                    }
                }
                _ => {}
            }
        }
        if !changed {
            break;
        }
    }
    unit_scenario(werkmap, vandaag);
}

/// Lowers the largest claim on `persoon` running in `week` so the week fits.
fn reduce_claim(werkmap: &mut Werkmap, persoon: &str, week: Week, excess: f64) -> bool {
    let mut best: Option<(usize, usize, f64)> = None;
    for (b, bord) in werkmap.borden.iter().enumerate() {
        for (i, z) in bord.inzet.iter().enumerate() {
            if z.persoon == persoon
                && z.is_active_in(week)
                && z.status != InzetStatus::Afgewezen
                && best.is_none_or(|(_, _, h)| z.uren_per_week > h)
            {
                best = Some((b, i, z.uren_per_week));
            }
        }
    }
    let Some((b, i, h)) = best else { return false };
    let cut = (excess + 0.1).ceil();
    if h - cut >= 2.0 {
        werkmap.borden[b].inzet[i].uren_per_week = h - cut;
    } else {
        werkmap.borden[b].inzet.remove(i);
    }
    true
}

fn drop_absence(werkmap: &mut Werkmap, persoon: &str, week: Week) -> bool {
    let Some(org) = werkmap.organisatie.as_mut() else {
        return false;
    };
    let Some(p) = org.mensen.iter_mut().find(|m| m.id == persoon) else {
        return false;
    };
    let before = p.afwezig.len();
    p.afwezig
        .retain(|a| a.tot.0 < week.monday() || a.van.0 > week.monday() + chrono::Duration::days(6));
    p.afwezig.len() != before
}

fn drop_estimate(werkmap: &mut Werkmap, bord: &str, persoon: &str) -> bool {
    let Some(b) = werkmap.borden.iter_mut().find(|b| b.id == bord) else {
        return false;
    };
    let biggest = b
        .kaarten
        .iter_mut()
        .filter(|k| k.eigenaar.as_deref() == Some(persoon) && k.uren.is_some())
        .max_by(|a, c| a.uren.unwrap_or(0.0).total_cmp(&c.uren.unwrap_or(0.0)));
    match biggest {
        Some(k) => {
            k.uren = None;
            true
        }
        None => false,
    }
}

fn next_inzet_id(inzet: &[Inzet]) -> String {
    let n = inzet
        .iter()
        .filter_map(|z| z.id.strip_prefix('i').and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    format!("i{}", n + 1)
}

/// Openbare Orde en Veiligheid runs nearly full in two coming weeks (a peak of regular work),
/// and one Gevraagd claim of the veiligheid opgave tips the unit over: declining it clears it.
fn unit_scenario(werkmap: &mut Werkmap, vandaag: NaiveDate) {
    let Some(org) = werkmap.organisatie.clone() else {
        return;
    };
    let weeks = [Week::of(vandaag).plus(2), Week::of(vandaag).plus(3)];
    for unit in org.eenheden.iter().filter(|e| e.id.starts_with("oov")) {
        let suffix = &unit.id["oov".len()..];
        let kamer = format!("clusterkamer-wijken{suffix}");
        let opgave = format!("opgave-veiligheid{suffix}");
        // Free hours per member in the tightest of the two weeks.
        let (free, slack): (Vec<(String, f64)>, f64) = {
            let engine = Engine::new(&org, &werkmap.borden);
            let Some(u) = engine.unit(&unit.id) else {
                continue;
            };
            let free = engine
                .members(u)
                .iter()
                .map(|&p| {
                    let f = weeks
                        .iter()
                        .map(|&w| {
                            let l = engine.person_week(p, w);
                            l.beschikbaar - l.gepland()
                        })
                        .fold(f64::INFINITY, f64::min);
                    (org.mensen[p].id.clone(), f)
                })
                .collect();
            let slack = weeks
                .iter()
                .map(|&w| {
                    let l = engine.unit_week(u, w);
                    l.beschikbaar - l.gepland()
                })
                .fold(f64::INFINITY, f64::min);
            (free, slack)
        };
        let Some(kb) = werkmap.borden.iter().position(|b| b.id == kamer) else {
            continue;
        };
        let mut to_fill = (slack - 4.0).floor();
        let mut tightest: Option<(String, f64)> = None;
        for (n, (p, f)) in free.iter().enumerate() {
            // Half hours, so the unit ends up within a few hours of full.
            let h = ((f - 0.25) * 2.0).floor().min(to_fill * 2.0) / 2.0;
            if h >= 1.0 {
                let id = next_inzet_id(&werkmap.borden[kb].inzet);
                werkmap.borden[kb].inzet.push(Inzet {
                    id,
                    persoon: p.clone(),
                    uren_per_week: h,
                    van: weeks[0],
                    tot: weeks[1],
                    status: InzetStatus::Toegezegd,
                    soort: InzetSoort::Regulier,
                    verzoek: None,
                    besluit: None,
                });
                to_fill -= h;
            }
            // The request goes to a colleague, not to the CoCo (listed first).
            if n > 0 && *f > 0.5 && tightest.is_none() {
                tightest = Some((p.clone(), *f));
            }
        }
        let remaining = {
            let engine = Engine::new(&org, &werkmap.borden);
            let Some(u) = engine.unit(&unit.id) else {
                continue;
            };
            weeks
                .iter()
                .map(|&w| {
                    let l = engine.unit_week(u, w);
                    l.beschikbaar - l.gepland()
                })
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let (Some((persoon, _)), Some(ob)) =
            (tightest, werkmap.borden.iter().position(|b| b.id == opgave))
        else {
            continue;
        };
        let id = next_inzet_id(&werkmap.borden[ob].inzet);
        werkmap.borden[ob].inzet.push(Inzet {
            id,
            persoon,
            uren_per_week: remaining.ceil() + 5.0,
            van: weeks[0],
            tot: weeks[1],
            status: InzetStatus::Gevraagd,
            soort: InzetSoort::Opgave,
            verzoek: None,
            besluit: None,
        });
    }
}
