//! Between views: carrying out the [`Step`] a view answers with. Where Esc goes is decided
//! here, so views never need to know each other.

use super::action::Effect;
use super::capaciteit::CapaciteitView;
use super::inzet::Scope;
use super::keymap::View;
use super::step::{Go, Step};
use super::{App, Mode, Plek};
use crate::capacity::Conflict;
use crate::domain::historie::Gebeurtenis;

impl App {
    /// Carries out a view's answer.
    pub(super) fn take(&mut self, step: Step) -> Vec<Effect> {
        match step {
            Step::Stay => {}
            Step::Dialog(mode) => self.mode = mode,
            // A stand-up the command line started is all there is: stopping it quits.
            Step::Back if self.view == View::Standup && self.history.is_empty() => {
                return self.request_quit();
            }
            Step::Back => self.back(),
            Step::Go(go) => self.go(go),
            Step::Effects(effects) => return effects,
        }
        Vec::new()
    }

    fn go(&mut self, go: Go) {
        match go {
            Go::View(View::Capaciteit) => self.open_capaciteit(),
            Go::View(View::Conflicten) => self.open_conflicten(),
            Go::View(View::Mensen) => self.open_mensen(),
            Go::View(View::Inrichting) => self.enter(View::Inrichting),
            Go::View(View::Opgaven) => {
                self.views.opgaven.compute(&self.session);
                self.enter(View::Opgaven);
            }
            Go::View(View::Tijdlijn) => {
                // The opgaven in the order the opgaven view shows them, when it was open.
                let o = &mut self.views.opgaven;
                if o.rows.is_empty() {
                    o.compute(&self.session);
                }
                let volgorde: Vec<String> =
                    o.order().iter().map(|&i| o.rows[i].id.clone()).collect();
                let selected = o.selected().map(|r| r.id.clone());
                let t = &mut self.views.tijdlijn;
                t.open(&self.session, &volgorde);
                if self.view == View::Opgaven
                    && let Some(id) = selected
                {
                    t.row = t.rows.iter().position(|r| r.id == id).unwrap_or(0);
                }
                self.enter(View::Tijdlijn);
            }
            Go::View(View::Agenda) => {
                self.views.agenda.open(&self.session);
                self.enter(View::Agenda);
            }
            Go::View(View::Kaart) => {
                self.views.kaart = Default::default();
                self.enter(View::Kaart);
                // The card view shows the card's history.
                let bord = self.views.bord.bord.clone();
                let lees = self.lees_historie(&bord);
                self.later.extend(lees);
            }
            Go::View(view) => self.enter(view),
            Go::Bord(id) => self.open_board(&id),
            Go::Inzet(scope, select) => self.open_inzet(scope, select.as_deref()),
            Go::Claim { bord, inzet } => {
                // Esc: team panel, board, then back here.
                self.open_board(&bord);
                self.open_inzet(Scope::Bord(bord), Some(&inzet));
            }
            Go::Persoon(id) => {
                self.open_capaciteit();
                self.views.capaciteit.show_person(&self.session, &id);
            }
            Go::Conflict(c) => self.show_conflict(&c),
            Go::Standup(borden) => self.start_standup(borden, 15, None),
            Go::OpgaveMensen(id) => {
                self.open_capaciteit();
                self.views.capaciteit.show_opgave(&self.session, &id);
            }
            Go::Kaart { bord, kaart } => {
                // Straight to the card: Esc returns to where the user was, not to its board.
                self.views.bord.open(&self.session, &bord);
                self.views.bord.select_card(&self.session, &kaart);
                self.views.kaart = Default::default();
                self.enter(View::Kaart);
            }
        }
    }

    /// Where the user is: the view and the open board.
    fn here(&self) -> Plek {
        Plek {
            view: self.view,
            bord: self.views.bord.bord.clone(),
        }
    }

    /// Goes to view `to` (on board `bord`), remembering where the user came from. Going to a
    /// place already in the history goes back to it instead, so the history never loops.
    fn enter_at(&mut self, to: View, bord: &str) {
        if to == self.view && (to != View::Bord || bord == self.views.bord.bord) {
            return;
        }
        let same = |p: &Plek| p.view == to && (to != View::Bord || p.bord == bord);
        match self.history.iter().position(same) {
            Some(i) => self.history.truncate(i),
            None => {
                let here = self.here();
                self.history.push(here);
            }
        }
        self.view = to;
    }

    /// Goes to view `to` on the open board.
    fn enter(&mut self, to: View) {
        let bord = self.views.bord.bord.clone();
        self.enter_at(to, &bord);
    }

    /// Esc: back to the place this view was opened from, with its board; the overview when
    /// there is none. A stand-up started from the command line ends on its board.
    fn back(&mut self) {
        let from = std::mem::replace(&mut self.view, View::Overzicht);
        if from == View::Standup {
            self.views.standup = None;
        }
        self.view = match self.history.pop() {
            Some(p) => {
                if !p.bord.is_empty() && p.bord != self.views.bord.bord {
                    self.views.bord.open(&self.session, &p.bord);
                }
                p.view
            }
            None if from == View::Standup && self.board().is_some() => View::Bord,
            None => View::Overzicht,
        };
    }

    /// Shows a board by id.
    pub(super) fn open_board(&mut self, id: &str) {
        self.enter_at(View::Bord, id);
        self.views.bord.open(&self.session, id);
        self.views.overzicht.select(&self.session, id);
    }

    /// Shows the board read from the file `naam` (as the werkmap names it), when there is one.
    pub fn open_board_file(&mut self, naam: &str) {
        let id = self
            .session
            .files
            .borden
            .iter()
            .find(|(_, slot)| slot.meta.name == naam)
            .map(|(id, _)| id.clone());
        if let Some(id) = id {
            self.open_board(&id);
        }
    }

    /// Starts the program in a stand-up of these boards (`planbord standup`): Esc or q then
    /// quits, as the stand-up's help says.
    pub fn start_standup_alone(
        &mut self,
        borden: Vec<String>,
        minuten: i64,
        roteer: Option<chrono::Duration>,
    ) {
        self.start_standup(borden, minuten, roteer);
        self.history.clear();
    }

    /// Starts a stand-up of these boards: `minuten` on the timer, rotating when `roteer` is set.
    pub fn start_standup(
        &mut self,
        borden: Vec<String>,
        minuten: i64,
        roteer: Option<chrono::Duration>,
    ) {
        let s = &self.session;
        let mut standup = super::standup::Standup::new(&s.werkmap, borden, s.now, minuten, roteer);
        // Every board of the stand-up records its start: "since the last stand-up" begins here.
        for id in &standup.borden {
            if let Some(slot) = s.files.borden.get(id) {
                self.later.push(Effect::Vastleggen {
                    bestand: slot.meta.name.clone(),
                    entries: vec![Gebeurtenis::standup(s.now, &s.signer)],
                });
            }
        }
        let seconden = s.config.standup_veranderd_seconden();
        if seconden > 0 {
            standup.intro_tot = Some(s.now + chrono::Duration::seconds(i64::from(seconden)));
            let eerste = standup.bord().to_string();
            let lees = self.lees_historie(&eerste);
            self.later.extend(lees);
        }
        self.views.standup = Some(standup);
        self.mode = Mode::Normal;
        self.enter(View::Standup);
    }

    fn open_capaciteit(&mut self) {
        self.views.capaciteit.open(&mut self.session);
        self.enter(View::Capaciteit);
    }

    fn open_conflicten(&mut self) {
        self.enter(View::Conflicten);
    }

    fn open_mensen(&mut self) {
        self.views.mensen.open(&mut self.session);
        self.enter(View::Mensen);
    }

    /// Opens the inzet view on a board's team or on the CoCo's inbox.
    fn open_inzet(&mut self, scope: Scope, select: Option<&str>) {
        self.views.inzet.open(&self.session, scope, select);
        self.enter(View::Inzet);
    }

    /// Shows the source of a conflict: a request not yet agreed in its board's team, the
    /// person or unit in the capacity view, else the card or column on its board.
    fn show_conflict(&mut self, c: &Conflict) {
        if let crate::capacity::Uitleg::NietToegezegd { inzet, .. } = &c.uitleg
            && let Some(bord) = c
                .bord
                .clone()
                .filter(|b| self.session.werkmap.bord(b).is_some())
        {
            self.go(Go::Claim {
                bord,
                inzet: inzet.id.clone(),
            });
        } else if CapaciteitView::has_source(&self.session, c) {
            self.open_capaciteit();
            self.views.capaciteit.show_conflict(&self.session, c);
        } else if let Some(b) = c
            .bord
            .as_deref()
            .filter(|b| self.session.werkmap.bord(b).is_some())
        {
            self.open_board(b);
            self.views.bord.show_conflict(&self.session, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::Action;
    use crate::app::testing::app;

    fn press(a: &mut App, keys: &str) -> Vec<Effect> {
        let mut out = Vec::new();
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                'v' => KeyCode::Down,
                c => KeyCode::Char(c),
            };
            out.extend(a.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE))));
        }
        out
    }

    #[test]
    fn the_opgaven_lead_to_an_opgaves_people_its_board_and_the_timeline() {
        let mut a = app();
        press(&mut a, "o");
        assert_eq!(a.view, View::Opgaven);
        assert_eq!(a.views.opgaven.selected().unwrap().id, "haven");
        press(&mut a, "c");
        assert_eq!(a.view, View::Capaciteit);
        let cap = &a.views.capaciteit;
        assert_eq!(
            cap.niveau,
            super::super::capaciteit::Niveau::Opgave("haven".into())
        );
        let namen: Vec<&str> = cap.rows.iter().map(|r| r.naam.as_str()).collect();
        assert_eq!(
            namen,
            ["Daan Bakker", "Eva Smit", "Fleur Mulder", "Gijs Visser"]
        );
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Opgaven);
        // The timeline opens on the opgave selected here; Esc comes back.
        press(&mut a, "vT");
        assert_eq!(a.view, View::Tijdlijn);
        assert_eq!(a.views.tijdlijn.rows[a.views.tijdlijn.row].id, "park");
        press(&mut a, "\x1b\n");
        assert_eq!(
            (a.view, a.views.bord.bord.as_str()),
            (View::Bord, "opgave-park")
        );
    }

    #[test]
    fn esc_goes_back_the_way_the_user_came() {
        let mut a = app();
        press(&mut a, "v\n");
        assert_eq!(
            (a.view, a.views.bord.bord.as_str()),
            (View::Bord, "opgave-haven")
        );
        press(&mut a, "\n");
        assert_eq!(a.view, View::Kaart);
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Bord);
        press(&mut a, "c");
        assert_eq!(a.view, View::Capaciteit);
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Bord);
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Overzicht);
    }

    #[test]
    fn a_conflict_opens_its_card_and_esc_returns_to_the_list() {
        let mut a = app();
        press(&mut a, "!");
        assert_eq!(a.view, View::Conflicten);
        let row = a
            .conflict_list()
            .iter()
            .position(|c| c.kaart.as_deref() == Some("k2"))
            .unwrap();
        for _ in 0..row {
            press(&mut a, "v");
        }
        press(&mut a, "\n");
        assert_eq!(a.view, View::Bord);
        assert_eq!(a.selected_card().unwrap().id, "k2");
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Conflicten);
    }

    #[test]
    fn esc_always_gets_out_after_jumping_from_a_conflict_to_its_person() {
        use crate::app::capaciteit::Niveau;
        let mut a = app();
        press(&mut a, "!");
        let row = a
            .conflict_list()
            .iter()
            .position(|c| c.persoon.as_deref() == Some("dbakker"))
            .unwrap();
        for _ in 0..row {
            press(&mut a, "v");
        }
        press(&mut a, "\n");
        assert_eq!(a.view, View::Capaciteit);
        assert_eq!(a.views.capaciteit.niveau, Niveau::Persoon("dbakker".into()));
        // Via the list, `c` shows the heat map from the top, not the person again.
        press(&mut a, "!c");
        assert_eq!(a.views.capaciteit.niveau, Niveau::Eenheden);
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Conflicten);
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Overzicht);
        assert_eq!(press(&mut a, "q"), vec![Effect::Quit]);
    }

    #[test]
    fn a_request_not_agreed_opens_its_team_and_esc_walks_back_across_boards() {
        let mut a = app();
        press(&mut a, "vv\n");
        assert_eq!(a.views.bord.bord, "opgave-park");
        press(&mut a, "!");
        let row = a
            .conflict_list()
            .iter()
            .position(|c| c.soort == crate::capacity::ConflictSoort::NietToegezegd)
            .unwrap();
        for _ in 0..row {
            press(&mut a, "v");
        }
        press(&mut a, "\n");
        assert_eq!(a.view, View::Inzet);
        assert_eq!(a.selected_inzet().unwrap().inzet, "h3");
        let mut trail = Vec::new();
        for _ in 0..4 {
            press(&mut a, "\x1b");
            trail.push((a.view, a.views.bord.bord.clone()));
        }
        let park = || "opgave-park".to_string();
        assert_eq!(
            trail,
            [
                (View::Bord, "opgave-haven".to_string()),
                (View::Conflicten, park()),
                (View::Bord, park()),
                (View::Overzicht, park()),
            ]
        );
    }

    #[test]
    fn going_back_and_forth_between_views_never_loops() {
        let mut a = app();
        press(&mut a, "v\n!c!c!c!c");
        assert_eq!(a.view, View::Capaciteit);
        let views: Vec<View> = a.history.iter().map(|p| p.view).collect();
        assert_eq!(views, [View::Overzicht, View::Bord, View::Conflicten]);
        for _ in 0..a.history.len() {
            press(&mut a, "\x1b");
        }
        assert_eq!(a.view, View::Overzicht);
    }

    #[test]
    fn the_status_line_says_what_was_done_and_undone() {
        let mut a = app();
        press(&mut a, "v\nL");
        let said = a.session.status.message.clone().unwrap();
        assert!(
            said.contains("verplaatst naar Bezig") && said.contains("u = ongedaan"),
            "{said}"
        );
        press(&mut a, "u");
        let said = a.session.status.message.clone().unwrap();
        assert!(
            said.starts_with("ongedaan gemaakt: \"") && said.contains("verplaatst naar Bezig"),
            "{said}"
        );
        a.update(Action::Key(KeyEvent::new(
            KeyCode::Char('r'),
            KeyModifiers::CONTROL,
        )));
        let said = a.session.status.message.clone().unwrap();
        assert!(said.starts_with("opnieuw gedaan: \""), "{said}");
    }

    #[test]
    fn a_message_goes_with_the_first_key_pressed_long_after_it() {
        let mut a = app();
        press(&mut a, "v\nL");
        assert!(a.session.status.message.is_some());
        press(&mut a, "j");
        assert!(
            a.session.status.message.is_some(),
            "right after: still there"
        );
        let later = a.session.now + chrono::Duration::seconds(9);
        a.update(Action::Tick(crate::app::Now {
            mono: a.session.clock + 9_000,
            local: later,
        }));
        press(&mut a, "j");
        assert_eq!(a.session.status.message, None);
    }

    #[test]
    fn keys_do_nothing_unseen_on_a_too_small_screen() {
        let mut a = app();
        a.update(Action::Resize(50, 14));
        press(&mut a, "v\nq");
        assert_eq!((a.view, &a.mode), (View::Overzicht, &Mode::Normal));
        a.update(Action::Resize(80, 24));
        press(&mut a, "v\n");
        assert_eq!(a.view, View::Bord);
    }

    #[test]
    fn the_wheel_scrolls_the_column_under_the_pointer() {
        use crate::app::action::Target;
        let mut a = app();
        press(&mut a, "v\n");
        assert_eq!(a.views.bord.kolom, 0);
        a.update(Action::Wheel {
            over: Some(Target::Column(1)),
            down: true,
        });
        assert_eq!(a.views.bord.kolom, 1);
        assert_eq!(
            a.selected_card().unwrap().id,
            "k2",
            "the second card of Bezig"
        );
        a.update(Action::Wheel {
            over: None,
            down: false,
        });
        assert_eq!(
            (a.views.bord.kolom, a.selected_card().unwrap().id.as_str()),
            (1, "k1")
        );
    }

    #[test]
    fn a_board_file_opens_on_its_board_with_the_overview_behind_it() {
        let mut a = app();
        a.open_board_file("opgave-park.ron");
        assert_eq!(
            (a.view, a.views.bord.bord.as_str()),
            (View::Bord, "opgave-park")
        );
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Overzicht);
        // The overview has the board selected: Enter opens it again.
        press(&mut a, "\n");
        assert_eq!(a.views.bord.bord, "opgave-park");
        let mut a = app();
        a.open_board_file("bestaat-niet.ron");
        assert_eq!(a.view, View::Overzicht);
    }

    #[test]
    fn a_claim_in_the_capacity_view_opens_the_team_then_the_board_then_returns() {
        let mut a = app();
        // Wijken, its people, Daan Bakker, his first claim.
        press(&mut a, "cv\nv\n\n");
        assert_eq!(a.view, View::Inzet);
        assert_eq!(a.selected_inzet().unwrap().inzet, "h1");
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Bord);
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Capaciteit);
    }

    #[test]
    fn keys_of_other_views_do_nothing() {
        let mut a = app();
        let before = a.session.werkmap.clone();
        press(&mut a, "Lnex");
        assert_eq!((a.view, &a.mode), (View::Overzicht, &Mode::Normal));
        assert_eq!(a.session.werkmap, before);
    }

    #[test]
    fn a_stand_up_ends_on_its_board() {
        let mut a = app();
        press(&mut a, "v\ns");
        assert_eq!(a.view, View::Standup);
        assert!(a.views.standup.is_some());
        press(&mut a, "\x1b");
        assert_eq!(a.view, View::Bord);
        assert!(a.views.standup.is_none());
    }

    #[test]
    fn a_stand_up_from_the_command_line_quits_on_esc() {
        let mut a = app();
        a.start_standup_alone(vec!["opgave-haven".into()], 15, None);
        let effects = press(&mut a, "\x1b");
        // The start is recorded in the board's history (and the history read) on the way.
        assert!(
            matches!(&effects[0], Effect::Vastleggen { bestand, .. } if bestand == "opgave-haven.ron")
        );
        assert_eq!(effects.last(), Some(&Effect::Quit));
    }

    #[test]
    fn quitting_waits_for_edits_to_be_saved() {
        let mut a = app();
        assert_eq!(press(&mut a, "q"), vec![Effect::Quit]);
        let mut a = app();
        // `q` on a board goes back to the overview; there it quits.
        press(&mut a, "v\nLq");
        assert_eq!(a.view, View::Overzicht);
        let effects = press(&mut a, "q");
        assert_eq!(super::super::files::save_count(&effects), 1);
        assert!(a.session.leaving.deadline.is_some());
    }
}
