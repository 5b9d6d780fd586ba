//! The card form: every field of a card, typed the Dutch way and checked before it is saved.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::input::TextInput;
use crate::domain::{Datum, Kaart, KaartStatus, Organisatie, round_hours};
use crate::text;

/// The fields of the form, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Titel,
    Eigenaar,
    Uren,
    Start,
    Deadline,
    Status,
    Voortgang,
    Zaak,
    Lta,
    Labels,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Titel,
        Field::Eigenaar,
        Field::Uren,
        Field::Start,
        Field::Deadline,
        Field::Status,
        Field::Voortgang,
        Field::Zaak,
        Field::Lta,
        Field::Labels,
    ];

    /// The label shown before the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Titel => "Titel",
            Field::Eigenaar => "Eigenaar",
            Field::Uren => "Uren (schatting)",
            Field::Start => "Start",
            Field::Deadline => "Deadline",
            Field::Status => "Status",
            Field::Voortgang => "Voortgang",
            Field::Zaak => "Zaaknummer",
            Field::Lta => "LTA-datum",
            Field::Labels => "Labels",
        }
    }
}

/// A person the owner field can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub naam: String,
}

/// The form's state: one text input per field, plus the owner picker and status/progress.
#[derive(Debug, Clone, PartialEq)]
pub struct CardForm {
    /// The card being edited (a new card has a fresh id already).
    pub kaart: Kaart,
    pub is_new: bool,
    pub focus: usize,
    pub inputs: Vec<TextInput>,
    /// Owner candidates: the board's people first, then everyone else.
    pub candidates: Vec<Candidate>,
    /// The chosen owner as an index into the matches of the owner query; 0 = none.
    pub owner_choice: usize,
    pub error: Option<String>,
}

impl CardForm {
    pub fn new(kaart: Kaart, is_new: bool, candidates: Vec<Candidate>) -> CardForm {
        let opt = |d: Option<Datum>| d.map(text::datum).unwrap_or_default();
        let inputs = Field::ALL
            .iter()
            .map(|f| {
                TextInput::new(match f {
                    Field::Titel => kaart.titel.clone(),
                    Field::Eigenaar => String::new(),
                    Field::Uren => kaart.uren.map(text::getal2).unwrap_or_default(),
                    Field::Start => opt(kaart.start),
                    Field::Deadline => opt(kaart.deadline),
                    Field::Status | Field::Voortgang => String::new(),
                    Field::Zaak => kaart.zaak.clone().unwrap_or_default(),
                    Field::Lta => opt(kaart.lta),
                    Field::Labels => kaart.labels.join(", "),
                })
            })
            .collect();
        let owner_choice = kaart
            .eigenaar
            .as_ref()
            .and_then(|e| candidates.iter().position(|c| &c.id == e))
            .map_or(0, |i| i + 1);
        CardForm {
            kaart,
            is_new,
            focus: 0,
            inputs,
            candidates,
            owner_choice,
            error: None,
        }
    }

    /// The focused field.
    pub fn field(&self) -> Field {
        Field::ALL[self.focus]
    }

    /// The owner candidates matching what was typed in the owner field, `None` (no owner) first.
    pub fn owner_matches(&self) -> Vec<Option<&Candidate>> {
        let q = self.inputs[1].text.to_lowercase();
        std::iter::once(None)
            .chain(
                self.candidates
                    .iter()
                    .filter(|c| {
                        q.is_empty() || c.naam.to_lowercase().contains(&q) || c.id.contains(&q)
                    })
                    .map(Some),
            )
            .collect()
    }

    /// The owner currently chosen.
    pub fn owner(&self) -> Option<&Candidate> {
        let matches = self.owner_matches();
        matches
            .get(self.owner_choice.min(matches.len() - 1))
            .copied()
            .flatten()
    }

    /// Handles a key inside the form. Returns true when the user asks to submit.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        self.error = None;
        match key.code {
            KeyCode::Enter => return true,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % Field::ALL.len(),
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + Field::ALL.len() - 1) % Field::ALL.len()
            }
            _ => match self.field() {
                Field::Status => {
                    if matches!(
                        key.code,
                        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                    ) {
                        self.kaart.status =
                            cycle_status(self.kaart.status, key.code == KeyCode::Left);
                    }
                }
                Field::Voortgang => match key.code {
                    KeyCode::Right | KeyCode::Char('+') => {
                        self.kaart.voortgang = (self.kaart.voortgang / 10 * 10 + 10).min(100)
                    }
                    KeyCode::Left | KeyCode::Char('-') => {
                        self.kaart.voortgang = self.kaart.voortgang.saturating_sub(10) / 10 * 10
                    }
                    _ => {}
                },
                Field::Eigenaar => match key.code {
                    KeyCode::Right => {
                        self.owner_choice = (self.owner_choice + 1) % self.owner_matches().len()
                    }
                    KeyCode::Left => {
                        let n = self.owner_matches().len();
                        self.owner_choice = (self.owner_choice + n - 1) % n;
                    }
                    _ => {
                        if self.inputs[1].handle(key) {
                            // Typing narrows the list: pick the best match.
                            self.owner_choice = usize::from(self.owner_matches().len() > 1);
                        }
                    }
                },
                _ => {
                    self.inputs[self.focus].handle(key);
                }
            },
        }
        false
    }

    /// The card as the form describes it, or the first problem in Dutch.
    pub fn result(&self) -> Result<Kaart, String> {
        let mut k = self.kaart.clone();
        let text_of = |f: Field| self.inputs[f as usize].text.trim().to_string();
        let titel = text_of(Field::Titel);
        if titel.is_empty() {
            return Err(text::titel_verplicht());
        }
        k.titel = titel;
        k.eigenaar = self.owner().map(|c| c.id.clone());
        k.uren = parse_hours(&text_of(Field::Uren))?;
        k.start = parse_date(&text_of(Field::Start), Field::Start)?;
        k.deadline = parse_date(&text_of(Field::Deadline), Field::Deadline)?;
        k.lta = parse_date(&text_of(Field::Lta), Field::Lta)?;
        let zaak = text_of(Field::Zaak);
        k.zaak = (!zaak.is_empty()).then_some(zaak);
        k.labels = text_of(Field::Labels)
            .split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        Ok(k)
    }
}

fn cycle_status(s: KaartStatus, back: bool) -> KaartStatus {
    const ORDER: [KaartStatus; 4] = [
        KaartStatus::OpKoers,
        KaartStatus::Risico,
        KaartStatus::Vertraagd,
        KaartStatus::Geblokkeerd,
    ];
    let i = ORDER.iter().position(|x| *x == s).unwrap_or(0);
    ORDER[if back { (i + 3) % 4 } else { (i + 1) % 4 }]
}

/// Hours typed the Dutch way (`7,5`) or not (`7.5`), rounded to 0.01; empty is none.
pub fn parse_hours(s: &str) -> Result<Option<f64>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    match s.replace(',', ".").parse::<f64>() {
        Ok(h) if h >= 0.0 && h.is_finite() => Ok(Some(round_hours(h))),
        _ => Err(text::ongeldige_uren(s)),
    }
}

fn parse_date(s: &str, f: Field) -> Result<Option<Datum>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<Datum>()
        .map(Some)
        .map_err(|e| format!("{}: {e}", f.label()))
}

/// The owner candidates of a board: its people first (inzet and card owners), then the rest.
pub fn candidates(org: Option<&Organisatie>, bord: &crate::domain::Bord) -> Vec<Candidate> {
    let Some(org) = org else {
        let mut ids: Vec<String> = bord
            .kaarten
            .iter()
            .filter_map(|k| k.eigenaar.clone())
            .collect();
        ids.sort();
        ids.dedup();
        return ids
            .into_iter()
            .map(|id| Candidate {
                naam: id.clone(),
                id,
            })
            .collect();
    };
    let team: Vec<&str> = bord
        .inzet
        .iter()
        .map(|i| i.persoon.as_str())
        .chain(bord.kaarten.iter().filter_map(|k| k.eigenaar.as_deref()))
        .collect();
    let mut first: Vec<Candidate> = Vec::new();
    let mut rest: Vec<Candidate> = Vec::new();
    for p in &org.mensen {
        let c = Candidate {
            id: p.id.clone(),
            naam: p.naam.clone(),
        };
        if team.contains(&p.id.as_str()) {
            first.push(c)
        } else {
            rest.push(c)
        }
    }
    first.sort_by(|a, b| a.naam.cmp(&b.naam));
    rest.sort_by(|a, b| a.naam.cmp(&b.naam));
    first.extend(rest);
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_typed_with_comma_or_point() {
        assert_eq!(parse_hours("7,5"), Ok(Some(7.5)));
        assert_eq!(parse_hours("7.25"), Ok(Some(7.25)));
        assert_eq!(parse_hours("1,234"), Ok(Some(1.23)));
        assert_eq!(parse_hours(""), Ok(None));
        assert!(parse_hours("-3").is_err());
        assert!(parse_hours("veel").is_err());
    }
}
