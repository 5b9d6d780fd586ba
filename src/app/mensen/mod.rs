//! The Mensen view: a CoCo keeps their people's hours, working days and absences up to date.
//! Absences are personal: this view lists only the people of the units the `gebruiker` leads
//! as CoCo, and no one without a (known) `gebruiker`; elsewhere only their effect on capacity
//! shows. An absence has at most a kind from a fixed list, never a reason.

pub mod form;

use super::Mode;
use super::action::Command;
use super::edit::{Edit, FileKey};
use super::session::Session;
use super::step::Step;
use crate::domain::ops::{self, List};
use crate::domain::{Moment, Persoon, Werkmap};
use crate::wording;
pub use form::{AfwezigForm, MensForm};

/// The state of the Mensen view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MensenView {
    pub row: usize,
}

/// The people the view lists: those of the units `coco` leads, by unit and name, as indexes
/// into `org.mensen`. No one without a `coco`: absences show only to a CoCo of the unit.
pub fn rows(werkmap: &Werkmap, coco: Option<&str>) -> Vec<usize> {
    let (Some(org), Some(coco)) = (&werkmap.organisatie, coco) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = (0..org.mensen.len())
        .filter(|&p| {
            org.eenheid(&org.mensen[p].eenheid)
                .is_some_and(|e| e.cocos.iter().any(|x| x == coco))
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

impl MensenView {
    /// The people the view lists, as indexes into `org.mensen`.
    pub fn rows(&self, s: &Session) -> Vec<usize> {
        rows(&s.werkmap, s.gebruiker())
    }

    /// The selected person.
    pub fn selected<'a>(&self, s: &'a Session) -> Option<&'a Persoon> {
        let p = *self.rows(s).get(self.row)?;
        s.werkmap.organisatie.as_ref().map(|o| &o.mensen[p])
    }

    /// Keeps the selection within the list after it may have shrunk.
    pub fn clamp(&mut self, s: &Session) {
        self.row = self.row.min(self.rows(s).len().saturating_sub(1));
    }

    /// Shows the view; says why figures are off when they are.
    pub fn open(&mut self, s: &mut Session) {
        if let Some(why) = s.capaciteit_uit.clone() {
            s.warn(why);
        }
    }

    /// Handles a command of the Mensen view.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let last = self.rows(s).len().saturating_sub(1);
        match c {
            Command::Up => self.row = self.row.saturating_sub(1),
            Command::Down => self.row = (self.row + 1).min(last),
            Command::PageUp => self.row = self.row.saturating_sub(10),
            Command::PageDown => self.row = (self.row + 10).min(last),
            Command::Back => return Step::Back,
            Command::EditCard | Command::AddNote | Command::DeleteCard => {
                let Some(p) = self.selected(s).cloned() else {
                    return Step::Stay;
                };
                if let Err(e) = s.may_decide(&p.id) {
                    s.warn(e);
                    return Step::Stay;
                }
                match c {
                    Command::EditCard => return Mode::MensForm(Box::new(MensForm::new(p))).into(),
                    Command::AddNote => {
                        return Mode::AfwezigForm(Box::new(AfwezigForm::new(p))).into();
                    }
                    _ => remove_absence(s, &p),
                }
            }
            _ => {}
        }
        Step::Stay
    }
}

/// Removes the person's first absence that has not ended yet.
fn remove_absence(s: &mut Session, p: &Persoon) {
    let Some(i) = p.afwezig.iter().position(|a| a.tot.0 >= s.vandaag) else {
        s.say(wording::geen_afwezigheid());
        return;
    };
    let mut after = p.clone();
    after.afwezig.remove(i);
    s.commit_as(
        persoon_edit(s, p, &after),
        wording::afwezigheid_verwijderd(),
    );
}

/// An edit of one person: only what changed from `before` to `after`.
fn persoon_edit(s: &Session, before: &Persoon, after: &Persoon) -> Edit {
    Edit {
        file: FileKey::Organisatie,
        ops: ops::diff_item(List::Mensen, before, after),
        at: Moment(s.now),
        wat: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{session, session_as};

    #[test]
    fn a_coco_sees_the_people_of_their_units_and_nobody_else_sees_anyone() {
        let s = session_as(Some("avries"));
        let v = MensenView::default();
        let names: Vec<&str> = v
            .rows(&s)
            .into_iter()
            .map(|p| {
                s.werkmap.organisatie.as_ref().unwrap().mensen[p]
                    .naam
                    .as_str()
            })
            .collect();
        assert_eq!(names, ["Anna de Vries", "Daan Bakker", "Eva Smit"]);
        assert!(v.rows(&session()).is_empty());
    }

    #[test]
    fn the_forms_open_on_the_selected_person() {
        let mut s = session_as(Some("avries"));
        let mut v = MensenView::default();
        v.on_command(&mut s, Command::PageDown);
        assert_eq!(v.selected(&s).unwrap().id, "esmit");
        assert!(matches!(
            v.on_command(&mut s, Command::EditCard),
            Step::Dialog(Mode::MensForm(f)) if f.persoon.id == "esmit"
        ));
        assert!(matches!(
            v.on_command(&mut s, Command::AddNote),
            Step::Dialog(Mode::AfwezigForm(f)) if f.persoon.id == "esmit"
        ));
        assert!(matches!(v.on_command(&mut s, Command::Back), Step::Back));
    }

    #[test]
    fn removing_an_absence_is_an_edit_of_the_organisation() {
        let mut s = session_as(Some("avries"));
        let mut v = MensenView::default();
        v.on_command(&mut s, Command::PageDown);
        v.on_command(&mut s, Command::DeleteCard);
        let org = s.werkmap.organisatie.as_ref().unwrap();
        assert!(org.persoon("esmit").unwrap().afwezig.is_empty());
        assert_eq!(s.undo.last().unwrap().file, FileKey::Organisatie);
        // Nothing left to remove: said, not done.
        v.on_command(&mut s, Command::DeleteCard);
        assert_eq!(s.undo.len(), 1);
        assert_eq!(
            s.status.message.as_deref(),
            Some(wording::geen_afwezigheid())
        );
    }
}
