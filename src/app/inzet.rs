//! Inzet from the TUI: the team panel of a board and the CoCo's inbox, the request form, and
//! the CoCo's decision with its real choices when agreeing would over-book someone.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::form::{Candidate, parse_hours};
use super::input::TextInput;
use crate::capacity::{Engine, meer_dan};
use crate::domain::{Inzet, InzetSoort, InzetStatus, Week, Werkmap};
use crate::wording;
/// Which inzet the view lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// The inzet of one board (by id).
    Bord(String),
    /// Every open request on the units the user leads (every unit when no user is set).
    #[default]
    Inbox,
}

/// The state of the inzet view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InzetView {
    pub scope: Scope,
    pub row: usize,
    /// The figures of the selected inzet, refreshed after every action in the view.
    pub detail: Option<InzetDetail>,
}

/// One listed inzet: its board and its own id, so a reload that reorders or removes items
/// never makes a dialog act on another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InzetRef {
    pub bord: String,
    pub inzet: String,
}

impl InzetRef {
    /// The board and the inzet, if both still exist.
    pub fn find<'a>(&self, werkmap: &'a Werkmap) -> Option<(&'a crate::domain::Bord, &'a Inzet)> {
        let b = werkmap.bord(&self.bord)?;
        let z = b.inzet.iter().find(|z| z.id == self.inzet)?;
        Some((b, z))
    }

    /// The inzet, if it still exists.
    pub fn inzet<'a>(&self, werkmap: &'a Werkmap) -> Option<&'a Inzet> {
        self.find(werkmap).map(|(_, z)| z)
    }
}

/// The rows of the view for a werkmap: a board's inzet in file order, or the open requests on
/// the units of `coco` (all units when `None`), by start week.
pub fn rows(werkmap: &Werkmap, scope: &Scope, coco: Option<&str>) -> Vec<InzetRef> {
    match scope {
        Scope::Bord(id) => werkmap
            .bord(id)
            .map(|b| {
                b.inzet
                    .iter()
                    .map(|z| InzetRef {
                        bord: b.id.clone(),
                        inzet: z.id.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        Scope::Inbox => {
            let org = werkmap.organisatie.as_ref();
            let leads = |persoon: &str| {
                coco.is_none_or(|c| {
                    org.and_then(|o| o.persoon(persoon))
                        .and_then(|p| org.and_then(|o| o.eenheid(&p.eenheid)))
                        .is_some_and(|e| e.cocos.iter().any(|x| x == c))
                })
            };
            let mut out: Vec<(Week, InzetRef)> = werkmap
                .borden
                .iter()
                .flat_map(|bord| {
                    bord.inzet
                        .iter()
                        .filter(|z| z.status == InzetStatus::Gevraagd && leads(&z.persoon))
                        .map(move |z| {
                            (
                                z.van,
                                InzetRef {
                                    bord: bord.id.clone(),
                                    inzet: z.id.clone(),
                                },
                            )
                        })
                })
                .collect();
            out.sort_by_key(|(van, _)| *van);
            out.into_iter().map(|(_, r)| r).collect()
        }
    }
}

/// The request form: who, how many hours a week, from and to which week.
#[derive(Debug, Clone, PartialEq)]
pub struct InzetForm {
    /// The inzet being changed, or a new one (with a fresh id).
    pub inzet: Inzet,
    pub is_new: bool,
    pub bord: String,
    pub focus: usize,
    pub persoon: TextInput,
    pub choice: usize,
    pub candidates: Vec<Candidate>,
    pub uren: TextInput,
    pub van: TextInput,
    pub tot: TextInput,
    pub error: Option<String>,
}

/// The labels of the form's fields.
pub const FIELDS: [&str; 5] = [
    "Persoon",
    "Uren per week",
    "Van week",
    "Tot en met week",
    "Soort",
];

impl InzetForm {
    pub fn new(bord: String, inzet: Inzet, is_new: bool, candidates: Vec<Candidate>) -> InzetForm {
        let choice = candidates
            .iter()
            .position(|c| c.id == inzet.persoon)
            .unwrap_or(0);
        InzetForm {
            uren: TextInput::new(if is_new {
                String::new()
            } else {
                wording::getal2(inzet.uren_per_week)
            }),
            van: TextInput::new(inzet.van.to_string()),
            tot: TextInput::new(inzet.tot.to_string()),
            persoon: TextInput::default(),
            inzet,
            is_new,
            bord,
            focus: if is_new { 0 } else { 1 },
            choice,
            candidates,
            error: None,
        }
    }

    /// The people matching what was typed in the person field.
    pub fn matches(&self) -> Vec<&Candidate> {
        let q = self.persoon.text.to_lowercase();
        self.candidates
            .iter()
            .filter(|c| q.is_empty() || c.naam.to_lowercase().contains(&q) || c.id.contains(&q))
            .collect()
    }

    /// The chosen person.
    pub fn chosen(&self) -> Option<&Candidate> {
        let m = self.matches();
        m.get(self.choice.min(m.len().saturating_sub(1))).copied()
    }

    /// Handles a key; true when the user submits.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        self.error = None;
        match key.code {
            KeyCode::Enter => return true,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % FIELDS.len(),
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len()
            }
            _ => match self.focus {
                0 => match key.code {
                    KeyCode::Right => self.choice = (self.choice + 1) % self.matches().len().max(1),
                    KeyCode::Left => {
                        let n = self.matches().len().max(1);
                        self.choice = (self.choice + n - 1) % n;
                    }
                    _ => {
                        if self.persoon.handle(key) {
                            self.choice = 0;
                        }
                    }
                },
                1 => {
                    self.uren.handle(key);
                }
                2 => {
                    self.van.handle(key);
                }
                3 => {
                    self.tot.handle(key);
                }
                _ => {
                    if matches!(
                        key.code,
                        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                    ) {
                        self.inzet.soort = match self.inzet.soort {
                            InzetSoort::Opgave => InzetSoort::Regulier,
                            InzetSoort::Regulier => InzetSoort::Opgave,
                        };
                    }
                }
            },
        }
        false
    }

    /// The inzet the form describes, or the first problem in Dutch. A Toegezegd inzet that
    /// asks more hours or more weeks is asked again (Gevraagd).
    pub fn result(&self, nu: Week) -> Result<Inzet, String> {
        let mut z = self.inzet.clone();
        z.persoon = self.chosen().ok_or_else(wording::kies_persoon)?.id.clone();
        z.uren_per_week =
            parse_hours(self.uren.text.trim())?.ok_or_else(wording::uren_verplicht)?;
        z.van = parse_week(&self.van.text, nu)?;
        z.tot = parse_week(&self.tot.text, nu)?;
        if z.van > z.tot {
            return Err(wording::van_na_tot(&z.van.to_string(), &z.tot.to_string()));
        }
        let wider = z.uren_per_week > self.inzet.uren_per_week + 1e-9
            || z.van < self.inzet.van
            || z.tot > self.inzet.tot;
        if self.is_new
            || (z.status == InzetStatus::Toegezegd && wider)
            || z.persoon != self.inzet.persoon
        {
            z.status = InzetStatus::Gevraagd;
            z.besluit = None;
        }
        Ok(z)
    }
}

/// A week typed as `2026-W50`, `W50` or `50` (the next such week from now), or as a date.
pub fn parse_week(s: &str, nu: Week) -> Result<Week, String> {
    let t = s.trim();
    if let Ok(w) = t.parse::<Week>() {
        return Ok(w);
    }
    if let Ok(d) = t.parse::<crate::domain::Datum>() {
        return Ok(d.week());
    }
    let n: u32 = t
        .trim_start_matches(['W', 'w'])
        .parse()
        .map_err(|_| wording::ongeldige_week(t))?;
    let this = Week::new(nu.year(), n).filter(|w| *w >= nu);
    this.or_else(|| Week::new(nu.year() + 1, n))
        .ok_or_else(|| wording::ongeldige_week(t))
}

/// What agreeing to a request would mean: the worst week for the person and for the unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// (week, gepland, beschikbaar) of the person's worst over-booked week.
    pub persoon: Option<(Week, f64, f64)>,
    /// The same for the unit.
    pub eenheid: Option<(Week, f64, f64)>,
    /// The most hours a week that fit the person in every week of the request.
    pub past: f64,
    /// Colleagues of the same unit who have the hours free in every week: (id, naam, free).
    pub anderen: Vec<(String, String, f64)>,
    /// The first later run of the same number of weeks (within half a year) in which the
    /// person has the hours and the unit stays within its capacity: (van, tot).
    pub later: Option<(Week, Week)>,
}

/// The impact of agreeing to inzet `r` (already counted as Gevraagd in the figures).
pub fn impact(werkmap: &Werkmap, r: &InzetRef, nu: Week) -> Option<Impact> {
    let org = werkmap.organisatie.as_ref()?;
    let z = r.inzet(werkmap)?;
    let engine = Engine::new(org, &werkmap.borden);
    let p = engine.person(&z.persoon)?;
    let u = engine.unit_of(p)?;
    // The weeks that still matter: from now on, at most a year.
    let weeks: Vec<Week> = z.van.max(nu).through(z.tot).take(52).collect();
    let mut worst_p: Option<(Week, f64, f64)> = None;
    let mut worst_u: Option<(Week, f64, f64)> = None;
    let mut past = z.uren_per_week;
    for &w in &weeks {
        let l = engine.person_week(p, w);
        if meer_dan(l.gepland(), l.beschikbaar)
            && worst_p.is_none_or(|(_, g, b)| l.gepland() - l.beschikbaar > g - b)
        {
            worst_p = Some((w, l.gepland(), l.beschikbaar));
        }
        past = past.min((l.beschikbaar - (l.gepland() - z.uren_per_week)).max(0.0));
        let ul = engine.unit_week(u, w);
        if meer_dan(ul.gepland(), ul.beschikbaar)
            && worst_u.is_none_or(|(_, g, b)| ul.gepland() - ul.beschikbaar > g - b)
        {
            worst_u = Some((w, ul.gepland(), ul.beschikbaar));
        }
    }
    let mut anderen: Vec<(String, String, f64)> = engine
        .members(u)
        .iter()
        .filter(|&&m| m != p)
        .map(|&m| {
            let free = weeks
                .iter()
                .map(|&w| {
                    let l = engine.person_week(m, w);
                    l.beschikbaar - l.gepland()
                })
                .fold(f64::INFINITY, f64::min);
            (org.mensen[m].id.clone(), org.mensen[m].naam.clone(), free)
        })
        .filter(|(_, _, free)| *free + 0.05 >= z.uren_per_week)
        .collect();
    anderen.sort_by(|a, b| b.2.total_cmp(&a.2));
    anderen.truncate(3);
    // Other weeks: shift the whole request later until every week fits person and unit.
    let len = z.van.weeks_until(z.tot);
    let fits = |w: Week| {
        let l = engine.person_week(p, w);
        let ul = engine.unit_week(u, w);
        // The request already counts where it runs now; elsewhere it comes on top.
        let extra = if z.is_active_in(w) {
            0.0
        } else {
            z.uren_per_week
        };
        !meer_dan(l.gepland() + extra, l.beschikbaar)
            && !meer_dan(ul.gepland() + extra, ul.beschikbaar)
            && l.beschikbaar > 0.05
    };
    let start = z.van.max(nu);
    let later = (1..=26)
        .map(|k| start.plus(k))
        .find(|&van| van.through(van.plus(len)).all(fits))
        .map(|van| (van, van.plus(len)));
    Some(Impact {
        persoon: worst_p,
        eenheid: worst_u,
        past: past.floor(),
        anderen,
        later,
    })
}

/// The choices the CoCo has when agreeing would over-book the person or the unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Keuze {
    TochToezeggen,
    MinderUren(f64),
    AndereWeken { van: Week, tot: Week },
    AnderePersoon { id: String, naam: String },
    LatenStaan,
}

/// The decision dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct Decide {
    pub r: InzetRef,
    /// The request as it was when the dialog opened: if it changes, the question no longer
    /// holds.
    pub asked: Inzet,
    pub impact: Impact,
    pub keuzes: Vec<Keuze>,
    pub choice: usize,
}

impl Decide {
    pub fn new(r: InzetRef, asked: Inzet, impact: Impact) -> Decide {
        let gevraagd = asked.uren_per_week;
        let mut keuzes = vec![Keuze::TochToezeggen];
        if impact.past >= 1.0 && impact.past < gevraagd {
            keuzes.push(Keuze::MinderUren(impact.past));
        }
        if let Some((van, tot)) = impact.later {
            keuzes.push(Keuze::AndereWeken { van, tot });
        }
        for (id, naam, _) in &impact.anderen {
            keuzes.push(Keuze::AnderePersoon {
                id: id.clone(),
                naam: naam.clone(),
            });
        }
        keuzes.push(Keuze::LatenStaan);
        let choice = keuzes_default(&keuzes);
        Decide {
            r,
            asked,
            impact,
            keuzes,
            choice,
        }
    }
}

/// The safest choice is preselected: leave it for the PMO-overleg.
fn keuzes_default(k: &[Keuze]) -> usize {
    k.len() - 1
}

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
