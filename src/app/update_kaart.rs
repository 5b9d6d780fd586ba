//! `update` for card edits on the board: move, form, note, delete. Each becomes operations on
//! the card's id with only the fields that changed.

use super::action::Effect;
use super::edit::{Edit, FileKey};
use super::form::{self, CardForm};
use super::keymap::View;
use super::{App, Mode};
use crate::domain::ops::{self, List};
use crate::domain::{Kaart, Moment, Notitie};

impl App {
    fn card_edit(&self, bord: &str, ops: Vec<ops::Op>) -> Edit {
        Edit {
            file: FileKey::Bord(bord.to_string()),
            ops,
            at: Moment(self.session.now),
        }
    }

    /// The selected card with its board's index and its predecessor's id in the card list.
    fn selected_with_place(&self) -> Option<(usize, Kaart, Option<String>)> {
        let b = self.board_index()?;
        let id = self.bord.kaart.as_deref()?;
        let kaarten = &self.session.werkmap.borden[b].kaarten;
        let index = kaarten.iter().position(|k| k.id == id)?;
        let prev = index.checked_sub(1).map(|p| kaarten[p].id.clone());
        Some((b, kaarten[index].clone(), prev))
    }

    pub(super) fn move_sideways(&mut self, delta: isize) -> Vec<Effect> {
        let Some((b, kaart, prev)) = self.selected_with_place() else {
            return Vec::new();
        };
        let bord = &self.session.werkmap.borden[b];
        let Some(from) = bord.kolommen.iter().position(|k| k.id == kaart.kolom) else {
            return Vec::new();
        };
        let to = from as isize + delta;
        if to < 0 || to as usize >= bord.kolommen.len() {
            return Vec::new();
        }
        let target = &bord.kolommen[to as usize];
        // At the end of the target column: after its last card (in the list without this one).
        let after = bord
            .kaarten
            .iter()
            .filter(|k| k.id != kaart.id)
            .rfind(|k| k.kolom == target.id)
            .or_else(|| {
                // An empty column: after the last card of the columns before it.
                let before: Vec<&str> = bord.kolommen[..to as usize]
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect();
                bord.kaarten
                    .iter()
                    .filter(|k| k.id != kaart.id)
                    .rfind(|k| before.contains(&k.kolom.as_str()))
            })
            .map(|k| k.id.clone());
        let mut moved = kaart.clone();
        moved.kolom = target.id.clone();
        let naam = target.naam.clone();
        let mut ops = ops::diff_item(List::Kaarten, &kaart, &moved);
        ops.extend(ops::place(
            List::Kaarten,
            &kaart.id,
            prev.as_deref(),
            after.as_deref(),
        ));
        let edit = self.card_edit(&bord.id.clone(), ops);
        self.bord.kolom = to as usize;
        let effects = self.commit(edit);
        self.select_card(&kaart.id);
        self.session.status.message = Some(crate::wording::kaart_verplaatst(&kaart.titel, &naam));
        effects
    }

    pub(super) fn move_within(&mut self, delta: isize) -> Vec<Effect> {
        let Some((b, kaart, prev)) = self.selected_with_place() else {
            return Vec::new();
        };
        let bord = &self.session.werkmap.borden[b];
        let visible = self.visible_cards(bord, self.bord.kolom);
        let Some(pos) = visible.iter().position(|k| k.id == kaart.id) else {
            return Vec::new();
        };
        let other = pos as isize + delta;
        if other < 0 || other as usize >= visible.len() {
            return Vec::new();
        }
        let other_id = visible[other as usize].id.clone();
        // The list as it will be: the card taken out and put before or after the other one.
        let mut order: Vec<&str> = bord
            .kaarten
            .iter()
            .map(|k| k.id.as_str())
            .filter(|id| *id != kaart.id)
            .collect();
        let Some(at) = order.iter().position(|id| *id == other_id) else {
            return Vec::new();
        };
        let at = if delta > 0 { at + 1 } else { at };
        order.insert(at, &kaart.id);
        let after = at.checked_sub(1).map(|p| order[p].to_string());
        let Some(op) = ops::place(List::Kaarten, &kaart.id, prev.as_deref(), after.as_deref())
        else {
            return Vec::new();
        };
        let edit = self.card_edit(&bord.id.clone(), vec![op]);
        let effects = self.commit(edit);
        self.select_card(&kaart.id);
        effects
    }

    pub(super) fn open_form(&mut self, new: bool) {
        let Some(b) = self.board_index() else { return };
        let bord = &self.session.werkmap.borden[b];
        let candidates = form::candidates(self.session.werkmap.organisatie.as_ref(), bord);
        let kaart = if new {
            let Some(kolom) = bord.kolommen.get(self.bord.kolom).map(|k| k.id.clone()) else {
                return;
            };
            Kaart::new(self.session.new_id(), "", kolom)
        } else {
            match self.selected_card() {
                Some(k) => k.clone(),
                None => return,
            }
        };
        let bord = self.session.werkmap.borden[b].id.clone();
        self.mode = Mode::Form(Box::new(CardForm::new(bord, kaart, new, candidates)));
    }

    pub(super) fn submit_form(&mut self, f: &CardForm, kaart: Kaart) -> Vec<Effect> {
        let Some(bord) = self.session.werkmap.bord(&f.bord) else {
            return Vec::new();
        };
        let mut replaced = Vec::new();
        let ops = if f.is_new {
            let after = bord
                .kaarten
                .iter()
                .rfind(|k| k.kolom == kaart.kolom)
                .or(bord.kaarten.last())
                .map(|k| k.id.as_str());
            vec![ops::insert(List::Kaarten, &kaart, after)]
        } else {
            // Only what the user changed, against the card as the form last showed it.
            let mut ops = ops::diff_item(List::Kaarten, &f.opened, &kaart);
            let (notes, notices) =
                f.replaced_notes(&kaart, &self.session.signer, Moment(self.session.now));
            ops.extend(notes);
            replaced = notices;
            ops
        };
        if ops.is_empty() {
            return Vec::new();
        }
        let id = kaart.id.clone();
        let edit = self.card_edit(&f.bord.clone(), ops);
        let effects = self.commit(edit);
        self.select_card(&id);
        self.session.status.message = Some(if f.is_new {
            crate::wording::kaart_toegevoegd(&kaart.titel)
        } else {
            crate::wording::kaart_bijgewerkt(&kaart.titel)
        });
        if !replaced.is_empty() {
            // The colleague's value that this replaced: in a note, and said here.
            self.session.status.error = Some(self.notices_text(&replaced));
        }
        effects
    }

    pub(super) fn add_note(&mut self, kaart: &str, tekst: String) -> Vec<Effect> {
        let Some(b) = self.board_index() else {
            return Vec::new();
        };
        let bord = &self.session.werkmap.borden[b];
        let note = Notitie {
            wie: self.session.signer.clone(),
            wanneer: Moment(self.session.now),
            tekst,
        };
        let snapshot = bord.kaarten.iter().find(|k| k.id == kaart).map(|k| {
            let mut k = k.clone();
            k.notities.push(note.clone());
            ops::fields_of(&k)
        });
        let op = ops::Op {
            target: ops::Target::Item(List::Kaarten, kaart.to_string()),
            change: ops::Change::Add {
                field: "notities".into(),
                element: serde_json::to_value(&note).unwrap_or_default(),
            },
            snapshot,
        };
        let edit = self.card_edit(&bord.id.clone(), vec![op]);
        self.commit(edit)
    }

    pub(super) fn delete_card(&mut self, kaart: &Kaart) -> Vec<Effect> {
        let Some(b) = self.board_index() else {
            return Vec::new();
        };
        // The question was about the card as the dialog showed it.
        if self.session.werkmap.borden[b]
            .kaarten
            .iter()
            .find(|k| k.id == kaart.id)
            != Some(kaart)
        {
            self.session.status.error = Some(crate::wording::dialoog_gewijzigd(&kaart.titel));
            return Vec::new();
        }
        if self.bord.kaart.as_deref() == Some(kaart.id.as_str()) {
            // Select the neighbour that takes the card's place.
            self.step_card(1);
            if self.bord.kaart.as_deref() == Some(kaart.id.as_str()) {
                self.step_card(-1);
            }
            if self.bord.kaart.as_deref() == Some(kaart.id.as_str()) {
                self.bord.kaart = None;
            }
        }
        let kaarten = &self.session.werkmap.borden[b].kaarten;
        let prev = kaarten
            .iter()
            .position(|k| k.id == kaart.id)
            .and_then(|i| i.checked_sub(1))
            .map(|p| kaarten[p].id.clone());
        let edit = self.card_edit(
            &self.session.werkmap.borden[b].id.clone(),
            vec![ops::delete(List::Kaarten, kaart, prev.as_deref())],
        );
        if self.view == View::Kaart {
            self.view = View::Bord;
        }
        self.commit(edit)
    }
}
