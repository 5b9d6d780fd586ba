//! `update` for the Mensen view: edit hours and days, add and remove absences.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::{Command, Effect};
use super::edit::{Edit, FileKey};
use super::keymap::View;
use super::mensen::{AfwezigForm, MensForm};
use super::{App, Mode};
use crate::domain::ops::{self, List};
use crate::domain::{Moment, Persoon};
use crate::wording;
impl App {
    /// The people the Mensen view lists, as indexes into `org.mensen`.
    pub fn mensen_rows(&self) -> Vec<usize> {
        super::mensen::rows(&self.session.werkmap, self.session.gebruiker())
    }

    /// The person selected in the Mensen view.
    pub fn selected_persoon(&self) -> Option<&Persoon> {
        let p = *self.mensen_rows().get(self.mensen.row)?;
        self.session
            .werkmap
            .organisatie
            .as_ref()
            .map(|o| &o.mensen[p])
    }

    /// An edit of one person: only what changed from `before` to `after`.
    fn persoon_edit(&self, before: &Persoon, after: &Persoon) -> Edit {
        Edit {
            file: FileKey::Organisatie,
            ops: ops::diff_item(List::Mensen, before, after),
            at: Moment(self.session.now),
        }
    }

    pub(super) fn open_mensen(&mut self) {
        if self.view != View::Mensen {
            self.return_to = self.view;
        }
        self.view = View::Mensen;
        if let Some(why) = &self.session.capaciteit_uit {
            self.session.status.error = Some(why.clone());
        }
    }

    pub(super) fn on_mensen(&mut self, c: Command) -> Vec<Effect> {
        let last = self.mensen_rows().len().saturating_sub(1);
        match c {
            Command::Up => self.mensen.row = self.mensen.row.saturating_sub(1),
            Command::Down => self.mensen.row = (self.mensen.row + 1).min(last),
            Command::PageUp => self.mensen.row = self.mensen.row.saturating_sub(10),
            Command::PageDown => self.mensen.row = (self.mensen.row + 10).min(last),
            Command::Back => self.view = self.return_to,
            Command::EditCard | Command::AddNote => {
                let Some(p) = self.selected_persoon().cloned() else {
                    return Vec::new();
                };
                if let Err(e) = self.session.may_decide(&p.id) {
                    self.session.status.error = Some(e);
                    return Vec::new();
                }
                self.mode = if c == Command::EditCard {
                    Mode::MensForm(Box::new(MensForm::new(p)))
                } else {
                    Mode::AfwezigForm(Box::new(AfwezigForm::new(p)))
                };
            }
            Command::DeleteCard => {
                let Some(p) = self.selected_persoon().cloned() else {
                    return Vec::new();
                };
                if let Err(e) = self.session.may_decide(&p.id) {
                    self.session.status.error = Some(e);
                    return Vec::new();
                }
                // The first absence that has not ended yet.
                let Some(i) = p
                    .afwezig
                    .iter()
                    .position(|a| a.tot.0 >= self.session.vandaag)
                else {
                    self.session.status.message = Some(wording::geen_afwezigheid());
                    return Vec::new();
                };
                let mut after = p.clone();
                after.afwezig.remove(i);
                self.session.status.message = Some(wording::afwezigheid_verwijderd());
                let edit = self.persoon_edit(&p, &after);
                return self.commit(edit);
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn on_mens_form(&mut self, mut f: Box<MensForm>, key: KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Esc {
            return Vec::new();
        }
        if f.handle(key) {
            match f.result() {
                Ok(p) if p == f.persoon => return Vec::new(),
                Ok(p) => {
                    self.session.status.message = Some(wording::persoon_bijgewerkt());
                    let edit = self.persoon_edit(&f.persoon, &p);
                    return self.commit(edit);
                }
                Err(e) => f.error = Some(e),
            }
        }
        self.mode = Mode::MensForm(f);
        Vec::new()
    }

    pub(super) fn on_afwezig_form(
        &mut self,
        mut f: Box<AfwezigForm>,
        key: KeyEvent,
    ) -> Vec<Effect> {
        if key.code == KeyCode::Esc {
            return Vec::new();
        }
        if f.handle(key) {
            match f.result() {
                Ok(p) => {
                    self.session.status.message = Some(wording::persoon_bijgewerkt());
                    let edit = self.persoon_edit(&f.persoon, &p);
                    return self.commit(edit);
                }
                Err(e) => f.error = Some(e),
            }
        }
        self.mode = Mode::AfwezigForm(f);
        Vec::new()
    }
}
