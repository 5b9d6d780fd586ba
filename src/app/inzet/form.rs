//! The request form: who, how many hours a week, from and to which week.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{InzetRef, InzetView, Scope, inzet_edit};
use crate::app::Mode;
use crate::app::bord::form::{self, Candidate, parse_hours};
use crate::app::input::TextInput;
use crate::app::session::Session;
use crate::app::step::Step;
use crate::capacity::Engine;
use crate::domain::{Inzet, InzetSoort, InzetStatus, Moment, Verzoek, Week, Werkmap};
use crate::wording;

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
    /// Why the hours are needed: what the CoCo reads in the inbox.
    pub toelichting: TextInput,
    /// The chosen person's worst week with and without this inzet, kept current as the form
    /// changes.
    pub voorbeeld: Option<Voorbeeld>,
    /// Free hours per week of every candidate over the form's weeks (without this inzet), by
    /// person id: "wie kan helpen?" sorts a search by it.
    pub vrij: std::collections::HashMap<String, f64>,
    pub error: Option<String>,
}

/// What the request does to the chosen person: their worst week in its range, the load
/// without it and with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Voorbeeld {
    pub naam: String,
    pub week: Week,
    pub zonder: Option<f64>,
    pub met: Option<f64>,
}

/// The labels of the form's fields.
pub const FIELDS: [&str; 6] = [
    "Persoon",
    "Uren per week",
    "Van week",
    "Tot en met week",
    "Soort",
    "Toelichting",
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
            toelichting: TextInput::new(
                inzet
                    .verzoek
                    .as_ref()
                    .and_then(|v| v.toelichting.clone())
                    .unwrap_or_default(),
            ),
            voorbeeld: None,
            vrij: std::collections::HashMap::new(),
            inzet,
            is_new,
            bord,
            focus: if is_new { 0 } else { 1 },
            choice,
            candidates,
            error: None,
        }
    }

    /// The people matching what was typed in the person field: by name, id or talent ("wie
    /// kan helpen?"), those with most free hours in the form's weeks first.
    pub fn matches(&self) -> Vec<&Candidate> {
        let los = crate::domain::zoek::los;
        let q = los(&self.persoon.text);
        let mut m: Vec<&Candidate> = self
            .candidates
            .iter()
            .filter(|c| {
                q.is_empty()
                    || los(&c.naam).contains(&q)
                    || c.id.contains(&q)
                    || c.talenten.iter().any(|t| los(t).contains(&q))
            })
            .collect();
        if !q.is_empty() {
            let vrij = |c: &Candidate| self.vrij.get(&c.id).copied().unwrap_or(0.0);
            m.sort_by(|a, b| vrij(b).total_cmp(&vrij(a)));
        }
        m
    }

    /// The talents of a candidate that match what was typed.
    pub fn talenten_gevonden<'c>(&self, c: &'c Candidate) -> Vec<&'c str> {
        let los = crate::domain::zoek::los;
        let q = los(&self.persoon.text);
        if q.is_empty() {
            return Vec::new();
        }
        c.talenten
            .iter()
            .filter(|t| los(t).contains(&q))
            .map(String::as_str)
            .collect()
    }

    /// What the preview depends on: the person chosen, the hours and the weeks as typed.
    fn invoer(&self) -> [Option<String>; 4] {
        [
            self.chosen().map(|c| c.id.clone()),
            Some(self.uren.text.clone()),
            Some(self.van.text.clone()),
            Some(self.tot.text.clone()),
        ]
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
                5 => {
                    self.toelichting.handle(key);
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
    /// asks more hours or more weeks is asked again (Gevraagd), as asked by `wie` at `wanneer`.
    pub fn result(&self, nu: Week, wie: &str, wanneer: Moment) -> Result<Inzet, String> {
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
            z.verzoek = Some(Verzoek {
                wie: wie.to_string(),
                wanneer,
                toelichting: None,
            });
        }
        let toelichting = self.toelichting.text.trim();
        if let Some(v) = z.verzoek.as_mut() {
            v.toelichting = (!toelichting.is_empty()).then(|| toelichting.to_string());
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
    // A date as the other forms take it (`1-2`, `01-02-2027`): its week.
    if t.contains('-')
        && let Some(d) = crate::app::input::datum(t, nu.monday())
    {
        return Ok(Week::of(d));
    }
    let n: u32 = t
        .trim_start_matches(['W', 'w'])
        .parse()
        .map_err(|_| wording::ongeldige_week(t))?;
    let this = Week::new(nu.year(), n).filter(|w| *w >= nu);
    this.or_else(|| Week::new(nu.year() + 1, n))
        .ok_or_else(|| wording::ongeldige_week(t))
}

impl InzetView {
    /// The form for a new request on the view's board, or for changing inzet `r`.
    pub(super) fn open_form(&mut self, s: &mut Session, r: Option<InzetRef>) -> Step {
        let id = match (&self.scope, &r) {
            (_, Some(r)) => r.bord.clone(),
            (Scope::Bord(id), None) => id.clone(),
            (Scope::Inbox, None) => return Step::Stay,
        };
        let Some(bord) = s.werkmap.bord(&id) else {
            return Step::Stay;
        };
        let candidates = form::candidates(s.werkmap.organisatie.as_ref(), bord);
        let soort = if bord.opgave().is_some() {
            InzetSoort::Opgave
        } else {
            InzetSoort::Regulier
        };
        let (inzet, is_new) = match r {
            Some(r) => match r.inzet(&s.werkmap) {
                Some(z) => (z.clone(), false),
                None => return Step::Stay,
            },
            None => {
                let nu = s.week();
                let inzet = Inzet {
                    id: s.new_id(),
                    persoon: candidates.first().map(|c| c.id.clone()).unwrap_or_default(),
                    uren_per_week: 0.0,
                    van: nu.plus(1),
                    tot: nu.plus(12),
                    status: InzetStatus::Gevraagd,
                    soort,
                    verzoek: None,
                    besluit: None,
                };
                (inzet, true)
            }
        };
        let mut f = InzetForm::new(id, inzet, is_new, candidates);
        f.voorbeeld = voorbeeld(&s.werkmap, &f, s.week());
        f.vrij = vrij(&s.werkmap, &f, s.week());
        Mode::InzetForm(Box::new(f)).into()
    }

    /// A key in the request form.
    pub fn on_form_key(&mut self, s: &mut Session, mut f: Box<InzetForm>, key: KeyEvent) -> Step {
        if key.code == KeyCode::Esc {
            return Step::Stay;
        }
        let invoer = f.invoer();
        let weken = (f.van.text.clone(), f.tot.text.clone());
        // The person chosen stays chosen when new weeks re-sort the list by free hours.
        let gekozen = (f.persoon.text.clone(), f.chosen().map(|c| c.id.clone()));
        if f.handle(key) {
            match f.result(s.week(), &s.signer, Moment(s.now)) {
                Ok(z) => {
                    if !f.is_new && f.inzet == z {
                        return Step::Stay;
                    }
                    // Only what the user changed, compared with the inzet as the form opened.
                    let before = (!f.is_new).then_some(&f.inzet);
                    let edit = inzet_edit(s, &f.bord, before, Some(&z));
                    s.commit_as(
                        edit,
                        if f.is_new {
                            wording::inzet_gevraagd()
                        } else {
                            wording::inzet_gewijzigd()
                        },
                    );
                    self.refresh(s);
                    return Step::Stay;
                }
                Err(e) => f.error = Some(e),
            }
        }
        if (f.van.text.clone(), f.tot.text.clone()) != weken {
            f.vrij = vrij(&s.werkmap, &f, s.week());
            if let (q, Some(id)) = gekozen
                && q == f.persoon.text
                && let Some(i) = f.matches().iter().position(|c| c.id == id)
            {
                f.choice = i;
            }
        }
        // Recomputed only when what it depends on changed (not while typing a motivation).
        if f.invoer() != invoer {
            f.voorbeeld = voorbeeld(&s.werkmap, &f, s.week());
        }
        Mode::InzetForm(f).into()
    }
}

/// Every person's free hours per week over the form's weeks (at most half a year from now),
/// without the inzet the form edits; empty while the weeks do not read.
pub fn vrij(werkmap: &Werkmap, f: &InzetForm, nu: Week) -> std::collections::HashMap<String, f64> {
    let (Ok(van), Ok(tot), Some(org)) = (
        parse_week(&f.van.text, nu),
        parse_week(&f.tot.text, nu),
        werkmap.organisatie.as_ref(),
    ) else {
        return std::collections::HashMap::new();
    };
    let weken: Vec<Week> = van.max(nu).through(tot).take(26).collect();
    let mut borden = werkmap.borden.clone();
    if let Some(b) = borden.iter_mut().find(|b| b.id == f.bord) {
        b.inzet.retain(|z| z.id != f.inzet.id);
    }
    let vrij = crate::capacity::vrij_per_persoon(org, &borden, &weken);
    org.mensen
        .iter()
        .zip(vrij)
        .map(|(p, v)| (p.id.clone(), v))
        .collect()
}

/// The chosen person's load in the worst week of the form's range (at most half a year from
/// now), without this inzet and with it as the form has it; `None` while the form is
/// incomplete.
pub fn voorbeeld(werkmap: &Werkmap, f: &InzetForm, nu: Week) -> Option<Voorbeeld> {
    let persoon = f.chosen()?.id.clone();
    let uren = parse_hours(f.uren.text.trim()).ok().flatten()?;
    let van = parse_week(&f.van.text, nu).ok()?.max(nu);
    let tot = parse_week(&f.tot.text, nu).ok()?;
    let org = werkmap.organisatie.as_ref()?;
    let weken: Vec<Week> = van.through(tot).take(26).collect();
    // One copy of the boards: first without the inzet the form edits, then with the form's.
    let mut borden = werkmap.borden.clone();
    let i = borden.iter().position(|b| b.id == f.bord)?;
    borden[i].inzet.retain(|z| z.id != f.inzet.id);
    let zonder: Vec<Option<f64>> = {
        let e = Engine::new(org, &borden);
        let p = e.person(&persoon)?;
        weken
            .iter()
            .map(|&w| e.person_week(p, w).belasting())
            .collect()
    };
    borden[i].inzet.push(Inzet {
        persoon: persoon.clone(),
        uren_per_week: uren,
        van,
        tot,
        status: InzetStatus::Gevraagd,
        ..f.inzet.clone()
    });
    let e = Engine::new(org, &borden);
    let p = e.person(&persoon)?;
    let met: Vec<Option<f64>> = weken
        .iter()
        .map(|&w| e.person_week(p, w).belasting())
        .collect();
    // The worst week with it; a week without availability counts as the worst.
    let worst = (0..weken.len()).max_by(|&a, &b| {
        let l = |j: usize| met[j].unwrap_or(f64::INFINITY);
        l(a).total_cmp(&l(b))
    })?;
    Some(Voorbeeld {
        naam: org.mensen[p].naam.clone(),
        week: weken[worst],
        zonder: zonder[worst],
        met: met[worst],
    })
}
