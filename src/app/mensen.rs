//! The Mensen view: a CoCo keeps their people's hours, working days and absences up to date.
//! Absence reasons are private: they show here, to the CoCo, and nowhere on shared screens.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::form::parse_hours;
use super::input::TextInput;
use crate::domain::{Afwezigheid, Dag, Datum, Persoon, Werkmap};
use crate::text;

/// The state of the Mensen view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MensenView {
    pub row: usize,
}

/// The people the view lists: those of the units `coco` leads (everyone when `None`), by unit
/// and name, as indexes into `org.mensen`.
pub fn rows(werkmap: &Werkmap, coco: Option<&str>) -> Vec<usize> {
    let Some(org) = &werkmap.organisatie else {
        return Vec::new();
    };
    let mut out: Vec<usize> = (0..org.mensen.len())
        .filter(|&p| {
            coco.is_none_or(|c| {
                org.eenheid(&org.mensen[p].eenheid)
                    .is_some_and(|e| e.cocos.iter().any(|x| x == c))
            })
        })
        .collect();
    let unit_pos = |p: usize| {
        org.eenheden
            .iter()
            .position(|e| e.id == org.mensen[p].eenheid)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|&a, &b| {
        unit_pos(a)
            .cmp(&unit_pos(b))
            .then(org.mensen[a].naam.cmp(&org.mensen[b].naam))
    });
    out
}

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
            uren: TextInput::new(text::getal2(persoon.uren)),
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
        p.uren = parse_hours(self.uren.text.trim())?.ok_or_else(text::uren_verplicht)?;
        p.werkdagen = DAGEN
            .iter()
            .zip(self.dagen)
            .filter(|(_, on)| *on)
            .map(|(d, _)| *d)
            .collect();
        if p.werkdagen.is_empty() {
            return Err(text::geen_werkdagen());
        }
        Ok(p)
    }
}

/// Adding an absence: from, to (dates) and an optional private reason.
#[derive(Debug, Clone, PartialEq)]
pub struct AfwezigForm {
    pub persoon: Persoon,
    pub focus: usize,
    pub velden: [TextInput; 3],
    pub error: Option<String>,
}

/// The labels of the absence form.
pub const AFWEZIG_VELDEN: [&str; 3] = ["Van (datum)", "Tot en met", "Reden (privé, mag leeg)"];

impl AfwezigForm {
    pub fn new(persoon: Persoon) -> AfwezigForm {
        AfwezigForm {
            persoon,
            focus: 0,
            velden: Default::default(),
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
            _ => {
                self.velden[self.focus].handle(key);
            }
        }
        false
    }

    /// The person with the new absence.
    pub fn result(&self) -> Result<Persoon, String> {
        let van: Datum = self.velden[0].text.parse()?;
        let tot: Datum = if self.velden[1].text.trim().is_empty() {
            van
        } else {
            self.velden[1].text.parse()?
        };
        if van > tot {
            return Err(text::van_na_tot(&van.to_string(), &tot.to_string()));
        }
        let reden = Some(self.velden[2].text.trim().to_string()).filter(|r| !r.is_empty());
        let mut p = self.persoon.clone();
        p.afwezig.push(Afwezigheid { van, tot, reden });
        p.afwezig.sort_by_key(|a| a.van);
        Ok(p)
    }
}
