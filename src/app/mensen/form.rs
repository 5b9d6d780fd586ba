//! The forms of the Mensen view: a person's contract hours and working days, and a new
//! absence.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{MensenView, persoon_edit};
use crate::app::Mode;
use crate::app::bord::form::parse_hours;
use crate::app::input::TextInput;
use crate::app::session::Session;
use crate::app::step::Step;
use crate::domain::{Afwezigheid, AfwezigheidSoort, Dag, Datum, Persoon};
use crate::wording;

const DAGEN: [Dag; 7] = [
    Dag::Ma,
    Dag::Di,
    Dag::Wo,
    Dag::Do,
    Dag::Vr,
    Dag::Za,
    Dag::Zo,
];

/// Editing a person's contract hours and working days.
#[derive(Debug, Clone, PartialEq)]
pub struct MensForm {
    pub persoon: Persoon,
    /// 0: hours, 1: days.
    pub focus: usize,
    pub uren: TextInput,
    /// The day the cursor is on in the days field.
    pub dag: usize,
    pub dagen: [bool; 7],
    pub error: Option<String>,
}

impl MensForm {
    pub fn new(persoon: Persoon) -> MensForm {
        let mut dagen = [false; 7];
        for (i, d) in DAGEN.iter().enumerate() {
            dagen[i] = persoon.werkdagen.contains(d);
        }
        MensForm {
            uren: TextInput::new(wording::getal2(persoon.uren)),
            persoon,
            focus: 0,
            dag: 0,
            dagen,
            error: None,
        }
    }

    /// Handles a key; true when the user submits.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        self.error = None;
        match key.code {
            KeyCode::Enter => return true,
            KeyCode::Tab | KeyCode::Down | KeyCode::Up | KeyCode::BackTab => {
                self.focus = 1 - self.focus
            }
            _ if self.focus == 0 => {
                self.uren.handle(key);
            }
            KeyCode::Left => self.dag = self.dag.saturating_sub(1),
            KeyCode::Right => self.dag = (self.dag + 1).min(6),
            KeyCode::Char(' ') => self.dagen[self.dag] = !self.dagen[self.dag],
            _ => {}
        }
        false
    }

    /// The person as the form describes them.
    pub fn result(&self) -> Result<Persoon, String> {
        let mut p = self.persoon.clone();
        p.uren = parse_hours(self.uren.text.trim())?.ok_or_else(wording::uren_verplicht)?;
        p.werkdagen = DAGEN
            .iter()
            .zip(self.dagen)
            .filter(|(_, on)| *on)
            .map(|(d, _)| *d)
            .collect();
        if p.werkdagen.is_empty() {
            return Err(wording::geen_werkdagen().into());
        }
        Ok(p)
    }
}

/// Adding an absence: from, to (dates) and an optional kind from the fixed list; never a
/// reason (DESIGN.md section 2, "Privacy").
#[derive(Debug, Clone, PartialEq)]
pub struct AfwezigForm {
    pub persoon: Persoon,
    /// 0: from, 1: to, 2: kind.
    pub focus: usize,
    /// The two dates.
    pub velden: [TextInput; 2],
    pub soort: Option<AfwezigheidSoort>,
    pub error: Option<String>,
}

/// The labels of the absence form.
pub const AFWEZIG_VELDEN: [&str; 3] = ["Van (datum)", "Tot en met", "Soort"];

/// The field of the absence form that holds the kind.
pub const AFWEZIG_SOORT: usize = 2;

/// The next kind after `s` (none, then each of [`AfwezigheidSoort::ALLE`]), or the one before.
pub fn cycle_soort(s: Option<AfwezigheidSoort>, back: bool) -> Option<AfwezigheidSoort> {
    let order: Vec<Option<AfwezigheidSoort>> = std::iter::once(None)
        .chain(AfwezigheidSoort::ALLE.map(Some))
        .collect();
    let n = order.len();
    let i = order.iter().position(|x| *x == s).unwrap_or(0);
    order[if back { (i + n - 1) % n } else { (i + 1) % n }]
}

impl AfwezigForm {
    pub fn new(persoon: Persoon) -> AfwezigForm {
        AfwezigForm {
            persoon,
            focus: 0,
            velden: Default::default(),
            soort: None,
            error: None,
        }
    }

    /// Handles a key; true when the user submits.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        self.error = None;
        match key.code {
            KeyCode::Enter => return true,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + 2) % 3,
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') if self.focus == AFWEZIG_SOORT => {
                self.soort = cycle_soort(self.soort, key.code == KeyCode::Left);
            }
            _ if self.focus == AFWEZIG_SOORT => {}
            _ => {
                self.velden[self.focus].handle(key);
            }
        }
        false
    }

    /// The person with the new absence.
    pub fn result(&self, vandaag: chrono::NaiveDate) -> Result<Persoon, String> {
        let lees = |i: usize| {
            let t = self.velden[i].text.trim();
            crate::app::input::datum(t, vandaag)
                .map(Datum)
                .ok_or_else(|| wording::ongeldige_datum(AFWEZIG_VELDEN[i], t))
        };
        let van = lees(0)?;
        let tot = if self.velden[1].text.trim().is_empty() {
            van
        } else {
            lees(1)?
        };
        if van > tot {
            return Err(wording::van_na_tot(&van.to_string(), &tot.to_string()));
        }
        let mut p = self.persoon.clone();
        p.afwezig.push(Afwezigheid {
            van,
            tot,
            soort: self.soort,
        });
        p.afwezig.sort_by_key(|a| a.van);
        Ok(p)
    }
}

impl MensenView {
    /// A key in the form for hours and days.
    pub fn on_mens_key(&mut self, s: &mut Session, mut f: Box<MensForm>, key: KeyEvent) -> Step {
        if key.code == KeyCode::Esc {
            return Step::Stay;
        }
        if f.handle(key) {
            match f.result() {
                Ok(p) if p == f.persoon => return Step::Stay,
                Ok(p) => {
                    s.commit_as(
                        persoon_edit(s, &f.persoon, &p),
                        wording::persoon_bijgewerkt(),
                    );
                    return Step::Stay;
                }
                Err(e) => f.error = Some(e),
            }
        }
        Mode::MensForm(f).into()
    }

    /// A key in the form for a new absence.
    pub fn on_afwezig_key(
        &mut self,
        s: &mut Session,
        mut f: Box<AfwezigForm>,
        key: KeyEvent,
    ) -> Step {
        if key.code == KeyCode::Esc {
            return Step::Stay;
        }
        if f.handle(key) {
            match f.result(s.vandaag) {
                Ok(p) => {
                    s.commit_as(
                        persoon_edit(s, &f.persoon, &p),
                        wording::persoon_bijgewerkt(),
                    );
                    return Step::Stay;
                }
                Err(e) => f.error = Some(e),
            }
        }
        Mode::AfwezigForm(f).into()
    }
}
