//! A board's columns, set up from the board (B): add, rename, reorder, set or clear the WIP
//! limit, mark the klaar column, remove (an empty column at once; a column with cards after
//! a second d, its cards moving to the column beside it). Every change is one undoable edit
//! of the board, merged with colleagues as card edits are.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::app::Mode;
use crate::app::edit::{Edit, FileKey};
use crate::app::input::TextInput;
use crate::app::session::Session;
use crate::app::step::Step;
use crate::domain::{Bord, Kolom, Moment};
use crate::wording;

/// The columns dialog: which column is selected, and a removal waiting for its second d.
#[derive(Debug, Clone, PartialEq)]
pub struct Kolommen {
    pub bord: String,
    pub row: usize,
    /// The column whose cards move when d is pressed again.
    pub bevestig: Option<String>,
}

/// The form of one column: new (after `na`) or the column with `id`.
#[derive(Debug, Clone, PartialEq)]
pub struct KolomForm {
    pub bord: String,
    pub id: Option<String>,
    pub na: Option<String>,
    /// Naam, WIP, klaar (ja/nee).
    pub velden: [TextInput; 3],
    pub focus: usize,
    pub error: Option<String>,
    /// The board as the form opened: only what the user changed is saved.
    pub basis: Box<Bord>,
}

/// The labels of the form's fields.
pub const VELDEN: [&str; 3] = ["Naam", "WIP-limiet", "Klaar-kolom"];

impl KolomForm {
    fn new(bord: &Bord, id: Option<String>, na: Option<String>) -> KolomForm {
        let k = id
            .as_deref()
            .and_then(|i| bord.kolommen.iter().find(|k| k.id == i));
        KolomForm {
            bord: bord.id.clone(),
            id,
            na,
            velden: [
                TextInput::new(k.map_or(String::new(), |k| k.naam.clone())),
                TextInput::new(
                    k.and_then(|k| k.wip)
                        .map_or(String::new(), |w| w.to_string()),
                ),
                TextInput::new(if k.is_some_and(|k| k.klaar) {
                    "ja"
                } else {
                    "nee"
                }),
            ],
            focus: 0,
            error: None,
            basis: Box::new(bord.clone()),
        }
    }

    /// The board with the column added or changed, or the first problem.
    pub fn result(&self) -> Result<Bord, String> {
        let naam = self.velden[0].text.trim().to_string();
        if naam.is_empty() {
            return Err(wording::naam_verplicht().into());
        }
        let wip = match self.velden[1].text.trim() {
            "" | "-" | "–" | "geen" => None,
            t => Some(
                t.parse::<u32>()
                    .ok()
                    .filter(|w| *w > 0)
                    .ok_or_else(|| wording::ongeldige_wip(t))?,
            ),
        };
        let klaar = match self.velden[2].text.trim().to_lowercase().as_str() {
            "ja" | "j" | "yes" | "y" | "1" => true,
            "nee" | "n" | "no" | "0" | "" => false,
            t => return Err(wording::ja_of_nee(t)),
        };
        let mut b = (*self.basis).clone();
        let id = self.id.clone().unwrap_or_else(|| {
            crate::domain::ids::uit_naam(&naam, |i| b.kolommen.iter().any(|k| k.id == i))
        });
        if klaar {
            // One klaar column: marking this one unmarks the other.
            for k in &mut b.kolommen {
                k.klaar = false;
            }
        }
        let kolom = Kolom {
            id: id.clone(),
            naam,
            wip,
            klaar,
        };
        match b.kolommen.iter().position(|k| k.id == id) {
            Some(i) => b.kolommen[i] = kolom,
            None => {
                let at = self
                    .na
                    .as_deref()
                    .and_then(|n| b.kolommen.iter().position(|k| k.id == n))
                    .map_or(b.kolommen.len(), |i| i + 1);
                b.kolommen.insert(at, kolom);
            }
        }
        Ok(b)
    }
}

/// Saves `after` as an edit of `before` (only what differs), saying what happened.
fn commit(s: &mut Session, before: &Bord, after: &Bord, wat: String) {
    let edit = Edit {
        file: FileKey::Bord(before.id.clone()),
        ops: crate::domain::ops::diff(before, after),
        at: Moment(s.now),
        wat: String::new(),
    };
    s.commit_as(edit, wat);
}

/// Opens the columns dialog of the board `bord` on its column `kolom`.
pub fn open(bord: &str, kolom: usize) -> Step {
    Mode::Kolommen(Kolommen {
        bord: bord.to_string(),
        row: kolom,
        bevestig: None,
    })
    .into()
}

/// A key in the columns dialog.
pub fn on_key(s: &mut Session, mut d: Kolommen, key: KeyEvent) -> Step {
    let Some(bord) = s.werkmap.bord(&d.bord).cloned() else {
        return Step::Stay;
    };
    let n = bord.kolommen.len();
    d.row = d.row.min(n.saturating_sub(1));
    let bevestig = d.bevestig.take();
    let id = bord.kolommen.get(d.row).map(|k| k.id.clone());
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => return Step::Stay,
        KeyCode::Up | KeyCode::Char('k') => d.row = d.row.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => d.row = (d.row + 1).min(n.saturating_sub(1)),
        KeyCode::Char('n') => {
            return Mode::KolomForm(Box::new(KolomForm::new(&bord, None, id))).into();
        }
        KeyCode::Char('e') | KeyCode::Enter => {
            return Mode::KolomForm(Box::new(KolomForm::new(&bord, id, None))).into();
        }
        KeyCode::Char('<') | KeyCode::Char('H') | KeyCode::Left if d.row > 0 => {
            let mut after = bord.clone();
            after.kolommen.swap(d.row, d.row - 1);
            commit(
                s,
                &bord,
                &after,
                wording::kolom_verplaatst(&bord.kolommen[d.row].naam),
            );
            d.row -= 1;
        }
        KeyCode::Char('>') | KeyCode::Char('L') | KeyCode::Right if d.row + 1 < n => {
            let mut after = bord.clone();
            after.kolommen.swap(d.row, d.row + 1);
            commit(
                s,
                &bord,
                &after,
                wording::kolom_verplaatst(&bord.kolommen[d.row].naam),
            );
            d.row += 1;
        }
        KeyCode::Char('d') | KeyCode::Delete => {
            let Some(id) = id else {
                return Mode::Kolommen(d).into();
            };
            remove(
                s,
                &bord,
                &id,
                bevestig.as_deref() == Some(id.as_str()),
                &mut d,
            );
        }
        _ => {}
    }
    Mode::Kolommen(d).into()
}

/// Removes column `id`: empty at once; with cards only when `bevestigd`, the cards moving to
/// the column before it (after it, for the first). The last column stays.
fn remove(s: &mut Session, bord: &Bord, id: &str, bevestigd: bool, d: &mut Kolommen) {
    let i = bord.kolommen.iter().position(|k| k.id == id).unwrap_or(0);
    let k = &bord.kolommen[i];
    if bord.kolommen.len() == 1 {
        s.warn(wording::laatste_kolom());
        return;
    }
    let kaarten = bord.kaarten.iter().filter(|c| c.kolom == id).count();
    let buur = &bord.kolommen[if i == 0 { 1 } else { i - 1 }];
    if kaarten > 0 && !bevestigd {
        s.warn(wording::kolom_niet_leeg(&k.naam, kaarten, &buur.naam));
        d.bevestig = Some(id.to_string());
        return;
    }
    let mut after = bord.clone();
    for c in after.kaarten.iter_mut().filter(|c| c.kolom == id) {
        c.kolom = buur.id.clone();
        if !buur.klaar {
            c.klaar_op = None;
        }
    }
    after.kolommen.remove(i);
    commit(s, bord, &after, wording::kolom_verwijderd(&k.naam));
    d.row = d.row.min(after.kolommen.len().saturating_sub(1));
}

/// A key in the column form.
pub fn on_form_key(s: &mut Session, mut f: Box<KolomForm>, key: KeyEvent) -> Step {
    let terug = |f: &KolomForm, s: &Session| {
        let row = s
            .werkmap
            .bord(&f.bord)
            .and_then(|b| {
                let id = f.id.as_deref().or(f.na.as_deref())?;
                b.kolommen.iter().position(|k| k.id == id)
            })
            .unwrap_or(0);
        open(&f.bord, row)
    };
    match key.code {
        KeyCode::Esc => return terug(&f, s),
        KeyCode::Tab | KeyCode::Down => f.focus = (f.focus + 1) % 3,
        KeyCode::BackTab | KeyCode::Up => f.focus = (f.focus + 2) % 3,
        KeyCode::Enter => match f.result() {
            Ok(after) => {
                if after != *f.basis {
                    let naam = f.velden[0].text.trim().to_string();
                    let wat = if f.id.is_some() {
                        wording::bijgewerkt(&naam)
                    } else {
                        wording::aangemaakt(&naam)
                    };
                    commit(s, &f.basis, &after, wat);
                }
                let row = after
                    .kolommen
                    .iter()
                    .position(|k| k.naam == f.velden[0].text.trim())
                    .unwrap_or(0);
                return open(&f.bord, row);
            }
            Err(e) => f.error = Some(e),
        },
        _ => {
            f.error = None;
            f.velden[f.focus].handle(key);
        }
    }
    Mode::KolomForm(f).into()
}
