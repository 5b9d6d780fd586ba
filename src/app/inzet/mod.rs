//! The inzet view: the team panel of a board and the CoCo's inbox. The request form is in
//! [`form`], the CoCo's decision with its real choices in [`decide`], the figures behind the
//! selected inzet in [`detail`].

pub mod decide;
pub mod detail;
pub mod form;

use super::action::Command;
use super::edit::{Edit, FileKey};
use super::session::Session;
use super::step::{Go, Step};
use crate::domain::ops::{self, List};
use crate::domain::{Inzet, InzetStatus, Moment, Week, Werkmap};
use crate::wording;
pub use decide::{Decide, Impact, Keuze};
pub use detail::InzetDetail;
pub use form::InzetForm;

/// Which inzet the view lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// The inzet of one board (by id).
    Bord(String),
    /// Every open request on the units the user leads (every unit when no user is set).
    #[default]
    Inbox,
}

/// The state of the inzet view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InzetView {
    pub scope: Scope,
    pub row: usize,
    /// The figures of the selected inzet, refreshed after every action in the view.
    pub detail: Option<InzetDetail>,
}

/// One listed inzet: its board and its own id, so a reload that reorders or removes items
/// never makes a dialog act on another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InzetRef {
    pub bord: String,
    pub inzet: String,
}

impl InzetRef {
    /// The board and the inzet, if both still exist.
    pub fn find<'a>(&self, werkmap: &'a Werkmap) -> Option<(&'a crate::domain::Bord, &'a Inzet)> {
        let b = werkmap.bord(&self.bord)?;
        let z = b.inzet.iter().find(|z| z.id == self.inzet)?;
        Some((b, z))
    }

    /// The inzet, if it still exists.
    pub fn inzet<'a>(&self, werkmap: &'a Werkmap) -> Option<&'a Inzet> {
        self.find(werkmap).map(|(_, z)| z)
    }
}

/// The rows of the view for a werkmap: a board's inzet in file order, or the open requests on
/// the units of `coco` (all units when `None`), by start week.
pub fn rows(werkmap: &Werkmap, scope: &Scope, coco: Option<&str>) -> Vec<InzetRef> {
    match scope {
        Scope::Bord(id) => werkmap
            .bord(id)
            .map(|b| {
                b.inzet
                    .iter()
                    .map(|z| InzetRef {
                        bord: b.id.clone(),
                        inzet: z.id.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        Scope::Inbox => {
            let org = werkmap.organisatie.as_ref();
            let leads = |persoon: &str| {
                coco.is_none_or(|c| {
                    org.and_then(|o| o.persoon(persoon))
                        .and_then(|p| org.and_then(|o| o.eenheid(&p.eenheid)))
                        .is_some_and(|e| e.cocos.iter().any(|x| x == c))
                })
            };
            let mut out: Vec<(Week, InzetRef)> = werkmap
                .borden
                .iter()
                .flat_map(|bord| {
                    bord.inzet
                        .iter()
                        .filter(|z| z.status == InzetStatus::Gevraagd && leads(&z.persoon))
                        .map(move |z| {
                            (
                                z.van,
                                InzetRef {
                                    bord: bord.id.clone(),
                                    inzet: z.id.clone(),
                                },
                            )
                        })
                })
                .collect();
            out.sort_by_key(|(van, _)| *van);
            out.into_iter().map(|(_, r)| r).collect()
        }
    }
}

impl InzetView {
    /// Shows the view on a board's team or an inbox, with this inzet (id) selected.
    pub fn open(&mut self, s: &Session, scope: Scope, select: Option<&str>) {
        self.scope = scope;
        self.row = 0;
        if let Some(i) = select {
            self.row = self.rows(s).iter().position(|r| r.inzet == i).unwrap_or(0);
        }
        self.refresh(s);
    }

    /// The rows of the view.
    pub fn rows(&self, s: &Session) -> Vec<InzetRef> {
        rows(&s.werkmap, &self.scope, s.coco())
    }

    /// The selected inzet.
    pub fn selected(&self, s: &Session) -> Option<InzetRef> {
        self.rows(s).get(self.row).cloned()
    }

    /// Computes the figures of the selected inzet again.
    pub fn refresh(&mut self, s: &Session) {
        self.detail = self
            .selected(s)
            .and_then(|r| detail::detail(&s.werkmap, &r, s.week()));
    }

    /// Keeps the selection within the list after it may have shrunk.
    pub fn clamp(&mut self, s: &Session) {
        self.row = self.row.min(self.rows(s).len().saturating_sub(1));
    }

    /// Handles a command of the inzet view.
    pub fn on_command(&mut self, s: &mut Session, c: Command) -> Step {
        let last = self.rows(s).len().saturating_sub(1);
        let step = match c {
            Command::Up => {
                self.row = self.row.saturating_sub(1);
                Step::Stay
            }
            Command::Down => {
                self.row = (self.row + 1).min(last);
                Step::Stay
            }
            Command::PageUp => {
                self.row = self.row.saturating_sub(10);
                Step::Stay
            }
            Command::PageDown => {
                self.row = (self.row + 10).min(last);
                Step::Stay
            }
            Command::Back => match &self.scope {
                // A team panel belongs to its board.
                Scope::Bord(_) => Step::Go(Go::View(super::View::Bord)),
                Scope::Inbox => Step::Back,
            },
            Command::NewCard if self.scope == Scope::Inbox => {
                // A request belongs to a board's team: say where to make it.
                s.say(wording::vragen_vanuit_bord());
                Step::Stay
            }
            Command::NewCard => self.open_form(s, None),
            Command::EditCard => match self.selected(s) {
                Some(r) => self.open_form(s, Some(r)),
                None => Step::Stay,
            },
            Command::Withdraw => {
                self.withdraw(s);
                Step::Stay
            }
            Command::Agree => self.agree(s),
            Command::Decline => self.decline(s),
            Command::Open => match self.selected(s).and_then(|r| r.inzet(&s.werkmap).cloned()) {
                Some(z) if s.persoon_exists(&z.persoon) => Step::Go(Go::Persoon(z.persoon)),
                _ => Step::Stay,
            },
            _ => Step::Stay,
        };
        self.refresh(s);
        step
    }

    /// Withdraws the selected inzet: a request disappears, an agreed claim ends this week.
    fn withdraw(&mut self, s: &mut Session) {
        let Some(r) = self.selected(s) else { return };
        let Some(z) = r.inzet(&s.werkmap).cloned() else {
            return;
        };
        let nu = s.week();
        let after = match z.status {
            InzetStatus::Gevraagd => None,
            InzetStatus::Toegezegd if z.van <= nu && z.tot > nu => Some(Inzet {
                tot: nu,
                ..z.clone()
            }),
            InzetStatus::Toegezegd if z.van > nu => None,
            _ => {
                s.say(wording::niets_in_te_trekken());
                return;
            }
        };
        let edit = inzet_edit(s, &r.bord, Some(&z), after.as_ref());
        s.commit_as(edit, wording::inzet_ingetrokken());
        self.clamp(s);
    }
}

/// An edit that changes (or adds, or removes) one inzet of a board: `before` is the inzet as
/// the user saw it (`None`: new), `after` as it should become (`None`: gone).
pub(crate) fn inzet_edit(
    s: &Session,
    bord: &str,
    before: Option<&Inzet>,
    after: Option<&Inzet>,
) -> Edit {
    let list = s.werkmap.bord(bord).map(|x| &x.inzet[..]).unwrap_or(&[]);
    let ops = match (before, after) {
        (Some(b), Some(a)) => changed(b, a),
        (Some(b), None) => {
            let prev = list
                .iter()
                .position(|z| z.id == b.id)
                .and_then(|i| i.checked_sub(1))
                .map(|p| list[p].id.as_str());
            vec![ops::delete(List::Inzet, b, prev)]
        }
        (None, Some(a)) => vec![ops::insert(
            List::Inzet,
            a,
            list.last().map(|z| z.id.as_str()),
        )],
        (None, None) => Vec::new(),
    };
    Edit {
        file: FileKey::Bord(bord.to_string()),
        ops,
        at: Moment(s.now),
        wat: String::new(),
    }
}

/// The operations that change inzet `b` into `a`.
fn changed(b: &Inzet, a: &Inzet) -> Vec<ops::Op> {
    let mut ops = ops::diff_item(List::Inzet, b, a);
    // Asking again (more hours or weeks) must win over a decision on the old amount that a
    // CoCo may be making at this moment: the decision is part of it.
    let wider = a.uren_per_week > b.uren_per_week || a.van < b.van || a.tot > b.tot;
    let decided = |o: &ops::Op| matches!(&o.change, ops::Change::Set { field, .. } if field == ops::BESLISSING);
    if wider && a.status == InzetStatus::Gevraagd && !ops.iter().any(decided) {
        let group = |z: &Inzet| {
            let f = ops::fields_of(z);
            let mut g = serde_json::Map::new();
            for k in ["status", "verzoek", "besluit"] {
                g.insert(k.into(), f.get(k).cloned().unwrap_or_default());
            }
            serde_json::Value::Object(g)
        };
        ops.push(ops::Op {
            target: ops::Target::Item(List::Inzet, a.id.clone()),
            change: ops::Change::Set {
                field: ops::BESLISSING.into(),
                old: group(b),
                new: group(a),
            },
            snapshot: Some(ops::fields_of(a)),
        });
    }
    ops
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::Mode;
    use crate::app::testing::{session, session_as};

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    fn team(s: &Session, select: &str) -> InzetView {
        let mut v = InzetView::default();
        v.open(s, Scope::Bord("opgave-haven".into()), Some(select));
        v
    }

    fn status(s: &Session, id: &str) -> Option<InzetStatus> {
        let b = s.werkmap.bord("opgave-haven").unwrap();
        b.inzet.iter().find(|z| z.id == id).map(|z| z.status)
    }

    #[test]
    fn a_team_lists_its_inzet_and_an_inbox_the_requests_on_the_cocos_units() {
        let s = session_as(Some("bdekker"));
        let v = team(&s, "h2");
        let ids: Vec<String> = v.rows(&s).into_iter().map(|r| r.inzet).collect();
        assert_eq!(ids, ["h1", "h2", "h3", "h4"]);
        assert_eq!(v.row, 1);
        assert_eq!(v.detail.as_ref().unwrap().naam, "Eva Smit");
        let mut inbox = InzetView::default();
        inbox.open(&s, Scope::Inbox, None);
        let ids: Vec<String> = inbox.rows(&s).into_iter().map(|r| r.inzet).collect();
        assert_eq!(ids, ["h3"]);
        let s = session_as(Some("avries"));
        assert!(inbox.rows(&s).is_empty(), "no requests on Wijken");
        // `n` in the inbox says where a request is made.
        let mut s2 = session_as(Some("bdekker"));
        assert!(matches!(
            inbox.on_command(&mut s2, Command::NewCard),
            Step::Stay
        ));
        assert!(
            s2.status
                .message
                .as_deref()
                .unwrap()
                .contains("open het bord en druk t")
        );
        // Someone who leads no unit reads every open request (and may not decide on them).
        let mut s = session_as(Some("dbakker"));
        assert_eq!(s.coco(), None);
        let ids: Vec<String> = inbox.rows(&s).into_iter().map(|r| r.inzet).collect();
        assert_eq!(ids, ["h3"]);
        inbox.row = 0;
        assert!(matches!(
            inbox.on_command(&mut s, Command::Agree),
            Step::Stay
        ));
        assert_eq!(status(&s, "h3"), Some(InzetStatus::Gevraagd));
        assert!(s.status.error.is_some(), "says who may decide");
    }

    #[test]
    fn agreeing_to_a_request_that_over_books_offers_choices() {
        let mut s = session();
        let mut v = team(&s, "h3");
        let Step::Dialog(Mode::Decide(d)) = v.on_command(&mut s, Command::Agree) else {
            panic!("no choices");
        };
        assert_eq!(d.keuzes[0], Keuze::TochToezeggen);
        v.on_decide_key(&mut s, d, key(KeyCode::Char('1')));
        let Step::Dialog(Mode::Decide(d)) = v.on_command(&mut s, Command::Agree) else {
            panic!("no choices");
        };
        assert!(matches!(
            v.on_decide_key(&mut s, d, key(KeyCode::Enter)),
            Step::Stay
        ));
        // The preselected choice leaves it for the PMO: still asked, with a decision.
        assert_eq!(status(&s, "h3"), Some(InzetStatus::Gevraagd));
        let b = s.werkmap.bord("opgave-haven").unwrap();
        assert!(
            b.inzet
                .iter()
                .find(|z| z.id == "h3")
                .unwrap()
                .besluit
                .is_some()
        );
    }

    #[test]
    fn agreeing_over_an_over_booking_asks_why_and_records_it() {
        let mut s = session();
        let mut v = team(&s, "h3");
        let Step::Dialog(Mode::Decide(d)) = v.on_command(&mut s, Command::Agree) else {
            panic!("no choices");
        };
        // A digit only chooses; Enter on "toch toezeggen" asks why.
        let Step::Dialog(Mode::Decide(d)) = v.on_decide_key(&mut s, d, key(KeyCode::Char('1')))
        else {
            panic!("a digit carried out the choice");
        };
        let Step::Dialog(Mode::TochReden(input, d)) =
            v.on_decide_key(&mut s, d, key(KeyCode::Enter))
        else {
            panic!("no reason asked");
        };
        // Without a reason nothing is recorded.
        let Step::Dialog(Mode::TochReden(mut input, d)) =
            v.on_toch_key(&mut s, input, d, key(KeyCode::Enter))
        else {
            panic!("an empty reason was accepted");
        };
        assert_eq!(status(&s, "h3"), Some(InzetStatus::Gevraagd));
        input.paste("Wethouder wil het voor de raad van december");
        v.on_toch_key(&mut s, input, d, key(KeyCode::Enter));
        let b = s.werkmap.bord("opgave-haven").unwrap();
        let z = b.inzet.iter().find(|z| z.id == "h3").unwrap();
        assert_eq!(z.status, InzetStatus::Toegezegd);
        let besluit = z.besluit.as_ref().unwrap();
        assert_eq!(
            besluit.toelichting.as_deref(),
            Some("Wethouder wil het voor de raad van december")
        );
    }

    #[test]
    fn only_a_coco_of_the_persons_unit_decides() {
        let mut s = session_as(Some("avries"));
        let mut v = team(&s, "h3");
        assert!(matches!(v.on_command(&mut s, Command::Decline), Step::Stay));
        assert!(s.status.error.as_deref().unwrap().contains("Bram Dekker"));
        let mut s = session_as(Some("bdekker"));
        let Step::Dialog(Mode::Reason(mut input, r)) = v.on_command(&mut s, Command::Decline)
        else {
            panic!("no reason asked");
        };
        input.paste("Eerst de jaarplanning");
        v.on_reason_key(&mut s, input, r, key(KeyCode::Enter));
        assert_eq!(status(&s, "h3"), Some(InzetStatus::Afgewezen));
    }

    #[test]
    fn withdrawing_a_request_removes_it_and_an_agreed_claim_ends_this_week() {
        let mut s = session();
        let mut v = team(&s, "h3");
        v.on_command(&mut s, Command::Withdraw);
        assert_eq!(status(&s, "h3"), None);
        let mut v = team(&s, "h1");
        v.on_command(&mut s, Command::Withdraw);
        let b = s.werkmap.bord("opgave-haven").unwrap();
        assert_eq!(b.inzet.iter().find(|z| z.id == "h1").unwrap().tot, s.week());
        assert_eq!(s.undo.len(), 2);
    }

    #[test]
    fn the_view_leads_to_forms_people_and_back_to_its_board() {
        let mut s = session();
        let mut v = team(&s, "h1");
        assert!(matches!(
            v.on_command(&mut s, Command::NewCard),
            Step::Dialog(Mode::InzetForm(f)) if f.is_new && f.bord == "opgave-haven"
        ));
        assert!(matches!(
            v.on_command(&mut s, Command::Open),
            Step::Go(Go::Persoon(p)) if p == "dbakker"
        ));
        assert!(matches!(
            v.on_command(&mut s, Command::Back),
            Step::Go(Go::View(super::super::View::Bord))
        ));
    }
}
