//! The CoCo's decision on a request, with its real choices when agreeing would over-book
//! someone, and declining with a reason.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{InzetRef, InzetView, inzet_edit};
use crate::app::Mode;
use crate::app::input::TextInput;
use crate::app::session::Session;
use crate::app::step::Step;
use crate::capacity::{Engine, meer_dan};
use crate::domain::{Besluit, Inzet, InzetStatus, Moment, Week, Werkmap};
use crate::wording;

/// What agreeing to a request would mean: the worst week for the person and for the unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// (week, gepland, beschikbaar) of the person's worst over-booked week.
    pub persoon: Option<(Week, f64, f64)>,
    /// Every week the person would be over-booked in.
    pub persoon_weken: Vec<Week>,
    /// The same for the unit.
    pub eenheid: Option<(Week, f64, f64)>,
    pub eenheid_weken: Vec<Week>,
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
    let (mut weken_p, mut weken_u) = (Vec::new(), Vec::new());
    let mut past = z.uren_per_week;
    for &w in &weeks {
        let l = engine.person_week(p, w);
        if meer_dan(l.gepland(), l.beschikbaar) {
            weken_p.push(w);
        }
        if meer_dan(l.gepland(), l.beschikbaar)
            && worst_p.is_none_or(|(_, g, b)| l.gepland() - l.beschikbaar > g - b)
        {
            worst_p = Some((w, l.gepland(), l.beschikbaar));
        }
        past = past.min((l.beschikbaar - (l.gepland() - z.uren_per_week)).max(0.0));
        let ul = engine.unit_week(u, w);
        if meer_dan(ul.gepland(), ul.beschikbaar) {
            weken_u.push(w);
        }
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
        persoon_weken: weken_p,
        eenheid: worst_u,
        eenheid_weken: weken_u,
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

fn besluit(s: &Session, toelichting: Option<String>) -> Besluit {
    Besluit {
        wie: s.signer.clone(),
        wanneer: Moment(s.now),
        toelichting,
    }
}

impl InzetView {
    /// Agrees to the selected request, or offers the choices when that over-books someone.
    pub(super) fn agree(&mut self, s: &mut Session) -> Step {
        let Some(r) = self.selected(s) else {
            return Step::Stay;
        };
        let Some(z) = r.inzet(&s.werkmap).cloned() else {
            return Step::Stay;
        };
        if z.status == InzetStatus::Toegezegd {
            s.say(wording::al_toegezegd());
            return Step::Stay;
        }
        if let Err(e) = s.may_decide(&z.persoon) {
            s.warn(e);
            return Step::Stay;
        }
        match impact(&s.werkmap, &r, s.week()) {
            Some(i) if i.persoon.is_some() || i.eenheid.is_some() => {
                Mode::Decide(Box::new(Decide::new(r, z, i))).into()
            }
            _ => {
                decide(s, &r, &z, Keuze::TochToezeggen, None);
                Step::Stay
            }
        }
    }

    /// Asks for the reason to decline the selected request, if the user may decide on it.
    pub(super) fn decline(&mut self, s: &mut Session) -> Step {
        let Some(r) = self.selected(s) else {
            return Step::Stay;
        };
        let Some(persoon) = r.inzet(&s.werkmap).map(|z| z.persoon.clone()) else {
            return Step::Stay;
        };
        match s.may_decide(&persoon) {
            Ok(()) => Mode::Reason(TextInput::default(), r).into(),
            Err(e) => {
                s.warn(e);
                Step::Stay
            }
        }
    }

    /// A key in the decision dialog.
    pub fn on_decide_key(&mut self, s: &mut Session, mut d: Box<Decide>, key: KeyEvent) -> Step {
        match key.code {
            KeyCode::Esc => return Step::Stay,
            KeyCode::Up | KeyCode::Char('k') => d.choice = d.choice.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => d.choice = (d.choice + 1).min(d.keuzes.len() - 1),
            // A digit chooses, Enter carries out (as the hint says).
            KeyCode::Char(c @ '1'..='9') if (c as usize - '1' as usize) < d.keuzes.len() => {
                d.choice = c as usize - '1' as usize;
            }
            // Agreeing over an over-booking is recorded with why: asked first.
            KeyCode::Enter if d.keuzes.get(d.choice) == Some(&Keuze::TochToezeggen) => {
                return Mode::TochReden(TextInput::default(), d).into();
            }
            KeyCode::Enter => {
                if let Some(k) = d.keuzes.get(d.choice).cloned() {
                    decide(s, &d.r, &d.asked, k, None);
                    self.clamp(s);
                    self.refresh(s);
                }
                return Step::Stay;
            }
            _ => {}
        }
        Mode::Decide(d).into()
    }

    /// A key in the dialog that asks why the CoCo agrees over an over-booking: Enter records
    /// it (a reason is required), Esc goes back to the choices.
    pub fn on_toch_key(
        &mut self,
        s: &mut Session,
        mut input: TextInput,
        d: Box<Decide>,
        key: KeyEvent,
    ) -> Step {
        match key.code {
            KeyCode::Esc => Mode::Decide(d).into(),
            KeyCode::Enter if input.text.trim().is_empty() => {
                s.warn(wording::reden_verplicht());
                Mode::TochReden(input, d).into()
            }
            KeyCode::Enter => {
                let why = input.text.trim().to_string();
                decide(s, &d.r, &d.asked, Keuze::TochToezeggen, Some(why));
                self.clamp(s);
                self.refresh(s);
                Step::Stay
            }
            _ => {
                input.handle(key);
                Mode::TochReden(input, d).into()
            }
        }
    }

    /// A key in the dialog that asks for the reason to decline inzet `r`.
    pub fn on_reason_key(
        &mut self,
        s: &mut Session,
        mut input: TextInput,
        r: InzetRef,
        key: KeyEvent,
    ) -> Step {
        match key.code {
            KeyCode::Esc => Step::Stay,
            KeyCode::Enter => {
                let Some(z) = r.inzet(&s.werkmap).cloned() else {
                    s.warn(wording::verzoek_veranderd());
                    return Step::Stay;
                };
                let why = Some(input.text.trim().to_string()).filter(|t| !t.is_empty());
                let after = Inzet {
                    status: InzetStatus::Afgewezen,
                    besluit: Some(besluit(s, why)),
                    ..z.clone()
                };
                let edit = inzet_edit(s, &r.bord, Some(&z), Some(&after));
                s.commit_as(edit, wording::inzet_afgewezen());
                self.clamp(s);
                self.refresh(s);
                Step::Stay
            }
            _ => {
                input.handle(key);
                Mode::Reason(input, r).into()
            }
        }
    }
}

/// Whether a decision dialog still holds after the werkmap changed: the request is as it was
/// asked. Says so when it does not.
pub fn still_holds(s: &mut Session, d: &Decide) -> bool {
    let holds = d.r.inzet(&s.werkmap) == Some(&d.asked);
    if !holds {
        s.warn(wording::verzoek_veranderd());
    }
    holds
}

/// Whether inzet `r` can still be declined: it exists and is not declined already. Says so
/// when it cannot.
pub fn still_open(s: &mut Session, r: &InzetRef) -> bool {
    let open = r
        .inzet(&s.werkmap)
        .is_some_and(|z| z.status != InzetStatus::Afgewezen);
    if !open {
        s.warn(wording::verzoek_veranderd());
    }
    open
}

/// Carries out the CoCo's choice on a request, recording the decision with `reden` (why the
/// CoCo agrees although it over-books, when asked).
fn decide(s: &mut Session, r: &InzetRef, asked: &Inzet, keuze: Keuze, reden: Option<String>) {
    // The question was about the request as the dialog showed it.
    if r.inzet(&s.werkmap) != Some(asked) {
        s.warn(wording::verzoek_veranderd());
        return;
    }
    let z = asked.clone();
    let b = r.bord.as_str();
    let agreed = |s: &Session, why: Option<String>, z: Inzet| Inzet {
        status: InzetStatus::Toegezegd,
        besluit: Some(besluit(s, why)),
        ..z
    };
    let edit = match keuze {
        Keuze::TochToezeggen => inzet_edit(s, b, Some(asked), Some(&agreed(s, reden, z))),
        Keuze::MinderUren(h) => {
            let why = wording::minder_uren(z.uren_per_week, h);
            let after = agreed(
                s,
                Some(why),
                Inzet {
                    uren_per_week: h,
                    ..z
                },
            );
            inzet_edit(s, b, Some(asked), Some(&after))
        }
        Keuze::AndereWeken { van, tot } => {
            let why = wording::andere_weken(z.van, z.tot);
            let after = agreed(s, Some(why), Inzet { van, tot, ..z });
            inzet_edit(s, b, Some(asked), Some(&after))
        }
        Keuze::AnderePersoon { id, naam } => {
            let decline = Inzet {
                status: InzetStatus::Afgewezen,
                besluit: Some(besluit(s, Some(wording::overgedragen_aan(&naam)))),
                ..z.clone()
            };
            let why = wording::in_plaats_van(&s.person_name(&z.persoon));
            let new_id = s.new_id();
            let other = agreed(
                s,
                Some(why),
                Inzet {
                    id: new_id,
                    persoon: id,
                    ..z
                },
            );
            // One edit, one undo: the decline and the colleague's agreed inzet.
            let mut edit = inzet_edit(s, b, Some(asked), Some(&decline));
            edit.ops.extend(inzet_edit(s, b, None, Some(&other)).ops);
            edit
        }
        Keuze::LatenStaan => {
            let after = Inzet {
                besluit: Some(besluit(s, Some(wording::naar_pmo().into()))),
                ..z
            };
            inzet_edit(s, b, Some(asked), Some(&after))
        }
    };
    s.commit_as(edit, wording::besluit_vastgelegd());
}
