//! The card form: every field of a card, typed the Dutch way and checked before it is saved.
//!
//! Over 500 lines with its tests: the form's fields, keys and parsing are one piece.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::app::input::TextInput;
use crate::domain::{Datum, Kaart, KaartStatus, Organisatie, round_hours};
use crate::wording;
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
    LtaSoort,
    Labels,
    Omschrijving,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Titel,
        Field::Eigenaar,
        Field::Uren,
        Field::Start,
        Field::Deadline,
        Field::Status,
        Field::Voortgang,
        Field::Zaak,
        Field::Lta,
        Field::LtaSoort,
        Field::Labels,
        Field::Omschrijving,
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
            Field::LtaSoort => "LTA van",
            Field::Labels => "Labels",
            Field::Omschrijving => "Omschrijving",
        }
    }

    /// The name of the field in the file format.
    pub fn key(self) -> &'static str {
        match self {
            Field::Titel => "titel",
            Field::Eigenaar => "eigenaar",
            Field::Uren => "uren",
            Field::Start => "start",
            Field::Deadline => "deadline",
            Field::Status => "status",
            Field::Voortgang => "voortgang",
            Field::Zaak => "zaak",
            Field::Lta => "lta",
            Field::LtaSoort => "lta_soort",
            Field::Labels => "labels",
            Field::Omschrijving => "omschrijving",
        }
    }
}

/// The multi-line editor of the description (ratatui-textarea: cursor keys, words, undo),
/// compared by its text.
#[derive(Debug, Clone)]
pub struct Editor(pub ratatui_textarea::TextArea<'static>);

impl Editor {
    pub fn new(text: &str) -> Editor {
        Editor(ratatui_textarea::TextArea::new(
            text.lines().map(String::from).collect(),
        ))
    }

    /// The text, lines joined by newlines.
    pub fn text(&self) -> String {
        self.0.lines().join("\n")
    }
}

impl PartialEq for Editor {
    fn eq(&self, other: &Editor) -> bool {
        self.0.lines() == other.0.lines()
    }
}

/// A person the owner field can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub naam: String,
    /// The unit's name (empty when unknown).
    pub eenheid: String,
    pub talenten: Vec<String>,
}

/// What a colleague's save did to a field while the form was open.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// The user had not touched it: it now shows the colleague's value.
    Taken,
    /// The user had changed it too: the colleague's value, which Enter replaces (with a note).
    Both(serde_json::Value),
}

/// The form's state: one text input per field, plus the owner picker and status/progress.
#[derive(Debug, Clone, PartialEq)]
pub struct CardForm {
    /// The board of the card.
    pub bord: String,
    /// The card being edited (a new card has a fresh id already); holds the fields the form
    /// does not show, and status and progress as chosen.
    pub kaart: Kaart,
    /// The card as the form last showed it: Enter saves only what differs from it.
    pub opened: Kaart,
    /// Per field: what a colleague changed while the form was open.
    pub marks: Vec<Option<Mark>>,
    /// The card was deleted by a colleague while the form was open (Enter puts it back).
    pub gone: bool,
    pub is_new: bool,
    pub focus: usize,
    pub inputs: Vec<TextInput>,
    /// The description's editor; its text is mirrored in `inputs` for comparing and merging.
    pub omschrijving: Editor,
    /// Owner candidates: the board's people first, then everyone else.
    pub candidates: Vec<Candidate>,
    /// The chosen owner as an index into the matches of the owner query; 0 = none.
    pub owner_choice: usize,
    pub error: Option<String>,
}

impl CardForm {
    pub fn new(bord: String, kaart: Kaart, is_new: bool, candidates: Vec<Candidate>) -> CardForm {
        let inputs = Field::ALL
            .iter()
            .map(|&f| TextInput::new(input_text(&kaart, f)))
            .collect();
        let owner_choice = owner_index(&candidates, kaart.eigenaar.as_deref());
        CardForm {
            bord,
            omschrijving: Editor::new(kaart.omschrijving.as_deref().unwrap_or("")),
            opened: kaart.clone(),
            kaart,
            marks: vec![None; Field::ALL.len()],
            gone: false,
            is_new,
            focus: 0,
            inputs,
            candidates,
            owner_choice,
            error: None,
        }
    }

    /// Whether the user changed a field, compared with the card as the form last showed it.
    pub fn touched(&self, f: Field) -> bool {
        match f {
            Field::Eigenaar => {
                self.owner().map(|c| c.id.as_str()) != self.opened.eigenaar.as_deref()
            }
            Field::Status => self.kaart.status != self.opened.status,
            Field::Voortgang => self.kaart.voortgang != self.opened.voortgang,
            Field::LtaSoort => self.kaart.lta_soort != self.opened.lta_soort,
            _ => self.inputs[f as usize].text != input_text(&self.opened, f),
        }
    }

    /// A colleague saved the card while the form is open (`None`: deleted it). Fields the user
    /// did not touch take the colleague's values and are marked; a field both changed keeps
    /// the user's value and shows the colleague's, which Enter replaces with a note.
    pub fn absorb(&mut self, now: Option<&Kaart>) {
        let Some(k) = now else {
            self.gone = true;
            return;
        };
        self.gone = false;
        if *k == self.opened {
            return;
        }
        let theirs = crate::domain::ops::fields_of(k);
        let before = crate::domain::ops::fields_of(&self.opened);
        let value = |f: &crate::domain::ops::Fields, field: Field| {
            f.get(field.key()).cloned().unwrap_or_default()
        };
        let mut opened = k.clone();
        let mut kaart = k.clone();
        for f in Field::ALL {
            let changed = value(&theirs, f) != value(&before, f);
            let touched = self.touched(f);
            match f {
                Field::Status if touched => kaart.status = self.kaart.status,
                Field::Voortgang if touched => kaart.voortgang = self.kaart.voortgang,
                Field::LtaSoort if touched => kaart.lta_soort = self.kaart.lta_soort,
                // Labels are a set: the user's additions and removals apply to the original.
                Field::Labels if touched && changed => opened.labels = self.opened.labels.clone(),
                _ => {}
            }
            if !changed {
                continue;
            }
            if touched {
                self.marks[f as usize] = Some(Mark::Both(value(&theirs, f)));
            } else {
                self.marks[f as usize] = Some(Mark::Taken);
                match f {
                    Field::Eigenaar => {
                        self.inputs[1] = TextInput::default();
                        self.owner_choice = owner_index(&self.candidates, k.eigenaar.as_deref());
                    }
                    Field::Status | Field::Voortgang | Field::LtaSoort => {}
                    _ => self.inputs[f as usize] = TextInput::new(input_text(k, f)),
                }
            }
        }
        if self.marks[Field::Omschrijving as usize] == Some(Mark::Taken) {
            self.omschrijving = Editor::new(&input_text(k, Field::Omschrijving));
        }
        self.kaart = kaart;
        self.opened = opened;
    }

    /// For each field both the user and a colleague changed: a note that the user's value
    /// replaced the colleague's (so that value is not lost silently), and the notices.
    pub fn replaced_notes(
        &self,
        result: &Kaart,
        signer: &str,
        at: crate::domain::Moment,
    ) -> (Vec<crate::domain::ops::Op>, Vec<crate::domain::ops::Notice>) {
        use crate::domain::ops::{Change, List, Notice, NoticeKind, Op, Target, fields_of};
        let mine = fields_of(result);
        let target = Target::Item(List::Kaarten, result.id.clone());
        let notices: Vec<Notice> = Field::ALL
            .iter()
            .filter_map(|&f| match &self.marks[f as usize] {
                Some(Mark::Both(theirs)) => {
                    let ours = mine.get(f.key()).cloned().unwrap_or_default();
                    (ours != *theirs).then(|| Notice {
                        kind: NoticeKind::Replaced,
                        target: target.clone(),
                        naam: result.titel.clone(),
                        field: Some(f.key().to_string()),
                        ours,
                        theirs: theirs.clone(),
                    })
                }
                _ => None,
            })
            .collect();
        let ops = notices
            .iter()
            .map(|n| Op {
                target: target.clone(),
                change: Change::Add {
                    field: "notities".into(),
                    element: serde_json::to_value(crate::domain::Notitie {
                        wie: signer.to_string(),
                        wanneer: at,
                        tekst: wording::notitie(n),
                    })
                    .unwrap_or_default(),
                },
                snapshot: None,
            })
            .collect();
        (ops, notices)
    }

    /// The focused field.
    pub fn field(&self) -> Field {
        Field::ALL[self.focus]
    }

    /// The owner candidates matching what was typed in the owner field, `None` (no owner) first.
    pub fn owner_matches(&self) -> Vec<Option<&Candidate>> {
        let los = crate::domain::zoek::los;
        let q = los(&self.inputs[1].text);
        std::iter::once(None)
            .chain(
                self.candidates
                    .iter()
                    .filter(|c| q.is_empty() || los(&c.naam).contains(&q) || c.id.contains(&q))
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
        let ctrl = key
            .modifiers
            .contains(ratatui::crossterm::event::KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('s') {
            return true;
        }
        // In the description Enter starts a new line; Tab and Shift-Tab leave it.
        if self.field() == Field::Omschrijving
            && !matches!(key.code, KeyCode::Tab | KeyCode::BackTab)
        {
            self.omschrijving.0.input(key);
            self.inputs[Field::Omschrijving as usize] = TextInput::new(self.omschrijving.text());
            return false;
        }
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
                Field::LtaSoort => {
                    if matches!(
                        key.code,
                        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                    ) {
                        use crate::domain::LtaSoort;
                        let order = [None, Some(LtaSoort::College), Some(LtaSoort::Raad)];
                        let i = order
                            .iter()
                            .position(|x| *x == self.kaart.lta_soort)
                            .unwrap_or(0);
                        let next = if key.code == KeyCode::Left {
                            i + 2
                        } else {
                            i + 1
                        };
                        self.kaart.lta_soort = order[next % 3];
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

    /// The card as the form describes it, or the first problem in Dutch. A date without a
    /// year is read around `vandaag`.
    pub fn result(&self, vandaag: NaiveDate) -> Result<Kaart, String> {
        let mut k = self.kaart.clone();
        let text_of = |f: Field| self.inputs[f as usize].text.trim().to_string();
        let titel = text_of(Field::Titel);
        if titel.is_empty() {
            return Err(wording::titel_verplicht().into());
        }
        k.titel = titel;
        // Typed a name that matches nobody: say so, rather than save the card without owner.
        let gezocht = self.inputs[Field::Eigenaar as usize]
            .text
            .trim()
            .to_string();
        if !gezocht.is_empty() && self.owner_matches().len() == 1 {
            return Err(wording::geen_persoon_gevonden(&gezocht));
        }
        k.eigenaar = self.owner().map(|c| c.id.clone());
        k.uren = parse_hours(&text_of(Field::Uren))?;
        k.start = parse_date(&text_of(Field::Start), Field::Start, vandaag)?;
        k.deadline = parse_date(&text_of(Field::Deadline), Field::Deadline, vandaag)?;
        k.lta = parse_date(&text_of(Field::Lta), Field::Lta, vandaag)?;
        if let (Some(start), Some(deadline)) = (k.start, k.deadline)
            && start.0 > deadline.0
        {
            return Err(wording::start_na_deadline_formulier(start, deadline));
        }
        let omschrijving = self.omschrijving.text().trim().to_string();
        k.omschrijving = (!omschrijving.is_empty()).then_some(omschrijving);
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

/// A field's value as the form's text input shows it.
fn input_text(k: &Kaart, f: Field) -> String {
    let opt = |d: Option<Datum>| d.map(wording::datum).unwrap_or_default();
    match f {
        Field::Titel => k.titel.clone(),
        Field::Eigenaar | Field::Status | Field::Voortgang | Field::LtaSoort => String::new(),
        Field::Uren => k.uren.map(wording::getal2).unwrap_or_default(),
        Field::Start => opt(k.start),
        Field::Deadline => opt(k.deadline),
        Field::Zaak => k.zaak.clone().unwrap_or_default(),
        Field::Lta => opt(k.lta),
        Field::Labels => k.labels.join(", "),
        Field::Omschrijving => k.omschrijving.clone().unwrap_or_default(),
    }
}

/// The owner choice of a person among the candidates (0: no owner).
fn owner_index(candidates: &[Candidate], eigenaar: Option<&str>) -> usize {
    eigenaar
        .and_then(|e| candidates.iter().position(|c| c.id == e))
        .map_or(0, |i| i + 1)
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
        _ => Err(wording::ongeldige_uren(s)),
    }
}

/// A date field's value: empty is none; otherwise as [`crate::app::input::datum`] reads it.
fn parse_date(s: &str, f: Field, vandaag: NaiveDate) -> Result<Option<Datum>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    crate::app::input::datum(s, vandaag)
        .map(|d| Some(Datum(d)))
        .ok_or_else(|| wording::ongeldige_datum(f.label(), s))
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
                eenheid: String::new(),
                talenten: Vec::new(),
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
            eenheid: org
                .eenheid(&p.eenheid)
                .map_or(String::new(), |e| e.naam.clone()),
            talenten: p.talenten.clone(),
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

    #[test]
    fn a_date_without_a_year_is_the_coming_one() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let d = |s: &str| parse_date(s, Field::Deadline, nov).map(|d| d.map(|d| d.0.to_string()));
        assert_eq!(d("15-01"), Ok(Some("2027-01-15".into())), "next January");
        assert_eq!(d("20-11"), Ok(Some("2026-11-20".into())), "three days ago");
        assert_eq!(
            d("1-6"),
            Ok(Some("2026-06-01".into())),
            "within half a year back"
        );
        assert_eq!(d("15-01-2026"), Ok(Some("2026-01-15".into())));
        assert_eq!(d("2027-02-03"), Ok(Some("2027-02-03".into())));
        assert!(
            d("31-02").unwrap_err().contains("23-11"),
            "the hint's forms"
        );
        assert!(d("morgen").is_err());
        assert_eq!(
            d("29-02"),
            Ok(Some("2028-02-29".into())),
            "the next leap day"
        );
    }

    #[test]
    fn a_start_after_the_deadline_is_refused_with_both_dates() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut f = CardForm::new(
            "b".into(),
            Kaart::new("k", "Titel", "todo"),
            false,
            Vec::new(),
        );
        f.inputs[Field::Start as usize] = TextInput::new("01-02-2027");
        f.inputs[Field::Deadline as usize] = TextInput::new("15-01-2027");
        let e = f.result(nov).unwrap_err();
        assert!(e.contains("01-02-2027") && e.contains("15-01-2027"), "{e}");
        f.inputs[Field::Deadline as usize] = TextInput::new("15-02");
        assert!(f.result(nov).is_ok());
    }
}
