//! Card edits on the board: move, form, note, delete. Each becomes operations on the card's
//! id with only the fields that changed.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::BordView;
use super::form::{self, CardForm};
use crate::app::Mode;
use crate::app::edit::{Edit, FileKey};
use crate::app::input::TextInput;
use crate::app::keymap::View;
use crate::app::session::Session;
use crate::app::step::{Go, Step};
use crate::domain::ops::{self, List};
use crate::domain::{Kaart, Moment, Notitie};
use crate::wording;

fn card_edit(s: &Session, bord: &str, ops: Vec<ops::Op>) -> Edit {
    Edit {
        file: FileKey::Bord(bord.to_string()),
        ops,
        at: Moment(s.now),
        wat: String::new(),
    }
}

impl BordView {
    /// The selected card with its predecessor's id in the card list.
    fn selected_with_place(&self, s: &Session) -> Option<(Kaart, Option<String>)> {
        let id = self.kaart.as_deref()?;
        let kaarten = &self.board(s)?.kaarten;
        let index = kaarten.iter().position(|k| k.id == id)?;
        let prev = index.checked_sub(1).map(|p| kaarten[p].id.clone());
        Some((kaarten[index].clone(), prev))
    }

    /// Moves the selected card to the end of the column left or right of it.
    pub(super) fn move_sideways(&mut self, s: &mut Session, delta: isize) {
        let Some((kaart, prev)) = self.selected_with_place(s) else {
            return;
        };
        let Some(bord) = self.board(s) else { return };
        let Some(from) = bord.kolommen.iter().position(|k| k.id == kaart.kolom) else {
            return;
        };
        let to = from as isize + delta;
        if to < 0 || to as usize >= bord.kolommen.len() {
            return;
        }
        let to = to as usize;
        let target = &bord.kolommen[to];
        // At the end of the target column: after its last card (in the list without this one).
        let others = || bord.kaarten.iter().filter(|k| k.id != kaart.id);
        let after = others()
            .rfind(|k| k.kolom == target.id)
            .or_else(|| {
                // An empty column: after the last card of the columns before it.
                let before: Vec<&str> = bord.kolommen[..to].iter().map(|c| c.id.as_str()).collect();
                others().rfind(|k| before.contains(&k.kolom.as_str()))
            })
            .map(|k| k.id.clone());
        let mut moved = kaart.clone();
        moved.kolom = target.id.clone();
        // Finished is finished: a card moved into a klaar column is done, in one undo step,
        // since today; leaving the klaar column clears that day.
        if target.klaar {
            moved.voortgang = 100;
            if kaart.klaar_op.is_none() {
                moved.klaar_op = Some(crate::domain::Datum(s.vandaag));
            }
        } else {
            moved.klaar_op = None;
        }
        let naam = target.naam.clone();
        let mut ops = ops::diff_item(List::Kaarten, &kaart, &moved);
        ops.extend(ops::place(
            List::Kaarten,
            &kaart.id,
            prev.as_deref(),
            after.as_deref(),
        ));
        let edit = card_edit(s, &bord.id, ops);
        self.kolom = to;
        s.commit_as(edit, wording::kaart_verplaatst(&kaart.titel, &naam));
        self.select_card(s, &kaart.id);
    }

    /// Moves the selected card one place up or down among the visible cards of its column.
    pub(super) fn move_within(&mut self, s: &mut Session, delta: isize) {
        let Some((kaart, prev)) = self.selected_with_place(s) else {
            return;
        };
        let Some(bord) = self.board(s) else { return };
        let visible = self.visible_cards(s, bord, self.kolom);
        let Some(pos) = visible.iter().position(|k| k.id == kaart.id) else {
            return;
        };
        let other = pos as isize + delta;
        if other < 0 || other as usize >= visible.len() {
            return;
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
            return;
        };
        let at = if delta > 0 { at + 1 } else { at };
        order.insert(at, &kaart.id);
        let after = at.checked_sub(1).map(|p| order[p].to_string());
        let Some(op) = ops::place(List::Kaarten, &kaart.id, prev.as_deref(), after.as_deref())
        else {
            return;
        };
        let edit = card_edit(s, &bord.id, vec![op]);
        s.commit_as(edit, wording::kaart_geschoven(&kaart.titel, delta < 0));
        self.select_card(s, &kaart.id);
    }

    /// The card form: a new card in the selected column, or the selected card.
    pub(super) fn open_form(&mut self, s: &mut Session, new: bool) -> Step {
        let Some(bord) = self.board(s) else {
            return Step::Stay;
        };
        let candidates = form::candidates(s.werkmap.organisatie.as_ref(), bord);
        let bord_id = bord.id.clone();
        let kaart = if new {
            let Some(kolom) = bord.kolommen.get(self.kolom).map(|k| k.id.clone()) else {
                return Step::Stay;
            };
            Kaart::new(s.new_id(), "", kolom)
        } else {
            match self.selected_card(s) {
                Some(k) => k.clone(),
                None => return Step::Stay,
            }
        };
        Mode::Form(Box::new(CardForm::new(bord_id, kaart, new, candidates))).into()
    }

    /// A key in the card form.
    pub fn on_form_key(&mut self, s: &mut Session, mut f: Box<CardForm>, key: KeyEvent) -> Step {
        if key.code == KeyCode::Esc {
            return Step::Stay;
        }
        if f.handle(key) {
            match f.result(s.vandaag) {
                Ok(kaart) => {
                    self.submit_form(s, &f, kaart);
                    return Step::Stay;
                }
                Err(e) => f.error = Some(e),
            }
        }
        Mode::Form(f).into()
    }

    fn submit_form(&mut self, s: &mut Session, f: &CardForm, kaart: Kaart) {
        let Some(bord) = s.werkmap.bord(&f.bord) else {
            return;
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
            let (notes, notices) = f.replaced_notes(&kaart, &s.signer, Moment(s.now));
            ops.extend(notes);
            replaced = notices;
            ops
        };
        if ops.is_empty() {
            return;
        }
        let edit = card_edit(s, &f.bord, ops);
        let wat = if f.is_new {
            wording::kaart_toegevoegd(&kaart.titel)
        } else {
            wording::kaart_bijgewerkt(&kaart.titel)
        };
        s.commit_as(edit, wat);
        self.select_card(s, &kaart.id);
        if !replaced.is_empty() {
            // The colleague's value that this replaced: in a note, and said here.
            s.warn(s.notices_text(&replaced));
        }
    }

    /// A key in the note dialog for the card with this id.
    pub fn on_note_key(
        &mut self,
        s: &mut Session,
        mut input: TextInput,
        kaart: String,
        key: KeyEvent,
    ) -> Step {
        match key.code {
            KeyCode::Enter if !input.text.trim().is_empty() => {
                self.add_note(s, &kaart, input.text.trim().to_string());
                Step::Stay
            }
            KeyCode::Enter | KeyCode::Esc => Step::Stay,
            _ => {
                input.handle(key);
                Mode::Note(input, kaart).into()
            }
        }
    }

    fn add_note(&mut self, s: &mut Session, kaart: &str, tekst: String) {
        let Some(bord) = self.board(s) else { return };
        let note = Notitie {
            wie: s.signer.clone(),
            wanneer: Moment(s.now),
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
        let titel = bord
            .kaarten
            .iter()
            .find(|k| k.id == kaart)
            .map(|k| k.titel.clone())
            .unwrap_or_default();
        let edit = card_edit(s, &bord.id, vec![op]);
        s.commit_as(edit, wording::notitie_bij(&titel));
    }

    /// A key in the delete question about this card (as the dialog showed it).
    pub fn on_delete_key(&mut self, s: &mut Session, kaart: &Kaart, key: KeyEvent) -> Step {
        match key.code {
            KeyCode::Char('j') | KeyCode::Char('y') | KeyCode::Enter => self.delete_card(s, kaart),
            _ => Step::Stay,
        }
    }

    fn delete_card(&mut self, s: &mut Session, kaart: &Kaart) -> Step {
        let Some(bord) = self.board(s) else {
            return Step::Stay;
        };
        // The question was about the card as the dialog showed it.
        if bord.kaarten.iter().find(|k| k.id == kaart.id) != Some(kaart) {
            s.warn(wording::dialoog_gewijzigd(&kaart.titel));
            return Step::Stay;
        }
        let prev = bord
            .kaarten
            .iter()
            .position(|k| k.id == kaart.id)
            .and_then(|i| i.checked_sub(1))
            .map(|p| bord.kaarten[p].id.clone());
        let edit = card_edit(
            s,
            &bord.id,
            vec![ops::delete(List::Kaarten, kaart, prev.as_deref())],
        );
        if self.kaart.as_deref() == Some(kaart.id.as_str()) {
            // Select the neighbour that takes the card's place.
            self.step_card(s, 1);
            if self.kaart.as_deref() == Some(kaart.id.as_str()) {
                self.step_card(s, -1);
            }
            if self.kaart.as_deref() == Some(kaart.id.as_str()) {
                self.kaart = None;
            }
        }
        s.commit_as(edit, wording::kaart_verwijderd(&kaart.titel));
        // From the card view: back to the board, where the card was.
        Step::Go(Go::View(View::Bord))
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;
    use crate::app::action::Command;
    use crate::app::testing::session;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    fn haven(s: &Session) -> BordView {
        let mut v = BordView::default();
        v.open(s, "opgave-haven");
        v
    }

    #[test]
    fn a_new_card_from_the_form_lands_in_the_selected_column_and_is_selected() {
        let mut s = session();
        let mut v = haven(&s);
        let Step::Dialog(Mode::Form(mut f)) = v.on_command(&mut s, Command::NewCard) else {
            panic!("no form");
        };
        for c in "Kade schouwen".chars() {
            f.handle(key(KeyCode::Char(c)));
        }
        let step = v.on_form_key(&mut s, f, key(KeyCode::Enter));
        assert!(matches!(step, Step::Stay), "{step:?}");
        let k = v.selected_card(&s).unwrap();
        assert_eq!(
            (k.titel.as_str(), k.kolom.as_str()),
            ("Kade schouwen", "todo")
        );
        assert_eq!(s.undo.len(), 1);
    }

    #[test]
    fn a_note_is_signed_by_the_user() {
        let mut s = session();
        let mut v = haven(&s);
        let Step::Dialog(Mode::Note(mut input, id)) = v.on_command(&mut s, Command::AddNote) else {
            panic!("no note");
        };
        input.paste("Gebeld met de havenmeester");
        v.on_note_key(&mut s, input, id, key(KeyCode::Enter));
        let n = v
            .selected_card(&s)
            .unwrap()
            .notities
            .last()
            .unwrap()
            .clone();
        assert_eq!(
            (n.wie.as_str(), n.tekst.as_str()),
            ("tester", "Gebeld met de havenmeester")
        );
    }

    #[test]
    fn deleting_selects_the_neighbour_and_a_changed_card_is_not_deleted() {
        let mut s = session();
        let mut v = haven(&s);
        let Step::Dialog(Mode::ConfirmDelete(k)) = v.on_command(&mut s, Command::DeleteCard) else {
            panic!("no question");
        };
        // The card changed since the question was asked: nothing is deleted.
        let mut changed = (*k).clone();
        changed.titel = "Anders".into();
        v.on_delete_key(&mut s, &changed, key(KeyCode::Char('j')));
        assert!(
            s.werkmap
                .bord("opgave-haven")
                .unwrap()
                .kaarten
                .iter()
                .any(|x| x.id == "k4")
        );
        assert!(s.status.error.is_some());
        let step = v.on_delete_key(&mut s, &k, key(KeyCode::Char('j')));
        assert!(matches!(step, Step::Go(Go::View(View::Bord))));
        assert!(
            !s.werkmap
                .bord("opgave-haven")
                .unwrap()
                .kaarten
                .iter()
                .any(|x| x.id == "k4")
        );
        assert_eq!(v.kaart.as_deref(), Some("k5"));
    }
}
