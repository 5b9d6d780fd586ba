//! One function per conflict rule of DESIGN.md section 3.

use chrono::NaiveDate;

use super::conflict::{Conflict, ConflictSoort, Ernst, Uitleg};
use super::load::{Engine, WeekLoad};
use super::{TOLERANTIE, meer_dan};
use crate::domain::{Bord, Datum, InzetSoort, InzetStatus, Organisatie, Week};
/// `overboekt` and `afwezig_ingezet` for every person and week of the horizon.
/// `loads[p][w]` holds person `p`'s figures in `horizon[w]` (see [`Engine::loads`]).
pub fn persons(
    engine: &Engine,
    horizon: &[Week],
    loads: &[Vec<WeekLoad>],
    vandaag: NaiveDate,
    out: &mut Vec<Conflict>,
) {
    for (p, persoon) in engine.org.mensen.iter().enumerate() {
        let eenheid = engine.unit_of(p).map(|u| &engine.org.eenheden[u]);
        let eenheid_naam = eenheid.map_or("", |e| e.naam.as_str());
        for (w, &week) in horizon.iter().enumerate() {
            let load = loads[p][w];
            let gepland = load.gepland();
            let base = |soort, ernst, uitleg| Conflict {
                week: Some(week),
                persoon: Some(persoon.id.clone()),
                eenheid: eenheid.map(|e| e.id.clone()),
                beschikbaar: Some(load.beschikbaar),
                gepland: Some(gepland),
                ..Conflict::new(soort, ernst, uitleg)
            };
            if load.beschikbaar <= TOLERANTIE {
                // Out of employment, owning an open card counts as being planned too.
                let buiten_dienst = engine.buiten_dienst(p, week);
                if engine.claims_in(p, week).next().is_some()
                    || buiten_dienst.is_some() && engine.owns_card_in(p, week, vandaag)
                {
                    let uitleg = Uitleg::AfwezigIngezet {
                        naam: persoon.naam.clone(),
                        eenheid: eenheid_naam.to_string(),
                        week,
                        load,
                        delen: engine.opgave_parts(p, week),
                        buiten_dienst,
                    };
                    out.push(base(ConflictSoort::AfwezigIngezet, Ernst::Hoog, uitleg));
                }
            } else if meer_dan(gepland, load.beschikbaar) {
                let ernst = overboekt_ernst(&load);
                let uitleg = Uitleg::Overboekt {
                    naam: persoon.naam.clone(),
                    eenheid: eenheid_naam.to_string(),
                    week,
                    load,
                    delen: engine.opgave_parts(p, week),
                    alleen_gevraagd: ernst == Ernst::Laag,
                };
                out.push(base(ConflictSoort::Overboekt, ernst, uitleg));
            }
        }
    }
}

/// The severity of an over-booking: `laag` when only unconfirmed claims cause it, `hoog` when
/// over by more than 10%, else `midden`.
pub fn overboekt_ernst(load: &WeekLoad) -> Ernst {
    let gepland = load.gepland();
    if !meer_dan(gepland - load.gevraagd, load.beschikbaar) {
        Ernst::Laag
    } else if meer_dan(gepland - load.beschikbaar, 0.1 * load.beschikbaar) {
        Ernst::Hoog
    } else {
        Ernst::Midden
    }
}

/// `eenheid_overbelast` for every unit and week of the horizon.
pub fn units(engine: &Engine, horizon: &[Week], loads: &[Vec<WeekLoad>], out: &mut Vec<Conflict>) {
    for (u, eenheid) in engine.org.eenheden.iter().enumerate() {
        for (w, &week) in horizon.iter().enumerate() {
            let load = engine
                .members(u)
                .iter()
                .fold(WeekLoad::default(), |mut sum, &p| {
                    sum.add(&loads[p][w]);
                    sum
                });
            if meer_dan(load.gepland(), load.beschikbaar) {
                out.push(Conflict {
                    week: Some(week),
                    eenheid: Some(eenheid.id.clone()),
                    beschikbaar: Some(load.beschikbaar),
                    gepland: Some(load.gepland()),
                    ..Conflict::new(
                        ConflictSoort::EenheidOverbelast,
                        Ernst::Hoog,
                        Uitleg::EenheidOverbelast {
                            naam: eenheid.naam.clone(),
                            week,
                            load,
                        },
                    )
                });
            }
        }
    }
}

/// `niet_toegezegd`: Gevraagd inzet that has started or starts within two weeks.
pub fn niet_toegezegd(engine: &Engine, vandaag: NaiveDate, out: &mut Vec<Conflict>) {
    let nu = Week::of(vandaag);
    let grens = nu.plus(2);
    for bord in engine.borden {
        for inz in &bord.inzet {
            if inz.status != InzetStatus::Gevraagd || inz.tot < nu || inz.van > grens {
                continue;
            }
            let p = engine.person(&inz.persoon);
            let persoon = p.map(|p| &engine.org.mensen[p]);
            let eenheid = p
                .and_then(|p| engine.unit_of(p))
                .map(|u| &engine.org.eenheden[u]);
            let cocos: Vec<&str> = eenheid
                .map(|e| {
                    e.cocos
                        .iter()
                        .map(|c| {
                            engine
                                .org
                                .persoon(c)
                                .map_or(c.as_str(), |p| p.naam.as_str())
                        })
                        .collect()
                })
                .unwrap_or_default();
            let begonnen = inz.van <= nu;
            out.push(Conflict {
                week: Some(inz.van),
                persoon: Some(inz.persoon.clone()),
                eenheid: eenheid.map(|e| e.id.clone()),
                bord: Some(bord.id.clone()),
                ..Conflict::new(
                    ConflictSoort::NietToegezegd,
                    if begonnen { Ernst::Hoog } else { Ernst::Midden },
                    Uitleg::NietToegezegd {
                        naam: persoon
                            .map_or(inz.persoon.as_str(), |p| p.naam.as_str())
                            .into(),
                        eenheid: eenheid.map_or("", |e| e.naam.as_str()).into(),
                        bord: bord.titel.clone(),
                        inzet: inz.clone(),
                        cocos: cocos.iter().map(|c| c.to_string()).collect(),
                        weken_tot_start: nu.weeks_until(inz.van),
                    },
                )
            });
        }
    }
}

/// `kaarten_boven_inzet`: open estimated cards on an opgaveteam board that ask more hours of
/// their owner than the board's inzet gives that owner before the deadlines.
pub fn kaarten_boven_inzet(
    org: &Organisatie,
    bord: &Bord,
    vandaag: NaiveDate,
    out: &mut Vec<Conflict>,
) {
    if bord.opgave().is_none() {
        return;
    }
    let today = Datum(vandaag);
    let mut owners: Vec<&str> = Vec::new();
    for k in &bord.kaarten {
        if let Some(e) = k.eigenaar.as_deref()
            && !owners.contains(&e)
        {
            owners.push(e);
        }
    }
    for owner in owners {
        let cards: Vec<_> = bord
            .kaarten
            .iter()
            .filter(|k| k.eigenaar.as_deref() == Some(owner) && bord.is_open(k))
            .filter(|k| k.uren.is_some() && k.deadline.is_some_and(|d| d >= today))
            .collect();
        let (Some(first), Some(last)) = (
            cards.iter().map(|k| k.start.unwrap_or(today)).min(),
            cards.iter().filter_map(|k| k.deadline).max(),
        ) else {
            continue;
        };
        let from = first.max(today).week();
        let to = last.week();
        let geschat: f64 = cards.iter().filter_map(|k| k.uren).sum();
        let inzet = inzet_hours(bord, owner, from, to);
        if meer_dan(geschat, inzet) {
            let persoon = org.persoon(owner);
            let eenheid = persoon.and_then(|p| org.eenheid(&p.eenheid));
            out.push(Conflict {
                persoon: Some(owner.to_string()),
                eenheid: eenheid.map(|e| e.id.clone()),
                bord: Some(bord.id.clone()),
                beschikbaar: Some(inzet),
                gepland: Some(geschat),
                ..Conflict::new(
                    ConflictSoort::KaartenBovenInzet,
                    Ernst::Midden,
                    Uitleg::KaartenBovenInzet {
                        naam: persoon.map_or(owner, |p| p.naam.as_str()).into(),
                        bord: bord.titel.clone(),
                        kaarten: cards.len(),
                        geschat,
                        inzet,
                        van: from,
                        tot: to,
                    },
                )
            });
        }
    }
}

/// The board's Gevraagd and Toegezegd Opgave-inzet for `persoon` summed over weeks `from..=to`.
fn inzet_hours(bord: &Bord, persoon: &str, from: Week, to: Week) -> f64 {
    bord.inzet
        .iter()
        .filter(|i| i.persoon == persoon && i.soort == InzetSoort::Opgave)
        .filter(|i| i.status != InzetStatus::Afgewezen)
        .map(|i| {
            let a = i.van.max(from);
            let b = i.tot.min(to);
            let weeks = (a.weeks_until(b) + 1).max(0);
            i.uren_per_week * weeks as f64
        })
        // fold from +0.0: an empty f64 sum is -0.0, which would print as "-0,0".
        .fold(0.0, |a, b| a + b)
}

/// `wip_overschreden`: a column holding more cards than its limit. Needs no organisation.
pub fn wip(bord: &Bord, out: &mut Vec<Conflict>) {
    for kolom in &bord.kolommen {
        let Some(wip) = kolom.wip else { continue };
        let n = bord.kaarten.iter().filter(|k| k.kolom == kolom.id).count();
        if n > wip as usize {
            out.push(Conflict {
                bord: Some(bord.id.clone()),
                kolom: Some(kolom.id.clone()),
                ..Conflict::new(
                    ConflictSoort::WipOverschreden,
                    Ernst::Laag,
                    Uitleg::Wip {
                        kolom: kolom.naam.clone(),
                        bord: bord.titel.clone(),
                        kaarten: n,
                        wip,
                    },
                )
            });
        }
    }
}

/// `deadline_verlopen`: an open card whose deadline has passed. Needs no organisation, but uses
/// it for the owner's name when there is one.
pub fn deadlines(
    bord: &Bord,
    naam: impl Fn(&str) -> String,
    vandaag: NaiveDate,
    out: &mut Vec<Conflict>,
) {
    for k in bord.kaarten.iter().filter(|k| bord.is_open(k)) {
        let Some(deadline) = k.deadline.filter(|d| d.0 < vandaag) else {
            continue;
        };
        let kolom = bord
            .kolommen
            .iter()
            .find(|c| c.id == k.kolom)
            .map_or("", |c| c.naam.as_str());
        out.push(Conflict {
            bord: Some(bord.id.clone()),
            kaart: Some(k.id.clone()),
            persoon: k.eigenaar.clone(),
            ..Conflict::new(
                ConflictSoort::DeadlineVerlopen,
                Ernst::Midden,
                Uitleg::Deadline {
                    titel: k.titel.clone(),
                    bord: bord.titel.clone(),
                    deadline,
                    kolom: kolom.to_string(),
                    eigenaar: k.eigenaar.as_deref().map(&naam),
                },
            )
        });
    }
}

/// `span_of_attention`: a CoCo whose units hold more fte than the organisation's maximum.
/// Counts the people employed `vandaag`.
pub fn span_of_attention(engine: &Engine, vandaag: NaiveDate, out: &mut Vec<Conflict>) {
    let org = engine.org;
    let mut cocos: Vec<&str> = Vec::new();
    for e in &org.eenheden {
        for c in &e.cocos {
            if !cocos.contains(&c.as_str()) {
                cocos.push(c);
            }
        }
    }
    for coco in cocos {
        let mut fte = 0.0;
        let mut namen = Vec::new();
        for (u, e) in org.eenheden.iter().enumerate() {
            if e.cocos.iter().any(|c| c == coco) {
                fte += engine.unit_fte_on(u, Some(vandaag)) / e.cocos.len() as f64;
                namen.push(e.naam.as_str());
            }
        }
        // The tolerance is in hours: compare hours of fte.
        if meer_dan(
            fte * org.uren_per_fte,
            org.max_fte_per_coco * org.uren_per_fte,
        ) {
            let naam = org.persoon(coco).map_or(coco, |p| p.naam.as_str());
            out.push(Conflict {
                persoon: Some(coco.to_string()),
                ..Conflict::new(
                    ConflictSoort::SpanOfAttention,
                    Ernst::Laag,
                    Uitleg::Span {
                        naam: naam.to_string(),
                        eenheden: namen.iter().map(|n| n.to_string()).collect(),
                        fte,
                        max: org.max_fte_per_coco,
                    },
                )
            });
        }
    }
}
