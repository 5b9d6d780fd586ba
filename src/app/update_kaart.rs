//! `update` for card edits on the board: move, form, note, delete.

use super::action::Effect;
use super::edit::{Change, Edit, Placed};
use super::form::{self, CardForm};
use super::keymap::View;
use super::{App, Mode};
use crate::domain::{Kaart, Notitie};

impl App {
    /// The selected card with its index in the board's card list.
    pub(super) fn selected_placed(&self) -> Option<(usize, Placed<Kaart>)> {
        let b = self.board_index()?;
        let id = self.bord.kaart.as_deref()?;
        let index = self.werkmap.borden[b]
            .kaarten
            .iter()
            .position(|k| k.id == id)?;
        Some((
            b,
            Placed {
                index,
                item: self.werkmap.borden[b].kaarten[index].clone(),
            },
        ))
    }

    pub(super) fn move_sideways(&mut self, delta: isize) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        let bord = &self.werkmap.borden[b];
        let Some(from) = bord.kolommen.iter().position(|k| k.id == before.item.kolom) else {
            return Vec::new();
        };
        let to = from as isize + delta;
        if to < 0 || to as usize >= bord.kolommen.len() {
            return Vec::new();
        }
        let target = bord.kolommen[to as usize].id.clone();
        // At the end of the target column, in the list without the card itself.
        let rest: Vec<&Kaart> = bord
            .kaarten
            .iter()
            .filter(|k| k.id != before.item.id)
            .collect();
        let index = rest
            .iter()
            .rposition(|k| k.kolom == target)
            .map_or(rest.len(), |p| p + 1);
        let mut kaart = before.item.clone();
        kaart.kolom = target;
        let edit = Edit::Kaart(Change {
            bord: bord.id.clone(),
            before: Some(before),
            after: Some(Placed { index, item: kaart }),
        });
        self.bord.kolom = to as usize;
        self.commit(edit)
    }

    pub(super) fn move_within(&mut self, delta: isize) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        let bord = &self.werkmap.borden[b];
        let visible = self.visible_cards(bord, self.bord.kolom);
        let Some(pos) = visible.iter().position(|k| k.id == before.item.id) else {
            return Vec::new();
        };
        let other = pos as isize + delta;
        if other < 0 || other as usize >= visible.len() {
            return Vec::new();
        }
        let other_id = &visible[other as usize].id;
        let Some(index) = bord.kaarten.iter().position(|k| &k.id == other_id) else {
            return Vec::new();
        };
        let edit = Edit::Kaart(Change {
            bord: bord.id.clone(),
            after: Some(Placed {
                index,
                item: before.item.clone(),
            }),
            before: Some(before),
        });
        self.commit(edit)
    }

    pub(super) fn open_form(&mut self, new: bool) {
        let Some(b) = self.board_index() else { return };
        let bord = &self.werkmap.borden[b];
        let candidates = form::candidates(self.werkmap.organisatie.as_ref(), bord);
        let kaart = if new {
            let Some(kolom) = bord.kolommen.get(self.bord.kolom).map(|k| k.id.clone()) else {
                return;
            };
            Kaart::new(self.new_id(), "", kolom)
        } else {
            match self.selected_card() {
                Some(k) => k.clone(),
                None => return,
            }
        };
        self.mode = Mode::Form(Box::new(CardForm::new(kaart, new, candidates)));
    }

    pub(super) fn submit_form(&mut self, f: &CardForm, kaart: Kaart) -> Vec<Effect> {
        let Some(b) = self.board_index() else {
            return Vec::new();
        };
        let bord = &self.werkmap.borden[b];
        let edit = if f.is_new {
            let index = bord
                .kaarten
                .iter()
                .rposition(|k| k.kolom == kaart.kolom)
                .map_or(bord.kaarten.len(), |p| p + 1);
            Edit::Kaart(Change {
                bord: bord.id.clone(),
                before: None,
                after: Some(Placed { index, item: kaart }),
            })
        } else {
            let Some(index) = bord.kaarten.iter().position(|k| k.id == kaart.id) else {
                return Vec::new();
            };
            if bord.kaarten[index] == kaart {
                return Vec::new();
            }
            Edit::Kaart(Change {
                bord: bord.id.clone(),
                before: Some(Placed {
                    index,
                    item: bord.kaarten[index].clone(),
                }),
                after: Some(Placed { index, item: kaart }),
            })
        };
        self.commit(edit)
    }

    pub(super) fn add_note(&mut self, tekst: String) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        let mut kaart = before.item.clone();
        kaart.notities.push(Notitie {
            wie: self.signer.clone(),
            wanneer: crate::domain::Moment(self.now),
            tekst,
        });
        let edit = Edit::Kaart(Change {
            bord: self.werkmap.borden[b].id.clone(),
            after: Some(Placed {
                index: before.index,
                item: kaart,
            }),
            before: Some(before),
        });
        self.commit(edit)
    }

    pub(super) fn delete_card(&mut self) -> Vec<Effect> {
        let Some((b, before)) = self.selected_placed() else {
            return Vec::new();
        };
        // Select the neighbour that takes the card's place.
        self.step_card(1);
        if self.bord.kaart.as_deref() == Some(before.item.id.as_str()) {
            self.step_card(-1);
        }
        if self.bord.kaart.as_deref() == Some(before.item.id.as_str()) {
            self.bord.kaart = None;
        }
        let edit = Edit::Kaart(Change {
            bord: self.werkmap.borden[b].id.clone(),
            before: Some(before),
            after: None,
        });
        if self.view == View::Kaart {
            self.view = View::Bord;
        }
        self.commit(edit)
    }
}
